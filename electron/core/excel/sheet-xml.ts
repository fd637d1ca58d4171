/**
 * One worksheet part, streamed through the SAX parser: every cell with its type, value (a cached 0 is a value)
 * and formula text; merged ranges, hidden rows and columns. Text is converted from TCVN3/VNI by the cell's font
 * and normalized to NFC on the way in.
 */
import { decodeLegacy, guessLegacyEncoding, legacyFontEncoding, normalizeVietnamese } from './legacy-vietnamese';
import { shiftFormula } from './formula';
import type { CellRange, ReadCell, SheetLayout } from './read-types';
import type { CellFormat } from './styles';
import { parseXml, unescapeOoxml } from './xml-events';

export interface SheetCells {
  rows: Map<number, Map<number, ReadCell>>;
  layout: SheetLayout;
  maxRow: number;
  maxCol: number;
}

export interface SheetContext {
  strings: readonly string[];
  formats: readonly CellFormat[];
  date1904: boolean;
  /**
   * Shared strings already converted, by index and font: a string used by many cells (a repeated label, or one
   * huge string referenced thousands of times as in a "shared strings bomb") is converted once.
   */
  converted?: Map<string, Converted[]>;
}

type Converted = Pick<ReadCell, 'text' | 'convertedFrom' | 'guessed'>;

/** Excel's limits: a reference past them is damage, not a cell. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export function convertText(raw: string, fontName: string | undefined): Pick<ReadCell, 'text' | 'convertedFrom' | 'guessed'> {
  const byFont = legacyFontEncoding(fontName);
  if (byFont) return { text: normalizeVietnamese(decodeLegacy(raw, byFont.encoding, { upperCase: byFont.upperCase })), convertedFrom: byFont.encoding, guessed: false };
  const guess = guessLegacyEncoding(raw);
  if (guess) return { text: normalizeVietnamese(decodeLegacy(raw, guess)), convertedFrom: guess, guessed: true };
  return { text: normalizeVietnamese(raw), convertedFrom: null, guessed: false };
}

/** "AB12" → { row: 12, col: 28 }, or null. */
function parseAddress(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  if (i === 0 || i > 3 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row > 0 && row <= MAX_ROW && col <= MAX_COL ? { row, col } : null;
}

export function parseRange(ref: string): CellRange | null {
  const [from, to = from] = ref.replace(/\$/g, '').split(':') as [string, string?];
  const a = parseAddress(from.trim());
  const b = parseAddress(to.trim());
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

const isTrue = (value: string | undefined) => value === '1' || value === 'true';

/** Days since 1899-12-30 (1900 system, whose serial 60 is the fictitious 29/02/1900) or 1904-01-01 → yyyy-mm-dd. */
function serialToIsoDay(serial: number, date1904: boolean): string | null {
  const days = Math.floor(serial);
  if (!Number.isFinite(days) || days < 0 || days > 2_958_465) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

const plain = (kind: ReadCell['kind'], text: string, formula: boolean): ReadCell => ({ kind, text, number: null, formula, convertedFrom: null, guessed: false });

interface RawCell {
  type: string;
  style: number;
  value: string | null;
  inline: string | null;
  formula: string | null;
}

function noValue(formula: string): ReadCell {
  return { kind: 'formula_no_value', text: `=${formula}`, number: null, formula: true, convertedFrom: null, guessed: false, formulaText: formula };
}

function textCell(text: string, format: CellFormat | undefined, cache?: { byIndex: Converted[]; index: number }): ReadCell | null {
  if (text.trim() === '') return null;
  let converted = cache?.byIndex[cache.index];
  if (!converted) {
    converted = convertText(text, format?.fontName);
    if (cache) cache.byIndex[cache.index] = converted;
  }
  return { kind: 'text', text: converted.text, number: null, formula: false, convertedFrom: converted.convertedFrom, guessed: converted.guessed };
}

/** The cell's value by its type; the formula is added by the caller. */
function valueCell(raw: RawCell, ctx: SheetContext, format: CellFormat | undefined): ReadCell | null {
  switch (raw.type) {
    case 's': {
      const index = Number(raw.value);
      const text = ctx.strings[index];
      if (text === undefined) return null;
      if (!ctx.converted) return textCell(text, format);
      const font = format?.fontName ?? '';
      let byIndex = ctx.converted.get(font);
      if (!byIndex) ctx.converted.set(font, (byIndex = []));
      return textCell(text, format, { byIndex, index });
    }
    case 'inlineStr':
      return textCell(ownCopy(unescapeOoxml(raw.inline ?? raw.value ?? '')), format);
    case 'str':
      return textCell(ownCopy(unescapeOoxml(raw.value ?? '')), format);
    case 'b':
      return plain('bool', isTrue(raw.value?.trim()) ? 'TRUE' : 'FALSE', false);
    case 'e':
      return plain('error', ownCopy((raw.value ?? '').trim()), false);
    case 'd': {
      const text = (raw.value ?? '').trim();
      return text === '' ? null : plain('date', ownCopy(text.slice(0, 10)), false);
    }
    default: {
      const text = raw.value === null ? '' : raw.value.trim();
      if (text === '') return null;
      const value = Number(text);
      if (!Number.isFinite(value)) return textCell(ownCopy(text), format);
      if (format?.isDate) {
        const day = serialToIsoDay(value, ctx.date1904);
        if (day) return plain('date', day, false);
      }
      return { kind: 'number', text: String(value), number: value, formula: false, convertedFrom: null, guessed: false };
    }
  }
}

/**
 * A copy of text the parser cut out of a piece of the part. V8 keeps a substring as a view of the whole piece it
 * came from, so one formula kept per row of a 50,000-row sheet kept every 256 KB piece of its XML alive.
 */
const ownCopy = (text: string) => (text.length < 13 ? text : (text + ' ').slice(0, -1));

function buildCell(raw: RawCell, ctx: SheetContext): ReadCell | null {
  const formula = raw.formula !== null && raw.formula.trim() !== '' ? ownCopy(raw.formula) : null;
  if (formula !== null && raw.value === null && raw.inline === null) return noValue(formula);
  const cell = valueCell(raw, ctx, ctx.formats[raw.style]);
  if (formula === null) return cell;
  // A formula whose cached value is an empty number is a formula without a value; an empty text result is empty.
  if (!cell) return raw.type === 'n' || raw.type === undefined ? noValue(formula) : null;
  cell.formula = true;
  cell.formulaText = formula;
  return cell;
}

/** Reads a worksheet part; `between` runs between pieces of a large part (progress and cancellation). */
export async function readSheetXml(bytes: Buffer, ctx: SheetContext, between: (rowsSoFar: number) => Promise<void>): Promise<SheetCells> {
  const rows = new Map<number, Map<number, ReadCell>>();
  const merges: CellRange[] = [];
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  const sharedFormulas = new Map<string, { text: string; row: number; col: number }>();
  let rowCount = 0;
  let badAddresses = 0;
  let maxRow = 0;
  let maxCol = 0;
  let rowNumber = 0;
  let nextCol = 1;
  let cellRow = 0;
  let cellCol = 0;
  let cell: RawCell | null = null;
  /** Where text goes: the value, the formula, an inline string's text (not its phonetic guide). */
  let into: 'value' | 'formula' | 'inline' | null = null;
  let sharedIndex: string | null = null;
  let sharedMaster = false;
  let inInline = false;
  let phonetic = 0;
  let inCols = false;
  let inSheetData = false;

  const finishCell = () => {
    if (!cell) return;
    if (sharedIndex !== null) {
      const master = sharedFormulas.get(sharedIndex);
      if (sharedMaster && cell.formula) sharedFormulas.set(sharedIndex, { text: cell.formula, row: cellRow, col: cellCol });
      else if (master && (cell.formula === null || cell.formula === '')) cell.formula = shiftFormula(master.text, cellRow - master.row, cellCol - master.col);
    }
    const read = buildCell(cell, ctx);
    cell = null;
    if (!read) return;
    let line = rows.get(cellRow);
    if (!line) rows.set(cellRow, (line = new Map()));
    line.set(cellCol, read);
    if (cellRow > maxRow) maxRow = cellRow;
    if (cellCol > maxCol) maxCol = cellCol;
  };

  await parseXml(
    bytes,
    {
      open(name, attrs, selfClosing) {
        switch (name) {
          case 'sheetData':
            inSheetData = !selfClosing;
            return;
          case 'row': {
            if (!inSheetData) return;
            rowCount++;
            const r = Number(attrs.r);
            rowNumber = attrs.r !== undefined && Number.isInteger(r) && r > 0 && r <= MAX_ROW ? r : rowNumber + 1;
            nextCol = 1;
            if (isTrue(attrs.hidden)) hiddenRows.add(rowNumber);
            return;
          }
          case 'c': {
            if (!inSheetData) return;
            const at = attrs.r !== undefined ? parseAddress(attrs.r) : null;
            // A written address no sheet can hold (A0, ZZZZ1) is left out and counted: the import says so.
            if (attrs.r !== undefined && !at) {
              badAddresses++;
              cell = null;
              return;
            }
            cellRow = at?.row ?? Math.max(rowNumber, 1);
            cellCol = at?.col ?? nextCol;
            nextCol = cellCol + 1;
            cell = { type: attrs.t ?? 'n', style: Number(attrs.s ?? 0), value: null, inline: null, formula: null };
            sharedIndex = null;
            sharedMaster = false;
            if (selfClosing) finishCell();
            return;
          }
          case 'v':
            if (cell) {
              into = 'value';
              cell.value ??= '';
            }
            return;
          case 'f':
            if (cell) {
              into = 'formula';
              cell.formula ??= '';
              if (attrs.t === 'shared' && attrs.si !== undefined) {
                sharedIndex = attrs.si;
                sharedMaster = attrs.ref !== undefined;
              }
            }
            return;
          case 'is':
            if (cell) {
              inInline = true;
              cell.inline ??= '';
            }
            return;
          case 'rPh':
            phonetic++;
            return;
          case 't':
            if (inInline && phonetic === 0) into = 'inline';
            return;
          case 'cols':
            inCols = !selfClosing;
            return;
          case 'col': {
            if (!inCols || !isTrue(attrs.hidden)) return;
            const min = Number(attrs.min);
            const max = Math.min(Number(attrs.max), MAX_COL);
            for (let c = min; Number.isInteger(c) && c >= 1 && c <= max; c++) hiddenCols.add(c);
            return;
          }
          case 'mergeCell': {
            const range = parseRange(attrs.ref ?? '');
            if (range) merges.push(range);
            return;
          }
        }
      },
      close(name) {
        switch (name) {
          case 'c':
            finishCell();
            return;
          case 'v':
          case 'f':
          case 't':
            into = null;
            return;
          case 'is':
            inInline = false;
            return;
          case 'rPh':
            phonetic--;
            return;
          case 'cols':
            inCols = false;
            return;
          case 'sheetData':
            inSheetData = false;
            return;
        }
      },
      text(text) {
        if (!cell || into === null) return;
        if (into === 'value') cell.value += text;
        else if (into === 'formula') cell.formula += text;
        else cell.inline += text;
      },
    },
    () => between(rowCount),
  );
  return { rows, layout: { merges, hiddenRows, hiddenCols, rowCount, badAddresses }, maxRow, maxCol };
}
