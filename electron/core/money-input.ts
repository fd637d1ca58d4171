import type { AmountInput } from '../../shared/api/schemas';
import { parseAmount, toDong, type Dong } from '../../shared/money/dong';
import { CoreError } from './errors';

/** Fifteen digits of đồng: sums of thousands of such lines stay exact in a double. */
const MAX_DONG = 999_999_999_999_999;

/**
 * Turns an amount from the API (whole đồng, or text typed in a unit) into đồng, or throws INVALID_AMOUNT
 * naming the field. Whether negatives are allowed is the caller's rule.
 */
export function amountFromInput(input: AmountInput, field: string, label: string): Dong {
  if ('dong' in input) {
    if (!Number.isSafeInteger(input.dong)) throw new CoreError('INVALID_AMOUNT', `${label}: số tiền phải là số đồng nguyên.`, { field, value: input.dong });
    if (Math.abs(input.dong) > MAX_DONG) throw new CoreError('INVALID_AMOUNT', `${label}: số tiền quá lớn (tối đa 15 chữ số đồng).`, { field, value: input.dong });
    return toDong(input.dong);
  }
  const parsed = parseAmount(input.text, input.unit);
  if (!parsed.ok) throw new CoreError('INVALID_AMOUNT', `${label}: ${parsed.message}`, { field, value: input.text, unit: input.unit, reason: parsed.code });
  return parsed.value;
}
