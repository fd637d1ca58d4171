import type { CellClassParams, CellEditRequestEvent, ColDef, GridApi, GridReadyEvent, ValueGetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef } from 'react';
import type { LineChange } from '../../../shared/api/decisions';
import type { RecurrentProgram, RecurrentRow, RecurrentUnit } from '../../../shared/api/recurrent';
import { cellChanges, pasteChanges } from '../../../shared/domain/recurrent-matrix';
import { formatAmount, parseAmount, toDong, type MoneyUnit } from '../../../shared/money/dong';
import { parseClipboardTable } from '../../../shared/grid/tsv';
import { EDITING_GRID_PROPS, hintOnLockedCell, ENTRY_COLUMN_DEFAULTS } from '../../kit/grid-defaults';

const UNIT_PREFIX = 'u:';
const getRowId = (p: { data: RecurrentRow }) => p.data.componentCode;

export interface RecurrentGridHandle {
  /** Turns a block pasted at the focused cell into line changes; null when the focus is not on an amount cell. */
  paste(text: string): ReturnType<typeof pasteChanges> | null;
  /** Whether a cell editor is open. */
  editing(): boolean;
}

interface Props {
  program: RecurrentProgram;
  units: RecurrentUnit[];
  sourceCode: string;
  unit: MoneyUnit;
  year: number;
  editable: boolean;
  onChanges: (changes: LineChange[]) => void;
  onProblem: (message: string | null) => void;
}

/** Components of one program × implementing units, for one source; the program's totals pinned below. */
export const RecurrentGrid = forwardRef<RecurrentGridHandle, Props>(function RecurrentGrid({ program, units, sourceCode, unit, year, editable, onChanges, onProblem }, ref) {
  const gridApi = useRef<GridApi<RecurrentRow> | null>(null);
  const money = useCallback((value: number | undefined) => (value === undefined || value === 0 ? '' : formatAmount(toDong(value), unit)), [unit]);
  const columnDefs = useMemo<ColDef<RecurrentRow>[]>(
    () => [
      { colId: 'code', headerName: 'Mã', pinned: 'left', width: 150, valueGetter: (p: ValueGetterParams<RecurrentRow>) => (p.node?.rowPinned ? '' : p.data?.componentCode) },
      {
        colId: 'name',
        headerName: 'Dự án, tiểu dự án, nội dung',
        pinned: 'left',
        width: 190,
        tooltipValueGetter: (p) => p.data?.componentName,
        cellStyle: (p) => ({ paddingLeft: `${8 + Math.max(0, (p.data?.depth ?? 1) - 1) * 14}px`, fontWeight: p.data?.entry ? 'normal' : '600' }),
        valueGetter: (p: ValueGetterParams<RecurrentRow>) => (p.node?.rowPinned ? `Cộng ${program.programCode}` : p.data?.componentName),
      },
      { colId: 'assigned', headerName: 'Được giao', width: 96, type: 'rightAligned', valueGetter: (p: ValueGetterParams<RecurrentRow>) => money(p.data?.assigned[sourceCode]) },
      { colId: 'before', headerName: 'Đã phân bổ trước', width: 96, wrapHeaderText: true, autoHeaderHeight: true, type: 'rightAligned', valueGetter: (p: ValueGetterParams<RecurrentRow>) => money(p.data?.allocatedBefore[sourceCode]) },
      // Total and remaining before the units, so they are seen whatever the number of units (pinned right, they hid under the scroll bar).
      { colId: 'total', headerName: 'Tổng phân bổ', width: 100, wrapHeaderText: true, autoHeaderHeight: true, type: 'rightAligned', cellClass: ['ag-right-aligned-cell', 'cell-sum'], valueGetter: (p: ValueGetterParams<RecurrentRow>) => money(p.data?.total[sourceCode]) },
      {
        colId: 'remaining',
        headerName: 'Còn lại',
        width: 96,
        type: 'rightAligned',
        cellClassRules: { 'cell-negative': (p: CellClassParams<RecurrentRow>) => (p.data?.remaining[sourceCode] ?? 0) < 0 },
        valueGetter: (p: ValueGetterParams<RecurrentRow>) => {
          const value = p.data?.remaining[sourceCode] ?? 0;
          return value === 0 ? '0' : formatAmount(toDong(value), unit);
        },
      },
      ...units.map<ColDef<RecurrentRow>>((u) => ({
        colId: `${UNIT_PREFIX}${u.key}`,
        headerName: u.recipient.name,
        headerTooltip: u.recipient.name,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        width: 124,
        type: 'rightAligned',
        editable: (p) => editable && !p.node.rowPinned && p.data?.entry === true,
        cellClassRules: { 'cell-sum': (p: CellClassParams<RecurrentRow>) => !p.data?.entry || p.node.rowPinned !== null && p.node.rowPinned !== undefined },
        valueGetter: (p: ValueGetterParams<RecurrentRow>) => money(p.data?.cells[u.key]?.[sourceCode]),
      })),

    ],
    [editable, money, program.programCode, sourceCode, unit, units],
  );

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<RecurrentRow>) => {
      const row = event.data;
      const colId = event.column.getColId();
      const target = units.find((u) => `${UNIT_PREFIX}${u.key}` === colId);
      if (!row || !row.entry || !target || event.node.rowPinned) return;
      const raw = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue).trim();
      const parsed = raw === '' ? { ok: true as const, value: toDong(0) } : parseAmount(raw, unit);
      if (!parsed.ok) return onProblem(`${row.componentCode} — ${target.recipient.name}: ${parsed.message}`);
      if (parsed.value < 0) return onProblem(`${row.componentCode} — ${target.recipient.name}: số tiền phân bổ không được âm.`);
      onProblem(null);
      onChanges(cellChanges(row, target, sourceCode, parsed.value, year));
    },
    [onChanges, onProblem, sourceCode, unit, units, year],
  );

  useImperativeHandle(
    ref,
    () => ({
      editing: () => (gridApi.current?.getEditingCells().length ?? 0) > 0,
      paste(text) {
        const api = gridApi.current;
        const focused = api?.getFocusedCell();
        if (!api || !focused || focused.rowPinned || !editable) return null;
        const startUnit = units.findIndex((u) => `${UNIT_PREFIX}${u.key}` === focused.column.getColId());
        if (startUnit < 0) return null;
        const table = parseClipboardTable(text);
        return pasteChanges({ table, rows: program.rows, units, startRow: focused.rowIndex, startUnit, sourceCode, unit, year });
      },
    }),
    [editable, program.rows, sourceCode, unit, units, year],
  );

  return (
    <AgGridReact<RecurrentRow>
      {...EDITING_GRID_PROPS}
      columnDefs={columnDefs}
      rowData={program.rows}
      pinnedBottomRowData={[program.summary]}
      getRowId={getRowId}
      getRowClass={(p) => (p.node.rowPinned ? 'row-grand-total' : p.data?.entry ? undefined : 'row-total')}
      onCellEditRequest={onCellEditRequest}
      onCellKeyDown={hintOnLockedCell(onProblem)}
      onGridReady={(e: GridReadyEvent<RecurrentRow>) => (gridApi.current = e.api)}
      defaultColDef={ENTRY_COLUMN_DEFAULTS}
      // A district has tens of units at most: every column stays in the page, so Tab and paste reach them all.
      suppressColumnVirtualisation
    />
  );
});
