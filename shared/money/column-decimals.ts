/**
 * One number of decimals for a whole column of amounts: as many as its most precise value needs in the chosen unit,
 * so 68.059,050 / 17.014,763 / 13.134,000 line up instead of 68.059,05 / 17.014,763 / 13.134, and nothing is rounded.
 */
import { formatAmount, UNIT_DIGITS, type Dong, type MoneyUnit } from './dong';

export function columnDecimals(values: readonly (number | null | undefined)[], unit: MoneyUnit): number {
  const digits = UNIT_DIGITS[unit];
  let needed = 0;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isInteger(v)) continue;
    let d = digits;
    let rest = Math.abs(v);
    // Trailing zeros of the đồng amount below the unit are decimals not needed.
    while (d > needed && rest % 10 === 0) {
      rest /= 10;
      d--;
    }
    if (d > needed) needed = d;
    if (needed === digits) break;
  }
  return needed;
}

/** A formatter for one column: every value with the column's number of decimals. */
export function columnFormatter(values: readonly (number | null | undefined)[], unit: MoneyUnit): (v: number) => string {
  const decimals = columnDecimals(values, unit);
  return (v: number) => formatAmount(v as Dong, unit, { decimals });
}
