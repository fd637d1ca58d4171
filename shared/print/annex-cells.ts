/**
 * How an annex table's cells read, the same in the print view (PDF), the workbook and the Word document: the
 * grouped header's merged cells, and each cell's text in the chosen unit.
 */
import type { Dong } from '../money/dong';
import type { MoneyCellFormat } from './money-columns';
import type { PrintColumn, PrintRow } from './document';

/** One cell of a grouped header: equal neighbouring labels on a level merge, a column's last label spans down. */
export interface HeaderCell {
  label: string;
  level: number;
  /** 0-based index of the first column it covers. */
  col: number;
  colSpan: number;
  rowSpan: number;
}

/** The header cells level by level (the outer array is the header's rows). */
export function headerRows(columns: PrintColumn[], depth: number): HeaderCell[][] {
  const rows: HeaderCell[][] = [];
  for (let level = 0; level < depth; level++) {
    const row: HeaderCell[] = [];
    for (let i = 0; i < columns.length; i++) {
      const header = columns[i]!.header;
      if (level >= header.length) continue;
      const label = header[level]!;
      const lastLevel = level === header.length - 1;
      let span = 1;
      while (!lastLevel && i + span < columns.length && columns[i + span]!.header[level] === label && columns[i + span]!.header.length > level + 1) span++;
      row.push({ label, level, col: i, colSpan: span, rowSpan: lastLevel ? depth - level : 1 });
      i += span - 1;
    }
    rows.push(row);
  }
  return rows;
}

/**
 * A cell's printed text: money in its column's format (one number of decimals for the whole column, see
 * money-columns.ts), zero and no value blank.
 */
export function cellText(value: unknown, column: PrintColumn, money: Map<string, MoneyCellFormat>): string {
  if (value === null || value === undefined) return '';
  const format = column.kind === 'money' ? money.get(column.key) : undefined;
  return format ? format(value as Dong) : String(value);
}

/** What a row holds in a column: the STT for the STT column, the cell otherwise. */
export function rowValue(row: PrintRow, column: PrintColumn): string | Dong | null | undefined {
  return column.key === 'stt' ? row.stt : row.cells[column.key];
}
