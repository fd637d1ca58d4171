/** What the reader gives the recognizers: the cells of each sheet, normalized, with the layout facts they need. */
import type { LegacyEncoding } from './legacy-vietnamese';
import type { SheetState } from './workbook-parts';

export type CellKind = 'text' | 'number' | 'date' | 'bool' | 'error' | 'formula_no_value';

export interface ReadCell {
  kind: CellKind;
  /** Text as read (converted and NFC); for numbers their plain decimal form; for a formula without a value "=…". */
  text: string;
  number: number | null;
  formula: boolean;
  /** The legacy encoding this text was converted from, and whether only a guess said so (no legacy font). */
  convertedFrom: LegacyEncoding | null;
  guessed: boolean;
  /** A formula's text without "=" (shared formulas translated to this cell). */
  formulaText?: string;
  /** The value was computed by the app: the file kept none, or a 0 its own formula disagrees with. */
  computed?: boolean;
}

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
  /** Cells written at an address no sheet can hold (A0, ZZZZ1), left out. */
  badAddresses?: number;
}

export interface ReadSheet {
  name: string;
  order: number;
  state: SheetState;
  rows: Map<number, Map<number, ReadCell>>;
  layout: SheetLayout;
  maxRow: number;
  maxCol: number;
}

export interface ReadWorkbook {
  sheets: ReadSheet[];
}
