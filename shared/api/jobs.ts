/**
 * Background jobs: a long command (reading a province workbook or a treasury statement) runs under a job id the
 * caller chooses, pushes its progress to the page (IPC on the desktop, server-sent events on the web host) and can
 * be cancelled. Not to be confused with `tasks.*`, the follow-up duties of a conclusion notice.
 */
import { z } from 'zod';
import { command } from './schemas';

/** A job id as a page makes it: short, safe in a URL and a log line. */
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Mã tác vụ chỉ gồm chữ, số, "-" và "_"');

export interface JobStatus {
  jobId: string;
  /** What the job does, in Vietnamese ("Đọc tệp Excel"). */
  label: string;
  done: number;
  total: number | null;
  cancelled: boolean;
}

/** What a host pushes to the page while a job runs: its status, and `ended` once it finished (done, failed or cancelled). */
export interface JobEvent extends JobStatus {
  ended: boolean;
}

export const jobsCommands = {
  /** The job's progress while it runs; null once it ended (or never ran). */
  'jobs.status': command<JobStatus | null>()(z.object({ jobId: jobIdSchema }).strict(), { reads: true }),
  /** Asks a running job to stop: it then answers CANCELLED and writes nothing. */
  'jobs.cancel': command<{ cancelled: boolean }>()(z.object({ jobId: jobIdSchema }).strict(), { reads: true }),
} as const;
