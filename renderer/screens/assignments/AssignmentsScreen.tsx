import type {
  CellClassParams,
  CellEditRequestEvent,
  ColDef,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  RowClassParams,
  ValueFormatterParams,
  ValueGetterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { AssignmentPatch } from '../../../shared/api/assignments';
import type { AssignmentSheet } from '../../../shared/api/assignments';
import type { ComponentOption, ReferenceLists } from '../../../shared/api/reference';
import { implausibleAssignmentQuestion } from '../../../shared/domain/amount-plausibility';
import { ASSIGNMENT_FIELD_LABELS } from '../../../shared/domain/labels';
import { formatDateVi, parseDateVi } from '../../../shared/format/date';
import { formatAmount, parseAmount, UNIT_LABEL_VI, type MoneyUnit } from '../../../shared/money/dong';
import { api } from '../../api/client';
import { columnDecimals } from '../../../shared/money/column-decimals';
import { useScreenYear } from '../../app/working-year';
import { UnitSelect } from '../../grid/UnitSelect';
import { componentPickerOptions } from '../../grid/component-options';
import { PickerEditor, type PickerOption } from '../../grid/PickerEditor';
import { draftRow, emptyDraft, lineRow, totalRows, type DraftLine, type GridRow } from './rows';
import { CounterpartTable, TotalsMatrix } from './TotalsMatrix';
import { MovementsTable } from './MovementsTable';
import { EDITING_GRID_PROPS, hintOnLockedCell, ENTRY_COLUMN_DEFAULTS } from '../../kit/grid-defaults';
import { MessageArea } from '../../kit/MessageArea';

type EditableField = keyof AssignmentPatch;

interface CellError {
  rowId: string;
  field: string;
  message: string;
}

// Grid props are module constants or memoized: a new function or object on a re-render makes ag-grid
// redraw rows, which would cancel the cell the officer is typing in.
const getRowId = (p: GetRowIdParams<GridRow>) => p.data.rowId;
const getRowClass = (p: RowClassParams<GridRow>) =>
  p.data?.kind === 'total' ? (p.data.rowId === 'total-grand' ? 'row-grand-total' : 'row-total') : p.data?.kind === 'draft' ? 'row-draft' : undefined;

const NOT_WRITTEN_IMPLAUSIBLE = 'Chưa ghi: số tiền vừa nhập lớn bất thường so với các dòng vốn khác được giao trong năm; nhập lại số đúng.';

const UNIT_STORAGE_KEY = 'sovon.assignments.unit';

function initialUnit(): MoneyUnit {
  const stored = localStorage.getItem(UNIT_STORAGE_KEY);
  return stored === 'dong' || stored === 'nghin' || stored === 'trieu' ? stored : 'trieu';
}

/** Vốn được giao: the province's assignment for a year, entered and corrected cell by cell. */
export function AssignmentsScreen() {
  const navigate = useNavigate();
  const year = useScreenYear();
  const [unit, setUnit] = useState<MoneyUnit>(initialUnit);
  const [sheet, setSheet] = useState<AssignmentSheet | null>(null);
  const [components, setComponents] = useState<ComponentOption[]>([]);
  const [lists, setLists] = useState<ReferenceLists | null>(null);
  const [error, setErrorState] = useState<CellError | null>(null);
  // The entry row and the current error live in refs: changing them must not rebuild the grid's columns
  // or rows while the officer is typing in the next cell.
  const draftRef = useRef<DraftLine>(emptyDraft(year));
  const errorRef = useRef<CellError | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const gridApi = useRef<GridApi<GridRow> | null>(null);

  const setError = useCallback((next: CellError | null) => {
    errorRef.current = next;
    setErrorState(next);
  }, []);
  /**
   * Updates the entry row in place and repaints only the cells named: repainting the whole row would
   * re-create the editor the officer has already tabbed into, and keys typed meanwhile would be lost.
   */
  const setDraft = useCallback((next: DraftLine, changed?: string) => {
    draftRef.current = next;
    const node = gridApi.current?.getPinnedTopRow(0);
    if (!node?.data) return;
    Object.assign(node.data, draftRow(next));
    gridApi.current?.refreshCells({ rowNodes: [node], columns: changed ? [changed] : undefined, force: true });
  }, []);

  useEffect(() => {
    setSheet(null);
    draftRef.current = emptyDraft(year);
    setError(null);
    void Promise.all([api.invoke('assignments.list', { year }), api.invoke('catalog.components', { year }), api.invoke('reference.lists', {})]).then(
      ([sheetResult, componentResult, listResult]) => {
        if (sheetResult.ok) setSheet(sheetResult.value);
        else setError({ rowId: '', field: '', message: sheetResult.error.message });
        if (componentResult.ok) setComponents(componentResult.value);
        if (listResult.ok) setLists(listResult.value);
      },
    );
  }, [year]);

  useEffect(() => localStorage.setItem(UNIT_STORAGE_KEY, unit), [unit]);
  // Error highlighting is read from a ref by the cell class rules; repaint when it changes.
  useEffect(() => {
    gridApi.current?.refreshCells({ force: true });
  }, [error]);

  const componentOptions = useMemo(() => componentPickerOptions(components, { withCode: false, skipPrograms: false }), [components]);
  const sourceOptions = useMemo<PickerOption[]>(
    () => (lists?.fundingSources ?? []).map((s) => ({ value: s.code, label: s.name, keywords: `${s.shortName} ${s.code}` })),
    [lists],
  );
  const capitalOptions = useMemo<PickerOption[]>(
    () => (lists?.capitalTypes ?? []).map((c) => ({ value: c.code, label: `${c.shortName} — ${c.name}`, keywords: c.code })),
    [lists],
  );

  /**
   * True when the amount typed is plausible for one assignment line, or the officer confirmed it; declined, nothing
   * is written. `lineId` is the line being changed (left out of the year's other lines), null for a new line.
   */
  const confirmPlausible = useCallback(
    (text: string, lineId: number | null) => {
      const parsed = parseAmount(text, unit);
      if (!parsed.ok) return true; // the core reports a malformed amount
      const others = (sheet?.lines ?? []).filter((l) => l.id !== lineId).map((l) => l.amountDong);
      const question = implausibleAssignmentQuestion(parsed.value, others, year);
      return question === null || window.confirm(question);
    },
    [sheet, unit, year],
  );

  const saveDraft = useCallback(
    async (next: DraftLine) => {
      if (next.amountText.trim() !== '') {
        const parsed = parseAmount(next.amountText, unit);
        if (!parsed.ok) return setError({ rowId: 'draft', field: 'amount', message: `Số tiền: ${parsed.message}` });
      }
      if (next.componentCode === '' || next.amountText.trim() === '') {
        setError(null);
        return setHint(next.componentCode === '' ? 'Chọn hợp phần để lưu dòng mới.' : 'Nhập số tiền để lưu dòng mới.');
      }
      if (!confirmPlausible(next.amountText, null)) {
        setDraft({ ...next, amountText: '' }, 'amount');
        return setError({ rowId: 'draft', field: 'amount', message: NOT_WRITTEN_IMPLAUSIBLE });
      }
      const result = await api.invoke('assignments.create', {
        year,
        componentCode: next.componentCode,
        sourceCode: next.sourceCode,
        capitalType: next.capitalType === '' ? 'DTPT' : next.capitalType,
        originYear: next.originYear ?? year,
        amount: { text: next.amountText, unit },
        basisNumber: next.basisNumber,
        basisDate: next.basisDate,
        basisIssuer: next.basisIssuer,
        note: next.note,
      });
      if (!result.ok) {
        const field = String(result.error.details?.field ?? '');
        return setError({ rowId: 'draft', field, message: result.error.message });
      }
      setSheet(result.value.sheet);
      setDraft(emptyDraft(year, next));
      setError(null);
      setHint(null);
      // Ready for the next line, as in Excel.
      setTimeout(() => gridApi.current?.setFocusedCell(0, 'componentCode', 'top'), 0);
    },
    [confirmPlausible, setDraft, setError, unit, year],
  );

  const onCellEditRequest = useCallback(
    async (event: CellEditRequestEvent<GridRow>) => {
      const row = event.data;
      const field = event.colDef.field as EditableField | undefined;
      if (!row || !field || row.kind === 'total') return;
      const raw = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue).trim();
      let value: unknown = raw;
      if (field === 'originYear') {
        if (!/^\d{4}$/.test(raw)) return setError({ rowId: row.rowId, field, message: `${ASSIGNMENT_FIELD_LABELS[field]}: "${raw}" phải là năm 4 chữ số, ví dụ ${year - 1}.` });
        value = Number(raw);
      } else if (field === 'basisDate') {
        const iso = raw === '' ? null : parseDateVi(raw);
        if (raw !== '' && iso === null) return setError({ rowId: row.rowId, field, message: `${ASSIGNMENT_FIELD_LABELS[field]}: "${raw}" không phải ngày hợp lệ; nhập dạng dd/mm/yyyy, ví dụ 15/01/${year}.` });
        value = iso;
      }
      if (row.kind === 'draft') {
        const draft = draftRef.current;
        const next: DraftLine = field === 'amount' ? { ...draft, amountText: raw } : { ...draft, [field]: value };
        if (field === 'componentCode') next.componentName = components.find((c) => c.code === raw)?.name ?? '';
        setDraft(next, field === 'amount' ? 'amount' : field);
        return saveDraft(next);
      }
      // Delete on an amount clears it to zero; anything typed goes to the core as typed, in the chosen unit.
      if (field === 'amount' && raw !== '' && !confirmPlausible(raw, row.id)) {
        gridApi.current?.refreshCells({ rowNodes: event.node ? [event.node] : undefined, force: true });
        return setError({ rowId: row.rowId, field, message: NOT_WRITTEN_IMPLAUSIBLE });
      }
      const patch: AssignmentPatch =
        field === 'amount' ? { amount: raw === '' ? { dong: 0 } : { text: raw, unit } } : ({ [field]: value } as AssignmentPatch);
      const result = await api.invoke('assignments.update', { id: row.id!, patch });
      if (!result.ok) return setError({ rowId: row.rowId, field: String(result.error.details?.field ?? field), message: result.error.message });
      setSheet(result.value.sheet);
      setError(null);
    },
    [components, confirmPlausible, saveDraft, setDraft, setError, unit, year],
  );

  const deleteFocusedLine = useCallback(async () => {
    const focused = gridApi.current?.getFocusedCell();
    if (!focused || focused.rowPinned) return;
    const row = gridApi.current?.getDisplayedRowAtIndex(focused.rowIndex)?.data;
    if (!row || row.kind !== 'line' || row.id === null) return;
    if (!window.confirm(`Xoá dòng ${row.componentCode} — ${row.sourceCode} ${row.capitalType}?`)) return;
    const result = await api.invoke('assignments.delete', { id: row.id });
    if (!result.ok) return setError({ rowId: row.rowId, field: '', message: result.error.message });
    setSheet(result.value.sheet);
  }, [setError]);

  const sourceShort = useCallback((code: string) => lists?.fundingSources.find((s) => s.code === code)?.shortName ?? code, [lists]);
  const capitalShort = useCallback((code: string) => lists?.capitalTypes.find((c) => c.code === code)?.shortName ?? code, [lists]);

  // Every amount of the column (lines and totals) with one number of decimals: 1.234,50 / 850,00 / 2.000,25.
  const amountDecimals = useMemo(() => (sheet ? columnDecimals([...sheet.lines.map((l) => l.amountDong), ...totalRows(sheet).map((r) => r.amountDong)], unit) : 0), [sheet, unit]);
  const columnDefs = useMemo<ColDef<GridRow>[]>(() => {
    const editable = (p: { data?: GridRow }) => p.data?.kind === 'line' || p.data?.kind === 'draft';
    const errorClass = {
      'cell-error': (p: CellClassParams<GridRow>) => {
        const current = errorRef.current;
        return current !== null && p.data?.rowId === current.rowId && p.colDef.field === current.field;
      },
    };
    // A cell edited through the type-ahead list; `short` turns the stored code into what is shown.
    const pickerColumn = (field: keyof GridRow, headerName: string, width: number, options: PickerOption[], short?: (code: string) => string): ColDef<GridRow> => ({
      headerName,
      field,
      width,
      editable,
      cellEditor: PickerEditor,
      cellEditorParams: { options },
      cellEditorPopup: true,
      cellClassRules: errorClass,
      ...(short ? { valueFormatter: (p: ValueFormatterParams<GridRow>) => (p.value ? short(String(p.value)) : '') } : {}),
    });
    return [
      {
        headerName: 'CT',
        field: 'programCode',
        width: 88,
        pinned: 'left',
        // A subtotal's label ("Cộng DTTS vốn 2024", "Vốn năm 2023 kéo dài") takes the component cell too: it has none.
        colSpan: (p) => (p.data?.kind === 'total' ? 2 : 1),
        valueGetter: (p: ValueGetterParams<GridRow>) => (p.data?.kind === 'total' ? p.data.label : p.data?.kind === 'draft' ? 'Dòng mới' : p.data?.programCode),
      },
      {
        ...pickerColumn('componentCode', 'Hợp phần (dự án, tiểu dự án, nội dung)', 196, componentOptions),
        pinned: 'left',
        valueFormatter: (p: ValueFormatterParams<GridRow>) =>
          p.data?.kind === 'draft' && !p.data.componentCode
            ? 'Gõ để chọn hợp phần…'
            : p.data?.componentCode
              ? `${p.data.componentCode.slice(p.data.componentCode.indexOf('.') + 1)} — ${p.data.componentName}`
              : '',
        tooltipValueGetter: (p) => (p.data?.componentCode ? `${p.data.componentCode} — ${p.data.componentName}` : undefined),
      },
      pickerColumn('sourceCode', 'Nguồn vốn', 116, sourceOptions, sourceShort),
      { ...pickerColumn('capitalType', 'Loại vốn', 64, capitalOptions, capitalShort), wrapHeaderText: true, autoHeaderHeight: true },
      { headerName: 'Năm nguồn', field: 'originYear', width: 64, wrapHeaderText: true, autoHeaderHeight: true, editable, cellClassRules: errorClass, type: 'rightAligned' },
      {
        headerName: `Số tiền (${UNIT_LABEL_VI[unit]})`,
        field: 'amount' as keyof GridRow,
        colId: 'amount',
        width: 120,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        editable,
        type: 'rightAligned',
        cellClassRules: { ...errorClass, 'cell-total': (p: CellClassParams<GridRow>) => p.data?.kind === 'total' },
        valueGetter: (p: ValueGetterParams<GridRow>) =>
          p.data?.kind === 'draft' ? p.data.amountText : p.data?.amountDong === null || p.data?.amountDong === undefined ? '' : formatAmount(p.data.amountDong, unit, { decimals: amountDecimals }),
      },
      { headerName: 'Số văn bản giao', field: 'basisNumber', width: 152, wrapHeaderText: true, autoHeaderHeight: true, editable, cellClassRules: errorClass, tooltipField: 'basisNumber' },
      {
        headerName: 'Ngày văn bản',
        field: 'basisDate',
        width: 92,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        editable,
        cellClassRules: errorClass,
        valueGetter: (p: ValueGetterParams<GridRow>) => (p.data?.basisDate ? formatDateVi(p.data.basisDate) : ''),
      },
      { headerName: 'Cơ quan giao', field: 'basisIssuer', width: 150, editable, cellClassRules: errorClass, tooltipField: 'basisIssuer' },
      { headerName: 'Ghi chú', field: 'note', flex: 1, minWidth: 80, editable, cellClassRules: errorClass, tooltipField: 'note' },
    ];
  }, [amountDecimals, capitalOptions, capitalShort, componentOptions, sourceOptions, sourceShort, unit]);

  const rowData = useMemo(() => (sheet ? sheet.lines.map(lineRow) : []), [sheet]);
  const pinnedTop = useMemo(() => [draftRow(emptyDraft(year))], [year]);
  const pinnedBottom = useMemo(() => (sheet ? totalRows(sheet) : []), [sheet]);

  const onGridReady = useCallback((event: GridReadyEvent<GridRow>) => {
    gridApi.current = event.api;
  }, []);

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Vốn được giao</h1>
        <div className="toolbar">
          <label>
            Đơn vị tính{' '}
            <UnitSelect value={unit} onChange={setUnit} />
          </label>
          <button type="button" onClick={deleteFocusedLine} title="Xoá dòng đang chọn (Ctrl+Delete)">
            Xoá dòng
          </button>
          <button type="button" onClick={() => navigate(`/trao-doi/${year}`)} title="Nhập tệp giao vốn của tỉnh">
            Nhập từ Excel…
          </button>
        </div>
      </header>
      <p className="muted help">
        Dòng đầu bảng để nhập dòng mới: gõ tên hợp phần (không cần dấu), Enter hoặc Tab để chọn và sang ô kế tiếp, nhập số tiền rồi Enter hoặc Tab để lưu. Sửa một ô: gõ đè hoặc F2;
        Esc huỷ; Delete xoá số tiền. Mỗi ô được kiểm tra và lưu ngay.
      </p>
      <MessageArea error={error?.message} info={hint} />
      <div
        className="grid-host"
        onKeyDown={(e) => {
          if (e.key === 'Delete' && e.ctrlKey) void deleteFocusedLine();
        }}
      >
        <AgGridReact<GridRow>
          {...EDITING_GRID_PROPS}
          columnDefs={columnDefs}
          rowData={rowData}
          pinnedTopRowData={pinnedTop}
          pinnedBottomRowData={pinnedBottom}
          getRowId={getRowId}
          getRowClass={getRowClass}
          onCellEditRequest={onCellEditRequest}
          onCellKeyDown={hintOnLockedCell(setHint)}
          onGridReady={onGridReady}
          defaultColDef={ENTRY_COLUMN_DEFAULTS}
        />
      </div>
      {sheet && lists ? (
        <>
          <h2 className="section-title">
            Vốn năm {sheet.year}: tổng hợp theo chương trình, nguồn vốn và loại vốn ({UNIT_LABEL_VI[unit]})
          </h2>
          <TotalsMatrix totals={sheet.totals} lists={lists} unit={unit} />
          {sheet.carriedOver.map((c) => (
            <div key={c.originYear} data-testid={`carried-over-${c.originYear}`}>
              <h2 className="section-title">
                Vốn năm {c.originYear} kéo dài sang năm {sheet.year} ({UNIT_LABEL_VI[unit]})
              </h2>
              <TotalsMatrix totals={c.totals} lists={lists} unit={unit} />
            </div>
          ))}
          <MovementsTable sheet={sheet} unit={unit} />
          <CounterpartTable sheet={sheet} />
        </>
      ) : null}
    </section>
  );
}
