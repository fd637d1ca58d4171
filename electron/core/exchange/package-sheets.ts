/**
 * Cells of the exchange package: writing a data sheet from its rows and reading it back into the same values,
 * and the key/value manifest. Text is always written as a string cell (never as a formula, whatever it starts
 * with); numbers as numbers; dates as date cells at midnight UTC (how exceljs and Excel count serial days).
 */
import ExcelJS from 'exceljs';
import { CoreError } from '../errors';
import { HEADER_ROW, MANIFEST_SHEET, NOTE_ROW, TITLE_ROW, type CellValue, type ColumnSpec, type SheetSpec } from './package-format';
import { bodyCell, headerCells, printLayout, spanText } from './sheet-style';

const NUMBER_FORMATS: Record<ColumnSpec['type'], string | undefined> = { text: undefined, int: '0', money: '#,##0', date: 'dd/mm/yyyy' };

/**
 * A string for a string cell. exceljs (like Excel) reads "_xHHHH_" as an escaped character, so a literal one is
 * escaped in turn ("_x005F_" is the underscore) and reads back as written.
 */
function escapeForCell(text: string): string {
  return text.replace(/_(x[0-9A-F]{4}_)/g, '_x005F_$1');
}

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function writeValue(cell: ExcelJS.Cell, column: ColumnSpec, value: CellValue): void {
  if (value === null) return;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${column.header}: ${value} không phải số nguyên`);
    cell.value = value;
  } else if (column.type === 'date') {
    cell.value = isoToDate(value);
  } else {
    // A plain string value: exceljs writes a string cell, never a formula, even for "=…", "+…", "-…", "@…".
    cell.value = escapeForCell(value);
  }
}

/** A data sheet: title, note, header (frozen, repeated when printed), one row per record. */
export function writeDataSheet(wb: ExcelJS.Workbook, sheet: SheetSpec, rows: CellValue[][], title: string, note: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name);
  const n = sheet.columns.length;
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  spanText(ws, TITLE_ROW, n, title, { size: 13, bold: true, horizontal: 'left' });
  spanText(ws, NOTE_ROW, n, note, { size: 11, italic: true, horizontal: 'left' });
  headerCells(ws, HEADER_ROW, sheet.columns.map((c) => c.header));
  ws.getRow(HEADER_ROW).height = 45;
  rows.forEach((values, r) => {
    sheet.columns.forEach((column, i) => {
      const cell = ws.getCell(HEADER_ROW + 1 + r, i + 1);
      writeValue(cell, column, values[i] ?? null);
      const numFmt = NUMBER_FORMATS[column.type];
      bodyCell(cell, { ...(numFmt ? { numFmt } : {}), horizontal: column.type === 'text' ? 'left' : 'right', wrap: !!column.wrap });
    });
  });
  printLayout(ws, { from: HEADER_ROW, to: HEADER_ROW });
  return ws;
}

function address(ws: ExcelJS.Worksheet, row: number, column: number): string {
  return `${ws.name}!${ws.getColumn(column).letter}${row}`;
}

function tampered(where: string, what: string): CoreError {
  return new CoreError(
    'PACKAGE_TAMPERED',
    `Ô ${where} ${what}: tệp đã bị sửa sau khi xuất nên không nhập được. Hãy xin lại tệp gốc từ nơi đã xuất gói.`,
    { cell: where },
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of a cell as the package reads it; anything a package never holds (formulas, errors…) is refused. */
export function readValue(ws: ExcelJS.Worksheet, row: number, column: number): CellValue {
  const cell = ws.getCell(row, column);
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return value;
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    // A date cell of the package is a whole day; a time of day means the cell was typed over.
    return value.getTime() === Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()) ? date : value.toISOString();
  }
  if (typeof value === 'object' && 'richText' in value) {
    const text = value.richText.map((r) => r.text).join('');
    return text === '' ? null : text;
  }
  if (typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) throw tampered(address(ws, row, column), 'chứa công thức');
  throw tampered(address(ws, row, column), 'chứa giá trị không phải chữ, số hay ngày');
}

/** The rows of a data sheet below its header, empty rows skipped, only the columns of the spec. */
export function readDataSheet(ws: ExcelJS.Worksheet, sheet: SheetSpec): { header: CellValue[]; rows: CellValue[][]; firstRow: number[] } {
  const header = sheet.columns.map((_, i) => readValue(ws, HEADER_ROW, i + 1));
  const rows: CellValue[][] = [];
  const firstRow: number[] = [];
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const values = sheet.columns.map((_, i) => readValue(ws, r, i + 1));
    if (values.every((v) => v === null)) continue;
    rows.push(values);
    firstRow.push(r);
  }
  return { header, rows, firstRow };
}

/** The hidden manifest: one key/value pair a row, invisible in Excel's "Unhide" list (veryHidden). */
export function writeManifest(wb: ExcelJS.Workbook, entries: [string, string | number][]): void {
  const ws = wb.addWorksheet(MANIFEST_SHEET, { state: 'veryHidden' });
  ws.columns = [{ width: 28 }, { width: 70 }];
  entries.forEach(([key, value], i) => {
    ws.getCell(i + 1, 1).value = key;
    ws.getCell(i + 1, 2).value = typeof value === 'number' ? value : escapeForCell(value);
  });
}

export function readManifest(ws: ExcelJS.Worksheet): Map<string, string> {
  const entries = new Map<string, string>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const key = readValue(ws, r, 1);
    const value = readValue(ws, r, 2);
    if (typeof key === 'string') entries.set(key, value === null ? '' : String(value));
  }
  return entries;
}
