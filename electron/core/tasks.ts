/**
 * Long-running commands (reading a large workbook) register here, so a host can show their progress
 * and cancel them through the ordinary commands `tasks.status` and `tasks.cancel`.
 */
import type { JobStatus } from '../../shared/api/jobs';
import { CoreError } from './errors';

export interface TaskHandle {
  readonly signal: AbortSignal;
  report(done: number, total: number | null): void;
  /** Throws CANCELLED when the officer cancelled; call between steps. */
  throwIfCancelled(): void;
  end(): void;
}

export interface TaskRegistry {
  begin(taskId: string | undefined, label: string): TaskHandle;
  status(taskId: string): JobStatus | null;
  cancel(taskId: string): boolean;
  /** The tasks still running (a restore waits until there are none). */
  active(): JobStatus[];
}

export function cancelledError(label: string): CoreError {
  return new CoreError('CANCELLED', `Đã huỷ: ${label}. Không có gì được ghi.`);
}

export function createTaskRegistry(): TaskRegistry {
  const running = new Map<string, { status: JobStatus; controller: AbortController }>();
  let anonymous = 0;
  return {
    begin(taskId, label) {
      const id = taskId ?? `task-${++anonymous}`;
      const controller = new AbortController();
      const entry = { status: { taskId: id, label, done: 0, total: null, cancelled: false } as JobStatus, controller };
      running.set(id, entry);
      return {
        signal: controller.signal,
        report(done, total) {
          entry.status = { ...entry.status, done, total };
        },
        throwIfCancelled() {
          if (controller.signal.aborted) throw cancelledError(label);
        },
        end() {
          if (running.get(id) === entry) running.delete(id);
        },
      };
    },
    status(taskId) {
      return running.get(taskId)?.status ?? null;
    },
    cancel(taskId) {
      const entry = running.get(taskId);
      if (!entry) return false;
      entry.status = { ...entry.status, cancelled: true };
      entry.controller.abort();
      return true;
    },
    active() {
      return [...running.values()].map((entry) => entry.status);
    },
  };
}
