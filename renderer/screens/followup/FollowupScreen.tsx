import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { CATEGORY_LABELS, LEVEL_LABELS, OBSTACLE_STATUSES, OBSTACLE_STATUS_LABELS, RESOLVING_LEVELS, TASK_STATUS_LABELS, TASK_STATUSES, type FollowupSummary, type TaskStatus, type InspectionVisit, type Notice, type Obstacle, type ObstacleStatus, type ResolvingLevel } from '../../../shared/api/followup';
import type { DecisionHeader } from '../../../shared/api/decisions';
import { formatDateVi } from '../../../shared/format/date';
import { formatAmount } from '../../../shared/money/dong';
import { api } from '../../api/client';
import { MessageArea } from '../../kit/MessageArea';
import { downloadBase64 } from '../../kit/files';
import { EscalateForm } from './EscalateForm';
import { FindingsForm } from './FindingsForm';
import { InspectionForm } from './InspectionForm';
import { NoticeForm } from './NoticeForm';
import { ObstacleForm } from './ObstacleForm';
import { ReplyForm } from './ReplyForm';
import type { SaveResult } from './form-parts';

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

  const report = (result: SaveResult, done: string) => {
    if (!result.ok) return setError(result.error!.message), false;
    setError(null);
    setInfo(done);
    void reload();
    return true;
  };

  const exportSummary = async () => {
    const result = await api.invoke('followup.export', {});
    if (!result.ok) return setError(result.error.message);
    downloadBase64(result.value.fileName, result.value.base64);
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
      <MessageArea error={error} info={info} />
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

