/**
 * What every ag-grid of the app shares, so a grid states only its own columns, rows and handlers:
 * the theme, Vietnamese texts, Excel-like editing, tooltips, and the column defaults.
 */
import type { CellKeyDownEvent, ColDef, FullWidthCellKeyDownEvent } from 'ag-grid-community';
import { EXCEL_LIKE_EDITING, GRID_LOCALE_VI, gridTheme } from '../grid/agGrid';
import { ENTRY_ROW_KEYS, lockedCellMessage } from '../grid/entry-keys';

/** Columns can be resized, not sorted (the core gives the order) nor dragged. */
export const COLUMN_DEFAULTS = { resizable: true, sortable: false, suppressMovable: true } as const satisfies ColDef;

/** Columns of a grid with an entry row: Enter on the entry row moves to the next cell as Tab does. */
export const ENTRY_COLUMN_DEFAULTS = { ...COLUMN_DEFAULTS, ...ENTRY_ROW_KEYS } as const satisfies ColDef;

/** Spread into every <AgGridReact>: the app's look, Vietnamese texts, tooltips (the reason of a finding) soon enough. */
export const GRID_PROPS = { theme: gridTheme, localeText: GRID_LOCALE_VI, tooltipShowDelay: 400 } as const;

/** Spread into <AgGridReact> of an editing grid: GRID_PROPS and Excel-like editing. */
export const EDITING_GRID_PROPS = { ...GRID_PROPS, ...EXCEL_LIKE_EDITING } as const;

/** An onCellKeyDown that says why a cell cannot be typed in (a total, an issued line) through the screen's hint. */
export function hintOnLockedCell(onHint: (message: string) => void) {
  return (event: CellKeyDownEvent | FullWidthCellKeyDownEvent) => {
    const locked = lockedCellMessage(event);
    if (locked) onHint(locked);
  };
}
