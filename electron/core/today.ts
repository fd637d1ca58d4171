import { vietnamDate } from '../../shared/format/today';
import type { CoreContext } from './context';

/** Today in Vietnam, whatever the machine's clock zone. */
export const today = (ctx: CoreContext): string => vietnamDate(ctx.now());
