import type { CellClassParams, CellClassRules, CellEditRequestEvent, ColDef, GetRowIdParams, GridApi, GridReadyEvent, ITooltipParams, RowClassParams, ValueGetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import type { DisbursementEntryInput } from '../../../shared/api/disbursement';
import type { DisbursementSheet, DisbursementSheetRow } from '../../../shared/api/disbursement';
import { formatDateVi } from '../../../shared/format/date';
import { sheetMoneyDecimals } from '../../../shared/format/sheet-money';
import { formatAmount, parseAmount, type Dong, type MoneyUnit } from '../../../shared/money/dong';
import { capitalTypeLabel } from '../../../shared/format/labels';
import { EDITING_GRID_PROPS, hintOnLockedCell, ENTRY_COLUMN_DEFAULTS } from '../../kit/grid-defaults';

export type EntryRow = DisbursementSheetRow & { total?: boolean };

export interface CellProblem {
  rowId: string;
  colId: string;
  message: string;
}

/** The columns that take values, in display order (a pasted block fills them left to right). */
export const EDITABLE_COLUMNS = ['cumulative', 'recovery'] as const;
export type EditableColumn = (typeof EDITABLE_COLUMNS)[number];

export interface EntryGridHandle {
  api: () => GridApi<EntryRow> | null;
}

const getRowId = (p: GetRowIdParams<EntryRow>) => p.data.rowId;
const getRowClass = (p: RowClassParams<EntryRow>) => (p.data?.total ? 'row-grand-total' : undefined);

export function keyOf(row: DisbursementSheetRow): DisbursementEntryInput['key'] {
  return { componentCode: row.componentCode, projectCode: row.projectCode, communeCode: row.communeCode, sourceCode: row.sourceCode, capitalType: row.capitalType, originYear: row.originYear };
}

/**
 * The entry for one cell typed or pasted: the cumulative (blank removes the cut-off's figure) or the recovery,
 * keeping the row's other figure. Returns an error text when the amount cannot be read.
 */
export function entryFor(row: DisbursementSheetRow, column: EditableColumn, raw: string, unit: MoneyUnit): DisbursementEntryInput | { error: string } {
  const text = raw.trim();
  if (column === 'cumulative') {
    if (text === '' || text === '-') return { key: keyOf(row), cumulative: null };
    const parsed = parseAmount(text, unit);
    if (!parsed.ok) return { error: `Lũy kế "${text}": ${parsed.message}` };
    return { key: keyOf(row), cumulative: { text, unit }, recovery: { dong: row.recoveryDong } };
  }
  const parsed = text === '' || text === '-' ? null : parseAmount(text, unit);
  if (parsed && !parsed.ok) return { error: `Thu hồi "${text}": ${parsed.message}` };
  const base = row.cumulativeDong ?? row.previousDong;
  return { key: keyOf(row), cumulative: { dong: base }, recovery: parsed ? { text, unit } : { dong: 0 } };
}

interface Props {
  sheet: DisbursementSheet;
  unit: MoneyUnit;
  sourceLabel: (code: string) => string;
  problem: CellProblem | null;
  onEntries: (entries: DisbursementEntryInput[], where: { rowId: string; colId: string }) => void;
  onHint: (text: string | null) => void;
}

/** Entry grid of a cut-off: one row per key, the cumulative and the recovery typed like Excel. */
export const EntryGrid = forwardRef<EntryGridHandle, Props>(function EntryGrid({ sheet, unit, sourceLabel, problem, onEntries, onHint }, ref) {
  const gridApi = useRef<GridApi<EntryRow> | null>(null);
  const problemRef = useRef(problem);
  problemRef.current = problem;
  useImperativeHandle(ref, () => ({ api: () => gridApi.current }), []);
  // The error highlight is read from a ref by the cell class rules; repaint when it changes.
  useEffect(() => {
    gridApi.current?.refreshCells({ force: true });
  }, [problem]);

  // One number of decimals for all the money columns of the sheet (1.250,00 beside 318,58, not 1.250 beside 318,58).
  const decimals = useMemo(() => sheetMoneyDecimals(sheet, unit), [sheet, unit]);
  const money = useCallback((v: Dong | null | undefined) => (v === null || v === undefined ? '' : formatAmount(v, unit, { decimals })), [decimals, unit]);

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<EntryRow>) => {
      const row = event.data;
      const colId = event.column.getColId() as EditableColumn;
      if (!row || row.total) return;
      const entry = entryFor(row, colId, event.newValue === null || event.newValue === undefined ? '' : String(event.newValue), unit);
      if ('error' in entry) return onHint(entry.error), onEntries([], { rowId: row.rowId, colId });
      onHint(null);
      onEntries([entry], { rowId: row.rowId, colId });
    },
    [onEntries, onHint, unit],
  );

  // The program code whole: DTTS fits 60 px, the merged program's MTQG2635 needs more.
  const longestProgram = Math.max(0, ...sheet.rows.map((r) => r.programCode.length));
  const programWidth = Math.max(60, 9 * longestProgram + 22);
  const columnDefs = useMemo<ColDef<EntryRow>[]>(() => {
    const problemClass = {
      'cell-error': (p: CellClassParams<EntryRow>) => problemRef.current !== null && p.data?.rowId === problemRef.current.rowId && p.column.getColId() === problemRef.current.colId,
    };
    const editable = (p: { data?: EntryRow }) => p.data !== undefined && !p.data.total;
    return [
      { colId: 'program', headerName: 'CT', width: programWidth, pinned: 'left', valueGetter: (p: ValueGetterParams<EntryRow>) => (p.data?.total ? '' : p.data?.programCode) },
      {
        colId: 'component',
        headerName: 'Hạng mục',
        width: 180,
        pinned: 'left',
        // The total row says what its rate is divided by: it differs from the whole-year rate of the table below.
        valueGetter: (p: ValueGetterParams<EntryRow>) => (p.data?.total ? 'Tổng cộng' : `${p.data?.componentCode} — ${p.data?.componentName}`),
        tooltipValueGetter: (p) => (p.data && !p.data.total ? `${p.data.componentCode} — ${p.data.componentName}` : undefined),
      },
      { colId: 'place', headerName: 'Dự án / xã', width: 120, tooltipValueGetter: (p) => (p.data?.projectName ? `${p.data.projectCode} — ${p.data.projectName}` : (p.data?.communeName ?? undefined)), valueGetter: (p: ValueGetterParams<EntryRow>) => (p.data?.projectName ? `${p.data.projectCode} — ${p.data.projectName}` : (p.data?.communeName ?? '')) },
      { colId: 'source', headerName: 'Nguồn', width: 104, valueGetter: (p: ValueGetterParams<EntryRow>) => (p.data?.total ? '' : sourceLabel(p.data?.sourceCode ?? '')) },
      { colId: 'capital', headerName: 'Loại', width: 52, valueGetter: (p: ValueGetterParams<EntryRow>) => (p.data?.total ? '' : capitalTypeLabel(p.data?.capitalType ?? '')) },
      { colId: 'origin', headerName: 'Vốn năm', width: 66, wrapHeaderText: true, autoHeaderHeight: true, type: 'rightAligned', valueGetter: (p: ValueGetterParams<EntryRow>) => (p.data?.total ? '' : p.data?.originYear) },
      { colId: 'plan', headerName: 'Kế hoạch', headerTooltip: 'Kế hoạch đã phân bổ (quyết định đã ban hành, đến ngày chốt); vốn năm trước chưa phân bổ lại: kế hoạch kéo dài', width: 96, type: 'rightAligned', cellClass: ['ag-right-aligned-cell', 'cell-sum'], tooltipValueGetter: (p) => (p.data && !p.data.total ? p.data.denominator.label : undefined), valueGetter: (p: ValueGetterParams<EntryRow>) => money(p.data?.planDong) },
      {
        colId: 'previous',
        headerName: 'Lũy kế kỳ trước',
        width: 96,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        type: 'rightAligned',
        cellClass: ['ag-right-aligned-cell', 'cell-sum'],
        valueGetter: (p: ValueGetterParams<EntryRow>) => (p.data?.total ? '' : money(p.data?.previousDong)),
        tooltipValueGetter: (p) => (p.data?.previousCutoff ? `Đến ngày ${formatDateVi(p.data.previousCutoff)}` : 'Chưa có kỳ trước'),
      },
      {
        colId: 'cumulative',
        headerName: `Lũy kế đến ${formatDateVi(sheet.cutoffDate)}`,
        width: 104,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        type: 'rightAligned',
        editable,
        cellClassRules: { ...problemClass, 'cell-kbnn': (p: CellClassParams<EntryRow>) => p.data?.dataSource === 'kbnn' },
        valueGetter: (p: ValueGetterParams<EntryRow>) => money(p.data?.cumulativeDong),
        tooltipValueGetter: (p) => (p.data?.dataSource === 'kbnn' ? 'Số liệu từ sao kê KBNN' : undefined),
      },
      { colId: 'recovery', headerName: 'Thu hồi trong kỳ', width: 84, wrapHeaderText: true, autoHeaderHeight: true, type: 'rightAligned', editable, cellClassRules: problemClass, valueGetter: (p: ValueGetterParams<EntryRow>) => (p.data?.total || !p.data?.recoveryDong ? '' : money(p.data.recoveryDong)) },
      { colId: 'rate', headerName: 'Tỷ lệ', width: 64, headerTooltip: 'Lũy kế ÷ kế hoạch của dòng', type: 'rightAligned', tooltipValueGetter: (p) => (p.data && !p.data.total ? `Lũy kế ÷ ${p.data.denominator.label}` : undefined), valueGetter: (p: ValueGetterParams<EntryRow>) => p.data?.rateText },
      // Rules 13 (recurrent money after its deadline) and 14 (a lower cumulative) warn: the warning stays on the entry.
      {
        colId: 'note',
        headerName: 'Ghi chú, cảnh báo',
        flex: 1,
        minWidth: 70,
        cellClassRules: { 'cell-warning': (p: CellClassParams<EntryRow>) => (p.data?.warnings?.length ?? 0) > 0 } as CellClassRules<EntryRow>,
        tooltipValueGetter: (p: ITooltipParams<EntryRow>) => p.data?.warnings?.map((w) => `Quy tắc ${w.ruleId} — ${w.ruleName}: ${w.message}`).join('\n') || undefined,
        valueGetter: (p: ValueGetterParams<EntryRow>) => [...(p.data?.warnings ?? []).map((w) => `⚠ Quy tắc ${w.ruleId} — ${w.ruleName}`), p.data?.note ?? ''].filter(Boolean).join('; '),
      },
    ];
  }, [money, programWidth, sheet.cutoffDate, sourceLabel]);

  const pinnedBottom = useMemo<EntryRow[]>(() => {
    const first = sheet.rows[0];
    if (!first) return [];
    return [{ ...first, rowId: 'total', total: true, planDong: sheet.planDong, previousDong: 0 as Dong, cumulativeDong: sheet.cumulativeDong, recoveryDong: 0 as Dong, rateText: sheet.rateText, note: '', warnings: [], projectName: null, communeName: null, dataSource: null }];
  }, [sheet]);

  const onGridReady = useCallback((event: GridReadyEvent<EntryRow>) => {
    gridApi.current = event.api;
  }, []);

  return (
    <AgGridReact<EntryRow>
      {...EDITING_GRID_PROPS}
      columnDefs={columnDefs}
      rowData={sheet.rows}
      pinnedBottomRowData={pinnedBottom}
      getRowId={getRowId}
      getRowClass={getRowClass}
      onCellEditRequest={onCellEditRequest}
      onCellKeyDown={hintOnLockedCell(onHint)}
      onGridReady={onGridReady}
      defaultColDef={ENTRY_COLUMN_DEFAULTS}
    />
  );
});
