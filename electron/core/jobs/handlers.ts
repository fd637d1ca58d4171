import type { HandlerTable } from '../handler-types';

/** `jobs.*`: the progress and cancellation of background jobs (imports). */
export const jobsHandlers: Pick<HandlerTable, 'jobs.status' | 'jobs.cancel'> = {
  'jobs.status': (args, ctx) => ctx.jobs.status(args.jobId),
  'jobs.cancel': (args, ctx) => ({ cancelled: ctx.jobs.cancel(args.jobId) }),
};
