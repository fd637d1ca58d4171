import type { HandlersOf } from '../handler-types';
import type { importCommands } from '../../../shared/api/import';
import { runAsJob } from '../jobs/registry';
import { analyzeImport, commitImport } from './import-service';

export const importHandlers: HandlersOf<typeof importCommands> = {
  'import.analyze': (args, ctx) => runAsJob(ctx.jobs, args.jobId, 'Đọc tệp Excel', async (job) => (await analyzeImport(ctx, args, job)).preview),
  'import.commit': (args, ctx) => runAsJob(ctx.jobs, args.jobId, 'Nhập tệp Excel', (job) => commitImport(ctx, args, job)),
};
