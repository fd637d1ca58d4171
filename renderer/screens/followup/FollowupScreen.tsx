import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { CATEGORY_LABELS, LEVEL_LABELS, OBSTACLE_CATEGORIES, OBSTACLE_STATUSES, OBSTACLE_STATUS_LABELS, RESOLVING_LEVELS, TASK_STATUS_LABELS, TASK_STATUSES, type FollowupSummary, type TaskStatus, type InspectionVisit, type Notice, type Obstacle, type ObstacleCategory, type ObstacleStatus, type ResolvingLevel } from '../../../shared/api/followup';
import type { DecisionHeader } from '../../../shared/api/decisions';
import { formatDateVi, parseDateVi } from '../../../shared/format/date';
import { formatAmount } from '../../../shared/money/dong';
import { api } from '../../api/client';
import { StatusBanner } from '../../app/StatusBanner';
import { todayInVietnam } from '../../../shared/format/today';

const today = () => todayInVietnam();

function useDate(initial = '') {
  const [text, setText] = useState(initial);
  return { text, setText, iso: text.trim() === '' ? null : parseDateVi(text) };
}

/** Khó khăn, vướng mắc & nhiệm vụ: obstacles by the level that can resolve them, escalation, notices and tasks. */
export function FollowupScreen() {
  const navigate = useNavigate();
  const [obstacles, setObstacles] = useState<Obstacle[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [summary, setSummary] = useState<FollowupSummary | null>(null);
  const [visits, setVisits] = useState<InspectionVisit[]>([]);
  const [decisions, setDecisions] = useState<DecisionHeader[]>([]);
  const [status, setStatus] = useState<ObstacleStatus | ''>('');
  const [level, setLevel] = useState<ResolvingLevel | ''>('');
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const [o, n, s, v] = await Promise.all([
      api.invoke('obstacles.list', { ...(status ? { status } : {}), ...(level ? { level } : {}), ...(search.trim() ? { search: search.trim() } : {}) }),
      api.invoke('notices.list', {}),
      api.invoke('followup.summary', {}),
      api.invoke('inspections.list', {}),
    ]);
    if (v.ok) setVisits(v.value);
    const d = await api.invoke('decisions.list', {});
    if (d.ok) setDecisions(d.value.filter((x) => x.status === 'issued'));
    if (o.ok) setObstacles(o.value);
    if (n.ok) setNotices(n.value);
    if (s.ok) setSummary(s.value);
  }, [level, search, status]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const report = (result: { ok: boolean; error?: { message: string } }, done: string) => {
    if (!result.ok) return setError(result.error!.message), false;
    setError(null);
    setInfo(done);
    void reload();
    return true;
  };

  const exportSummary = async () => {
    const result = await api.invoke('followup.export', {});
    if (!result.ok) return setError(result.error.message);
    const bytes = Uint8Array.from(atob(result.value.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = result.value.fileName;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="screen followup">
      <header className="screen-header">
        <h1>Khó khăn, vướng mắc &amp; nhiệm vụ</h1>
        <div className="toolbar">
          <button type="button" onClick={() => void exportSummary()}>
            Xuất tổng hợp (Excel)
          </button>
          <button type="button" onClick={() => navigate('/in-kho-khan')}>
            In tổng hợp…
          </button>
        </div>
      </header>
      <StatusBanner error={error} info={info} />
      {summary ? (
        <table className="list-table summary-table" aria-label="Tổng hợp theo cấp giải quyết">
          <thead>
            <tr>
              <th>Cấp giải quyết</th>
              <th className="num">Đang mở</th>
              <th className="num">Đã đóng</th>
              <th className="num">Quá hạn</th>
              <th className="num">Số vốn bị ảnh hưởng (triệu đồng)</th>
            </tr>
          </thead>
          <tbody>
            {summary.byLevel.map((l) => (
              <tr key={l.level}>
                <td>{LEVEL_LABELS[l.level]}</td>
                <td className="num" data-testid={`open-${l.level}`}>
                  {l.open}
                </td>
                <td className="num">{l.closed}</td>
                <td className={l.overdue ? 'num overdue' : 'num'}>{l.overdue}</td>
                <td className="num">{formatAmount(l.amountAtRiskDong, 'trieu')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2 className="section-title">Khó khăn, vướng mắc</h2>
      <div className="filters">
        <select aria-label="Lọc theo tình trạng" value={status} onChange={(e) => setStatus(e.target.value as ObstacleStatus | '')}>
          <option value="">Mọi tình trạng</option>
          {OBSTACLE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {OBSTACLE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <select aria-label="Lọc theo cấp" value={level} onChange={(e) => setLevel(e.target.value as ResolvingLevel | '')}>
          <option value="">Mọi cấp</option>
          {RESOLVING_LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
        <input aria-label="Tìm" placeholder="Tìm trong nội dung…" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <ObstacleForm onSaved={(r) => report(r, 'Đã ghi khó khăn, vướng mắc.')} />
      <table className="list-table" aria-label="Danh sách khó khăn, vướng mắc">
        <thead>
          <tr>
            <th>#</th>
            <th>Nội dung</th>
            <th>Nhóm</th>
            <th>Cấp giải quyết</th>
            <th>Tình trạng</th>
            <th>Hạn</th>
            <th>Đề xuất lên cấp trên</th>
          </tr>
        </thead>
        <tbody>
          {obstacles.map((o) => (
            <tr key={o.id} className={o.overdue ? 'overdue-row' : undefined} data-testid={`obstacle-${o.id}`}>
              <td>{o.id}</td>
              <td className="summary-cell">{o.description}</td>
              <td>{CATEGORY_LABELS[o.category]}</td>
              <td>{LEVEL_LABELS[o.resolvingLevel]}</td>
              <td>
                {OBSTACLE_STATUS_LABELS[o.status]}
                {o.overdue ? <strong className="overdue"> · quá hạn</strong> : null}
              </td>
              <td>{o.dueDate ? formatDateVi(o.dueDate) : ''}</td>
              <td>
                {o.escalations.map((e) => (
                  <div key={e.id} className="escalation">
                    {LEVEL_LABELS[e.toLevel]}: {e.toBody} {e.document ? `(${e.document})` : ''} ngày {formatDateVi(e.sentOn)}
                    {e.reply ? (
                      <div className="muted">
                        Trả lời {e.replyOn ? formatDateVi(e.replyOn) : ''}: {e.reply}
                      </div>
                    ) : (
                      <ReplyForm escalationId={e.id} onSaved={(r) => report(r, 'Đã ghi trả lời.')} />
                    )}
                  </div>
                ))}
                {o.status !== 'da_giai_quyet' && o.status !== 'khong_giai_quyet' ? <EscalateForm obstacle={o} onSaved={(r) => report(r, 'Đã ghi đề xuất lên cấp trên.')} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="section-title">Kế hoạch kiểm tra</h2>
      <InspectionForm onSaved={(r) => report(r, 'Đã ghi đợt kiểm tra.')} />
      <table className="list-table" aria-label="Kế hoạch kiểm tra">
        <thead>
          <tr>
            <th>Tháng</th>
            <th>Xã</th>
            <th>Đoàn kiểm tra</th>
            <th>Nội dung kiểm tra</th>
            <th>Phát hiện</th>
          </tr>
        </thead>
        <tbody>
          {visits.map((v) => (
            <tr key={v.id} data-testid={`inspection-${v.id}`}>
              <td>{v.month.split('-').reverse().join('/')}</td>
              <td>{v.communeName}</td>
              <td>{v.team}</td>
              <td className="summary-cell">{v.checklist}</td>
              <td>
                <FindingsForm visit={v} onSaved={report} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="section-title">Nhiệm vụ theo thông báo kết luận</h2>
      <NoticeForm onSaved={(r) => report(r, 'Đã ghi thông báo và các nhiệm vụ.')} />
      {notices.map((n) => (
        <div key={n.id} className="notice">
          <div className="notice-title">
            {n.number} ngày {formatDateVi(n.noticeDate)} của {n.issuer}
          </div>
          <table className="list-table" aria-label={`Nhiệm vụ của thông báo ${n.number}`}>
            <thead>
              <tr>
                <th>Mục</th>
                <th>Nhiệm vụ</th>
                <th>Đơn vị thực hiện</th>
                <th>Hạn</th>
                <th>Tình trạng</th>
                <th>Liên kết khó khăn</th>
                <th>Quyết định thực hiện</th>
              </tr>
            </thead>
            <tbody>
              {n.tasks.map((t) => (
                <tr key={t.id} className={t.overdue ? 'overdue-row' : undefined} data-testid={`task-${t.item || t.id}`}>
                  <td>{t.item}</td>
                  <td className="summary-cell">{t.text}</td>
                  <td>{t.owner}</td>
                  <td>{t.deadline ? formatDateVi(t.deadline) : <span className="muted">không ghi thời hạn</span>}</td>
                  <td>
                    <select aria-label={`Tình trạng nhiệm vụ ${t.item || t.id}`} value={t.status} onChange={(e) => void api.invoke('tasks.update', { id: t.id, patch: { status: e.target.value as TaskStatus } }).then((r) => report(r, 'Đã cập nhật nhiệm vụ.'))}>
                      {TASK_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {TASK_STATUS_LABELS[s]}
                        </option>
                      ))}
                    </select>
                    {t.overdue ? <strong className="overdue"> · quá hạn</strong> : null}
                  </td>
                  <td>
                    <select
                      aria-label={`Khó khăn liên quan nhiệm vụ ${t.item || t.id}`}
                      value={t.obstacleId ?? ''}
                      onChange={(e) => void api.invoke('tasks.update', { id: t.id, patch: { obstacleId: e.target.value === '' ? null : Number(e.target.value) } }).then((r) => report(r, 'Đã cập nhật nhiệm vụ.'))}
                    >
                      <option value="">—</option>
                      {obstacles.map((o) => (
                        <option key={o.id} value={o.id}>
                          #{o.id} {o.description.slice(0, 40)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`Quyết định liên quan nhiệm vụ ${t.item || t.id}`}
                      value={t.decisionId ?? ''}
                      onChange={(e) => void api.invoke('tasks.update', { id: t.id, patch: { decisionId: e.target.value === '' ? null : Number(e.target.value) } }).then((r) => report(r, 'Đã cập nhật nhiệm vụ.'))}
                    >
                      <option value="">—</option>
                      {decisions.map((d) => (
                        <option key={d.id} value={d.id}>
                          {d.numberText} ({d.docDate ? formatDateVi(d.docDate) : ''})
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

type Saved = (result: { ok: boolean; error?: { message: string } }) => boolean;

function ObstacleForm({ onSaved }: { onSaved: Saved }) {
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<ObstacleCategory>('phap_ly');
  const [level, setLevel] = useState<ResolvingLevel>('huyen');
  const [amount, setAmount] = useState('');
  const [proposal, setProposal] = useState('');
  const [program, setProgram] = useState('');
  const [commune, setCommune] = useState('');
  const [programs, setPrograms] = useState<{ code: string; name: string }[]>([]);
  const [communes, setCommunes] = useState<{ code: string; name: string }[]>([]);
  const raised = useDate(formatDateVi(today()));
  const due = useDate();
  // Programs of the catalog of the year it arose, and the communes as they were then.
  useEffect(() => {
    if (!raised.iso) return;
    void api.invoke('catalog.components', { year: Number(raised.iso.slice(0, 4)) }).then((r) => r.ok && setPrograms(r.value.filter((c) => c.depth === 0).map((c) => ({ code: c.code, name: c.name }))));
    void api.invoke('recipients.list', { date: raised.iso }).then((r) => r.ok && setCommunes(r.value.filter((x) => x.kind === 'commune' && x.validOnDate).map((x) => ({ code: x.code!, name: x.name }))));
  }, [raised.iso]);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Thêm khó khăn, vướng mắc
      </button>
    );
  const save = async () => {
    if (!raised.iso) return onSaved({ ok: false, error: { message: `Ngày phát sinh "${raised.text}" không hợp lệ; nhập dd/mm/yyyy.` } });
    if (due.text.trim() && !due.iso) return onSaved({ ok: false, error: { message: `Hạn giải quyết "${due.text}" không hợp lệ; nhập dd/mm/yyyy.` } });
    const result = await api.invoke('obstacles.create', {
      description,
      category,
      resolvingLevel: level,
      raisedOn: raised.iso,
      dueDate: due.iso,
      proposal,
      ...(program ? { programCode: program } : {}),
      ...(commune ? { communeCode: commune } : {}),
      ...(amount.trim() ? { amountAtRisk: { text: amount, unit: 'trieu' as const } } : {}),
    });
    if (onSaved(result)) {
      setOpen(false);
      setDescription('');
      setProposal('');
      setAmount('');
    }
  };
  return (
    <div className="inline-form" role="group" aria-label="Khó khăn, vướng mắc mới">
      <textarea aria-label="Nội dung khó khăn" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Nội dung khó khăn, vướng mắc" />
      <select aria-label="Nhóm" value={category} onChange={(e) => setCategory(e.target.value as ObstacleCategory)}>
        {OBSTACLE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABELS[c]}
          </option>
        ))}
      </select>
      <select aria-label="Cấp có thẩm quyền giải quyết" value={level} onChange={(e) => setLevel(e.target.value as ResolvingLevel)}>
        {RESOLVING_LEVELS.map((l) => (
          <option key={l} value={l}>
            {LEVEL_LABELS[l]}
          </option>
        ))}
      </select>
      <input aria-label="Ngày phát sinh" value={raised.text} onChange={(e) => raised.setText(e.target.value)} size={11} />
      <select aria-label="Chương trình" value={program} onChange={(e) => setProgram(e.target.value)}>
        <option value="">— chương trình —</option>
        {programs.map((p) => (
          <option key={p.code} value={p.code} title={p.name}>
            {p.code}
          </option>
        ))}
      </select>
      <select aria-label="Xã" value={commune} onChange={(e) => setCommune(e.target.value)}>
        <option value="">— xã —</option>
        {communes.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <input aria-label="Hạn giải quyết" placeholder="Hạn (dd/mm/yyyy)" value={due.text} onChange={(e) => due.setText(e.target.value)} size={11} />
      <input aria-label="Số vốn bị ảnh hưởng (triệu đồng)" placeholder="Vốn ảnh hưởng (triệu)" value={amount} onChange={(e) => setAmount(e.target.value)} size={12} />
      <input aria-label="Đề xuất" placeholder="Đề xuất, kiến nghị" value={proposal} onChange={(e) => setProposal(e.target.value)} />
      <button type="button" className="primary" onClick={() => void save()}>
        Ghi
      </button>
    </div>
  );
}

function EscalateForm({ obstacle, onSaved }: { obstacle: Obstacle; onSaved: Saved }) {
  const [open, setOpen] = useState(false);
  const [toLevel, setToLevel] = useState<'' | 'huyen' | 'tinh' | 'trung_uong'>('');
  const [toBody, setToBody] = useState('');
  const [document, setDocument] = useState('');
  const sent = useDate(formatDateVi(today()));
  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        Đề xuất lên cấp trên…
      </button>
    );
  const save = async () => {
    if (!sent.iso) return onSaved({ ok: false, error: { message: `Ngày gửi "${sent.text}" không hợp lệ; nhập dd/mm/yyyy.` } });
    if (!toLevel) return onSaved({ ok: false, error: { message: 'Chọn cấp nhận đề xuất: huyện, tỉnh hoặc trung ương. Chưa ghi gì.' } });
    const result = await api.invoke('obstacles.escalate', { id: obstacle.id, toLevel, toBody, document, sentOn: sent.iso });
    if (onSaved(result)) setOpen(false);
  };
  return (
    <div className="inline-form" role="group" aria-label={`Đề xuất khó khăn ${obstacle.id}`}>
      <select aria-label="Cấp nhận đề xuất" value={toLevel} onChange={(e) => setToLevel(e.target.value as typeof toLevel)}>
        <option value="">— chọn cấp —</option>
        <option value="huyen">Cấp huyện</option>
        <option value="tinh">Cấp tỉnh</option>
        <option value="trung_uong">Trung ương</option>
      </select>
      <input aria-label="Cơ quan nhận" placeholder="Cơ quan nhận" value={toBody} onChange={(e) => setToBody(e.target.value)} />
      <input aria-label="Văn bản đề xuất" placeholder="Số văn bản" value={document} onChange={(e) => setDocument(e.target.value)} />
      <input aria-label="Ngày gửi" value={sent.text} onChange={(e) => sent.setText(e.target.value)} size={11} />
      <button type="button" className="primary" onClick={() => void save()}>
        Gửi đề xuất
      </button>
    </div>
  );
}

function ReplyForm({ escalationId, onSaved }: { escalationId: number; onSaved: Saved }) {
  const [reply, setReply] = useState('');
  const [resolved, setResolved] = useState(false);
  const date = useDate(formatDateVi(today()));
  const save = async () => {
    if (!date.iso) return onSaved({ ok: false, error: { message: `Ngày trả lời "${date.text}" không hợp lệ; nhập dd/mm/yyyy.` } });
    onSaved(await api.invoke('obstacles.reply', { escalationId, reply, replyOn: date.iso, resolved }));
  };
  return (
    <div className="inline-form" role="group" aria-label={`Trả lời đề xuất ${escalationId}`}>
      <input aria-label="Nội dung trả lời" placeholder="Nội dung trả lời" value={reply} onChange={(e) => setReply(e.target.value)} />
      <input aria-label="Ngày trả lời" value={date.text} onChange={(e) => date.setText(e.target.value)} size={11} />
      <label>
        <input type="checkbox" checked={resolved} onChange={(e) => setResolved(e.target.checked)} /> Đã giải quyết
      </label>
      <button type="button" onClick={() => void save()}>
        Ghi trả lời
      </button>
    </div>
  );
}

interface TaskDraft {
  item: string;
  text: string;
  owner: string;
  deadline: string;
}

function NoticeForm({ onSaved }: { onSaved: Saved }) {
  const [open, setOpen] = useState(false);
  const [number, setNumber] = useState('');
  const [issuer, setIssuer] = useState('UBND tỉnh');
  const [signer, setSigner] = useState('');
  const date = useDate();
  const [tasks, setTasks] = useState<TaskDraft[]>([{ item: '', text: '', owner: '', deadline: '' }]);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Nhập thông báo kết luận
      </button>
    );
  const setTask = (i: number, patch: Partial<TaskDraft>) => setTasks((list) => list.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const save = async () => {
    if (!date.iso) return onSaved({ ok: false, error: { message: `Ngày thông báo "${date.text}" không hợp lệ; nhập dd/mm/yyyy.` } });
    const filled = tasks.filter((t) => t.text.trim());
    for (const [i, t] of filled.entries()) {
      if (t.deadline.trim() && !parseDateVi(t.deadline)) return onSaved({ ok: false, error: { message: `Nhiệm vụ ${t.item || i + 1}: hạn "${t.deadline}" không hợp lệ; nhập dd/mm/yyyy.` } });
    }
    const result = await api.invoke('notices.create', {
      number,
      noticeDate: date.iso,
      issuer,
      signer,
      tasks: filled.map((t) => ({ item: t.item, text: t.text, owner: t.owner, deadline: t.deadline.trim() ? parseDateVi(t.deadline) : null })),
    });
    if (onSaved(result)) setOpen(false);
  };
  return (
    <div className="inline-form notice-form" role="group" aria-label="Thông báo kết luận mới">
      <div className="row">
        <input aria-label="Số thông báo" placeholder="Số, ký hiệu" value={number} onChange={(e) => setNumber(e.target.value)} />
        <input aria-label="Ngày thông báo" placeholder="dd/mm/yyyy" value={date.text} onChange={(e) => date.setText(e.target.value)} size={11} />
        <input aria-label="Cơ quan ban hành" value={issuer} onChange={(e) => setIssuer(e.target.value)} />
        <input aria-label="Người ký" placeholder="Người ký" value={signer} onChange={(e) => setSigner(e.target.value)} />
      </div>
      {tasks.map((t, i) => (
        <div className="row" key={i}>
          <input aria-label={`Mục ${i + 1}`} placeholder="Mục" value={t.item} onChange={(e) => setTask(i, { item: e.target.value })} size={4} />
          <input aria-label={`Nhiệm vụ ${i + 1}`} placeholder="Nhiệm vụ" value={t.text} onChange={(e) => setTask(i, { text: e.target.value })} className="grow" />
          <input aria-label={`Đơn vị thực hiện ${i + 1}`} placeholder="Đơn vị thực hiện" value={t.owner} onChange={(e) => setTask(i, { owner: e.target.value })} />
          <input aria-label={`Hạn ${i + 1}`} placeholder="Hạn dd/mm/yyyy" value={t.deadline} onChange={(e) => setTask(i, { deadline: e.target.value })} size={11} />
        </div>
      ))}
      <div className="row">
        <button type="button" onClick={() => setTasks((list) => [...list, { item: '', text: '', owner: '', deadline: '' }])}>
          Thêm nhiệm vụ
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Ghi thông báo
        </button>
      </div>
    </div>
  );
}

function InspectionForm({ onSaved }: { onSaved: Saved }) {
  const [month, setMonth] = useState('');
  const [communes, setCommunes] = useState<{ code: string; name: string }[]>([]);
  const [commune, setCommune] = useState('');
  const [team, setTeam] = useState('');
  const [checklist, setChecklist] = useState('');
  useEffect(() => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    // The communes as they were in the month of the visit.
    void api.invoke('recipients.list', { date: `${month}-15` }).then((r) => r.ok && setCommunes(r.value.filter((x) => x.kind === 'commune' && x.validOnDate).map((x) => ({ code: x.code!, name: x.name }))));
  }, [month]);
  const save = async () => {
    if (!/^\d{4}-\d{2}$/.test(month)) return onSaved({ ok: false, error: { message: 'Chọn tháng kiểm tra.' } });
    if (!commune) return onSaved({ ok: false, error: { message: 'Chọn xã được kiểm tra.' } });
    if (onSaved(await api.invoke('inspections.create', { communeCode: commune, month, team, checklist }))) setChecklist('');
  };
  return (
    <div className="inline-form" role="group" aria-label="Đợt kiểm tra mới">
      <input type="month" aria-label="Tháng kiểm tra" value={month} onChange={(e) => setMonth(e.target.value)} />
      <select aria-label="Xã được kiểm tra" value={commune} onChange={(e) => setCommune(e.target.value)}>
        <option value="">— chọn xã —</option>
        {communes.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <input aria-label="Đoàn kiểm tra" placeholder="Đoàn kiểm tra" value={team} onChange={(e) => setTeam(e.target.value)} />
      <input aria-label="Nội dung kiểm tra" placeholder="Nội dung kiểm tra" value={checklist} onChange={(e) => setChecklist(e.target.value)} className="grow" />
      <button type="button" className="primary" onClick={() => void save()}>
        Thêm đợt kiểm tra
      </button>
    </div>
  );
}

/** Records what a visit found; a finding can be turned into an obstacle at the commune level, linked to the visit. */
function FindingsForm({ visit, onSaved }: { visit: InspectionVisit; onSaved: (result: { ok: boolean; error?: { message: string } }, done: string) => boolean }) {
  const [findings, setFindings] = useState(visit.findings);
  const saveFindings = async () => onSaved(await api.invoke('inspections.update', { id: visit.id, patch: { findings, status: 'da_kiem_tra' } }), 'Đã ghi kết quả kiểm tra.');
  const raise = async () => {
    if (!findings.trim()) return onSaved({ ok: false, error: { message: 'Ghi phát hiện trước khi tạo khó khăn, vướng mắc.' } }, '');
    onSaved(
      await api.invoke('obstacles.create', { description: findings, category: 'khac', raisedOn: today(), resolvingLevel: 'xa', communeCode: visit.communeCode, inspectionId: visit.id, raisedBy: `Đoàn kiểm tra tháng ${visit.month}` }),
      'Đã tạo khó khăn, vướng mắc từ phát hiện.',
    );
  };
  return (
    <div className="inline-form" role="group" aria-label={`Phát hiện đợt ${visit.id}`}>
      <input aria-label="Phát hiện" value={findings} onChange={(e) => setFindings(e.target.value)} className="grow" />
      <button type="button" onClick={() => void saveFindings()}>
        Ghi kết quả
      </button>
      <button type="button" onClick={() => void raise()}>
        Tạo khó khăn từ phát hiện
      </button>
      {visit.obstacleIds.length ? <span className="muted">Khó khăn số {visit.obstacleIds.join(', ')}</span> : null}
    </div>
  );
}
