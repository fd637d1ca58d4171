import type { HandlersOf } from '../handler-types';
import type { recurrentCommands } from '../../../shared/api/recurrent';
import { recurrentSheet } from './sheet';

export const recurrentHandlers: HandlersOf<typeof recurrentCommands> = {
  'recurrent.sheet': (args, ctx) => recurrentSheet(ctx.db, args),
};
