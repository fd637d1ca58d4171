/**
 * The money format of the Giải ngân entry sheet: one number of decimals for all its money columns (plan, previous,
 * cumulative, recovery and the totals row), so the grid and the lines that quote its figures under it read alike
 * ("4.120,000" in the column and in the line naming the plan, never "4.120" beside "4.120,000").
 */
import { columnDecimals } from '../money/column-decimals';
import { formatAmount, type Dong, type MoneyUnit } from '../money/dong';

interface SheetAmounts {
  planDong: number | null;
  cumulativeDong: number | null;
  rows: readonly { planDong: number | null; previousDong: number | null; cumulativeDong: number | null; recoveryDong: number | null }[];
}

export function sheetMoneyDecimals(sheet: SheetAmounts, unit: MoneyUnit): number {
  return columnDecimals(sheet.rows.flatMap((r) => [r.planDong, r.previousDong, r.cumulativeDong, r.recoveryDong]).concat([sheet.planDong, sheet.cumulativeDong]), unit);
}

/** Formats an amount (integer đồng) as the sheet's money columns show it. */
export function sheetMoneyFormatter(sheet: SheetAmounts, unit: MoneyUnit): (v: number) => string {
  const decimals = sheetMoneyDecimals(sheet, unit);
  return (v: number) => formatAmount(v as Dong, unit, { decimals });
}
