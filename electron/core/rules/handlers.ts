import type { HandlersOf } from '../handler-types';
import type { rulesCommands } from '../../../shared/api/rules';
import { listRules } from './list';

export const rulesHandlers: HandlersOf<typeof rulesCommands> = {
  'rules.list': (_args, ctx) => listRules(ctx.db),
};
