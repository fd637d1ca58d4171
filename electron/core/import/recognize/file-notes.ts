/** Stage: what the reader did to the file that the officer should know — cells left out, values computed, text converted. */
import type { ImportColumn, ImportRow } from '../../../../shared/api/import';
import { columnNumber } from '../../../../shared/format/cell-address';
import type { ReadSheet } from '../../excel/workbook-reader';
import type { SheetText } from '../sheet-text';
import type { Report } from './report';

/** Cells at addresses no sheet can hold (A0, ZZZZ1) were left out: the file may be damaged. */
export function noteBadAddresses(sheet: ReadSheet, report: Report): void {
  if (!sheet.layout.badAddresses) return;
  report({
    severity: 'W',
    rule: 'doc',
    code: 'IMPORT_BAD_ADDRESS',
    cell: null,
    message: `${sheet.layout.badAddresses} ô trong trang tính "${sheet.name}" mang địa chỉ không có trong bảng tính (như A0 hay ZZZZ1) nên bị bỏ qua; tệp có thể bị hỏng — hãy mở bằng Excel, lưu lại rồi nhập lại.`,
  });
}

/** Formulas the file kept no value for (or a 0 its formula disagrees with): the app computed them, and says so. */
export function noteComputedCells(text: SheetText, rows: Iterable<ImportRow>, checkedCols: ImportColumn[], report: Report): void {
  const computedCells: string[] = [];
  for (const row of rows) {
    for (const col of checkedCols) if (text.own(row.row, columnNumber(col.col))?.computed) computedCells.push(`${col.col}${row.row}`);
  }
  if (computedCells.length === 0) return;
  const shown = computedCells.slice(0, 10).join(', ') + (computedCells.length > 10 ? '…' : '');
  report({
    severity: 'I',
    rule: 'doc',
    code: 'IMPORT_COMPUTED_VALUES',
    cell: computedCells[0]!,
    message: `${computedCells.length} ô công thức (${shown}) không có giá trị lưu trong tệp (tệp do phần mềm khác tạo, không tính lại); giá trị do ứng dụng tính từ công thức và đã được kiểm tra như các ô tổng khác.`,
  });
}

/** Text converted from TCVN3/VNI: by the cell's legacy font (information), or by a guess (a warning to check the names). */
export function noteLegacyText(sheet: ReadSheet, report: Report): void {
  let converted = 0;
  let guessed = 0;
  for (const cells of sheet.rows.values()) {
    for (const cell of cells.values()) {
      if (cell.convertedFrom && cell.guessed) guessed++;
      else if (cell.convertedFrom) converted++;
    }
  }
  if (converted > 0) report({ severity: 'I', rule: 'doc', code: 'IMPORT_LEGACY_TEXT', cell: null, message: `Đã chuyển ${converted} ô chữ từ bảng mã cũ (TCVN3/VNI theo phông chữ của ô) sang Unicode.` });
  if (guessed > 0) report({ severity: 'W', rule: 'doc', code: 'IMPORT_LEGACY_GUESS', cell: null, message: `${guessed} ô chữ có vẻ được gõ bằng bảng mã cũ (TCVN3/VNI) dù phông chữ là Unicode; đã chuyển sang Unicode — hãy kiểm tra tên các dòng.` });
}
