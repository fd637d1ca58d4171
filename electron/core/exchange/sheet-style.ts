/**
 * The look shared by the exchange workbooks (package and reports): Times New Roman, bordered tables with a bold
 * header, titles across the table, the header frozen and repeated on every printed page, A4 landscape fitted to
 * the page width. Values are written by the callers; nothing here turns text into a formula.
 */
import type ExcelJS from 'exceljs';
import type { PaperSize } from 'exceljs';

export const FONT = 'Times New Roman';
const A4: PaperSize = 9 as PaperSize;
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A line of text across the first `columns` columns of a row (merged), centered unless told otherwise. */
export function spanText(
  ws: ExcelJS.Worksheet,
  row: number,
  columns: number,
  text: string,
  style: { size: number; bold?: boolean; italic?: boolean; horizontal?: 'left' | 'center' | 'right' },
): void {
  if (columns > 1) ws.mergeCells(row, 1, row, columns);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, size: style.size, bold: !!style.bold, italic: !!style.italic };
  cell.alignment = { horizontal: style.horizontal ?? 'center', vertical: 'middle', wrapText: true };
}

/** The header cells of a table on one row: bold, boxed, wrapped, centered. */
export function headerCells(ws: ExcelJS.Worksheet, row: number, labels: string[], fromColumn = 1): void {
  labels.forEach((label, i) => {
    const cell = ws.getCell(row, fromColumn + i);
    cell.value = label;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.border = BOX;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

/** The style of a body cell; the value is set by the caller. */
export function bodyCell(cell: ExcelJS.Cell, options: { bold?: boolean; italic?: boolean; numFmt?: string; horizontal?: 'left' | 'center' | 'right'; wrap?: boolean; indent?: number }): void {
  cell.font = { name: FONT, size: 11, bold: !!options.bold, italic: !!options.italic };
  cell.border = BOX;
  if (options.numFmt) cell.numFmt = options.numFmt;
  cell.alignment = {
    vertical: 'top',
    horizontal: options.horizontal ?? 'left',
    ...(options.wrap ? { wrapText: true } : {}),
    ...(options.indent ? { indent: options.indent } : {}),
  };
}

/**
 * Freezes the rows down to the header, repeats the header rows on every printed page, A4 landscape, fitted to
 * one page wide, page numbers in the footer.
 */
export function printLayout(ws: ExcelJS.Worksheet, header: { from: number; to: number }): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: header.to, topLeftCell: `A${header.to + 1}`, activeCell: `A${header.to + 1}`, showGridLines: false }];
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { top: 0.59, bottom: 0.59, left: 0.79, right: 0.59, header: 0.31, footer: 0.31 },
    printTitlesRow: `${header.from}:${header.to}`,
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C&"${FONT},Regular"&10Trang &P/&N` };
}
