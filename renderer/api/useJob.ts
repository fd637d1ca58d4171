import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../shared/api/jobs';
import { api } from './client';

/**
 * Runs a long command as a background job: its progress is pushed by the host (IPC on the desktop, server-sent events
 * on the web host) and shown while it runs; `cancel` asks the core to stop (it then answers CANCELLED, writes nothing).
 * The subscription is opened with the screen, so the first events of a job are not missed while it connects.
 */
export function useJob() {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [running, setRunning] = useState(false);
  const jobId = useRef<string | null>(null);

  useEffect(
    () =>
      api.onProgress((event) => {
        if (event.jobId !== jobId.current || event.ended) return;
        setStatus({ jobId: event.jobId, label: event.label, done: event.done, total: event.total, cancelled: event.cancelled });
      }),
    [],
  );

  const run = useCallback(async <T,>(start: (jobId: string) => Promise<T>): Promise<T> => {
    const id = `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    jobId.current = id;
    setRunning(true);
    setStatus(null);
    try {
      return await start(id);
    } finally {
      jobId.current = null;
      setRunning(false);
      setStatus(null);
    }
  }, []);

  const cancel = useCallback(() => {
    if (jobId.current) void api.invoke('jobs.cancel', { jobId: jobId.current });
  }, []);

  return { run, cancel, running, status };
}
