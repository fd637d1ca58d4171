/**
 * Reads every cell of a workbook with exceljs's streaming reader and normalizes it on the way in:
 * rich text joined, formulas replaced by their cached value (a formula without one is marked),
 * legacy TCVN3/VNI text converted to Unicode, all text NFC. Layout facts exceljs does not stream
 * (merges, hidden rows and columns) come from sheet-layout.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { decodeLegacy, guessLegacyEncoding, legacyFontEncoding, normalizeVietnamese, type LegacyEncoding } from '../../../shared/text/legacy-vietnamese';
import { CoreError } from '../errors';
import type { TaskHandle } from '../tasks';
import { listSheets, scanSheetLayout, type SheetLayout } from './sheet-layout';

export type CellKind = 'text' | 'number' | 'date' | 'bool' | 'error' | 'formula_no_value';

export interface ReadCell {
  kind: CellKind;
  /** Text as read (converted and NFC); for numbers their plain decimal form. */
  text: string;
  number: number | null;
  formula: boolean;
  /** The legacy encoding this text was converted from, and whether only a guess said so (no legacy font). */
  convertedFrom: LegacyEncoding | null;
  guessed: boolean;
}

export interface ReadSheet {
  name: string;
  order: number;
  state: 'visible' | 'hidden' | 'veryHidden';
  rows: Map<number, Map<number, ReadCell>>;
  layout: SheetLayout;
  maxRow: number;
  maxCol: number;
}

export interface ReadWorkbook {
  sheets: ReadSheet[];
}

/** exceljs's streaming reader needs styles and shared strings before the sheets; files from other tools differ. */
const READ_FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

interface FontCarrier {
  font?: { name?: string } | null;
}

type ExcelValue = ExcelJS.CellValue | undefined;

function textOfRich(value: { richText: { text: string }[] }): string {
  return value.richText.map((run) => run.text ?? '').join('');
}

function convertText(raw: string, fontName: string | undefined): Pick<ReadCell, 'text' | 'convertedFrom' | 'guessed'> {
  const byFont = legacyFontEncoding(fontName);
  if (byFont) return { text: normalizeVietnamese(decodeLegacy(raw, byFont.encoding, { upperCase: byFont.upperCase })), convertedFrom: byFont.encoding, guessed: false };
  const guess = guessLegacyEncoding(raw);
  if (guess) return { text: normalizeVietnamese(decodeLegacy(raw, guess)), convertedFrom: guess, guessed: true };
  return { text: normalizeVietnamese(raw), convertedFrom: null, guessed: false };
}

function numberCell(value: number, formula: boolean): ReadCell {
  return { kind: 'number', text: String(value), number: value, formula, convertedFrom: null, guessed: false };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** One exceljs cell value → a ReadCell, or null for an empty cell. */
export function normalizeCell(value: ExcelValue, fontName: string | undefined): ReadCell | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? numberCell(value, false) : null;
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    return { kind: 'text', number: null, formula: false, ...convertText(value, fontName) };
  }
  if (typeof value === 'boolean') return { kind: 'bool', text: value ? 'TRUE' : 'FALSE', number: null, formula: false, convertedFrom: null, guessed: false };
  if (value instanceof Date) return { kind: 'date', text: isoDay(value), number: null, formula: false, convertedFrom: null, guessed: false };
  if ('richText' in value && Array.isArray(value.richText)) {
    const text = textOfRich(value);
    return text.trim() === '' ? null : { kind: 'text', number: null, formula: false, ...convertText(text, fontName) };
  }
  if ('error' in value) return { kind: 'error', text: String(value.error), number: null, formula: false, convertedFrom: null, guessed: false };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null || (typeof result === 'number' && Number.isNaN(result))) {
      return { kind: 'formula_no_value', text: `=${(value as { formula?: string }).formula ?? ''}`, number: null, formula: true, convertedFrom: null, guessed: false };
    }
    const inner = normalizeCell(result as ExcelValue, fontName);
    return inner ? { ...inner, formula: true } : null;
  }
  if ('hyperlink' in value && 'text' in value) return normalizeCell((value as { text: ExcelValue }).text, fontName);
  return null;
}

/** Puts the parts exceljs must see first at the front, uncompressed, so fonts and strings are known when sheets stream. */
async function reorderForStreaming(zip: JSZip): Promise<Buffer> {
  const ordered = new JSZip();
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const first = READ_FIRST.filter((name) => names.includes(name));
  for (const name of [...first, ...names.filter((n) => !first.includes(n))]) {
    ordered.file(name, await zip.files[name]!.async('uint8array'));
  }
  return ordered.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads the visible and hidden sheets of a workbook whose container has been checked.
 * Reports rows read against the rows the sheets declare; honours cancellation between rows.
 */
export async function readWorkbook(bytes: Uint8Array, task: TaskHandle, fileName: string): Promise<ReadWorkbook> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new CoreError('IMPORT_NOT_WORKBOOK', `Không đọc được tệp "${fileName}" như một sổ Excel (.xlsx). Hãy mở tệp trong Excel và lưu lại dạng .xlsx.`, { fileName });
  }
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  const relsXml = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbookXml || !relsXml) {
    throw new CoreError('IMPORT_NOT_WORKBOOK', `Tệp "${fileName}" thiếu phần sổ làm việc (xl/workbook.xml); không phải tệp Excel hợp lệ.`, { fileName });
  }
  const entries = listSheets(workbookXml, relsXml).filter((s) => s.partNo > 0 && zip.file(s.part));
  const layouts = new Map<number, SheetLayout>();
  let totalRows = 0;
  for (const entry of entries) {
    const layout = scanSheetLayout(await zip.file(entry.part)!.async('string'));
    layouts.set(entry.partNo, layout);
    totalRows += layout.rowCount;
  }
  task.throwIfCancelled();
  const streamable = await reorderForStreaming(zip);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([streamable]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: ReadSheet[] = [];
  let rowsRead = 0;
  task.report(0, totalRows);
  for await (const worksheet of reader) {
    const sheetReader = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { id: string | number; name?: string };
    const entry = entries.find((e) => String(e.partNo) === String(sheetReader.id));
    const rows = new Map<number, Map<number, ReadCell>>();
    let maxRow = 0;
    let maxCol = 0;
    for await (const row of sheetReader) {
      const cells = new Map<number, ReadCell>();
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const read = normalizeCell(cell.value, (cell as unknown as FontCarrier).font?.name ?? undefined);
        if (!read) return;
        cells.set(col, read);
        if (col > maxCol) maxCol = col;
      });
      if (cells.size > 0) {
        rows.set(row.number, cells);
        if (row.number > maxRow) maxRow = row.number;
      }
      if (++rowsRead % 2000 === 0) {
        task.report(rowsRead, totalRows);
        await yieldToEventLoop();
        task.throwIfCancelled();
      }
    }
    if (!entry) continue;
    sheets.push({
      name: entry.name,
      order: entry.order,
      state: entry.state,
      rows,
      layout: layouts.get(entry.partNo)!,
      maxRow,
      maxCol,
    });
  }
  task.report(totalRows, totalRows);
  sheets.sort((a, b) => a.order - b.order);
  return { sheets };
}
