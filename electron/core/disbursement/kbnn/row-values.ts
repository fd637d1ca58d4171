/** Reading a statement row's cells: plain text, and the funding source or capital type a cell names. */
import type { CapitalTypeCode } from '../../../../shared/api/schemas';
import { foldVietnamese } from '../../../../shared/text/fold';
import type { ReadSheet } from '../../excel/workbook-reader';

export function cellText(sheet: ReadSheet, row: number, col: number): string {
  const c = sheet.rows.get(row)?.get(col);
  return c && c.kind !== 'formula_no_value' ? c.text.replace(/\s+/g, ' ').trim() : '';
}

const SOURCE_CODES = ['NSTW', 'NST_DOIUNG', 'NSH', 'NSX', 'LONG_GHEP', 'HUY_DONG'];
const SOURCE_WORDS: [RegExp, string][] = [
  [/trung uong|^nstw$|^tw$/, 'NSTW'],
  [/doi ung|ns tinh|ngan sach tinh|^nst$/, 'NST_DOIUNG'],
  [/ns huyen|ngan sach huyen|^nsh$/, 'NSH'],
  [/ns xa|ngan sach xa|^nsx$/, 'NSX'],
  [/long ghep/, 'LONG_GHEP'],
  [/huy dong/, 'HUY_DONG'],
];

/** A source code as written ("NSTW") or named in words ("Ngân sách trung ương", "NS tỉnh đối ứng"). */
export function sourceOf(text: string): string | null {
  const folded = foldVietnamese(text);
  if (/^[a-z_]+$/i.test(text.trim()) && SOURCE_CODES.includes(text.trim().toUpperCase())) return text.trim().toUpperCase();
  return SOURCE_WORDS.find(([re]) => re.test(folded))?.[1] ?? null;
}

export function capitalOf(text: string): CapitalTypeCode | null {
  const folded = foldVietnamese(text);
  if (/dtpt|dau tu/.test(folded)) return 'DTPT';
  if (/^sn$|su nghiep|thuong xuyen/.test(folded)) return 'SN';
  return null;
}
