import type { HandlersOf } from '../handler-types';
import type { ledgerCommands } from '../../../shared/api/ledger';
import { today } from '../today';
import { balance } from './balance';
import { planInForce } from './fold';
import { setAllocationDeadline } from './settings';

export const ledgerHandlers: HandlersOf<typeof ledgerCommands> = {
  'ledger.plan': (args, ctx) => planInForce(ctx.db, args.year, args.asOf ?? today(ctx), args.groupBy),
  'ledger.balance': (args, ctx) => balance(ctx.db, args.year, args),
  'ledger.setAllocationDeadline': (args, ctx) => setAllocationDeadline(ctx, args),
};
