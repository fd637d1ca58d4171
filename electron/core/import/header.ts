/**
 * Finds the table in a sheet laid out for printing: the header block (often two or three rows with
 * merged cells), the STT and name columns, the optional column-number row ("A | B | 1=2+3 | 2 | 3"),
 * and the rows of data below it.
 */
import type { SheetText } from './sheet-text';

export interface HeaderBlock {
  top: number;
  bottom: number;
  sttCol: number;
  nameCol: number;
  /** The column-number row, when the table has one: its token per column ("1", "3=4+5"). */
  numberRow: number | null;
  numberTokens: Map<number, string>;
  firstDataRow: number;
}

const STT_HEADERS = new Set(['stt', 'tt', 'so tt', 'so thu tu', 's tt', 'thu tu']);
const NAME_HEADER = /^(noi dung|danh muc|ten |chuong trinh|chi tieu|du an|hang muc|nhiem vu|don vi|linh vuc)/;
const SEARCH_ROWS = 60;

/** "A", "B", "1", "(1)", "3=4+5", "3 = 4+5". */
export function isColumnNumberToken(text: string): boolean {
  return /^\(?[A-Za-z0-9]{1,3}\)?(\s*=\s*\(?\d+\)?(\s*[+-]\s*\(?\d+\)?)+)?$/.test(text.trim());
}

function findNameCol(text: SheetText, row: number, sttCol: number, maxCol: number): number {
  for (let c = 1; c <= maxCol; c++) if (c !== sttCol && NAME_HEADER.test(text.folded(row, c))) return c;
  return sttCol + 1;
}

export function findHeader(text: SheetText): HeaderBlock | null {
  const { sheet } = text;
  const lastSearch = Math.min(sheet.maxRow, SEARCH_ROWS);
  for (let r = 1; r <= lastSearch; r++) {
    for (let c = 1; c <= Math.min(sheet.maxCol, 6); c++) {
      const folded = text.folded(r, c).replace(/[.\s]+/g, ' ').trim();
      if (!STT_HEADERS.has(folded)) continue;
      if (text.merge(r, c) && text.merge(r, c)!.top !== r) continue;
      return blockFrom(text, r, c);
    }
  }
  return null;
}

function blockFrom(text: SheetText, top: number, sttCol: number): HeaderBlock {
  const { sheet } = text;
  const nameCol = findNameCol(text, top, sttCol, sheet.maxCol);
  // The header is at least as tall as the merges that start on its first row (the STT cell spans it).
  let bottom = top;
  for (const m of sheet.layout.merges) if (m.top >= top && m.top <= bottom && m.bottom > bottom && m.bottom - m.top < 8) bottom = m.bottom;
  // Further header rows: no STT value and short labels, until the first row that holds data.
  for (let r = bottom + 1; r <= Math.min(top + 6, sheet.maxRow); r++) {
    if (isNumberRow(text, r, sttCol, nameCol) || looksLikeData(text, r, sttCol, nameCol)) break;
    if (!text.sheet.rows.has(r)) break;
    bottom = r;
  }
  let numberRow: number | null = null;
  const numberTokens = new Map<number, string>();
  let firstDataRow = bottom + 1;
  if (isNumberRow(text, bottom + 1, sttCol, nameCol)) {
    numberRow = bottom + 1;
    for (const [col, cell] of sheet.rows.get(numberRow) ?? []) numberTokens.set(col, cell.text.trim());
    firstDataRow = numberRow + 1;
  }
  return { top, bottom, sttCol, nameCol, numberRow, numberTokens, firstDataRow };
}

function isNumberRow(text: SheetText, row: number, sttCol: number, nameCol: number): boolean {
  const cells = text.sheet.rows.get(row);
  if (!cells || cells.size < 2) return false;
  const stt = text.text(row, sttCol).replace(/[()]/g, '');
  const name = text.text(row, nameCol).replace(/[()]/g, '');
  const sttOk = stt === 'A' || stt === '1' || stt === 'a';
  const nameOk = name === 'B' || name === '2' || name === 'b';
  return sttOk && nameOk && [...cells.values()].every((c) => isColumnNumberToken(c.text));
}

function looksLikeData(text: SheetText, row: number, sttCol: number, nameCol: number): boolean {
  const cells = text.sheet.rows.get(row);
  if (!cells) return false;
  const hasNumber = [...cells.entries()].some(([col, c]) => col !== sttCol && col !== nameCol && c.kind === 'number');
  const stt = text.own(row, sttCol);
  return hasNumber || (stt !== undefined && /^([IVXLC]+|[A-Z]|\d+(\.\d+)*|[a-z]|[-+*•])\.?\)?$/.test(stt.text.trim()));
}
