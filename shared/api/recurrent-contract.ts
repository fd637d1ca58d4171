/** Commands of the recurrent-budget (SN) breakdown under the province's delegation. */
import { z } from 'zod';
import type { RecurrentSheet } from './recurrent-types';
import { command, entityId, shortText, year } from './schemas';

export const recurrentCommands = {
  'recurrent.sheet': command<RecurrentSheet>()(z.object({ year, programCode: shortText(32).min(1).optional(), decisionId: entityId.optional() }).strict()),
} as const;
