/**
 * One worksheet part, streamed through the SAX parser: every cell with its type, value (a cached 0 is a value)
 * and formula text; merged ranges, hidden rows and columns. Text is converted from TCVN3/VNI by the cell's font
 * and normalized to NFC on the way in.
 */
import { decodeLegacy, guessLegacyEncoding, legacyFontEncoding, normalizeVietnamese } from './legacy-vietnamese';
import { shiftFormula } from './formula';
import type { CellRange, ReadCell, SheetLayout } from './read-types';
import type { CellFormat } from './styles';
import { parseXml, unescapeOoxml, type XmlHandlers } from './xml-events';

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
  const reader = new SheetXmlReader(ctx);
  // The parser calls `close` and `text` detached from their object: each handler is bound here.
  const handlers: XmlHandlers = { open: (name, attrs, selfClosing) => reader.open(name, attrs, selfClosing), close: (name) => reader.close(name), text: (text) => reader.text(text) };
  await parseXml(bytes, handlers, () => between(reader.rowCount));
  return reader.result();
}

/** The SAX handlers of one worksheet part, and what they have read so far. */
class SheetXmlReader implements XmlHandlers {
  rowCount = 0;
  private readonly rows = new Map<number, Map<number, ReadCell>>();
  private readonly merges: CellRange[] = [];
  private readonly hiddenRows = new Set<number>();
  private readonly hiddenCols = new Set<number>();
  private readonly sharedFormulas = new Map<string, { text: string; row: number; col: number }>();
  private badAddresses = 0;
  private maxRow = 0;
  private maxCol = 0;
  private rowNumber = 0;
  private nextCol = 1;
  private cellRow = 0;
  private cellCol = 0;
  private cell: RawCell | null = null;
  /** Where text goes: the value, the formula, an inline string's text (not its phonetic guide). */
  private into: 'value' | 'formula' | 'inline' | null = null;
  private sharedIndex: string | null = null;
  private sharedMaster = false;
  private inInline = false;
  private phonetic = 0;
  private inCols = false;
  private inSheetData = false;

  constructor(private readonly ctx: SheetContext) {}

  result(): SheetCells {
    const { rows, merges, hiddenRows, hiddenCols, rowCount, badAddresses } = this;
    return { rows, layout: { merges, hiddenRows, hiddenCols, rowCount, badAddresses }, maxRow: this.maxRow, maxCol: this.maxCol };
  }

  private finishCell(): void {
    const cell = this.cell;
    if (!cell) return;
    if (this.sharedIndex !== null) {
      const master = this.sharedFormulas.get(this.sharedIndex);
      if (this.sharedMaster && cell.formula) this.sharedFormulas.set(this.sharedIndex, { text: cell.formula, row: this.cellRow, col: this.cellCol });
      else if (master && (cell.formula === null || cell.formula === '')) cell.formula = shiftFormula(master.text, this.cellRow - master.row, this.cellCol - master.col);
    }
    const read = buildCell(cell, this.ctx);
    this.cell = null;
    if (!read) return;
    let line = this.rows.get(this.cellRow);
    if (!line) this.rows.set(this.cellRow, (line = new Map()));
    line.set(this.cellCol, read);
    if (this.cellRow > this.maxRow) this.maxRow = this.cellRow;
    if (this.cellCol > this.maxCol) this.maxCol = this.cellCol;
  }

  private openRow(attrs: Record<string, string>): void {
    this.rowCount++;
    const r = Number(attrs.r);
    this.rowNumber = attrs.r !== undefined && Number.isInteger(r) && r > 0 && r <= MAX_ROW ? r : this.rowNumber + 1;
    this.nextCol = 1;
    if (isTrue(attrs.hidden)) this.hiddenRows.add(this.rowNumber);
  }

  private openCell(attrs: Record<string, string>, selfClosing: boolean): void {
    const at = attrs.r !== undefined ? parseAddress(attrs.r) : null;
    // A written address no sheet can hold (A0, ZZZZ1) is left out and counted: the import says so.
    if (attrs.r !== undefined && !at) {
      this.badAddresses++;
      this.cell = null;
      return;
    }
    this.cellRow = at?.row ?? Math.max(this.rowNumber, 1);
    this.cellCol = at?.col ?? this.nextCol;
    this.nextCol = this.cellCol + 1;
    this.cell = { type: attrs.t ?? 'n', style: Number(attrs.s ?? 0), value: null, inline: null, formula: null };
    this.sharedIndex = null;
    this.sharedMaster = false;
    if (selfClosing) this.finishCell();
  }

  private openFormula(attrs: Record<string, string>): void {
    if (!this.cell) return;
    this.into = 'formula';
    this.cell.formula ??= '';
    if (attrs.t === 'shared' && attrs.si !== undefined) {
      this.sharedIndex = attrs.si;
      this.sharedMaster = attrs.ref !== undefined;
    }
  }

  private openHiddenCols(attrs: Record<string, string>): void {
    if (!this.inCols || !isTrue(attrs.hidden)) return;
    const min = Number(attrs.min);
    const max = Math.min(Number(attrs.max), MAX_COL);
    for (let c = min; Number.isInteger(c) && c >= 1 && c <= max; c++) this.hiddenCols.add(c);
  }

  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void {
    switch (name) {
      case 'sheetData':
        this.inSheetData = !selfClosing;
        return;
      case 'row':
        if (this.inSheetData) this.openRow(attrs);
        return;
      case 'c':
        if (this.inSheetData) this.openCell(attrs, selfClosing);
        return;
      case 'v':
        if (this.cell) {
          this.into = 'value';
          this.cell.value ??= '';
        }
        return;
      case 'f':
        this.openFormula(attrs);
        return;
      case 'is':
        if (this.cell) {
          this.inInline = true;
          this.cell.inline ??= '';
        }
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 't':
        if (this.inInline && this.phonetic === 0) this.into = 'inline';
        return;
      case 'cols':
        this.inCols = !selfClosing;
        return;
      case 'col':
        this.openHiddenCols(attrs);
        return;
      case 'mergeCell': {
        const range = parseRange(attrs.ref ?? '');
        if (range) this.merges.push(range);
        return;
      }
    }
  }

  close(name: string): void {
    switch (name) {
      case 'c':
        this.finishCell();
        return;
      case 'v':
      case 'f':
      case 't':
        this.into = null;
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'rPh':
        this.phonetic--;
        return;
      case 'cols':
        this.inCols = false;
        return;
      case 'sheetData':
        this.inSheetData = false;
        return;
    }
  }

  text(text: string): void {
    const cell = this.cell;
    if (!cell || this.into === null) return;
    if (this.into === 'value') cell.value += text;
    else if (this.into === 'formula') cell.formula += text;
    else cell.inline += text;
  }
}
