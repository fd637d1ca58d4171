import type { CellClassParams, ColDef, GridApi, GridReadyEvent, RowClassParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ImportMapping, ImportPreview, ImportRow } from '../../../shared/api/import';
import type { ImportFinding } from '../../../shared/api/findings';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import type { ComponentOption, ReferenceLists } from '../../../shared/api/reference';
import { UNIT_LABEL_VI, type MoneyUnit } from '../../../shared/money/dong';
import { columnLetters } from '../../../shared/format/cell-address';
import { formatDateVi } from '../../../shared/format/date';
import { diffText, recognitionLabel, trieu } from './import-labels';
import { sourceShortName } from '../../../shared/format/labels';
import { GRID_PROPS, COLUMN_DEFAULTS } from '../../kit/grid-defaults';

const SEVERITY_LABELS = { E: 'Lỗi', W: 'Cảnh báo', I: 'Thông tin' } as const;
const treeRowClass = (p: RowClassParams<ImportRow>) =>
  p.data?.kind === 'total' || p.data?.kind === 'program' ? 'row-total' : p.data?.kind === 'ignored' ? 'row-muted' : p.data?.kind === 'unmatched' ? 'row-problem' : undefined;

interface Props {
  preview: ImportPreview;
  mapping: ImportMapping;
  components: ComponentOption[];
  lists: ReferenceLists | null;
  busy: boolean;
  onMapping: (mapping: ImportMapping) => void;
  onSheet: (sheet: string) => void;
  onConfirm: () => void;
}

type CellRow = { rowNumber: number; cells: string[] };

/** What the app read from the file, beside the file itself, with every finding one click from its cell. */
export function ImportPreviewView({ preview, mapping, components, lists, busy, onMapping, onSheet, onConfirm }: Props) {
  const cellsApi = useRef<GridApi<CellRow> | null>(null);
  const treeApi = useRef<GridApi<ImportRow> | null>(null);
  const selected = useRef<{ row: number; col: string } | null>(null);
  const [selectedCell, setSelectedCell] = useState<string | null>(null);
  const errors = preview.findings.filter((f) => f.severity === 'E').length;
  const amountCols = preview.columns.filter((c) => c.role === 'amount' || c.role === 'total');
  const maxCols = Math.max(0, ...preview.cells.rows.map((r) => r.length));
  const letters = useMemo(() => Array.from({ length: maxCols }, (_, i) => columnLetters(i + 1)), [maxCols]);

  const showCell = useCallback((address: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) return;
    const row = Number(m[2]);
    selected.current = { row, col: m[1]! };
    setSelectedCell(address);
    const index = row - preview.cells.firstRow;
    const api = cellsApi.current;
    if (api && index >= 0 && index < preview.cells.rows.length) {
      api.ensureIndexVisible(index, 'middle');
      api.ensureColumnVisible(m[1]!);
      api.setFocusedCell(index, m[1]!);
      api.refreshCells({ force: true });
    }
    const tree = treeApi.current;
    const node = tree?.getRowNode(String(row));
    if (tree && node) {
      tree.ensureNodeVisible(node, 'middle');
      tree.deselectAll();
      node.setSelected(true);
    }
  }, [preview.cells]);

  const cellRows = useMemo<CellRow[]>(() => preview.cells.rows.map((cells, i) => ({ rowNumber: preview.cells.firstRow + i, cells })), [preview.cells]);
  const cellColumns = useMemo<ColDef<CellRow>[]>(
    () => [
      { headerName: '', field: 'rowNumber', width: 64, pinned: 'left', cellClass: 'row-number' },
      ...letters.map<ColDef<CellRow>>((letter, i) => ({
        colId: letter,
        headerName: letter,
        width: i === 1 ? 260 : 110,
        valueGetter: (p) => p.data?.cells[i] ?? '',
        cellClassRules: { 'cell-selected': (p: CellClassParams<CellRow>) => selected.current?.row === p.data?.rowNumber && selected.current?.col === letter },
      })),
    ],
    [letters],
  );
  const treeColumns = useMemo<ColDef<ImportRow>[]>(
    () => [
      { headerName: 'Dòng', field: 'row', width: 64, pinned: 'left' },
      { headerName: 'STT', field: 'stt', width: 56 },
      { headerName: 'Nội dung', field: 'name', width: 280, cellStyle: (p) => ({ paddingLeft: `${8 + (p.data?.depth ?? 0) * 14}px` }), tooltipField: 'name' },
      { headerName: 'Nhận dạng', colId: 'recognized', width: 220, valueGetter: (p) => (p.data ? recognitionLabel(p.data) : ''), tooltipValueGetter: (p) => p.data?.componentName ?? '' },
      ...amountCols.map<ColDef<ImportRow>>((c) => ({
        colId: c.col,
        headerName: `${c.col}: ${c.role === 'total' ? 'Tổng' : `${c.sourceCode ?? '?'} · ${c.capitalType ?? '?'}`}`,
        headerTooltip: c.label,
        width: 120,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        type: 'rightAligned',
        valueGetter: (p) => {
          const v = p.data?.amounts[c.col];
          return v === null || v === undefined ? '' : trieu(v);
        },
      })),
    ],
    [amountCols],
  );

  const nameCol = preview.columns.find((c) => c.role === 'name')?.col ?? 'B';
  const needsRow = preview.rows.filter((r) => r.kind === 'unmatched' && preview.findings.some((f) => f.code === 'IMPORT_UNMATCHED_ROW' && f.cell === `${nameCol}${r.row}`));
  const unsure = preview.rows.filter((r) => r.kind === 'component' && r.confidence !== 'high');
  const unknownCols = preview.columns.filter((c) => c.role === 'unknown' || c.conflict || mapping.columns?.[c.key] !== undefined);
  const setRow = (row: ImportRow, code: string) => {
    const rows = { ...(mapping.rows ?? {}) };
    if (code) rows[row.key] = code;
    else delete rows[row.key];
    onMapping({ ...mapping, rows });
  };
  const setColumn = (key: string, value: { sourceCode: string; capitalType: CapitalTypeCode } | 'ignore' | null) => {
    const columns = { ...(mapping.columns ?? {}) };
    if (value) columns[key] = value;
    else delete columns[key];
    onMapping({ ...mapping, columns });
  };
  const sourceName = (code: string) => sourceShortName(lists?.fundingSources, code);
  const changes = preview.diff.filter((d) => d.change === 'added' || d.change === 'changed' || d.change === 'cleared');
  const kept = preview.diff.filter((d) => d.change === 'kept');
  const componentOptions = components.filter((c) => c.depth > 0 || components.length < 50);

  return (
    <div className="import-preview">
      <dl className="import-summary">
        <dt>Tệp</dt>
        <dd>
          {preview.fileName} — trang{' '}
          {preview.sheets.length > 1 ? (
            <select aria-label="Trang tính" disabled={busy} value={preview.sheet} onChange={(e) => onSheet(e.target.value)}>
              {preview.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          ) : (
            `“${preview.sheet}”`
          )}
          {preview.templateKnown ? ' (mẫu đã gặp, dùng lựa chọn đã lưu)' : ''}
        </dd>
        <dt>Năm, đơn vị</dt>
        <dd>
          {preview.year ?? '—'} · {preview.unit ? UNIT_LABEL_VI[preview.unit] : 'chưa rõ đơn vị tính'} · {preview.districtName}
        </dd>
        <dt>Căn cứ</dt>
        <dd>{preview.document.basisNumber ? `${preview.document.basisNumber}${preview.document.basisDate ? ` ngày ${formatDateVi(preview.document.basisDate)}` : ''} ${preview.document.basisIssuer}` : 'không thấy số văn bản trong tiêu đề'}</dd>
        <dt>Số liệu</dt>
        <dd data-testid="import-total">
          {preview.detailLines} dòng chi tiết, tổng {trieu(preview.totalDong)} triệu đồng → {preview.lines.length} dòng vốn được giao
        </dd>
      </dl>
      {preview.noop ? (
        <div className="hint-banner" role="status">
          {preview.noop.message}
        </div>
      ) : null}

      {preview.findings.length > 0 ? (
        <section aria-label="Kết quả kiểm tra">
          <h2>
            Kết quả kiểm tra: {errors} lỗi, {preview.findings.length - errors} cảnh báo/thông tin
          </h2>
          <ul className="findings">
            {preview.findings.map((f, i) => (
              <li key={i} className={`finding finding-${f.severity}`}>
                <FindingLine finding={f} onShow={showCell} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!preview.unit || unknownCols.length > 0 || needsRow.length > 0 || unsure.length > 0 ? (
        <section aria-label="Cần xác nhận" className="import-mapping">
          <h2>Cần xác nhận</h2>
          {!preview.unit || mapping.unit ? (
            <label>
              Đơn vị tính của tệp{' '}
              <select disabled={busy} aria-label="Đơn vị tính của tệp" value={mapping.unit ?? ''} onChange={(e) => onMapping({ ...mapping, unit: (e.target.value || undefined) as MoneyUnit | undefined })}>
                <option value="">— chọn —</option>
                <option value="dong">đồng</option>
                <option value="nghin">nghìn đồng</option>
                <option value="trieu">triệu đồng</option>
              </select>
            </label>
          ) : null}
          {unknownCols.map((c) => {
            const current = mapping.columns?.[c.key];
            const value = current === 'ignore' ? 'ignore' : current ? `${current.sourceCode}|${current.capitalType}` : '';
            return (
              <label key={c.key} className="mapping-line">
                Cột {c.col} “{c.label || 'không có tiêu đề'}”{' '}
                <select
                  disabled={busy}
                  aria-label={`Cột ${c.col}`}
                  value={value}
                  onChange={(e) => {
                    const v = e.target.value;
                    if (v === '') setColumn(c.key, null);
                    else if (v === 'ignore') setColumn(c.key, 'ignore');
                    else {
                      const [sourceCode, capitalType] = v.split('|') as [string, CapitalTypeCode];
                      setColumn(c.key, { sourceCode, capitalType });
                    }
                  }}
                >
                  <option value="">— chọn nguồn và loại vốn —</option>
                  {(lists?.fundingSources ?? []).flatMap((s) =>
                    (lists?.capitalTypes ?? []).map((t) => (
                      <option key={`${s.code}|${t.code}`} value={`${s.code}|${t.code}`}>
                        {s.name} · {t.name}
                      </option>
                    )),
                  )}
                  <option value="ignore">Bỏ qua cột này</option>
                </select>
              </label>
            );
          })}
          {[...needsRow, ...unsure].map((r) => (
            <label key={r.key} className="mapping-line">
              Dòng {r.row} “{r.name.slice(0, 80)}”{' '}
              <select disabled={busy} aria-label={`Hợp phần của dòng ${r.row}`} value={mapping.rows?.[r.key] ?? ''} onChange={(e) => setRow(r, e.target.value)}>
                <option value="">{r.componentCode ? `${r.componentCode} (như đã nhận dạng)` : '— chọn hợp phần —'}</option>
                {componentOptions.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code} — {c.name.slice(0, 90)}
                  </option>
                ))}
                <option value="ignore">Bỏ qua dòng này</option>
              </select>
            </label>
          ))}
          <p className="muted">Lựa chọn được áp dụng ngay và được ghi nhớ cho các tệp cùng mẫu khi nhập.</p>
        </section>
      ) : null}

      {changes.length > 0 || kept.length > 0 ? (
        <section aria-label="Thay đổi so với sổ">
          <h2>Thay đổi so với số đang có trong sổ</h2>
          <ul className="diff-list" tabIndex={0} aria-label="Các thay đổi so với sổ">
            {changes.map((d) => (
              <li key={`${d.componentCode}|${d.sourceCode}|${d.capitalType}|${d.originYear}`}>{diffText(d, sourceName)}</li>
            ))}
            {kept.length > 0 ? <li className="muted">{kept.length} dòng trong sổ không có trong tệp: giữ nguyên.</li> : null}
          </ul>
        </section>
      ) : null}

      <div className="toolbar import-actions">
        <button type="button" className="primary" disabled={!preview.canCommit || busy} onClick={onConfirm}>
          Nhập vào sổ vốn được giao
        </button>
        {!preview.canCommit && !preview.noop ? <span className="muted">Sửa các lỗi (trong tệp hoặc bằng lựa chọn ở trên) để nhập.</span> : null}
        {selectedCell ? <span className="muted">Đang xem ô {selectedCell}</span> : null}
      </div>

      <div className="import-panes">
        <section aria-label="Bảng nhận dạng" className="import-pane">
          <h2>Bảng nhận dạng</h2>
          <div className="grid-host import-grid">
            <AgGridReact<ImportRow>
              {...GRID_PROPS}
              columnDefs={treeColumns}
              rowData={preview.rows}
              getRowId={(p) => String(p.data.row)}
              getRowClass={treeRowClass}
              rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
              onRowClicked={(e) => e.data && showCell(`${preview.columns.find((c) => c.role === 'name')?.col ?? 'B'}${e.data.row}`)}
              onGridReady={(e: GridReadyEvent<ImportRow>) => (treeApi.current = e.api)}
              defaultColDef={COLUMN_DEFAULTS}
            />
          </div>
        </section>
        <section aria-label="Tệp gốc" className="import-pane">
          <h2>Tệp gốc{preview.cells.truncated ? ` (${preview.cells.rows.length} dòng đầu)` : ''}</h2>
          <div className="grid-host import-grid">
            <AgGridReact<CellRow>
              {...GRID_PROPS}
              columnDefs={cellColumns}
              rowData={cellRows}
              getRowId={(p) => String(p.data.rowNumber)}
              onGridReady={(e: GridReadyEvent<CellRow>) => (cellsApi.current = e.api)}
              defaultColDef={COLUMN_DEFAULTS}
            />
          </div>
        </section>
      </div>
    </div>
  );
}

function FindingLine({ finding, onShow }: { finding: ImportFinding; onShow: (cell: string) => void }) {
  return (
    <>
      <span className={`severity severity-${finding.severity}`}>{SEVERITY_LABELS[finding.severity]}</span>{' '}
      {finding.cell ? (
        <button type="button" className="link-button" onClick={() => onShow(finding.cell!)} title="Xem ô này trong tệp">
          {finding.sheet ? `${finding.sheet}!` : ''}
          {finding.cell}
        </button>
      ) : null}{' '}
      {finding.message}
    </>
  );
}
