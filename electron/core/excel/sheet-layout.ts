/**
 * What exceljs's streaming reader does not report, read straight from the sheet XML: merged ranges,
 * hidden rows and columns, the number of rows (for progress) — and the sheet list with names and states.
 * Regular expressions suffice: the container check has already refused DOCTYPE/ENTITY tricks.
 */

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetLayout {
  merges: CellRange[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  rowCount: number;
}

export interface SheetEntry {
  /** Number in the part name xl/worksheets/sheetN.xml (what exceljs calls the sheet id). */
  partNo: number;
  part: string;
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Position in the workbook's tab order. */
  order: number;
}

import { columnNumber } from '../../../shared/format/cell-address';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return XML_ENTITIES[entity] ?? '';
  });
}

function attributes(tagBody: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tagBody.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(m[1]!, decodeXmlText(m[2] ?? m[3] ?? ''));
  return found;
}

const isTrue = (value: string | undefined) => value === '1' || value === 'true';

function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  return m ? { col: columnNumber(m[1]!), row: Number(m[2]) } : null;
}

export function parseRange(ref: string): CellRange | null {
  const [from, to = from] = ref.split(':') as [string, string?];
  const a = parseRef(from);
  const b = parseRef(to);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function scanSheetLayout(xml: string): SheetLayout {
  const merges: CellRange[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b([^>]*)>/g)) {
    const range = parseRange(attributes(m[1]!).get('ref') ?? '');
    if (range) merges.push(range);
  }
  const hiddenRows = new Set<number>();
  let rowCount = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?row\b([^>]*)>/g)) {
    rowCount++;
    // Most rows are not hidden: their attributes are parsed only when the word is there at all.
    if (!m[1]!.includes('hidden')) continue;
    const attrs = attributes(m[1]!);
    if (isTrue(attrs.get('hidden'))) {
      const r = Number(attrs.get('r'));
      if (Number.isInteger(r) && r > 0) hiddenRows.add(r);
    }
  }
  const hiddenCols = new Set<number>();
  for (const m of xml.matchAll(/<(?:\w+:)?col\b([^>]*)>/g)) {
    const attrs = attributes(m[1]!);
    if (!isTrue(attrs.get('hidden'))) continue;
    const min = Number(attrs.get('min'));
    const max = Math.min(Number(attrs.get('max')), min + 16384);
    for (let c = min; Number.isInteger(c) && c <= max && c <= 16384; c++) hiddenCols.add(c);
  }
  return { merges, hiddenRows, hiddenCols, rowCount };
}

/** The sheets in tab order, with the part each one lives in (via the workbook's relationships). */
export function listSheets(workbookXml: string, relsXml: string): SheetEntry[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attrs = attributes(m[1]!);
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const sheets: SheetEntry[] = [];
  let order = 0;
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const attrs = attributes(m[1]!);
    const relId = attrs.get('r:id') ?? [...attrs.entries()].find(([k]) => k.endsWith(':id'))?.[1];
    const target = relId ? targets.get(relId) : undefined;
    const partMatch = target ? /^worksheets\/sheet(\d+)\.xml$/i.exec(target) : null;
    const state = attrs.get('state');
    sheets.push({
      partNo: partMatch ? Number(partMatch[1]) : -1,
      part: target ? `xl/${target}` : '',
      name: attrs.get('name') ?? `Sheet${order + 1}`,
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      order: order++,
    });
  }
  return sheets;
}
