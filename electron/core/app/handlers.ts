import type { HandlersOf } from '../handler-types';
import type { appCommands } from '../../../shared/api/app';
import { vietnamDate } from '../../../shared/format/today';
import { schemaVersion } from '../db/migrations';
import { seedDemo } from '../demo/seed-demo';
import { getOffice } from '../office/office';
import { officeLevelNotice, yearsWithData } from '../office/working-year';
import { catalogCounts, unitCounts } from '../reference/catalog';
import { storageWarnings } from '../storage-warnings';

export const appHandlers = (seedDir: string): HandlersOf<typeof appCommands> => ({
  'app.info': (_args, ctx) => {
    const office = getOffice(ctx.db);
    return {
      office,
      schemaVersion: schemaVersion(ctx.db),
      dataFile: ctx.dataFile,
      warnings: storageWarnings(ctx.dataFile),
      catalog: catalogCounts(ctx.db),
      units: unitCounts(ctx.db),
      dataYears: office ? yearsWithData(ctx.db) : [],
      levelNotice: office ? officeLevelNotice(ctx.db, office.districtName, vietnamDate(ctx.now())) : null,
    };
  },
  'app.logError': (args, ctx) => {
    const page = Object.assign(new Error(args.message), { stack: args.stack ?? args.message });
    ctx.log.error(`Lỗi giao diện (${args.kind}) tại ${args.screen ?? '?'}: ${args.message}`, page);
    return { logged: true };
  },
  'demo.seed': (_args, ctx) => seedDemo(ctx, seedDir),
});
