import path from 'node:path';
import type { HandlersOf } from '../handler-types';
import type { historyCommands } from '../../../shared/api/history';
import { createBackup } from '../backup/backups';
import { today } from '../today';
import { importHistory } from './history-import';
import { historyView } from './history-view';

export const historyHandlers: HandlersOf<typeof historyCommands> = {
  // The database is copied once every check has passed, just before the import's transaction.
  'history.importPackage': (args, ctx) => importHistory(ctx, args.fileName, args.base64, () => createBackup(ctx.db, path.dirname(ctx.dataFile), 'truoc-nhap-lich-su')),
  'history.show': (args, ctx) => historyView(ctx.db, args.asOf ?? today(ctx)),
};
