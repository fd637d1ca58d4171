/**
 * Reads every cell of a workbook with exceljs's streaming reader and normalizes it on the way in:
 * rich text joined, formulas replaced by their cached value (a formula without one is marked),
 * legacy TCVN3/VNI text converted to Unicode, all text NFC. Layout facts exceljs does not stream
 * (merges, hidden rows and columns) come from sheet-layout.
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { decodeLegacy, guessLegacyEncoding, legacyFontEncoding, normalizeVietnamese, type LegacyEncoding } from '../../../shared/text/legacy-vietnamese';
import { CoreError } from '../errors';
import type { TaskHandle } from '../tasks';
import { inspectWorkbookParts } from './container';
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

/** The inflated parts of a workbook whose container has been checked (inspectWorkbookParts), by part name. */
export type WorkbookParts = ReadonlyMap<string, Buffer>;

/**
 * Stream pieces of about 64 KB: exceljs gathers the XML events of each piece it is given into one array, so
 * one big piece held every cell of a 50,000-row sheet in memory at the same time. exceljs also decodes each
 * piece as UTF-8 on its own, so a cut inside a part's XML must never split a character: it is moved past UTF-8
 * continuation bytes (10xxxxxx).
 */
const STREAM_PIECE_BYTES = 64 * 1024;
const isUtf8Continuation = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80;

function* piecesOf(data: Buffer): Generator<Buffer> {
  let at = 0;
  while (at < data.length) {
    let cut = Math.min(data.length, at + STREAM_PIECE_BYTES);
    while (isUtf8Continuation(data[cut])) cut++;
    yield data.subarray(at, cut);
    at = cut;
  }
}

const ZIP_UTF8_NAMES = 0x0800;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

/**
 * The parts as an uncompressed zip for exceljs's streaming reader, the parts it must see first (styles, shared
 * strings) at the front so fonts and strings are known when sheets stream. Written here from the parts the
 * container check already inflated natively, rather than inflated and zipped again in JavaScript.
 */
function* storedZipPieces(parts: WorkbookParts): Generator<Buffer> {
  const names = [...parts.keys()].filter((name) => !name.endsWith('/'));
  const first = READ_FIRST.filter((name) => parts.has(name));
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of [...first, ...names.filter((n) => !first.includes(n))]) {
    const data = parts.get(name)!;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(ZIP_UTF8_NAMES, 6);
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(ZIP_UTF8_NAMES, 8);
    entry.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    yield Buffer.concat([local, nameBytes]);
    yield* piecesOf(data);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield directory;
  yield end;
}

/**
 * exceljs throws plain errors on XML it cannot take — a disallowed character, a cell address such as "ZZZZ1" or
 * none at all, a broken styles part, UTF-16 text it reads as UTF-8. Those are faults of the file, not of the
 * software: they are answered as an unreadable workbook, with exceljs's words kept in the details for the log.
 */
function unreadable(fileName: string, sheet: string | null, error: unknown): CoreError {
  const where = sheet === null ? 'có phần nội dung bị hỏng' : `có trang tính "${sheet}" bị hỏng`;
  return new CoreError(
    'IMPORT_NOT_WORKBOOK',
    `Tệp "${fileName}" ${where}, phần mềm không đọc được. Hãy mở tệp bằng Excel, lưu lại thành Sổ làm việc Excel (*.xlsx) rồi nhập lại; nếu Excel cũng báo lỗi, hãy xin bên gửi gửi lại tệp.`,
    { fileName, sheet, cause: error instanceof Error ? error.message : String(error) },
  );
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads the visible and hidden sheets of a workbook whose container has been checked.
 * Reports rows read against the rows the sheets declare; honours cancellation between rows.
 */
export async function readWorkbook(parts: WorkbookParts, task: TaskHandle, fileName: string): Promise<ReadWorkbook> {
  const workbookXml = parts.get('xl/workbook.xml')?.toString('utf8');
  const relsXml = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8');
  if (!workbookXml || !relsXml) {
    throw new CoreError('IMPORT_NOT_WORKBOOK', `Tệp "${fileName}" thiếu phần sổ làm việc (xl/workbook.xml); không phải tệp Excel hợp lệ.`, { fileName });
  }
  const entries = listSheets(workbookXml, relsXml).filter((s) => s.partNo > 0 && parts.has(s.part));
  const layouts = new Map<number, SheetLayout>();
  let totalRows = 0;
  for (const entry of entries) {
    const layout = scanSheetLayout(parts.get(entry.part)!.toString('utf8'));
    layouts.set(entry.partNo, layout);
    totalRows += layout.rowCount;
  }
  task.throwIfCancelled();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(storedZipPieces(parts)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: ReadSheet[] = [];
  let rowsRead = 0;
  /** The sheet being streamed, for the message when exceljs cannot parse it. */
  let reading: string | null = null;
  task.report(0, totalRows);
  try {
    for await (const worksheet of reader) {
      const sheetReader = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { id: string | number; name?: string };
      const entry = entries.find((e) => String(e.partNo) === String(sheetReader.id));
      reading = entry?.name ?? null;
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
      reading = null;
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
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw unreadable(fileName, reading, error);
  }
  task.report(totalRows, totalRows);
  sheets.sort((a, b) => a.order - b.order);
  return { sheets };
}

/** An uploaded workbook (base64 from a host): its container checked, its SHA-256, its cells read. */
export async function readUploadedWorkbook(base64: string, fileName: string, task: TaskHandle): Promise<{ sha256: string; workbook: ReadWorkbook }> {
  const bytes = Buffer.from(base64, 'base64');
  const { parts } = inspectWorkbookParts(bytes, fileName);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const workbook = await readWorkbook(parts, task, fileName);
  task.throwIfCancelled();
  return { sha256, workbook };
}
