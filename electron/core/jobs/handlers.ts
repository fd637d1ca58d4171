import type { HandlersOf } from '../handler-types';
import type { jobsCommands } from '../../../shared/api/jobs';

export const jobsHandlers: HandlersOf<typeof jobsCommands> = {
  'tasks.status': (args, ctx) => ctx.tasks.status(args.taskId),
  'tasks.cancel': (args, ctx) => ({ cancelled: ctx.tasks.cancel(args.taskId) }),
};
