import type { CellKeyDownEvent, FullWidthCellKeyDownEvent, SuppressKeyboardEventParams } from 'ag-grid-community';

/**
 * Enter on an entry row (the pinned "Dòng mới" at the top of a grid) does what Tab does: it commits the cell
 * and opens the next one of the same row; on the row's last editable cell it commits and goes back to the
 * row's first cell, ready for the next line. Left to the grid, Enter would move the focus down (Excel-like),
 * past the entry row into the lines or the totals row, where the amount typed next was lost without a word.
 * Enter on an entry cell that is not being edited opens it, instead of leaving the row.
 */
export function enterActsAsTabOnEntryRow(params: SuppressKeyboardEventParams): boolean {
  const { event, node, api, column, editing } = params;
  if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || node.rowPinned !== 'top') return false;
  if (event.type !== 'keydown') return true;
  event.preventDefault();
  if (node.rowIndex === null) return true;
  if (!editing) {
    api.startEditingCell({ rowIndex: node.rowIndex, colKey: column, rowPinned: 'top' });
    return true;
  }
  const columns = api.getAllDisplayedColumns();
  const editable = columns.filter((c) => c.isCellEditable(node));
  const later = editable.some((c) => columns.indexOf(c) > columns.indexOf(column));
  if (later) api.tabToNextCell(event);
  else {
    api.stopEditing();
    if (editable[0]) api.setFocusedCell(node.rowIndex, editable[0], 'top');
  }
  return true;
}

/**
 * A character typed on a cell that cannot take it (a totals row, a computed column, a group heading) is
 * not dropped silently: the message says why and where to type instead. Null when the key is not text
 * or the cell can take it.
 */
export function lockedCellMessage(event: CellKeyDownEvent | FullWidthCellKeyDownEvent): string | null {
  if (!('column' in event) || !event.column) return null;
  const key = event.event as KeyboardEvent | undefined;
  if (!key || key.type !== 'keydown' || key.key.length !== 1 || key.ctrlKey || key.metaKey || key.altKey) return null;
  if (event.api.getEditingCells().length > 0) return null;
  if (event.column.isCellEditable(event.node)) return null;
  const header = event.column.getColDef().headerName ?? '';
  return `Ô "${header}" ở dòng này không nhập được (dòng tổng hoặc số tính sẵn); "${key.key}" vừa gõ không được ghi. Nhập ở dòng "Dòng mới" đầu bảng hoặc ở một dòng chi tiết.`;
}

/**
 * The column definition every editing grid starts from: Enter on the entry row behaves as Tab; a picker opens under
 * its cell, never over the row, so the next cells (the amounts) stay clickable while it is open: a click there
 * closes the picker (the grid's editing popup closes on a press outside it) and lands on that cell.
 */
export const ENTRY_ROW_KEYS = { suppressKeyboardEvent: enterActsAsTabOnEntryRow, cellEditorPopupPosition: 'under' } as const;
