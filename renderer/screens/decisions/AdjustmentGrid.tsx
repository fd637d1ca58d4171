import type { CellClassParams, CellEditRequestEvent, ColDef, GetRowIdParams, GridApi, GridReadyEvent, ValueGetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef } from 'react';
import type { LineChange } from '../../../shared/api/decisions';
import type { DecisionLine } from '../../../shared/api/decisions';
import type { ReasonCode } from '../../../shared/api/reference';
import type { RecipientOption } from '../../../shared/api/registers';
import type { PickerOption } from '../../grid/PickerEditor';
import { toRecipientInput } from './paste';
import { formatAmount, parseAmount, toDong, type MoneyUnit } from '../../../shared/money/dong';
import { PickerEditor } from '../../grid/PickerEditor';
import type { CellProblem } from './AllocationGrid';
import { capitalTypeLabel } from '../../../shared/format/labels';
import { EDITING_GRID_PROPS, hintOnLockedCell, ENTRY_COLUMN_DEFAULTS } from '../../kit/grid-defaults';

interface Row {
  rowId: string;
  line: DecisionLine | null;
  total?: { before: number; decrease: number; increase: number; after: number };
  /** The entry row: a line the plan does not hold yet (money moved to a new commune or component). */
  entry?: { componentCode: string | null; componentName: string | null; recipient: RecipientOption | null; sourceCode: string; capitalType: 'DTPT' | 'SN' };
}

export interface AdjustmentGridHandle {
  api: () => GridApi<Row> | null;
  focusLine: (lineId: number) => void;
}

interface Props {
  lines: DecisionLine[];
  unit: MoneyUnit;
  readOnly: boolean;
  reasons: ReasonCode[];
  sourceLabel: (code: string) => string;
  problem: CellProblem | null;
  onChanges: (changes: LineChange[], where: { rowId: string; colId: string }) => void;
  onHint: (text: string | null) => void;
  year: number;
  componentOptions: PickerOption[];
  componentNames: Map<string, string>;
  recipientOptions: PickerOption[];
  recipientByValue: Map<string, RecipientOption>;
  sourceOptions: PickerOption[];
}

const ENTRY_ID = 'entry';
const emptyEntry = (): NonNullable<Row['entry']> => ({ componentCode: null, componentName: null, recipient: null, sourceCode: 'NSTW', capitalType: 'SN' });

const getRowId = (p: GetRowIdParams<Row>) => p.data.rowId;

/** Adjustment mode: each line of the plan in force with before / giảm / tăng / after, as the annex prints them. */
export const AdjustmentGrid = forwardRef<AdjustmentGridHandle, Props>(function AdjustmentGrid(props, ref) {
  const { lines, unit, readOnly, reasons, sourceLabel, problem, onChanges, onHint, year, componentOptions, componentNames, recipientOptions, recipientByValue, sourceOptions } = props;
  const entry = useRef(emptyEntry());
  const pinnedTop = useMemo<Row[]>(() => (readOnly ? [] : [{ rowId: ENTRY_ID, line: null, entry: emptyEntry() }]), [readOnly]);
  /** Repaints one cell of the entry row without re-creating the editor the officer tabbed into. */
  const paintEntry = useCallback((colId: string) => {
    const node = gridApi.current?.getPinnedTopRow(0);
    if (!node?.data) return;
    node.data.entry = { ...entry.current };
    gridApi.current?.refreshCells({ rowNodes: [node], columns: [colId], force: true });
  }, []);
  const gridApi = useRef<GridApi<Row> | null>(null);
  const problemRef = useRef(problem);
  problemRef.current = problem;
  const rowData = useMemo<Row[]>(() => lines.map((line) => ({ rowId: `a:${line.id}`, line })), [lines]);
  const pinnedBottom = useMemo<Row[]>(() => {
    const sum = (pick: (l: DecisionLine) => number) => lines.reduce((acc, l) => acc + pick(l), 0);
    return [{ rowId: 'total', line: null, total: { before: sum((l) => l.beforeDong ?? 0), decrease: sum((l) => l.decreaseDong), increase: sum((l) => l.increaseDong), after: sum((l) => l.afterDong ?? l.amountDong) } }];
  }, [lines]);

  useImperativeHandle(ref, () => ({
    api: () => gridApi.current,
    focusLine: (lineId: number) => {
      const node = gridApi.current?.getRowNode(`a:${lineId}`);
      if (!node || node.rowIndex === null) return;
      gridApi.current?.ensureNodeVisible(node, 'middle');
      gridApi.current?.setFocusedCell(node.rowIndex, 'decrease');
      gridApi.current?.flashCells({ rowNodes: [node] });
    },
  }));

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<Row>) => {
      const line = event.data?.line;
      const colId = event.column.getColId();
      const raw = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue).trim();
      if (event.data?.entry) {
        const e = entry.current;
        if (colId === 'component') entry.current = { ...e, componentCode: raw || null, componentName: componentNames.get(raw) ?? null };
        else if (colId === 'recipient') entry.current = { ...e, recipient: recipientByValue.get(raw) ?? null };
        else if (colId === 'source') entry.current = { ...e, sourceCode: raw || 'NSTW' };
        else if (colId === 'capital') entry.current = { ...e, capitalType: raw.toUpperCase().startsWith('Đ') || raw.toUpperCase().startsWith('D') ? 'DTPT' : 'SN' };
        else if (colId === 'increase' && raw !== '') {
          if (!e.componentCode || !e.recipient) return onHint('Chọn hạng mục và đơn vị nhận ở dòng nhập mới trước khi nhập số tăng.');
          const parsed = parseAmount(raw, unit);
          if (!parsed.ok) return onHint(`Số tiền: ${parsed.message}`);
          onHint(null);
          const recipient = toRecipientInput(e.recipient);
          onChanges([{ op: 'add', line: { componentCode: e.componentCode, recipient, sourceCode: e.sourceCode, capitalType: e.capitalType, originYear: year, amount: { text: raw, unit } } }], { rowId: ENTRY_ID, colId });
          return;
        }
        paintEntry(colId);
        return;
      }
      if (!line) return;
      const where = { rowId: `a:${line.id}`, colId };
      if (colId === 'reason') {
        onChanges([{ op: 'update', id: line.id, patch: { reasonCode: raw === '' ? null : raw } }], where);
        return;
      }
      if (raw !== '' && colId !== 'after') {
        const parsed = parseAmount(raw, unit);
        if (!parsed.ok) return onHint(`Số tiền: ${parsed.message}`);
        if (parsed.value < 0) return onHint('Nhập số dương vào cột giảm hoặc tăng.');
      }
      onHint(null);
      if (colId === 'after') {
        onChanges([{ op: 'update', id: line.id, patch: { after: raw === '' ? { dong: line.beforeDong ?? 0 } : { text: raw, unit } } }], where);
      } else if (colId === 'decrease') {
        // Giảm and tăng are one signed change: typing a decrease replaces an increase on the same line.
        onChanges([{ op: 'update', id: line.id, patch: { amount: raw === '' ? { dong: 0 } : { text: raw.startsWith('-') ? raw : `-${raw}`, unit } } }], where);
      } else if (colId === 'increase') {
        onChanges([{ op: 'update', id: line.id, patch: { amount: raw === '' ? { dong: 0 } : { text: raw, unit } } }], where);
      }
    },
    [componentNames, onChanges, onHint, paintEntry, recipientByValue, unit, year],
  );

  const columnDefs = useMemo<ColDef<Row>[]>(() => {
    const problemClass = {
      'cell-error': (p: CellClassParams<Row>) => problemRef.current !== null && p.data?.rowId === problemRef.current.rowId && p.column.getColId() === problemRef.current.colId,
    };
    const money = (colId: string, headerName: string, pick: (l: DecisionLine) => number | null, totalPick: (t: NonNullable<Row['total']>) => number, editable: boolean): ColDef<Row> => ({
      colId,
      headerName,
      width: 100,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      type: 'rightAligned',
      editable: (p) => !readOnly && ((editable && p.data?.line !== null && p.data?.line !== undefined) || (colId === 'increase' && p.data?.entry !== undefined)),
      cellClassRules: { ...problemClass, 'cell-sum': (p: CellClassParams<Row>) => !editable || p.data?.line === null },
      valueGetter: (p: ValueGetterParams<Row>) => {
        if (p.data?.total) return formatAmount(toDong(totalPick(p.data.total)), unit);
        if (p.data?.entry) return '';
        const v = p.data?.line ? pick(p.data.line) : null;
        return v === null || v === 0 ? (colId === 'decrease' || colId === 'increase' ? '' : formatAmount(toDong(v ?? 0), unit)) : formatAmount(toDong(v), unit);
      },
    });
    return [
      {
        colId: 'component',
        headerName: 'Hạng mục',
        pinned: 'left',
        width: 220,
        editable: (p) => !readOnly && p.data?.entry !== undefined,
        cellEditor: PickerEditor,
        cellEditorParams: { options: componentOptions },
        cellEditorPopup: true,
        valueGetter: (p: ValueGetterParams<Row>) =>
          p.data?.total
            ? 'Tổng cộng'
            : p.data?.entry
              ? p.data.entry.componentCode
                ? `${p.data.entry.componentCode} — ${p.data.entry.componentName}`
                : 'Dòng mới: gõ để chọn hạng mục…'
              : p.data?.line
                ? `${p.data.line.componentCode} — ${p.data.line.componentName}`
                : '',
        tooltipValueGetter: (p) => p.data?.line?.componentName,
      },
      {
        colId: 'recipient',
        headerName: 'Đơn vị nhận',
        pinned: 'left',
        width: 140,
        tooltipValueGetter: (p) => (p.data?.entry ? p.data.entry.recipient?.name : p.data?.line?.recipient.name),
        editable: (p) => !readOnly && p.data?.entry !== undefined,
        cellEditor: PickerEditor,
        cellEditorParams: { options: recipientOptions },
        cellEditorPopup: true,
        valueGetter: (p: ValueGetterParams<Row>) => (p.data?.entry ? (p.data.entry.recipient?.name ?? 'Gõ để chọn…') : (p.data?.line?.recipient.name ?? '')),
      },
      {
        colId: 'source',
        headerName: 'Nguồn',
        width: 104,
        editable: (p) => !readOnly && p.data?.entry !== undefined,
        cellEditor: PickerEditor,
        cellEditorParams: { options: sourceOptions },
        cellEditorPopup: true,
        valueGetter: (p: ValueGetterParams<Row>) => (p.data?.entry ? sourceLabel(p.data.entry.sourceCode) : p.data?.line ? sourceLabel(p.data.line.sourceCode) : ''),
      },
      {
        colId: 'capital',
        headerName: 'Loại vốn',
        width: 64,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        editable: (p) => !readOnly && p.data?.entry !== undefined,
        cellEditor: PickerEditor,
        cellEditorParams: { options: [{ value: 'DTPT', label: 'ĐTPT — Vốn đầu tư phát triển' }, { value: 'SN', label: 'SN — Kinh phí sự nghiệp' }] },
        cellEditorPopup: true,
        valueGetter: (p: ValueGetterParams<Row>) => {
          const code = p.data?.entry ? p.data.entry.capitalType : p.data?.line?.capitalType;
          return code === undefined ? '' : capitalTypeLabel(code);
        },
      },
      money('before', 'Đã giao (trước)', (l) => l.beforeDong, (t) => t.before, false),
      money('decrease', 'Giảm', (l) => l.decreaseDong, (t) => t.decrease, true),
      money('increase', 'Tăng', (l) => l.increaseDong, (t) => t.increase, true),
      money('after', 'Sau điều chỉnh', (l) => l.afterDong, (t) => t.after, true),
      {
        colId: 'reason',
        headerName: 'Lý do (dòng giảm)',
        flex: 1,
        minWidth: 150,
        tooltipValueGetter: (p) => (p.data?.line?.reasonCode ? (reasons.find((r) => r.code === p.data!.line!.reasonCode)?.name ?? p.data.line.reasonCode) : undefined),
        editable: (p) => !readOnly && p.data?.line !== null,
        cellEditor: PickerEditor,
        cellEditorParams: { options: reasons.map((r) => ({ value: r.code, label: r.name })) },
        cellEditorPopup: true,
        cellClassRules: problemClass,
        valueGetter: (p: ValueGetterParams<Row>) => (p.data?.line?.reasonCode ? (reasons.find((r) => r.code === p.data!.line!.reasonCode)?.name ?? p.data.line.reasonCode) : ''),
      },
    ];
  }, [componentOptions, readOnly, reasons, recipientOptions, sourceLabel, sourceOptions, unit]);

  return (
    <AgGridReact<Row>
      {...EDITING_GRID_PROPS}
      columnDefs={columnDefs}
      rowData={rowData}
      pinnedTopRowData={pinnedTop}
      pinnedBottomRowData={pinnedBottom}
      getRowId={getRowId}
      getRowClass={(p) => (p.data?.total ? 'row-grand-total' : p.data?.entry ? 'row-draft' : p.data?.line && p.data.line.amountDong !== 0 ? 'row-changed' : undefined)}
      onCellEditRequest={onCellEditRequest}
      onCellKeyDown={hintOnLockedCell(onHint)}
      onGridReady={(e: GridReadyEvent<Row>) => {
        gridApi.current = e.api;
      }}
      defaultColDef={ENTRY_COLUMN_DEFAULTS}
    />
  );
});
