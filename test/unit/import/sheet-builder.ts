/** Small hand-built sheets for the recognition stages: cells by A1 address, numbers as numbers, text as text. */
import type { ReadCell, ReadSheet } from '../../../electron/core/excel/workbook-reader';
import type { CellRange } from '../../../electron/core/excel/read-types';

export type CellInput = string | number | Partial<ReadCell> & { text: string };

export function cellOf(value: CellInput): ReadCell {
  if (typeof value === 'number') return { kind: 'number', text: String(value), number: value, formula: false, convertedFrom: null, guessed: false };
  if (typeof value === 'string') return { kind: 'text', text: value, number: null, formula: false, convertedFrom: null, guessed: false };
  return { kind: 'text', number: null, formula: false, convertedFrom: null, guessed: false, ...value };
}

export function sheetOf(cells: Record<string, CellInput>, layout: { hiddenRows?: number[]; merges?: CellRange[]; badAddresses?: number; name?: string } = {}): ReadSheet {
  const rows = new Map<number, Map<number, ReadCell>>();
  let maxRow = 0;
  let maxCol = 0;
  for (const [address, value] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(m[2]);
    if (!rows.has(row)) rows.set(row, new Map());
    rows.get(row)!.set(col, cellOf(value));
    maxRow = Math.max(maxRow, row);
    maxCol = Math.max(maxCol, col);
  }
  return {
    name: layout.name ?? 'Biểu 1',
    order: 0,
    state: 'visible',
    rows,
    layout: { merges: layout.merges ?? [], hiddenRows: new Set(layout.hiddenRows ?? []), hiddenCols: new Set(), rowCount: rows.size, badAddresses: layout.badAddresses },
    maxRow,
    maxCol,
  };
}
