import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { LineChange } from '../../../shared/api/decisions';
import type { DecisionDocument, DecisionHeader } from '../../../shared/api/decisions';
import type { RecurrentSheet } from '../../../shared/api/recurrent';
import type { Signer } from '../../../shared/api/office';
import { formatDateVi } from '../../../shared/format/date';
import { formatAmount, toDong, UNIT_LABEL_VI, type MoneyUnit } from '../../../shared/money/dong';
import { api } from '../../api/client';
import { useScreenYear } from '../../app/working-year';
import { MessageArea } from '../../kit/MessageArea';
import { UnitSelect } from '../../grid/UnitSelect';
import { undoRedoKey } from '../../grid/undo-keys';
import { IssueDialog } from '../decisions/IssueDialog';
import { DelegationPanel } from './DelegationPanel';
import { RecurrentGrid, type RecurrentGridHandle } from './RecurrentGrid';
import { TargetsPanel } from './TargetsPanel';

function decisionLabel(d: DecisionHeader): string {
  return d.status === 'issued' ? `Nghị quyết ${d.numberText} ngày ${formatDateVi(d.docDate!)}` : `Dự thảo nghị quyết #${d.id}${d.summary ? ` — ${d.summary.slice(0, 60)}` : ''}`;
}

/** Dự toán chi thường xuyên: the HĐND's breakdown of the recurrent estimate by component × implementing unit. */
export function RecurrentScreen() {
  const navigate = useNavigate();
  const year = useScreenYear();
  const [decisions, setDecisions] = useState<DecisionHeader[]>([]);
  const [decisionId, setDecisionId] = useState<number | null>(null);
  const [sheet, setSheet] = useState<RecurrentSheet | null>(null);
  const [programCode, setProgramCode] = useState<string | null>(null);
  const [sourceCode, setSourceCode] = useState('NSTW');
  const [unit, setUnit] = useState<MoneyUnit>('trieu');
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [issuing, setIssuing] = useState<DecisionDocument | null>(null);
  const [signers, setSigners] = useState<Signer[]>([]);
  const grid = useRef<RecurrentGridHandle>(null);

  const loadDecisions = useCallback(async (prefer?: number) => {
    const result = await api.invoke('decisions.list', { year, kind: 'phan_bo', issuer: 'HDND' });
    if (!result.ok) return setError(result.error.message);
    setDecisions(result.value);
    const drafts = result.value.filter((d) => d.status === 'draft');
    setDecisionId(prefer ?? drafts[drafts.length - 1]?.id ?? result.value[result.value.length - 1]?.id ?? null);
  }, [year]);

  const loadSheet = useCallback(async () => {
    const result = await api.invoke('recurrent.sheet', decisionId === null ? { year } : { year, decisionId });
    if (!result.ok) return setError(result.error.message);
    setSheet(result.value);
    setProgramCode((current) => current && result.value.programs.some((p) => p.programCode === current) ? current : (result.value.programs[0]?.programCode ?? null));
  }, [decisionId, year]);

  useEffect(() => {
    void loadDecisions();
    void api.invoke('app.info', {}).then((r) => r.ok && setSigners(r.value.office?.signers ?? []));
  }, [loadDecisions]);
  useEffect(() => {
    void loadSheet();
  }, [loadSheet]);

  const current = decisions.find((d) => d.id === decisionId) ?? null;
  const editable = current?.status === 'draft';
  const program = sheet?.programs.find((p) => p.programCode === programCode) ?? null;

  const send = useCallback(
    async (changes: LineChange[]) => {
      if (decisionId === null || changes.length === 0) return;
      const result = await api.invoke('decisions.lines.apply', { decisionId, changes });
      if (!result.ok) setError(result.error.message);
      else setError(null);
      await loadSheet();
    },
    [decisionId, loadSheet],
  );

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      if (decisionId === null || !editable) return;
      const result = await api.invoke(direction === 'undo' ? 'decisions.undo' : 'decisions.redo', { decisionId });
      if (!result.ok) setInfo(result.error.message);
      await loadSheet();
    },
    [decisionId, editable, loadSheet],
  );

  async function createDraft() {
    const result = await api.invoke('decisions.create', { year, kind: 'phan_bo', issuer: 'HDND', summary: `Phân bổ chi tiết dự toán chi thường xuyên các Chương trình MTQG năm ${year}` });
    if (!result.ok) return setError(result.error.message);
    setInfo(`Đã tạo dự thảo nghị quyết #${result.value.header.id}. Nhập số tiền vào các ô hợp phần × đơn vị.`);
    await loadDecisions(result.value.header.id);
  }

  async function openIssue() {
    if (decisionId === null) return;
    const result = await api.invoke('decisions.get', { id: decisionId });
    if (result.ok) setIssuing(result.value);
    else setError(result.error.message);
  }

  /** The UBND's decision assigning the issued resolution to the units: drafted, then issued in the same dialog. */
  async function createImplementation() {
    if (decisionId === null) return;
    const created = await api.invoke('decisions.createImplementation', { resolutionId: decisionId });
    if (!created.ok) return setError(created.error.message);
    setError(null);
    setIssuing(created.value);
  }

  async function startMove() {
    const result = await api.invoke('decisions.create', { year, kind: 'dieu_chinh', issuer: 'HDND', fromPlan: true, summary: `Điều chỉnh dự toán chi thường xuyên giữa các dự án thành phần năm ${year}` });
    if (!result.ok) return setError(result.error.message);
    navigate(`/quyet-dinh/${year}/${result.value.header.id}`);
  }

  const onPaste = (event: React.ClipboardEvent) => {
    const plan = grid.current?.paste(event.clipboardData.getData('text/plain'));
    if (!plan) return;
    event.preventDefault();
    if (plan.problems.length > 0) {
      const first = plan.problems[0]!;
      return setError(`Không dán được: ô dòng ${first.row}, cột ${first.column} của khối dán — ${first.message}${plan.problems.length > 1 ? ` (và ${plan.problems.length - 1} ô khác)` : ''}. Không có ô nào được ghi.`);
    }
    void send(plan.changes);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    // While a cell is being typed in, Ctrl+Z belongs to its text.
    const direction = undoRedoKey(event);
    if (!direction || grid.current?.editing()) return;
    event.preventDefault();
    void step(direction);
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Dự toán chi thường xuyên</h1>
        <div className="toolbar">
          <label>
            Nghị quyết{' '}
            <select aria-label="Nghị quyết phân bổ" value={decisionId ?? ''} onChange={(e) => setDecisionId(e.target.value ? Number(e.target.value) : null)}>
              <option value="">Dự toán đang có hiệu lực</option>
              {decisions.map((d) => (
                <option key={d.id} value={d.id}>
                  {decisionLabel(d)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void createDraft()}>
            Tạo dự thảo nghị quyết
          </button>
        </div>
      </header>
      <p className="muted help">
        {sheet?.officeLevel === 'xa'
          ? 'HĐND xã phân bổ chi tiết kinh phí sự nghiệp theo nội dung thành phần và đơn vị thực hiện.'
          : 'HĐND huyện phân bổ chi tiết kinh phí sự nghiệp (NSTW và NS tỉnh đối ứng) theo dự án, tiểu dự án, nội dung và đơn vị thực hiện, theo phân cấp của HĐND tỉnh.'}{' '}
        Gõ số vào ô rồi Enter hoặc
        Tab; dán một khối từ Excel vào ô đầu; Delete xoá; Ctrl+Z hoàn tác. Cột “Còn lại” phải về 0 trước khi trình.
      </p>
      {sheet?.delegationRequired ? <DelegationPanel key={year} year={year} delegation={sheet.delegation} onSaved={(m) => (setInfo(m), void loadSheet())} /> : null}
      <MessageArea error={error} info={info} />
      {sheet && program ? (
        <>
          <div className="toolbar recurrent-toolbar">
            <div role="tablist" aria-label="Chương trình" className="tabs">
              {sheet.programs.map((p) => (
                <button key={p.programCode} role="tab" type="button" aria-selected={p.programCode === programCode} onClick={() => setProgramCode(p.programCode)} title={p.programName}>
                  {p.programCode}
                </button>
              ))}
            </div>
            <label>
              <select aria-label="Nguồn vốn" value={sourceCode} onChange={(e) => setSourceCode(e.target.value)}>
                {sheet.sources.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Đơn vị tính <UnitSelect value={unit} onChange={setUnit} />
            </label>
            {editable ? (
              <>
                <button type="button" onClick={() => void step('undo')} title="Ctrl+Z">
                  Hoàn tác
                </button>
                <button type="button" onClick={() => void step('redo')} title="Ctrl+Y">
                  Làm lại
                </button>
                <button type="button" className="primary" onClick={() => void openIssue()}>
                  Kiểm tra và ban hành…
                </button>
              </>
            ) : null}
            {current?.status === 'issued' ? (
              <button type="button" onClick={() => void createImplementation()} title="Quyết định của UBND huyện giao dự toán cho các đơn vị theo nghị quyết">
                Lập quyết định giao dự toán…
              </button>
            ) : null}
            {current ? <Link to={`/in/${current.id}`}>Xem bản in phụ lục</Link> : null}
            <button type="button" onClick={() => void startMove()} title="Nghị quyết HĐND điều chỉnh kinh phí sự nghiệp giữa các dự án thành phần (NQ 111 khoản 1)">
              Điều chỉnh giữa các hợp phần…
            </button>
          </div>
          <p className="recurrent-summary" data-testid="recurrent-summary">
            {program.programName}: {sheet.sources.map((s) => `${s.name} còn lại ${formatAmount(toDong(program.summary.remaining[s.code] ?? 0), unit)} ${UNIT_LABEL_VI[unit]}`).join('; ')}
          </p>
          <div className="grid-host recurrent-grid" onPaste={onPaste} onKeyDown={onKeyDown}>
            <RecurrentGrid ref={grid} program={program} units={sheet.units} sourceCode={sourceCode} unit={unit} year={year} editable={editable} onChanges={(c) => void send(c)} onProblem={setError} />
          </div>
          <TargetsPanel year={year} programCode={program.programCode} rows={program.rows} onMessage={(m) => (setError(m.error ?? null), setInfo(m.info ?? null))} />
        </>
      ) : null}
      {issuing ? (
        <IssueDialog
          doc={issuing}
          signers={signers}
          onClose={() => setIssuing(null)}
          onPick={() => setIssuing(null)}
          onIssued={(doc) => {
            setIssuing(null);
            if (doc.header.implementsId !== null) {
              setInfo(`Đã ban hành Quyết định ${doc.header.numberText} giao dự toán cho các đơn vị.`);
              return navigate(`/in/${doc.header.id}`);
            }
            setInfo(`Đã ban hành Nghị quyết ${doc.header.numberText}.`);
            void loadDecisions(doc.header.id);
          }}
        />
      ) : null}
    </section>
  );
}
