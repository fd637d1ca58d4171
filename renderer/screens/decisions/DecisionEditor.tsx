import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { LineChange } from '../../../shared/api/decisions';
import type { RecipientOption } from '../../../shared/api/registers';
import type { ComponentOption, ReferenceLists } from '../../../shared/api/reference';
import type { Signer } from '../../../shared/api/office';
import type { TotalCell } from '../../../shared/api/assignments';
import { implausibleAmountQuestion } from '../../../shared/domain/amount-plausibility';
import { amountColumns, type AmountColumn } from '../../../shared/domain/decision-sheet';
import { ADJUSTMENT_KINDS, DECISION_ISSUER_LABELS, DECISION_KIND_LABELS } from '../../../shared/domain/documents';
import { formatDateVi, parseDateVi } from '../../../shared/format/date';
import { parseClipboardTable } from '../../../shared/grid/tsv';
import { UNIT_LABEL_VI, type MoneyUnit } from '../../../shared/money/dong';
import { foldVietnamese } from '../../../shared/text/fold';
import { api } from '../../api/client';
import { MessageArea } from '../../kit/MessageArea';
import { UnitSelect } from '../../grid/UnitSelect';
import { componentPickerOptions } from '../../grid/component-options';
import { filterOptions, type PickerOption } from '../../grid/PickerEditor';
import { AdjustmentGrid, type AdjustmentGridHandle } from './AdjustmentGrid';
import { AllocationGrid, type AllocationGridHandle, type CellProblem } from './AllocationGrid';
import { BalancePanel, FindingsPanel } from './BalancePanel';
import { CommuneMatrixGrid } from './CommuneMatrixGrid';
import { IssueDialog } from './IssueDialog';
import { initialDecisionUnit, rememberDecisionUnit } from './decision-unit';
import { planPaste } from './paste';
import { useDecision } from './useDecision';
import { undoRedoKey } from '../../grid/undo-keys';
import { todayInVietnam } from '../../../shared/format/today';
import { capitalTypeLabel, sourceShortName } from '../../../shared/format/labels';

const stripPrefix = (name: string) => foldVietnamese(name).replace(/^(xa|thi tran|phuong|huyen)\s+/, '');

/** One decision: header, the editor grid (or the adjustment / per-commune view), live balance and findings. */
export function DecisionEditor() {
  const params = useParams();
  const navigate = useNavigate();
  const id = Number(params.id);
  const decision = useDecision(id);
  const { doc, lines, balance, check } = decision;
  const [unit, setUnit] = useState<MoneyUnit>(initialDecisionUnit);
  const [components, setComponents] = useState<ComponentOption[]>([]);
  /** The money year typed on the entry row: the decision's year, or a carried-over year assigned in it. */
  const [entryOrigin, setEntryOrigin] = useState<number | null>(null);
  const [originComponents, setOriginComponents] = useState<ComponentOption[]>([]);
  const [lists, setLists] = useState<ReferenceLists | null>(null);
  const [signers, setSigners] = useState<Signer[]>([]);
  const [recipients, setRecipients] = useState<RecipientOption[]>([]);
  const [assignedPairs, setAssignedPairs] = useState<TotalCell[]>([]);
  const [problem, setProblem] = useState<CellProblem | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [pasteReport, setPasteReport] = useState<string[] | null>(null);
  const [view, setView] = useState<'detail' | 'communes'>('detail');
  const [issuing, setIssuing] = useState(false);
  /** The decision an adjustment changes (its predecessor), shown under the title. */
  const [changed, setChanged] = useState<{ numberText: string | null; docDate: string | null } | null>(null);
  const allocationRef = useRef<AllocationGridHandle>(null);
  const adjustmentRef = useRef<AdjustmentGridHandle>(null);

  const year = doc?.header.year;
  const docDate = doc?.header.docDate ?? todayInVietnam();
  const readOnly = doc?.header.status !== 'draft';
  const adjustmentMode = doc !== null && ADJUSTMENT_KINDS.has(doc.header.kind);

  useEffect(() => rememberDecisionUnit(unit), [unit]);
  useEffect(() => {
    void api.invoke('reference.lists', {}).then((r) => r.ok && setLists(r.value));
    void api.invoke('app.info', {}).then((r) => r.ok && setSigners(r.value.office?.signers ?? []));
  }, []);
  useEffect(() => {
    if (year === undefined) return;
    void api.invoke('catalog.components', { year }).then((r) => r.ok && setComponents(r.value));
    void api.invoke('assignments.list', { year }).then((r) => r.ok && setAssignedPairs(r.value.totals.bySourceCapital));
  }, [year]);
  // Carried-over money is allocated on the catalog of its own origin year (rule 15), so the entry row's picker follows it.
  const originChoices = useMemo(() => (balance?.groups ?? []).map((g) => ({ year: g.originYear, label: g.label })), [balance]);
  const entryOriginYear = entryOrigin !== null && originChoices.some((c) => c.year === entryOrigin) ? entryOrigin : (year ?? 0);
  useEffect(() => {
    if (year === undefined || entryOriginYear === year) return setOriginComponents([]);
    void api.invoke('catalog.components', { year: entryOriginYear }).then((r) => r.ok && setOriginComponents(r.value));
  }, [entryOriginYear, year]);
  const entryComponents = entryOriginYear === year || originComponents.length === 0 ? components : originComponents;
  const predecessorId = doc?.header.predecessorId ?? null;
  useEffect(() => {
    if (predecessorId === null) return setChanged(null);
    void api.invoke('decisions.get', { id: predecessorId }).then((r) => setChanged(r.ok ? r.value.header : null));
  }, [predecessorId]);
  useEffect(() => {
    void api.invoke('recipients.list', { date: docDate }).then((r) => r.ok && setRecipients(r.value));
  }, [docDate]);

  const sourceLabel = useCallback((code: string) => sourceShortName(lists?.fundingSources, code), [lists]);
  const columns = useMemo<AmountColumn[]>(
    () => amountColumns([...assignedPairs, ...lines.map((l) => ({ sourceCode: l.sourceCode, capitalType: l.capitalType }))], (lists?.fundingSources ?? []).map((s) => s.code)),
    [assignedPairs, lines, lists],
  );
  /** Every source × capital type in the province's order, for a pasted block wider than the grid. */
  const standardColumns = useMemo<AmountColumn[]>(() => {
    const sources = (lists?.fundingSources ?? []).map((s) => s.code);
    return amountColumns(sources.flatMap((sourceCode) => (['DTPT', 'SN'] as const).map((capitalType) => ({ sourceCode, capitalType }))), sources);
  }, [lists]);
  const columnLabel = useCallback((c: AmountColumn) => `${sourceLabel(c.sourceCode)} · ${capitalTypeLabel(c.capitalType)}`, [sourceLabel]);
  const componentOptions = useMemo(() => componentPickerOptions(components, { withCode: true, skipPrograms: true }), [components]);
  const entryComponentOptions = useMemo(() => (entryComponents === components ? componentOptions : componentPickerOptions(entryComponents, { withCode: true, skipPrograms: true })), [componentOptions, components, entryComponents]);
  const componentOrder = useMemo(() => new Map([...originComponents, ...components].map((c, i) => [c.code, i])), [components, originComponents]);
  const componentNames = useMemo(() => new Map([...originComponents, ...components].map((c) => [c.code, c.name])), [components, originComponents]);
  const recipientValue = (r: RecipientOption) => `${r.kind}:${r.id}`;
  const recipientOptions = useMemo<PickerOption[]>(
    () => recipients.filter((r) => r.validOnDate).map((r) => ({ value: recipientValue(r), label: r.name, keywords: `${r.code ?? ''} ${r.kind === 'commune' ? 'xa' : r.kind === 'district' ? 'huyen' : 'don vi'}` })),
    [recipients],
  );
  const sourceOptions = useMemo<PickerOption[]>(() => (lists?.fundingSources ?? []).map((s) => ({ value: s.code, label: s.name, keywords: `${s.shortName} ${s.code}` })), [lists]);
  const recipientByValue = useMemo(() => new Map(recipients.map((r) => [recipientValue(r), r])), [recipients]);

  /** True when every amount is plausible, or the officer confirmed the one that is far above the assignment. */
  const amountsConfirmed = useCallback(
    (changes: LineChange[]) => {
      const question = implausibleAmountQuestion(changes, lines, assignedPairs, year ?? 0, sourceLabel);
      return question === null || window.confirm(question);
    },
    [assignedPairs, lines, sourceLabel, year],
  );

  const sendChanges = useCallback(
    async (changes: LineChange[], where: { rowId: string; colId: string }) => {
      if (changes.length === 0) return setProblem({ ...where, message: '' });
      if (!amountsConfirmed(changes)) return setProblem({ ...where, message: 'Chưa ghi: số tiền vừa nhập lớn bất thường so với vốn được giao; nhập lại số đúng.' });
      const result = await decision.apply(changes);
      if (result.ok) {
        setProblem(null);
        setHint(null);
        return;
      }
      setProblem({ ...where, message: result.error.message });
    },
    [amountsConfirmed, decision],
  );

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      const error = await decision.step(direction);
      setHint(error ? error.message : null);
    },
    [decision],
  );

  const resolveComponent = useCallback(
    (text: string): { code: string } | { error: string } => {
      const t = text.trim();
      if (t === '') return { error: 'Thiếu hạng mục.' };
      const byCode = components.find((c) => c.code.toLowerCase() === t.toLowerCase());
      if (byCode) return { code: byCode.code };
      const folded = foldVietnamese(t);
      const byName = components.filter((c) => foldVietnamese(c.name) === folded);
      if (byName.length === 1) return { code: byName[0]!.code };
      const matches = filterOptions(componentOptions, t);
      const leaves = matches.filter((m) => !m.parent);
      if (leaves.length === 1) return { code: leaves[0]!.value };
      return { error: matches.length ? `"${t}" khớp nhiều hạng mục; ghi mã hạng mục (ví dụ DTTS.DA1.ND2).` : `Không tìm thấy hạng mục "${t}" trong danh mục năm ${year}.` };
    },
    [componentOptions, components, year],
  );
  const resolveRecipient = useCallback(
    (text: string) => {
      const t = text.trim();
      if (t === '') return { error: 'Thiếu đơn vị nhận.' };
      const valid = recipients.filter((r) => r.validOnDate);
      const found =
        valid.find((r) => r.code === t) ??
        valid.find((r) => foldVietnamese(r.name) === foldVietnamese(t)) ??
        (valid.filter((r) => stripPrefix(r.name) === stripPrefix(t)).length === 1 ? valid.find((r) => stripPrefix(r.name) === stripPrefix(t)) : undefined);
      if (!found) return { error: `Không tìm thấy đơn vị nhận "${t}" có hiệu lực ngày ${formatDateVi(docDate)}.` };
      const recipient = found.kind === 'commune' ? { kind: 'commune' as const, code: found.code! } : found.kind === 'district' ? { kind: 'district' as const } : { kind: found.kind, id: found.id! };
      return { recipient, kind: found.kind, id: found.id };
    },
    [docDate, recipients],
  );

  const onPaste = useCallback(
    async (event: React.ClipboardEvent) => {
      const gridApi = allocationRef.current?.api();
      if (!gridApi || readOnly || adjustmentMode || view !== 'detail' || gridApi.getEditingCells().length > 0) return;
      const focused = gridApi.getFocusedCell();
      if (!focused || focused.rowPinned === 'bottom') return;
      event.preventDefault();
      const table = parseClipboardTable(event.clipboardData.getData('text/plain'));
      if (table.length === 0) return;
      const plan = planPaste({
        table,
        startRow: focused.rowPinned === 'top' ? 'entry' : focused.rowIndex,
        startColumn: focused.column.getColId(),
        columnOrder: gridApi.getAllDisplayedColumns().map((c) => c.getColId()),
        amountColumns: columns,
        standardColumns,
        columnLabel,
        rows: allocationRef.current!.displayedRows(),
        allRows: allocationRef.current!.allRows(),
        unit,
        resolveComponent,
        resolveRecipient,
        year: year!,
      });
      const report = [...plan.notes, ...plan.problems.map((p) => `Ô dòng ${p.row}, cột ${p.column} của khối dán: ${p.message}`)];
      if (plan.changes.length > 0 && !amountsConfirmed(plan.changes)) {
        setPasteReport(['Không dán: khối dán có số tiền lớn bất thường so với vốn được giao; kiểm tra đơn vị tính rồi dán lại.']);
        return;
      }
      if (plan.changes.length > 0) {
        const result = await decision.apply(plan.changes, { partial: true, label: `Dán ${table.length} × ${table[0]!.length} ô` });
        if (!result.ok) report.push(result.error.message);
        else {
          setProblem(null);
          report.push(...result.value.rejected.map((r) => r.message));
        }
        const applied = result.ok ? plan.changes.length - result.value.rejected.length : 0;
        report.unshift(`Đã dán ${applied} ô hợp lệ.`);
      } else if (plan.notes.length > 0) {
        report.unshift('Không có ô nào được dán.');
      }
      if (report.length > 1 || plan.changes.length === 0) setPasteReport(report);
      else {
        setPasteReport(null);
        setHint(report[0] ?? null);
      }
    },
    [adjustmentMode, amountsConfirmed, columnLabel, columns, decision, readOnly, resolveComponent, resolveRecipient, standardColumns, unit, view, year],
  );

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      const editing = (allocationRef.current?.api()?.getEditingCells().length ?? 0) + (adjustmentRef.current?.api()?.getEditingCells().length ?? 0) > 0;
      const direction = undoRedoKey(event);
      if (editing || readOnly || !direction) return;
      event.preventDefault();
      void step(direction);
    },
    [readOnly, step],
  );

  const pickLine = useCallback(
    (lineId: number) => {
      setIssuing(false);
      setView('detail');
      if (adjustmentMode) adjustmentRef.current?.focusLine(lineId);
      else allocationRef.current?.focusLine(lineId);
    },
    [adjustmentMode],
  );

  const saveHeader = useCallback(
    async (patch: { docDate?: string | null; summary?: string }) => {
      if (!doc) return;
      const result = await api.invoke('decisions.update', { id: doc.header.id, patch });
      if (!result.ok) return setHint(result.error.message);
      await decision.reload();
    },
    [decision, doc],
  );

  if (decision.loadError) return <div className="error-banner" role="alert">{decision.loadError}</div>;
  if (!doc || !lists) return <p className="muted">Đang mở quyết định…</p>;
  const h = doc.header;

  return (
    <section className="screen decision-editor">
      <header className="screen-header">
        <div>
          <button type="button" className="link-button" onClick={() => navigate(`/quyet-dinh/${h.year}`)}>
            ← Danh sách quyết định {h.year}
          </button>
          <h1>
            {h.numberText ? `${h.issuer === 'HDND' ? 'Nghị quyết' : 'Quyết định'} số ${h.numberText}` : `Dự thảo ${DECISION_KIND_LABELS[h.kind].toLowerCase()} #${h.id}`}
            {readOnly ? <span className="badge badge-issued">Đã ban hành — chỉ xem</span> : <span className="badge badge-draft">Dự thảo</span>}
          </h1>
          <p className="muted">
            {DECISION_KIND_LABELS[h.kind]} · {DECISION_ISSUER_LABELS[h.issuer]}
            {h.docDate ? ` · ngày ${formatDateVi(h.docDate)}` : ''}
            {h.signerName ? ` · ký: ${h.signerName}` : ''}
            {changed ? ` · điều chỉnh ${changed.numberText}${changed.docDate ? ` ngày ${formatDateVi(changed.docDate)}` : ''}` : ''}
          </p>
        </div>
        <div className="toolbar">
          <label>
            Đơn vị tính{' '}
            <UnitSelect value={unit} onChange={setUnit} />
          </label>
          {!adjustmentMode ? (
            <select aria-label="Cách xem" value={view} onChange={(e) => setView(e.target.value as 'detail' | 'communes')}>
              <option value="detail">Chi tiết theo hạng mục</option>
              <option value="communes">Theo xã, đơn vị</option>
            </select>
          ) : null}
          <button type="button" onClick={() => navigate(`/in/${h.id}`)}>
            In quyết định…
          </button>
          {!readOnly ? (
            <>
              <button type="button" disabled={!doc.history.canUndo} title={doc.history.undoLabel ? `Hoàn tác: ${doc.history.undoLabel} (Ctrl+Z)` : 'Hoàn tác (Ctrl+Z)'} onClick={() => void step('undo')}>
                Hoàn tác
              </button>
              <button type="button" disabled={!doc.history.canRedo} title={doc.history.redoLabel ? `Làm lại: ${doc.history.redoLabel} (Ctrl+Y)` : 'Làm lại (Ctrl+Y)'} onClick={() => void step('redo')}>
                Làm lại
              </button>
              {adjustmentMode ? (
                <button type="button" onClick={() => void api.invoke('decisions.rebase', { id: h.id }).then((r) => (r.ok ? decision.setDocument(r.value) : setHint(r.error.message)))}>
                  Cập nhật số đang có hiệu lực
                </button>
              ) : null}
              <button type="button" className="primary" onClick={() => setIssuing(true)}>
                Ban hành…
              </button>
            </>
          ) : null}
        </div>
      </header>
      {!readOnly ? (
        <div className="header-form">
          <label>
            Ngày dự kiến{' '}
            <input
              aria-label="Ngày quyết định"
              defaultValue={h.docDate ? formatDateVi(h.docDate) : ''}
              placeholder="dd/mm/yyyy"
              size={11}
              onBlur={(e) => {
                const text = e.target.value.trim();
                const iso = text === '' ? null : parseDateVi(text);
                if (text !== '' && iso === null) return setHint(`Ngày "${text}" không hợp lệ; nhập dạng dd/mm/yyyy.`);
                if (iso !== h.docDate) void saveHeader({ docDate: iso });
              }}
            />
          </label>
          <label className="grow">
            Trích yếu{' '}
            <input aria-label="Trích yếu" defaultValue={h.summary} onBlur={(e) => e.target.value.trim() !== h.summary && void saveHeader({ summary: e.target.value })} />
          </label>
          {!adjustmentMode && originChoices.length > 1 ? (
            <label title="Dòng nhập mới ghi vốn của năm này; vốn kéo dài phân bổ theo danh mục của năm nguồn">
              Dòng mới ghi{' '}
              <select aria-label="Vốn năm của dòng nhập mới" value={entryOriginYear} onChange={(e) => setEntryOrigin(Number(e.target.value))}>
                {originChoices.map((c) => (
                  <option key={c.year} value={c.year}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      ) : null}
      <MessageArea error={problem?.message} info={hint} />
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
      <div className="editor-layout">
        <div className="grid-host editor-grid" onPaste={(e) => void onPaste(e)} onKeyDown={onKeyDown}>
          {view === 'communes' && !adjustmentMode ? (
            <CommuneMatrixGrid lines={lines} unit={unit} readOnly={readOnly} onChanges={(changes) => void sendChanges(changes, { rowId: '', colId: '' })} />
          ) : adjustmentMode ? (
            <AdjustmentGrid
              ref={adjustmentRef}
              lines={lines}
              unit={unit}
              readOnly={readOnly}
              reasons={lists.reasonCodes}
              sourceLabel={sourceLabel}
              problem={problem}
              onChanges={(c, w) => void sendChanges(c, w)}
              onHint={setHint}
              year={h.year}
              componentOptions={componentOptions}
              componentNames={componentNames}
              recipientOptions={recipientOptions}
              recipientByValue={recipientByValue}
              sourceOptions={sourceOptions}
            />
          ) : (
            <AllocationGrid
              ref={allocationRef}
              lines={lines}
              columns={columns}
              columnLabel={columnLabel}
              unit={unit}
              readOnly={readOnly}
              year={h.year}
              entryOriginYear={entryOriginYear}
              componentOptions={entryComponentOptions}
              componentNames={componentNames}
              componentOrder={componentOrder}
              recipientOptions={recipientOptions}
              recipientByValue={recipientByValue}
              problem={problem}
              onChanges={(c, w) => void sendChanges(c, w)}
              onHint={setHint}
            />
          )}
        </div>
        <aside className="side-panel" aria-label="Cân đối và kiểm tra">
          <div>
            <h2 className="section-title">Cân đối với vốn được giao ({UNIT_LABEL_VI[unit]})</h2>
            <BalancePanel balance={balance} unit={unit} />
          </div>
          {!readOnly ? (
            <div>
              <h2 className="section-title">Kiểm tra theo quy tắc {check ? `(${check.errors + (check.blockers?.length ?? 0)} lỗi, ${check.warnings} cảnh báo)` : ''}</h2>
              <FindingsPanel check={check} onPick={pickLine} />
            </div>
          ) : null}
        </aside>
      </div>
      <p className="muted help">
        Dòng đầu bảng để thêm: gõ tên hạng mục (không cần dấu), Enter hoặc Tab, gõ tên xã/đơn vị, Enter hoặc Tab rồi nhập số tiền và Enter. Dán khối từ Excel (Ctrl+V) vào ô đầu tiên; Delete xoá số; Ctrl+Z / Ctrl+Y hoàn tác, làm lại.
      </p>
      {issuing ? (
        <IssueDialog
          doc={doc}
          signers={signers}
          onPick={pickLine}
          onClose={() => setIssuing(false)}
          onIssued={(issued) => {
            setIssuing(false);
            decision.setDocument(issued);
          }}
        />
      ) : null}
    </section>
  );
}
