import type { HandlersOf } from '../handler-types';
import type { backupCommands } from '../../../shared/api/backup';
import { localTarget } from '../local-files';
import { backupToFile } from './backups';
import { backupList, backupNow, integrityCheck, restoreInPlace } from './backup-commands';

export const backupHandlers: HandlersOf<typeof backupCommands> = {
  'backups.list': (_args, ctx) => backupList(ctx),
  'backups.create': (_args, ctx) => backupNow(ctx),
  'backups.saveTo': (args, ctx) => backupToFile(ctx.db, localTarget(ctx, args.file), new Date(ctx.now())),
  'backups.check': (_args, ctx) => integrityCheck(ctx),
  'backups.restore': (args, ctx) => restoreInPlace(ctx, args.file, args.confirmOtherOffice ?? false),
};
