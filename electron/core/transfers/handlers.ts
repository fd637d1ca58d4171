import type { HandlersOf } from '../handler-types';
import type { transfersCommands } from '../../../shared/api/transfers';
import { checkTransfer, listTransfers, recordTransfer } from './transfers';

export const transfersHandlers: HandlersOf<typeof transfersCommands> = {
  'transfers.check': (args, ctx) => {
    const { openDong, amountDong, findings } = checkTransfer(ctx.db, args);
    return { openDong, amountDong, findings };
  },
  'transfers.record': (args, ctx) => recordTransfer(ctx, args),
  'transfers.list': (args, ctx) => listTransfers(ctx.db, args.year),
};
