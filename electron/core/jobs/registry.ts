/**
 * Long-running commands (reading a large workbook, writing a treasury statement) run as jobs: each reports its
 * progress, which the registry pushes to its listeners (the hosts forward it to the page), and can be cancelled
 * through `jobs.cancel` or the job's own signal.
 */
import type { JobEvent, JobStatus } from '../../../shared/api/jobs';
import { CoreError } from '../errors';

export interface JobHandle {
  readonly signal: AbortSignal;
  report(done: number, total: number | null): void;
  /** Throws CANCELLED when the officer cancelled; call between steps, and before writing anything. */
  throwIfCancelled(): void;
  end(): void;
}

export type JobListener = (event: JobEvent) => void;

export interface JobRegistry {
  begin(jobId: string | undefined, label: string): JobHandle;
  status(jobId: string): JobStatus | null;
  cancel(jobId: string): boolean;
  /** The jobs still running (a restore waits until there are none). */
  active(): JobStatus[];
  /** Every job's start, progress, cancellation and end, as they happen; returns the unsubscribe. */
  subscribe(listener: JobListener): () => void;
}

export function cancelledError(label: string): CoreError {
  return new CoreError('CANCELLED', `Đã huỷ: ${label}. Không có gì được ghi.`);
}

export function createJobRegistry(): JobRegistry {
  const running = new Map<string, { status: JobStatus; controller: AbortController }>();
  const listeners = new Set<JobListener>();
  let anonymous = 0;
  // A listener that throws (a closed window, a dropped connection) must not fail the job it listens to.
  const emit = (status: JobStatus, ended: boolean) => {
    for (const listener of [...listeners]) {
      try {
        listener({ ...status, ended });
      } catch {
        listeners.delete(listener);
      }
    }
  };
  return {
    begin(jobId, label) {
      const id = jobId ?? `job-${++anonymous}`;
      const controller = new AbortController();
      const entry = { status: { jobId: id, label, done: 0, total: null, cancelled: false } as JobStatus, controller };
      running.set(id, entry);
      emit(entry.status, false);
      return {
        signal: controller.signal,
        report(done, total) {
          if (entry.status.done === done && entry.status.total === total) return;
          entry.status = { ...entry.status, done, total };
          emit(entry.status, false);
        },
        throwIfCancelled() {
          if (controller.signal.aborted) throw cancelledError(label);
        },
        end() {
          if (running.get(id) !== entry) return;
          running.delete(id);
          emit(entry.status, true);
        },
      };
    },
    status(jobId) {
      return running.get(jobId)?.status ?? null;
    },
    cancel(jobId) {
      const entry = running.get(jobId);
      if (!entry) return false;
      entry.status = { ...entry.status, cancelled: true };
      entry.controller.abort();
      emit(entry.status, false);
      return true;
    },
    active() {
      return [...running.values()].map((entry) => entry.status);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Runs a command's work as a registered job: progress for the hosts, cancellation between steps. */
export async function runAsJob<T>(jobs: JobRegistry, jobId: string | undefined, label: string, run: (job: JobHandle) => Promise<T>): Promise<T> {
  const job = jobs.begin(jobId, label);
  try {
    return await run(job);
  } finally {
    job.end();
  }
}
