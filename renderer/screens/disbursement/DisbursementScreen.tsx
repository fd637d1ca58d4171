import './disbursement.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { DisbursementEntryInput } from '../../../shared/api/disbursement';
import type { DisbursementSheet, Progress } from '../../../shared/api/disbursement';
import type { ReferenceLists } from '../../../shared/api/reference';
import { formatDateVi } from '../../../shared/format/date';
import { parseClipboardTable } from '../../../shared/grid/tsv';
import { UNIT_LABEL_VI, type MoneyUnit } from '../../../shared/money/dong';
import { api } from '../../api/client';
import { useScreenYear } from '../../app/working-year';
import { MessageArea } from '../../kit/MessageArea';
import { UnitSelect } from '../../grid/UnitSelect';
import { downloadBase64, readFileBase64 } from '../../kit/files';
import { DateField } from './DateField';
import { useDefaultCutoff } from './dates';
import { columnFormatter } from '../../../shared/money/column-decimals';
import { sheetMoneyFormatter } from '../../../shared/format/sheet-money';
import { EDITABLE_COLUMNS, EntryGrid, entryFor, type CellProblem, type EditableColumn, type EntryGridHandle } from './EntryGrid';
import { KbnnImportPanel } from './KbnnImportPanel';
import { BenchmarksPanel, CarryOverPanel, PacingPanel } from './Panels';
import { capitalTypeLabel, sourceShortName } from '../../../shared/format/labels';

const UNIT_KEY = 'sovon.disbursement.unit';
const initialUnit = (): MoneyUnit => {
  const stored = localStorage.getItem(UNIT_KEY);
  return stored === 'dong' || stored === 'nghin' || stored === 'trieu' ? stored : 'trieu';
};

type Tab = 'so-lieu' | 'keo-dai' | 'tien-do' | 'so-sanh';
const TABS: { id: Tab; label: string }[] = [
  { id: 'so-lieu', label: 'Số liệu giải ngân' },
  { id: 'keo-dai', label: 'Vốn kéo dài & thời hạn' },
  { id: 'tien-do', label: 'Tiến độ theo tháng' },
  { id: 'so-sanh', label: 'Số liệu so sánh' },
];

/** Giải ngân: cumulative disbursement per cut-off typed or pasted like Excel, or read from the treasury's statement; rates with their denominator. */
export function DisbursementScreen() {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const year = useScreenYear();
  // Without a date in the URL the screen opens at the latest cut-off reported (a temporary '' while the core answers).
  const cutoff = useDefaultCutoff(year, search.get('cutoff') ?? search.get('asOf')) ?? '';
  const tab = (TABS.find((t) => t.id === search.get('tab'))?.id ?? 'so-lieu') as Tab;
  const [unit, setUnit] = useState<MoneyUnit>(initialUnit);
  const [sheet, setSheet] = useState<DisbursementSheet | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [lists, setLists] = useState<ReferenceLists | null>(null);
  const [problem, setProblem] = useState<CellProblem | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pasteReport, setPasteReport] = useState<string[] | null>(null);
  const [denominator, setDenominator] = useState('ca_nam');
  const [kbnnFile, setKbnnFile] = useState<{ name: string; base64: string } | null>(null);
  const gridRef = useRef<EntryGridHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => localStorage.setItem(UNIT_KEY, unit), [unit]);
  useEffect(() => {
    void api.invoke('reference.lists', {}).then((r) => r.ok && setLists(r.value));
  }, []);
  const reload = useCallback(async () => {
    if (!cutoff) return;
    const [s, p] = await Promise.all([api.invoke('disbursement.sheet', { year, cutoffDate: cutoff }), api.invoke('disbursement.progress', { year, asOf: cutoff })]);
    if (s.ok) setSheet(s.value);
    else setError(s.error.message);
    if (p.ok) setProgress(p.value);
  }, [cutoff, year]);
  useEffect(() => {
    setSheet(null);
    setProblem(null);
    void reload();
  }, [reload]);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.delete('asOf');
    next.set(key, value);
    setSearch(next);
  };

  const sourceLabel = useCallback((code: string) => sourceShortName(lists?.fundingSources, code), [lists]);

  const saveEntries = useCallback(
    async (entries: DisbursementEntryInput[], where: { rowId: string; colId: string }) => {
      if (entries.length === 0) return setProblem({ ...where, message: '' });
      const result = await api.invoke('disbursement.save', { year, cutoffDate: cutoff, entries });
      if (!result.ok) return setProblem({ ...where, message: result.error.message });
      setProblem(null);
      setHint(null);
      setSheet(result.value.sheet);
      const p = await api.invoke('disbursement.progress', { year, asOf: cutoff });
      if (p.ok) setProgress(p.value);
    },
    [cutoff, year],
  );

  /** A block copied from Excel, pasted from the focused cell down: the cumulative column, then the recovery. */
  const onPaste = useCallback(
    async (event: React.ClipboardEvent) => {
      const grid = gridRef.current?.api();
      if (!grid || !sheet || grid.getEditingCells().length > 0) return;
      const focused = grid.getFocusedCell();
      if (!focused || focused.rowPinned) return;
      const start = EDITABLE_COLUMNS.indexOf(focused.column.getColId() as EditableColumn);
      event.preventDefault();
      const table = parseClipboardTable(event.clipboardData.getData('text/plain'));
      if (start < 0) return setPasteReport(['Dán số liệu: chọn ô "Lũy kế" (hoặc "Thu hồi") của dòng đầu tiên rồi dán khối cột số từ Excel.']);
      const report: string[] = [];
      const entries: DisbursementEntryInput[] = [];
      const labels: string[] = [];
      table.forEach((cells, r) => {
        const node = grid.getDisplayedRowAtIndex(focused.rowIndex + r);
        if (!node?.data) return void report.push(`Dòng ${r + 1} của khối dán: không còn dòng trong bảng để dán.`);
        cells.forEach((text, c) => {
          const column = EDITABLE_COLUMNS[start + c];
          if (!column) return void (text.trim() && report.push(`Dòng ${r + 1}, cột ${c + 1} của khối dán: khối rộng hơn các cột nhận số (Lũy kế, Thu hồi).`));
          if (column === 'cumulative' && text.trim() === '') return;
          const entry = entryFor(node.data!, column, text, unit);
          if ('error' in entry) return void report.push(`Dòng ${r + 1}, cột ${c + 1} của khối dán: ${entry.error}`);
          const same = entries.findIndex((e) => JSON.stringify(e.key) === JSON.stringify(entry.key));
          // Cumulative and recovery of one row pasted together make one entry.
          if (same >= 0 && column === 'recovery') entries[same] = { ...entries[same]!, recovery: entry.recovery! };
          else {
            entries.push(entry);
            labels.push(`${node.data!.componentCode} ${node.data!.communeName ?? node.data!.projectCode ?? ''}`.trim());
          }
        });
      });
      if (entries.length > 0) {
        const result = await api.invoke('disbursement.save', { year, cutoffDate: cutoff, entries, partial: true });
        if (!result.ok) report.push(result.error.message);
        else {
          setSheet(result.value.sheet);
          report.unshift(`Đã dán ${result.value.saved} ô hợp lệ.`);
          report.push(...result.value.rejected.map((p) => `${labels[p.index] ?? ''}: ${p.message}`));
          const p = await api.invoke('disbursement.progress', { year, asOf: cutoff });
          if (p.ok) setProgress(p.value);
        }
      }
      if (report.length > 1 || entries.length === 0) setPasteReport(report);
      else {
        setPasteReport(null);
        setHint(report[0] ?? null);
      }
    },
    [cutoff, sheet, unit, year],
  );

  const denominators = useMemo(() => [...new Map((progress?.totals ?? []).map((t) => [`${t.denominator.kind}:${t.denominator.originYear}`, t.denominator])).entries()], [progress]);
  const chosen = denominators.find(([k]) => k === denominator || k.startsWith(`${denominator}:`))?.[0] ?? denominators[0]?.[0];
  const totals = (progress?.totals ?? []).filter((t) => `${t.denominator.kind}:${t.denominator.originYear}` === chosen);
  // Figures quoted from the entry grid read as its columns show them (4.120,000, not 4.120).
  const sheetMoney = useMemo(() => sheetMoneyFormatter(sheet ?? { planDong: 0, cumulativeDong: 0, rows: [] }, unit), [sheet, unit]);
  // Carried-over money's rows are measured against its extended plan (rule 12): named under the grid, per origin year.
  const carriedPlans = useMemo(() => {
    const byYear = new Map<number, { originYear: number; label: string; planDong: number }>();
    for (const r of sheet?.rows ?? []) {
      if (r.denominator.kind !== 'keo_dai') continue;
      const found = byYear.get(r.originYear) ?? { originYear: r.originYear, label: r.denominator.label, planDong: 0 };
      found.planDong += r.planDong;
      byYear.set(r.originYear, found);
    }
    return [...byYear.values()].sort((a, b) => b.originYear - a.originYear);
  }, [sheet]);
  // Each amount column of the rate table with one number of decimals (68.059,050 over 17.014,763, not 68.059,05).
  const planText = columnFormatter(totals.map((t) => t.planDong), unit);
  const disbursedText = columnFormatter(totals.map((t) => t.disbursedDong), unit);
  const overall = totals.find((t) => t.programCode === null && t.capitalType === null);

  const exportReport = async () => {
    const result = await api.invoke('disbursement.exportReport', { year, asOf: cutoff });
    if (!result.ok) return setError(result.error.message);
    downloadBase64(result.value.fileName, result.value.base64);
  };

  return (
    <section className="screen disbursement">
      <header className="screen-header">
        <h1>Giải ngân</h1>
        <div className="toolbar">
          <label>
            Số liệu đến ngày{' '}
            <DateField label="Ngày chốt số liệu" value={cutoff} onChange={(iso) => (setError(null), setParam('cutoff', iso))} onInvalid={setError} />
          </label>
          {sheet && sheet.cutoffs.length > 0 ? (
            <select aria-label="Các kỳ đã có số liệu" value={sheet.cutoffs.includes(cutoff) ? cutoff : ''} onChange={(e) => e.target.value && setParam('cutoff', e.target.value)}>
              <option value="">Kỳ đã có…</option>
              {sheet.cutoffs.map((c) => (
                <option key={c} value={c}>
                  {formatDateVi(c)}
                </option>
              ))}
            </select>
          ) : null}
          <label>
            Đơn vị tính <UnitSelect value={unit} onChange={setUnit} />
          </label>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Nhập sao kê KBNN…
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label="Tệp sao kê KBNN"
            accept=".xlsx"
            onChange={async (e) => {
              const chosenFile = e.target.files?.[0];
              e.target.value = '';
              if (chosenFile) setKbnnFile({ name: chosenFile.name, base64: await readFileBase64(chosenFile) });
            }}
          />
          <button type="button" onClick={() => void exportReport()}>
            Xuất báo cáo Excel
          </button>
          <button type="button" onClick={() => navigate(`/in-giai-ngan/${year}?asOf=${cutoff}`)}>
            In báo cáo…
          </button>
        </div>
      </header>
      <MessageArea error={error ?? problem?.message} info={hint} />
      {kbnnFile ? (
        <KbnnImportPanel
          key={`${kbnnFile.name}-${kbnnFile.base64.length}`}
          file={kbnnFile}
          year={year}
          onClose={() => setKbnnFile(null)}
          onCommitted={(date, message) => {
            setKbnnFile(null);
            setHint(message);
            if (date !== cutoff) setParam('cutoff', date);
            else void reload();
          }}
        />
      ) : null}
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => (setHint(null), setError(null), setPasteReport(null), setParam('tab', t.id))}>
            {t.label}
          </button>
        ))}
      </div>
      {!cutoff ? (
        <p className="muted">Đang tải…</p>
      ) : tab === 'so-lieu' ? (
        <>
          {pasteReport ? (
            <div className="paste-report" role="status" aria-label="Kết quả dán">
              <ul>
                {pasteReport.slice(0, 12).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
              <button type="button" className="link-button" onClick={() => setPasteReport(null)}>
                Đóng
              </button>
            </div>
          ) : null}
          <div className="grid-host disbursement-grid" onPaste={(e) => void onPaste(e)}>
            {sheet ? <EntryGrid ref={gridRef} sheet={sheet} unit={unit} sourceLabel={sourceLabel} problem={problem} onEntries={(entries, where) => void saveEntries(entries, where)} onHint={setHint} /> : null}
          </div>
          <p className="muted help">
            Gõ số lũy kế giải ngân đến ngày chốt ({UNIT_LABEL_VI[unit]}) vào cột “Lũy kế”, Enter để xuống dòng; Delete xoá số của kỳ này. Dán khối số từ Excel (Ctrl+V) vào ô “Lũy kế” của dòng đầu. Số lũy kế thấp hơn kỳ trước mà không ghi số thu hồi vẫn được lưu, kèm cảnh báo quy tắc 14 ở cột “Ghi chú, cảnh báo”.
          </p>
          {carriedPlans.map((c) => (
            <p key={c.originYear} className="muted help" data-testid={`carried-plan-${c.originYear}`}>
              Các dòng vốn năm {c.originYear}: cột “Kế hoạch” là “{c.label}” ({sheetMoney(c.planDong)} {UNIT_LABEL_VI[unit]}, vốn năm {c.originYear} được kéo dài sang năm {year}); tỷ lệ của các dòng này chia cho kế hoạch đó.
            </p>
          ))}
          <div className="rates-panel">
            <div>
              <h2 className="section-title">
                Tỷ lệ giải ngân theo{' '}
                <select aria-label="Mẫu số" value={chosen ?? ''} onChange={(e) => setDenominator(e.target.value)}>
                  {denominators.map(([k, d]) => (
                    <option key={k} value={k}>
                      {d.label}
                    </option>
                  ))}
                </select>
              </h2>
              <table className="list-table" aria-label="Tỷ lệ giải ngân theo chương trình">
                <thead>
                  <tr>
                    <th>Chương trình</th>
                    <th>Loại vốn</th>
                    <th>Kế hoạch ({UNIT_LABEL_VI[unit]})</th>
                    <th>Đã giải ngân</th>
                    <th>Tỷ lệ</th>
                  </tr>
                </thead>
                <tbody>
                  {totals.map((t) => (
                    <tr key={`${t.programCode}-${t.capitalType}`} data-testid={`rate-${t.programCode ?? 'ALL'}-${t.capitalType ?? 'ALL'}`} className={t.capitalType === null ? 'strong' : undefined}>
                      <td>{t.programCode === null ? 'Tổng số' : t.programCode}</td>
                      <td>{t.capitalType === null ? 'Cộng' : capitalTypeLabel(t.capitalType)}</td>
                      <td className="num">{planText(t.planDong)}</td>
                      <td className="num">{disbursedText(t.disbursedDong)}</td>
                      <td className={`num${t.over ? ' overdue' : ''}`}>{t.rateText}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {sheet && overall && sheet.rateText !== overall.rateText ? (
                <p className="muted help" data-testid="rate-difference">
                  Dòng Tổng cộng của bảng nhập ({sheet.rateText}) chia lũy kế của mọi dòng ({sheetMoney(sheet.cumulativeDong)}) cho kế hoạch đã phân bổ của các dòng ({sheetMoney(sheet.planDong)} {UNIT_LABEL_VI[unit]}, gồm vốn các năm trước); tỷ lệ ở đây ({overall.rateText}) chia cho mẫu số “{overall.denominator.label}” ({planText(overall.planDong)} {UNIT_LABEL_VI[unit]}), nên hai tỷ lệ khác nhau.
                </p>
              ) : null}
            </div>
            <div>
              <h2 className="section-title">Theo nguồn vốn và năm nguồn</h2>
              <table className="list-table" aria-label="Tỷ lệ theo nguồn vốn">
                <thead>
                  <tr>
                    <th>CT · loại · nguồn</th>
                    <th>Vốn năm</th>
                    <th>Tỷ lệ</th>
                  </tr>
                </thead>
                <tbody>
                  {(progress?.rows ?? []).map((r) => (
                    <tr key={`${r.programCode}-${r.capitalType}-${r.sourceCode}-${r.originYear}`} title={`Mẫu số: ${r.denominator.label}`}>
                      <td>
                        {r.programCode} · {capitalTypeLabel(r.capitalType)} · {sourceLabel(r.sourceCode)}
                      </td>
                      <td>{r.originYear}</td>
                      <td className={`num${r.over ? ' overdue' : ''}`}>{r.rateText}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      ) : tab === 'keo-dai' ? (
        <CarryOverPanel year={year} asOf={cutoff} unit={unit} />
      ) : tab === 'tien-do' ? (
        <PacingPanel year={year} asOf={cutoff} />
      ) : (
        <BenchmarksPanel year={year} asOf={cutoff} />
      )}
    </section>
  );
}
