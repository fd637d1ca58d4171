import type { CellClassParams, CellEditRequestEvent, ColDef, GetRowIdParams, GridApi, GridReadyEvent, RowClassParams, ValueGetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { LineChange } from '../../../shared/api/decisions';
import type { DecisionLine } from '../../../shared/api/decisions';
import type { RecipientOption } from '../../../shared/api/registers';
import { pivotLines, reuseUnchanged, sheetTotals, visibleRows, type AmountColumn, type SheetRow } from '../../../shared/domain/decision-sheet';
import { formatAmount, parseAmount, type MoneyUnit } from '../../../shared/money/dong';
import { PickerEditor, type PickerOption } from '../../grid/PickerEditor';
import { LABEL_COLUMN, RECIPIENT_COLUMN, recipientInputOf, toRecipientInput } from './paste';
import { EDITING_GRID_PROPS, ENTRY_COLUMN_DEFAULTS, hintOnLockedCell } from '../../kit/grid-defaults';

export type GridRow = SheetRow & { entry?: boolean; totalRow?: boolean };

export interface CellProblem {
  rowId: string;
  colId: string;
  message: string;
}

export interface AllocationGridHandle {
  api: () => GridApi<GridRow> | null;
  /** Expands the groups above a line and puts the focus on it. */
  focusLine: (lineId: number) => void;
  displayedRows: () => SheetRow[];
  allRows: () => SheetRow[];
}

interface Props {
  lines: DecisionLine[];
  columns: AmountColumn[];
  columnLabel: (c: AmountColumn) => string;
  unit: MoneyUnit;
  readOnly: boolean;
  year: number;
  /** The money year of lines typed on the entry row (the decision's year, or carried-over money assigned in it). */
  entryOriginYear: number;
  componentOptions: PickerOption[];
  componentNames: Map<string, string>;
  componentOrder: Map<string, number>;
  recipientOptions: PickerOption[];
  recipientByValue: Map<string, RecipientOption>;
  problem: CellProblem | null;
  onChanges: (changes: LineChange[], where: { rowId: string; colId: string }) => void;
  onHint: (text: string | null) => void;
}

const getRowId = (p: GetRowIdParams<GridRow>) => p.data.rowId;
const getRowClass = (p: RowClassParams<GridRow>) =>
  p.data?.entry ? 'row-draft' : p.data?.totalRow ? 'row-grand-total' : p.data?.kind === 'program' ? 'row-group-program' : p.data?.kind === 'component' ? 'row-group-component' : undefined;

const ENTRY_ID = 'entry';

function entryRow(componentCode: string | null, componentName: string | null, recipient: RecipientOption | null): GridRow {
  return {
    rowId: ENTRY_ID,
    kind: 'line',
    depth: 0,
    programCode: '',
    programName: '',
    componentCode,
    componentName,
    recipient,
    originYear: null,
    projectId: null,
    cells: {},
    lineIds: {},
    total: 0 as SheetRow['total'],
    lineCount: 0,
    entry: true,
  };
}

/** The allocation editor: program → component → recipient rows, one amount column per source × capital type. */
export const AllocationGrid = forwardRef<AllocationGridHandle, Props>(function AllocationGrid(props, ref) {
  const { lines, columns, columnLabel, unit, readOnly, year, entryOriginYear, componentOptions, componentNames, componentOrder, recipientOptions, recipientByValue, problem, onChanges, onHint } = props;
  const gridApi = useRef<GridApi<GridRow> | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const reuse = useRef(new Map<string, { row: SheetRow; signature: string }>());
  const entry = useRef<{ componentCode: string | null; componentName: string | null; recipient: RecipientOption | null }>({ componentCode: null, componentName: null, recipient: null });
  const problemRef = useRef(problem);
  problemRef.current = problem;

  const allRows = useMemo(() => pivotLines(lines, componentOrder), [lines, componentOrder]);
  const rowData = useMemo(() => {
    const { rows, index } = reuseUnchanged(reuse.current, visibleRows(allRows, collapsed));
    reuse.current = index;
    return rows as GridRow[];
  }, [allRows, collapsed]);
  const pinnedTop = useMemo(() => (readOnly ? [] : [entryRow(null, null, null)]), [readOnly]);
  const pinnedBottom = useMemo<GridRow[]>(() => {
    const totals = sheetTotals(allRows);
    return [{ ...entryRow(null, null, null), rowId: 'total', entry: false, totalRow: true, programName: 'Tổng cộng', cells: totals.cells, total: totals.total }];
  }, [allRows]);

  const toggle = useCallback((rowId: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(rowId)) next.delete(rowId);
      else next.add(rowId);
      return next;
    });
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      api: () => gridApi.current,
      displayedRows: () => rowData,
      allRows: () => allRows,
      focusLine: (lineId: number) => {
        const row = allRows.find((r) => r.kind === 'line' && Object.values(r.lineIds).includes(lineId));
        if (!row) return;
        setCollapsed((current) => {
          const next = new Set(current);
          next.delete(`p:${row.programCode}`);
          next.delete(`c:${row.componentCode}`);
          return next;
        });
        setTimeout(() => {
          const node = gridApi.current?.getRowNode(row.rowId);
          if (!node || node.rowIndex === null) return;
          const column = Object.entries(row.lineIds).find(([, id]) => id === lineId)?.[0] ?? LABEL_COLUMN;
          gridApi.current?.ensureNodeVisible(node, 'middle');
          gridApi.current?.setFocusedCell(node.rowIndex, column);
          gridApi.current?.flashCells({ rowNodes: [node] });
        }, 30);
      },
    }),
    [allRows, rowData],
  );

  /** Repaints the entry row after a pick, without re-creating the editor the officer tabbed into. */
  const paintEntry = useCallback((colId: string) => {
    const node = gridApi.current?.getPinnedTopRow(0);
    if (!node?.data) return;
    Object.assign(node.data, entryRow(entry.current.componentCode, entry.current.componentName, entry.current.recipient));
    gridApi.current?.refreshCells({ rowNodes: [node], columns: [colId], force: true });
  }, []);

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<GridRow>) => {
      const row = event.data;
      const colId = event.column.getColId();
      if (!row || row.totalRow) return;
      const raw = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue).trim();
      if (row.entry) {
        if (colId === LABEL_COLUMN) {
          const option = componentOptions.find((o) => o.value === raw);
          entry.current = { ...entry.current, componentCode: option ? option.value : null, componentName: option ? (componentNames.get(option.value) ?? '') : null };
          paintEntry(LABEL_COLUMN);
          return;
        }
        if (colId === RECIPIENT_COLUMN) {
          entry.current = { ...entry.current, recipient: recipientByValue.get(raw) ?? null };
          paintEntry(RECIPIENT_COLUMN);
          return;
        }
        const column = columns.find((c) => c.key === colId);
        if (!column || raw === '') return;
        const { componentCode, recipient } = entry.current;
        if (!componentCode || !recipient) return onHint('Chọn hạng mục và đơn vị nhận ở dòng nhập mới trước khi nhập số tiền.');
        const parsed = parseAmount(raw, unit);
        if (!parsed.ok) return onChanges([], { rowId: ENTRY_ID, colId }), onHint(`Số tiền: ${parsed.message}`);
        onHint(null);
        onChanges(
          [{ op: 'add', line: { componentCode, recipient: toRecipientInput(recipient), sourceCode: column.sourceCode, capitalType: column.capitalType, originYear: entryOriginYear, amount: { text: raw, unit } } }],
          { rowId: ENTRY_ID, colId },
        );
        return;
      }
      if (row.kind !== 'line') return;
      const column = columns.find((c) => c.key === colId);
      if (!column) return;
      const lineId = row.lineIds[column.key];
      if (raw === '') {
        if (lineId !== undefined) onChanges([{ op: 'delete', id: lineId }], { rowId: row.rowId, colId });
        return;
      }
      onChanges(
        lineId !== undefined
          ? [{ op: 'update', id: lineId, patch: { amount: { text: raw, unit } } }]
          : [{ op: 'add', line: { componentCode: row.componentCode!, recipient: recipientInputOf(row), sourceCode: column.sourceCode, capitalType: column.capitalType, originYear: row.originYear!, amount: { text: raw, unit } } }],
        { rowId: row.rowId, colId },
      );
    },
    [columns, componentNames, componentOptions, entryOriginYear, onChanges, onHint, paintEntry, recipientByValue, unit],
  );

  const columnDefs = useMemo<ColDef<GridRow>[]>(() => {
    const problemClass = {
      'cell-error': (p: CellClassParams<GridRow>) => problemRef.current !== null && p.data?.rowId === problemRef.current.rowId && p.column.getColId() === problemRef.current.colId,
    };
    const amountCols: ColDef<GridRow>[] = columns.map((c) => ({
      colId: c.key,
      headerName: columnLabel(c),
      width: 120,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      type: 'rightAligned',
      editable: (p) => !readOnly && (p.data?.entry === true || p.data?.kind === 'line') && !p.data?.totalRow,
      cellClassRules: { ...problemClass, 'cell-sum': (p: CellClassParams<GridRow>) => p.data?.kind !== 'line' || p.data.totalRow === true },
      valueGetter: (p: ValueGetterParams<GridRow>) => {
        const v = p.data?.cells[c.key];
        return v === undefined ? '' : formatAmount(v, unit);
      },
    }));
    return [
      {
        colId: LABEL_COLUMN,
        headerName: 'Hạng mục / đơn vị nhận',
        pinned: 'left',
        width: 300,
        editable: (p) => !readOnly && p.data?.entry === true,
        cellEditor: PickerEditor,
        cellEditorParams: { options: componentOptions },
        cellEditorPopup: true,
        cellClassRules: problemClass,
        cellRenderer: (p: { data?: GridRow }) => {
          const r = p.data;
          if (!r) return null;
          if (r.totalRow) return <strong>Tổng cộng</strong>;
          if (r.entry) {
            const money = entryOriginYear !== year ? ` (vốn năm ${entryOriginYear})` : '';
            return <span className="muted">{r.componentCode ? `${r.componentCode} — ${r.componentName}${money}` : `Dòng mới${money}: gõ để chọn hạng mục…`}</span>;
          }
          if (r.kind === 'line') return <span style={{ paddingLeft: 44 }}>{r.recipient?.name}{r.originYear !== year ? ` (vốn năm ${r.originYear})` : ''}</span>;
          const closed = collapsed.has(r.rowId);
          return (
            <span style={{ paddingLeft: r.depth * 20 }}>
              <button type="button" className="tree-toggle" aria-label={closed ? 'Mở rộng' : 'Thu gọn'} aria-expanded={!closed} onClick={() => toggle(r.rowId)}>
                {closed ? '▸' : '▾'}
              </button>{' '}
              {r.kind === 'program' ? r.programName : `${r.componentCode} — ${r.componentName}`}
            </span>
          );
        },
        tooltipValueGetter: (p) => (p.data?.kind === 'program' ? p.data.programName : p.data?.componentName ?? undefined),
      },
      {
        colId: RECIPIENT_COLUMN,
        headerName: 'Mã / đơn vị mới',
        headerTooltip: 'Mã xã của dòng; ở dòng nhập mới: chọn xã hoặc đơn vị nhận',
        pinned: 'left',
        width: 120,
        editable: (p) => !readOnly && p.data?.entry === true,
        cellEditor: PickerEditor,
        cellEditorParams: { options: recipientOptions },
        cellEditorPopup: true,
        cellClassRules: problemClass,
        valueGetter: (p: ValueGetterParams<GridRow>) => (p.data?.entry ? (p.data.recipient?.name ?? (readOnly ? '' : 'Gõ để chọn…')) : p.data?.kind === 'line' && !p.data.totalRow ? (p.data.recipient?.code ?? '') : ''),
      },
      ...amountCols,
      {
        colId: 'total',
        headerName: 'Tổng số',
        width: 130,
        type: 'rightAligned',
        cellClass: ['ag-right-aligned-cell', 'cell-sum'],
        valueGetter: (p: ValueGetterParams<GridRow>) => (p.data && !p.data.entry ? formatAmount(p.data.total, unit) : ''),
      },
    ];
  }, [collapsed, columnLabel, columns, componentOptions, readOnly, recipientOptions, toggle, unit, year, entryOriginYear]);

  const onGridReady = useCallback((event: GridReadyEvent<GridRow>) => {
    gridApi.current = event.api;
  }, []);

  return (
    <AgGridReact<GridRow>
      {...EDITING_GRID_PROPS}
      columnDefs={columnDefs}
      rowData={rowData}
      pinnedTopRowData={pinnedTop}
      pinnedBottomRowData={pinnedBottom}
      getRowId={getRowId}
      getRowClass={getRowClass}
      onCellEditRequest={onCellEditRequest}
      onGridReady={onGridReady}
      defaultColDef={ENTRY_COLUMN_DEFAULTS}
      onCellKeyDown={(e) => {
        hintOnLockedCell(onHint)(e);
        const key = (e.event as KeyboardEvent | undefined)?.key;
        const onLabel = 'column' in e && e.column.getColId() === LABEL_COLUMN;
        if ((key === 'Enter' || key === ' ') && onLabel && e.data && (e.data.kind === 'program' || e.data.kind === 'component') && !e.data.totalRow) toggle(e.data.rowId);
      }}
    />
  );
});
