import type { HandlersOf } from '../handler-types';
import type { jobsCommands } from '../../../shared/api/jobs';

/** `jobs.*`: the progress and cancellation of background jobs (imports). */
export const jobsHandlers: HandlersOf<typeof jobsCommands> = {
  'jobs.status': (args, ctx) => ctx.jobs.status(args.jobId),
  'jobs.cancel': (args, ctx) => ({ cancelled: ctx.jobs.cancel(args.jobId) }),
};
