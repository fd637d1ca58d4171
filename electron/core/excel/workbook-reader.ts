/**
 * Reads every sheet of a workbook whose container has been checked (container.ts), with the app's own streaming
 * reader of the OOXML parts (saxes underneath): sheets found through workbook.xml → its relationships → the part,
 * cells with their type, cached value (0 included) and formula, shared strings, the fonts that tell TCVN3/VNI
 * text, merges, hidden rows and columns. Formulas the file left without a value are then evaluated where the app
 * can (formula-cells.ts). exceljs is only used to write workbooks.
 */
import crypto from 'node:crypto';
import { CoreError } from '../errors';
import type { JobHandle } from '../jobs/registry';
import { inspectWorkbookParts } from './container';
import { computeFormulaCells } from './formula-cells';
import type { ReadCell, ReadSheet, ReadWorkbook } from './read-types';
import { readSharedStrings } from './shared-strings';
import { readSheetXml } from './sheet-xml';
import { readStyles } from './styles';
import { mapWorkbook } from './workbook-parts';

export type { CellKind, CellRange, ReadCell, ReadSheet, ReadWorkbook, SheetLayout } from './read-types';

/** The inflated parts of a workbook whose container has been checked (inspectWorkbookParts), by part name. */
export type WorkbookParts = ReadonlyMap<string, Buffer>;

/**
 * XML that is not well formed (a disallowed character, a broken tag) is a fault of the file, not of the software:
 * it is answered as an unreadable workbook, with the parser's words kept in the details for the log.
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

/** Reads the sheets (visible and hidden) in tab order; reports progress in rows, honours cancellation between pieces. */
export async function readWorkbook(parts: WorkbookParts, task: JobHandle, fileName: string): Promise<ReadWorkbook> {
  let mapped: ReturnType<typeof mapWorkbook>;
  try {
    mapped = mapWorkbook(parts);
  } catch (error) {
    throw unreadable(fileName, null, error);
  }
  const { index, map } = mapped;
  if (!map) throw new CoreError('IMPORT_NOT_WORKBOOK', `Tệp "${fileName}" thiếu phần sổ làm việc (xl/workbook.xml); không phải tệp Excel hợp lệ.`, { fileName });
  // Progress in bytes of sheet XML, shown as rows would be: the row count is only known once read.
  const totalBytes = map.sheets.reduce((sum, s) => sum + (s.part ? (index.get(s.part)?.length ?? 0) : 0), 0);
  let doneBytes = 0;
  const between = async () => {
    await yieldToEventLoop();
    task.throwIfCancelled();
  };
  let reading: string | null = null;
  try {
    const formats = readStyles(map.stylesPart ? index.get(map.stylesPart) : undefined);
    const strings = await readSharedStrings(map.sharedStringsPart ? index.get(map.sharedStringsPart) : undefined, between);
    task.report(0, totalBytes);
    const sheets: ReadSheet[] = [];
    const converted = new Map<string, Pick<ReadCell, 'text' | 'convertedFrom' | 'guessed'>[]>();
    for (const entry of map.sheets) {
      const bytes = entry.part ? index.get(entry.part) : undefined;
      reading = entry.name;
      const cells = bytes
        ? await readSheetXml(bytes, { strings, formats, date1904: map.date1904, converted }, async () => {
            task.report(doneBytes, totalBytes);
            await between();
          })
        : { rows: new Map(), layout: { merges: [], hiddenRows: new Set<number>(), hiddenCols: new Set<number>(), rowCount: 0 }, maxRow: 0, maxCol: 0 };
      reading = null;
      doneBytes += bytes?.length ?? 0;
      // A sheet's XML is not needed once its cells are read: a large sheet's text is let go before the next one.
      if (entry.part && parts instanceof Map) parts.delete(entry.part);
      task.report(doneBytes, totalBytes);
      sheets.push({ name: entry.name, order: entry.order, state: entry.state, ...cells });
    }
    computeFormulaCells(sheets);
    return { sheets };
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw unreadable(fileName, reading, error);
  }
}

/** A workbook's bytes: the container checked, the SHA-256, the cells read. */
export async function readWorkbookBytes(bytes: Buffer, fileName: string, task: JobHandle): Promise<{ sha256: string; workbook: ReadWorkbook }> {
  const { parts } = inspectWorkbookParts(bytes, fileName);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const workbook = await readWorkbook(parts, task, fileName);
  task.throwIfCancelled();
  return { sha256, workbook };
}

/** An uploaded workbook (base64 from a host): its container checked, its SHA-256, its cells read. */
export async function readUploadedWorkbook(base64: string, fileName: string, task: JobHandle): Promise<{ sha256: string; workbook: ReadWorkbook }> {
  return readWorkbookBytes(Buffer.from(base64, 'base64'), fileName, task);
}
