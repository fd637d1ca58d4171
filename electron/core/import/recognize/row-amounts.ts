/** Stage (per row): the amounts of a row's checked columns in đồng, each cell read in the sheet's unit. */
import type { ImportColumn } from '../../../../shared/api/import';
import { columnNumber } from '../../../../shared/format/cell-address';
import type { MoneyUnit } from '../../../../shared/money/dong';
import { readAmount } from '../amounts';
import type { SheetText } from '../sheet-text';
import type { Report } from './report';

/** Column letter → đồng, or null for a blank cell; a rounded cell is a warning, an unreadable one an error. */
export function readRowAmounts(text: SheetText, row: number, checkedCols: ImportColumn[], unit: MoneyUnit, report: Report): Record<string, number | null> {
  const amounts: Record<string, number | null> = {};
  for (const col of checkedCols) {
    const address = `${col.col}${row}`;
    const reading = readAmount(text.own(row, columnNumber(col.col)), unit);
    if (reading.kind === 'amount') {
      amounts[col.col] = reading.dong;
      if (reading.note) report({ severity: 'W', rule: 'doc', code: 'IMPORT_ROUNDED', cell: address, message: `Ô ${address}: ${reading.note}.` });
    } else {
      amounts[col.col] = null;
      if (reading.kind === 'invalid') report({ severity: 'E', rule: 'doc', code: 'IMPORT_BAD_AMOUNT', cell: address, message: `Ô ${address} (${col.label || col.col}): ${reading.message}.` });
    }
  }
  return amounts;
}
