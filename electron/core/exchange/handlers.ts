import path from 'node:path';
import type { HandlersOf } from '../handler-types';
import type { exchangeCommands } from '../../../shared/api/exchange';
import { createBackup } from '../backup/backups';
import { today } from '../today';
import { exchangeHistory } from './exchange-log';
import { exportPackage } from './package-export';
import { importPackage } from './package-import';
import { exportReport } from './reports';

export const exchangeHandlers: HandlersOf<typeof exchangeCommands> = {
  'exchange.exportPackage': (args, ctx) => exportPackage(ctx, args.year),
  // The database is copied once every check has passed, just before the import's transaction.
  'exchange.importPackage': (args, ctx) =>
    importPackage(ctx, args.fileName, args.base64, () => createBackup(ctx.db, path.dirname(ctx.dataFile), 'truoc-nhap-goi')),
  'exchange.exportReport': (args, ctx) => exportReport(ctx, args.year, { unit: args.unit ?? 'trieu', asOf: args.asOf ?? today(ctx) }),
  'exchange.history': (args, ctx) => exchangeHistory(ctx.db, args.year),
};
