/** Background jobs (reading a workbook, importing): status and cancel; progress events. */
import { z } from 'zod';
import { command } from './schemas';

export interface ProgressEvent {
  taskId: string;
  label: string;
  done: number;
  total: number | null;
}

/** A job's id, chosen by the caller so it can ask for progress or cancel while the command runs. */
export const taskIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Mã tác vụ chỉ gồm chữ, số, "-" và "_"');

/** A background job as `tasks.status` reports it (not a follow-up task: those are `tasks.list`). */
export interface JobStatus {
  taskId: string;
  label: string;
  done: number;
  total: number | null;
  cancelled: boolean;
}

export const jobsCommands = {
  'tasks.status': command<JobStatus | null>()(z.object({ taskId: taskIdSchema }).strict()),
  'tasks.cancel': command<{ cancelled: boolean }>()(z.object({ taskId: taskIdSchema }).strict()),
} as const;
