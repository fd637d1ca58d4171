import type { HandlersOf } from '../handler-types';
import type { importCommands } from '../../../shared/api/import';
import { analyzeImport, asTask, commitImport } from './import-service';

export const importHandlers: HandlersOf<typeof importCommands> = {
  'import.analyze': (args, ctx) => asTask(ctx, args.taskId, 'Đọc tệp Excel', async (task) => (await analyzeImport(ctx, args, task)).preview),
  'import.commit': (args, ctx) => asTask(ctx, args.taskId, 'Nhập tệp Excel', (task) => commitImport(ctx, args, task)),
};
