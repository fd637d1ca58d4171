/**
 * What each column of the table holds: STT, name, an amount of a source × capital type, a total of
 * other columns, or something to leave alone. Header words are matched with synonyms and the usual
 * abbreviations (NSTW, NS tỉnh, ĐTPT, SN…); the column-number row ("1=2+5"), when present, says
 * which columns a total adds up.
 */
import type { ImportColumn, ImportMapping } from '../../../shared/api/import';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { columnLetters } from '../../../shared/format/cell-address';
import type { HeaderBlock } from './header';
import type { SheetText } from './sheet-text';

const SOURCE_SYNONYMS: [string, RegExp][] = [
  ['NSTW', /\b(ngan sach trung uong|ns ?trung uong|nstw|ns ?tw|von trung uong|trung uong)\b/],
  ['NST_DOIUNG', /\b(ngan sach tinh|ns ?tinh|nst|doi ung|ngan sach dia phuong|ns ?dia phuong|nsdp)\b/],
  ['NSH', /\b(ngan sach huyen|ns ?huyen|nsh)\b/],
  ['NSX', /\b(ngan sach xa|ns ?xa)\b/],
  ['LONG_GHEP', /\b(long ghep)\b/],
  ['HUY_DONG', /\b(huy dong)\b/],
];
const CAPITAL_SYNONYMS: [CapitalTypeCode, RegExp][] = [
  ['DTPT', /\b(dau tu phat trien|dtpt|von dau tu|xdcb|dau tu)\b/],
  ['SN', /\b(su nghiep|sn|thuong xuyen|kinh phi su nghiep)\b/],
];
const TOTAL_WORDS = /^(tong so|tong cong|tong|cong|tong von|tong kinh phi|tong ke hoach)\b/;
const IGNORE_WORDS = /\b(ghi chu|ma so|ma du an|ma dvqhns|dia diem|chu dau tu|don vi thuc hien|quyet dinh|thoi gian|nang luc|so quyet dinh|ngay|ty le|%)\b/;
/** Columns beside the plan that are not what is assigned: an earlier plan, the change itself, disbursement. */
const NOT_THE_PLAN = /\b(da giao|dieu chinh giam|dieu chinh tang|giam|tang them|luy ke|giai ngan|uoc thuc hien|thuc hien|nam truoc)\b/;

export function sourceInText(folded: string): string | null {
  return SOURCE_SYNONYMS.find(([, re]) => re.test(folded))?.[0] ?? null;
}

export function capitalInText(folded: string): CapitalTypeCode | null {
  return CAPITAL_SYNONYMS.find(([, re]) => re.test(folded))?.[0] ?? null;
}

interface Draft extends ImportColumn {
  colNo: number;
  /** Header cells above, top to bottom, folded; and the merged span each one covers. */
  path: { folded: string; left: number; right: number }[];
}

/** Header texts of one column, top to bottom, with the span of each (merged headers span several columns). */
function headerPath(text: SheetText, header: HeaderBlock, col: number): Draft['path'] {
  const path: Draft['path'] = [];
  for (let r = header.top; r <= header.bottom; r++) {
    const folded = text.folded(r, col);
    if (!folded) continue;
    const merge = text.merge(r, col);
    const span = merge ? { left: merge.left, right: merge.right } : { left: col, right: col };
    const last = path[path.length - 1];
    if (last && last.folded === folded && last.left === span.left && last.right === span.right) continue;
    path.push({ folded, ...span });
  }
  return path;
}

/** "3=4+5" → { self: 3, parts: [4, 5] }. */
function parseNumberToken(token: string): { self: string; parts: string[] } {
  const clean = token.replace(/[()\s]/g, '');
  const [self, expr] = clean.split('=') as [string, string?];
  return { self, parts: expr ? expr.split(/[+]/).filter(Boolean) : [] };
}

export interface ColumnDefaults {
  sourceCode: string | null;
  capitalType: CapitalTypeCode | null;
}

export function classifyColumns(text: SheetText, header: HeaderBlock, defaults: ColumnDefaults, mapping: ImportMapping | undefined): ImportColumn[] {
  const { sheet } = text;
  const drafts: Draft[] = [];
  for (let col = 1; col <= sheet.maxCol; col++) {
    const path = headerPath(text, header, col);
    const label = labelOf(text, header, col);
    const key = path.map((p) => p.folded).join(' > ') || `#${columnLetters(col)}`;
    drafts.push({
      colNo: col,
      col: columnLetters(col),
      label,
      key,
      path,
      role: 'unknown',
      sourceCode: null,
      capitalType: null,
      covers: [],
      hidden: sheet.layout.hiddenCols.has(col),
    });
  }
  for (const d of drafts) classifyOne(d, header, defaults);
  applyNumberRow(drafts, header);
  inferTotalCovers(drafts);
  // A "total" with nothing under it to add up is the amount itself (a file with one column per capital type).
  for (const d of drafts) {
    if (d.role === 'total' && d.covers.length === 0 && d.sourceCode && d.capitalType) d.role = 'amount';
  }
  for (const d of drafts) {
    const mapped = mapping?.columns?.[d.key];
    if (mapped === 'ignore') Object.assign(d, { role: 'ignore', sourceCode: null, capitalType: null, covers: [] });
    else if (mapped) Object.assign(d, { role: 'amount', sourceCode: mapped.sourceCode, capitalType: mapped.capitalType, covers: [] });
  }
  // A column with no header and no numbers is just layout; drop it from what the officer sees.
  return drafts
    .filter((d) => d.role !== 'unknown' || d.path.length > 0 || columnHasNumbers(text, header, d.colNo))
    .map(({ colNo: _c, path: _p, ...column }) => column);
}

function labelOf(text: SheetText, header: HeaderBlock, col: number): string {
  const parts: string[] = [];
  for (let r = header.top; r <= header.bottom; r++) {
    const t = text.text(r, col);
    if (t && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts.join(' › ');
}

function columnHasNumbers(text: SheetText, header: HeaderBlock, col: number): boolean {
  for (let r = header.firstDataRow; r <= Math.min(text.sheet.maxRow, header.firstDataRow + 200); r++) {
    if (text.own(r, col)?.kind === 'number') return true;
  }
  return false;
}

function classifyOne(d: Draft, header: HeaderBlock, defaults: ColumnDefaults): void {
  if (d.colNo === header.sttCol) return void (d.role = 'stt');
  if (d.colNo === header.nameCol) return void (d.role = 'name');
  const bottom = d.path[d.path.length - 1]?.folded ?? '';
  // "Kế hoạch đã giao" over "NSTW · SN": the words saying it is not the plan may sit on any header row.
  if (d.path.length > 0 && (IGNORE_WORDS.test(bottom) || d.path.some((p) => NOT_THE_PLAN.test(p.folded)))) return void (d.role = 'ignore');
  const source = [...d.path].reverse().map((p) => sourceInText(p.folded)).find(Boolean) ?? null;
  const capital = [...d.path].reverse().map((p) => capitalInText(p.folded)).find(Boolean) ?? null;
  // "Tổng số", and also "Tổng vốn sự nghiệp": a total of the columns of that capital type or source.
  if (TOTAL_WORDS.test(bottom)) {
    d.role = 'total';
    d.sourceCode = source ?? (capital ? defaults.sourceCode : null);
    d.capitalType = capital;
    return;
  }
  if (d.path.length === 0) return;
  const resolvedSource = source ?? defaults.sourceCode;
  const resolvedCapital = capital ?? defaults.capitalType;
  if (resolvedSource && resolvedCapital) {
    d.role = 'amount';
    d.sourceCode = resolvedSource;
    d.capitalType = resolvedCapital;
  } else {
    d.sourceCode = resolvedSource;
    d.capitalType = resolvedCapital;
  }
}

function applyNumberRow(drafts: Draft[], header: HeaderBlock): void {
  if (header.numberRow === null) return;
  const byNumber = new Map<string, Draft>();
  for (const d of drafts) {
    const token = header.numberTokens.get(d.colNo);
    if (token) byNumber.set(parseNumberToken(token).self, d);
  }
  for (const d of drafts) {
    const token = header.numberTokens.get(d.colNo);
    if (!token) continue;
    const { parts } = parseNumberToken(token);
    if (parts.length < 2) continue;
    const covered = parts.map((p) => byNumber.get(p)).filter((x): x is Draft => x !== undefined);
    if (covered.length !== parts.length) continue;
    d.role = 'total';
    d.covers = covered.map((c) => c.col);
  }
}

/** A total without a column-number row adds up the amount columns under the same merged heading. */
function inferTotalCovers(drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.role !== 'total' || d.covers.length > 0) continue;
    const parent = d.path.length >= 2 ? d.path[d.path.length - 2]! : null;
    const left = parent ? parent.left : 1;
    const right = parent ? parent.right : Number.MAX_SAFE_INTEGER;
    d.covers = drafts
      .filter((o) => o !== d && o.colNo >= left && o.colNo <= right && (o.role === 'amount' || (o.role === 'unknown' && o.path.length > 0)))
      .filter((o) => (d.sourceCode ? o.sourceCode === d.sourceCode : true) && (d.capitalType ? o.capitalType === d.capitalType : true))
      .map((o) => o.col);
  }
}

export function defaultsFromTitle(folded: string): ColumnDefaults {
  return { sourceCode: sourceInText(folded), capitalType: capitalInText(folded) };
}

