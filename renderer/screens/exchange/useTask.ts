import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/api/jobs';
import { api } from '../../api/client';

/**
 * Runs a long command under a task id, polling its progress through `tasks.status` while it runs;
 * `cancel` asks the core to stop (it then answers CANCELLED and writes nothing).
 */
export function useTask() {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [running, setRunning] = useState(false);
  const taskId = useRef<string | null>(null);
  const timer = useRef<number | null>(null);

  const stopPolling = useCallback(() => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
  }, []);
  useEffect(() => stopPolling, [stopPolling]);

  const run = useCallback(
    async <T,>(start: (taskId: string) => Promise<T>): Promise<T> => {
      const id = `task-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      taskId.current = id;
      setRunning(true);
      setStatus(null);
      timer.current = window.setInterval(() => {
        void api.invoke('tasks.status', { taskId: id }).then((r) => {
          if (r.ok && r.value && taskId.current === id) setStatus(r.value);
        });
      }, 200);
      try {
        return await start(id);
      } finally {
        stopPolling();
        taskId.current = null;
        setRunning(false);
        setStatus(null);
      }
    },
    [stopPolling],
  );

  const cancel = useCallback(() => {
    if (taskId.current) void api.invoke('tasks.cancel', { taskId: taskId.current });
  }, []);

  return { run, cancel, running, status };
}
