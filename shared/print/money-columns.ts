/**
 * How a printed annex writes its amounts: one number of decimals per column, for all its rows (issue 15 point 9:
 * 68.059,050 / 17.014,763 / 13.134,000, never 68.059,05 / 17.014,763 / 13.134), as many as the column's most precise
 * value needs, at most the print's limit (rounded beyond it). A zero prints as an empty cell, as before.
 */
import { columnDecimals } from '../money/column-decimals';
import { formatAmount, type Dong, type MoneyUnit } from '../money/dong';
import type { PrintAnnex } from './document';

export type MoneyCellFormat = (value: Dong) => string;

export function moneyColumnFormats(annex: PrintAnnex, unit: MoneyUnit, maxDecimals: number): Map<string, MoneyCellFormat> {
  const formats = new Map<string, MoneyCellFormat>();
  for (const column of annex.columns) {
    if (column.kind !== 'money') continue;
    const values = annex.rows.map((row) => row.cells[column.key]).filter((v): v is Dong => typeof v === 'number');
    const decimals = Math.min(columnDecimals(values, unit), maxDecimals);
    formats.set(column.key, (value) => (value === 0 ? '' : formatAmount(value, unit, { decimals })));
  }
  return formats;
}
