/**
 * A print-ready Excel workbook of a decision's annexes, from the same print-document model the renderer prints
 * to PDF (Nghị định 30/2020 layout): one worksheet per annex, header block (issuer | national title and motto,
 * number line | place and date on the first annex), centered label, title and "(Kèm theo …)", unit line, the
 * grouped table header repeated on every printed page, TỔNG SỐ first, "Bằng chữ: …", and the signature block with
 * Nơi nhận after the last annex. A4, margins 20/15/20/30 mm, fit to one page wide, page numbers in the footer.
 *
 * Money cells hold the exact integer đồng; the chosen unit is only a display matter, done by the number format's
 * thousands scaling (a trailing "," divides by 1 000, ",," by 1 000 000). Each money cell gets exactly as many
 * decimals as its value needs in that unit (67.585.500.000 đ → "#,##0.0,," shows 67.585,5; 52.090.000.000 đ →
 * "#,##0,," shows 52.090), so Excel and LibreOffice show what the PDF shows, with no dangling decimal separator;
 * zero shows blank through the format's third section. No formulas: every cell is a plain value.
 */
import ExcelJS from 'exceljs';
import type { PaperSize } from 'exceljs';
import { UNIT_DIGITS, type MoneyUnit } from '../../../shared/money/dong';
import { headerRows, rowValue } from '../../../shared/print/annex-cells';
import type { PrintAnnex, PrintColumn, PrintDocument, PrintRow } from '../../../shared/print/document';

const FONT = 'Times New Roman';
const A4: PaperSize = 9 as PaperSize;
const MM_PER_INCH = 25.4;
const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 };
const PAGE_WIDTH_MM = { portrait: 210, landscape: 297 };
/** Points per line of text at a font size (Times New Roman's line spacing in Excel). */
const lineHeight = (pt: number) => pt * 1.18;

/** Trailing commas of a number format that divide the đồng into the unit (each divides by 1 000). */
const SCALE_COMMAS: Record<MoneyUnit, string> = { dong: '', nghin: ',', trieu: ',,' };

/**
 * The number format of a money cell in a unit: grouped thousands, scaled by trailing commas, exactly the decimals
 * the value needs (trailing zeros trimmed, as formatAmount does), negatives with a leading minus, zero blank.
 */
export function moneyFormat(value: number, unit: MoneyUnit, maxDecimals: number = UNIT_DIGITS[unit]): string {
  const digits = UNIT_DIGITS[unit];
  // The decimals the printed value needs, at most maxDecimals (the spreadsheet rounds the display as the PDF does).
  const shown = Math.min(maxDecimals, digits);
  const scale = 10 ** (digits - shown);
  const rounded = Math.floor((Math.abs(value) + scale / 2) / scale);
  const fraction = shown === 0 ? '' : String(rounded % 10 ** shown).padStart(shown, '0').replace(/0+$/, '');
  const body = `#,##0${fraction ? '.' + '0'.repeat(fraction.length) : ''}${SCALE_COMMAS[unit]}`;
  return `${body};-${body};""`;
}

/** Sheet name of an annex: "Phụ lục I", "Phụ lục II" …, or "Phụ lục" for a single unnumbered annex. */
function sheetName(annex: PrintAnnex, index: number, count: number, used: Set<string>): string {
  const numeral = /^phụ lục\s+(\S+)$/iu.exec(annex.label.trim())?.[1];
  let name = numeral ? `Phụ lục ${numeral}` : count > 1 ? `Phụ lục ${index + 1}` : 'Phụ lục';
  name = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let unique = name;
  for (let n = 2; used.has(unique.toLowerCase()); n++) unique = `${name.slice(0, 27)} (${n})`;
  used.add(unique.toLowerCase());
  return unique;
}

/** Rough width of text in mm in Times New Roman, for row heights of wrapped text (generous rather than tight). */
function textWidthMm(text: string, pt: number, bold: boolean): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) {
    if (ch === ' ') em += 0.25;
    else if (/[0-9]/.test(ch)) em += 0.5;
    else if (ch !== ch.toLowerCase()) em += 0.74;
    else if (/[.,;:!'|()\-/]/.test(ch)) em += 0.3;
    else em += 0.47;
  }
  return em * pt * (bold ? 1.03 : 1) * (MM_PER_INCH / 72);
}

/** Number of lines text wraps to in a cell of a width (mm); word wrap wastes some of each line. */
function wrappedLines(text: string, widthMm: number, pt: number, bold: boolean): number {
  const usable = Math.max(widthMm - 2.5, 5);
  return text
    .split('\n')
    .reduce((n, paragraph) => {
      const w = textWidthMm(paragraph, pt, bold);
      return n + (w <= usable ? 1 : Math.ceil((w * 1.1) / usable));
    }, 0);
}

type Align = Partial<ExcelJS.Alignment>;
interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  align?: Align;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Lays out one sheet row by row; knows the columns' widths in mm to size wrapped text. */
class SheetWriter {
  row = 1;
  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly widthsMm: number[],
  ) {}

  get columnCount(): number {
    return this.widthsMm.length;
  }

  spanWidth(from: number, to: number): number {
    return this.widthsMm.slice(from - 1, to).reduce((a, w) => a + w, 0);
  }

  /** Writes text into columns from..to (1-based) of the current row, merged when wider than one column. */
  put(from: number, to: number, text: string, style: TextStyle, row = this.row): ExcelJS.Cell {
    if (to > from) this.ws.mergeCells(row, from, row, to);
    const cell = this.ws.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: style.size, bold: !!style.bold, italic: !!style.italic, ...(style.underline ? { underline: true } : {}) };
    cell.alignment = { vertical: 'middle', horizontal: 'center', ...style.align };
    return cell;
  }

  /** Sets the current row's height to fit text of a style in a span, at least a minimum. */
  fit(heights: number[], min = 0): void {
    const r = this.ws.getRow(this.row);
    r.height = Math.max(min, ...heights, r.height ?? 0);
  }

  heightFor(text: string, from: number, to: number, style: TextStyle): number {
    const lines = style.align?.wrapText ? wrappedLines(text, this.spanWidth(from, to), style.size, !!style.bold) : 1;
    return lines * lineHeight(style.size) + 2;
  }

  /** One full-width line of text, wrapped, the row sized to it. */
  line(text: string, style: TextStyle, spaceBefore = 0): void {
    const s = { ...style, align: { wrapText: true, ...style.align } };
    this.put(1, this.columnCount, text, s);
    this.fit([this.heightFor(text, 1, this.columnCount, s) + spaceBefore]);
    this.row++;
  }

  blank(height: number): void {
    this.ws.getRow(this.row).height = height;
    this.row++;
  }
}

/** The first column of the right-hand half of a two-column block whose left part takes about `share` of the width. */
function splitColumn(widths: number[], share: number): number {
  if (widths.length < 2) return 1;
  const total = widths.reduce((a, w) => a + w, 0);
  let acc = 0;
  let best = 1;
  let bestGap = Infinity;
  for (let i = 0; i < widths.length - 1; i++) {
    acc += widths[i]!;
    const gap = Math.abs(acc / total - share);
    if (gap < bestGap) {
      bestGap = gap;
      best = i + 2;
    }
  }
  return best;
}

function writeDocHeader(w: SheetWriter, doc: PrintDocument, first: boolean): void {
  const n = w.columnCount;
  // Both lines are the issuer's own name: bold, without a full underline (a sheet cannot draw the short rule).
  const issuerStyle = (): TextStyle => ({ size: 13, bold: true });
  const titleStyle: TextStyle = { size: 12.5, bold: true };
  const mottoStyle: TextStyle = { size: 13.5, bold: true, underline: true };
  const numberStyle: TextStyle = { size: 13 };
  const dateStyle: TextStyle = { size: 13, italic: true };
  if (n === 1) {
    // A one-column table has no room for two blocks side by side: stack them.
    doc.issuerLines.forEach((line) => w.line(line, issuerStyle()));
    w.line(doc.nationalTitle, titleStyle);
    w.line(doc.motto, mottoStyle);
    if (first) {
      w.line(doc.numberLine, numberStyle);
      w.line(doc.placeDateLine, dateStyle);
    }
    return;
  }
  const split = splitColumn(w.widthsMm, 0.4);
  const wrap = (style: TextStyle): TextStyle => ({ ...style, align: { wrapText: true } });
  const pair = (left: { text: string; style: TextStyle } | null, right: { text: string; style: TextStyle } | null, min: number, extra = 0) => {
    const heights: number[] = [];
    if (left) {
      w.put(1, split - 1, left.text, wrap(left.style));
      heights.push(w.heightFor(left.text, 1, split - 1, wrap(left.style)) + extra);
    }
    if (right) {
      w.put(split, n, right.text, wrap(right.style));
      heights.push(w.heightFor(right.text, split, n, wrap(right.style)) + extra);
    }
    w.fit(heights, min);
    w.row++;
  };
  const rights = [
    { text: doc.nationalTitle, style: titleStyle },
    { text: doc.motto, style: mottoStyle },
  ];
  for (let i = 0; i < Math.max(doc.issuerLines.length, rights.length); i++) {
    const issuer = doc.issuerLines[i];
    pair(issuer === undefined ? null : { text: issuer, style: issuerStyle() }, rights[i] ?? null, 18);
  }
  if (first) pair({ text: doc.numberLine, style: numberStyle }, { text: doc.placeDateLine, style: dateStyle }, 24, 6);
}

/** The table of an annex: grouped header (returned as the rows to repeat), then one row per model row. */
function writeTable(w: SheetWriter, annex: PrintAnnex, unit: MoneyUnit, maxDecimals: number): { headerFrom: number; headerTo: number } {
  const depth = Math.max(annex.headerDepth, 1);
  const headerFrom = w.row;
  const headerTo = w.row + depth - 1;
  const headerStyle: TextStyle = { size: 11, bold: true, align: { wrapText: true, horizontal: 'center', vertical: 'middle' } };
  const levelHeights = Array.from({ length: depth }, () => lineHeight(11) + 4);
  const spanning: { level: number; rowSpan: number; needed: number }[] = [];
  for (let r = headerFrom; r <= headerTo; r++) for (let c = 1; c <= w.columnCount; c++) w.ws.getCell(r, c).border = BOX;
  for (const h of headerRows(annex.columns, depth).flat()) {
    const top = headerFrom + h.level;
    const bottom = top + h.rowSpan - 1;
    const from = h.col + 1;
    const to = h.col + h.colSpan;
    if (bottom > top || to > from) w.ws.mergeCells(top, from, bottom, to);
    const cell = w.put(from, from, h.label, headerStyle, top);
    cell.border = BOX;
    const height = w.heightFor(h.label, from, to, headerStyle) + 4;
    if (h.rowSpan === 1) levelHeights[h.level] = Math.max(levelHeights[h.level]!, height);
    else spanning.push({ level: h.level, rowSpan: h.rowSpan, needed: height });
  }
  for (const h of spanning) {
    const needed = h.needed;
    const have = levelHeights.slice(h.level, h.level + h.rowSpan).reduce((a, x) => a + x, 0);
    if (have < needed) levelHeights[h.level + h.rowSpan - 1]! += needed - have;
  }
  levelHeights.forEach((height, i) => (w.ws.getRow(headerFrom + i).height = height));
  w.row = headerTo + 1;

  for (const row of annex.rows) writeTableRow(w, annex.columns, row, unit, maxDecimals);
  return { headerFrom, headerTo };
}

function writeTableRow(w: SheetWriter, columns: PrintColumn[], row: PrintRow, unit: MoneyUnit, maxDecimals: number): void {
  const bold = row.bold || !!row.total;
  const italic = !!row.italic;
  const font: Partial<ExcelJS.Font> = { name: FONT, size: 11, bold, italic };
  const heights = [lineHeight(11) + 4];
  columns.forEach((column, i) => {
    const cell = w.ws.getCell(w.row, i + 1);
    cell.font = font;
    cell.border = BOX;
    const value = rowValue(row, column);
    if (column.kind === 'money' && typeof value === 'number') {
      if (!Number.isSafeInteger(value)) throw new RangeError(`Số tiền không phải số đồng nguyên: ${value}`);
      cell.value = value;
      cell.numFmt = moneyFormat(value, unit, maxDecimals);
      cell.alignment = { horizontal: 'right', vertical: 'middle' };
      return;
    }
    const text = value === null || value === undefined ? '' : String(value);
    if (text !== '') cell.value = text;
    if (column.kind === 'stt') {
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      return;
    }
    const indent = column.key === 'label' ? Math.max(row.depth, 0) : 0;
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true, ...(indent ? { indent } : {}) };
    if (text) heights.push(wrappedLines(text, w.widthsMm[i]! - indent * 2.6, 11, bold) * lineHeight(11) + 4);
  });
  w.ws.getRow(w.row).height = Math.max(...heights);
  w.row++;
}

function writeSignature(w: SheetWriter, doc: PrintDocument): void {
  const n = w.columnCount;
  const signer: { text: string; bold: boolean }[] = [
    ...(doc.signature.authority ? [{ text: doc.signature.authority, bold: true }] : []),
    ...doc.signature.role.map((text) => ({ text, bold: true })),
    ...Array.from({ length: 5 }, () => ({ text: '', bold: false })), // the space to sign and stamp (≈ 28 mm)
    { text: doc.signature.name, bold: true },
  ];
  const recipients: { text: string; style: TextStyle }[] = [
    { text: 'Nơi nhận:', style: { size: 12, bold: true, italic: true } },
    ...doc.recipients.map((text) => ({ text, style: { size: 11 } as TextStyle })),
  ];
  w.blank(14);
  if (n === 1) {
    // A one-column table: the signer, then Nơi nhận below.
    for (const line of signer) {
      if (line.text) w.line(line.text, { size: 13, bold: line.bold });
      else w.blank(16);
    }
    for (const r of recipients) w.line(r.text, { ...r.style, align: { horizontal: 'left' } });
    return;
  }
  const split = splitColumn(w.widthsMm, 0.5);
  for (let i = 0; i < Math.max(signer.length, recipients.length); i++) {
    const heights = [16];
    const recipient = recipients[i];
    if (recipient) {
      const style = { ...recipient.style, align: { horizontal: 'left', vertical: 'top', wrapText: true } as Align };
      w.put(1, split - 1, recipient.text, style);
      heights.push(w.heightFor(recipient.text, 1, split - 1, style));
    }
    const line = signer[i];
    if (line?.text) {
      const style: TextStyle = { size: 13, bold: line.bold, align: { wrapText: true } };
      w.put(split, n, line.text, style);
      heights.push(w.heightFor(line.text, split, n, style));
    }
    w.fit(heights);
    w.row++;
  }
}

function setupPage(ws: ExcelJS.Worksheet, doc: PrintDocument, titles: { headerFrom: number; headerTo: number }): void {
  const inch = (mm: number) => Math.round((mm / MM_PER_INCH) * 10000) / 10000;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: doc.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { top: inch(MARGINS_MM.top), bottom: inch(MARGINS_MM.bottom), left: inch(MARGINS_MM.left), right: inch(MARGINS_MM.right), header: inch(8), footer: inch(8) },
    printTitlesRow: `${titles.headerFrom}:${titles.headerTo}`,
  };
  // Page numbers as Nghị định 30/2020 wants them: Arabic, centred at the top, 13 pt, none on the first page.
  ws.headerFooter = { ...ws.headerFooter, differentFirst: true, firstHeader: '', oddHeader: `&C&"${FONT},Regular"&13&P` };
}

/** A print-ready workbook (.xlsx) of the annexes of a print document: one worksheet per annex. */
export async function annexWorkbook(doc: PrintDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sổ vốn MTQG';
  const printableMm = PAGE_WIDTH_MM[doc.orientation] - MARGINS_MM.left - MARGINS_MM.right;
  const used = new Set<string>();
  doc.annexes.forEach((annex, index) => {
    const ws = wb.addWorksheet(sheetName(annex, index, doc.annexes.length, used), { views: [{ showGridLines: false }] });
    // Widths are proportions, as in the PDF: the table fills the printable width of the orientation.
    const totalMm = annex.columns.reduce((a, c) => a + c.width, 0) || 1;
    const widthsMm = annex.columns.map((c) => (c.width / totalMm) * printableMm);
    // Excel widths count the default font's digit (exceljs writes Calibri 11: 7 px at 96 dpi, plus 5 px padding).
    // Where Calibri (or metric-compatible Carlito) is missing LibreOffice measures a wider substitute and the
    // fit-to-width scaling prints everything smaller (≈ 78 % with DejaVu Sans); the layout stays the same.
    ws.columns = widthsMm.map((mm) => ({ width: Math.max(((mm / MM_PER_INCH) * 96 - 5) / 7, 1) }));
    const w = new SheetWriter(ws, widthsMm);
    const first = index === 0;
    if (doc.draft && first) {
      w.line('DỰ THẢO — chưa ban hành', { size: 13, bold: true });
      const dashed: Partial<ExcelJS.Border> = { style: 'dashed', color: { argb: 'FF000000' } };
      ws.getCell(w.row - 1, 1).border = { top: dashed, left: dashed, bottom: dashed, right: dashed };
    }
    writeDocHeader(w, doc, first);
    w.blank(10);
    w.line(annex.label, { size: 13, bold: true });
    w.line(annex.title, { size: 13, bold: true });
    w.line(annex.attachedTo, { size: 13, italic: true });
    w.line(annex.unitLine, { size: 12, italic: true, align: { horizontal: 'right' } }, 4);
    const titles = writeTable(w, annex, doc.unit, doc.maxDecimals);
    if (annex.roundingNote) w.line(annex.roundingNote, { size: 12, italic: true, align: { horizontal: 'left' } }, 4);
    if (annex.amountInWords) w.line(annex.amountInWords, { size: 12, italic: true, align: { horizontal: 'left' } }, 4);
    if (index === doc.annexes.length - 1) writeSignature(w, doc);
    setupPage(ws, doc, titles);
  });
  if (doc.annexes.length === 0) wb.addWorksheet('Phụ lục');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
