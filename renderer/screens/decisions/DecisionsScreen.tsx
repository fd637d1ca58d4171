import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DecisionHeader, DecisionIssuer, DecisionKind } from '../../../shared/api/decisions';
import { ADJUSTMENT_KINDS, DECISION_ISSUER_LABELS, DECISION_KIND_LABELS } from '../../../shared/domain/documents';
import { formatDateVi } from '../../../shared/format/date';
import { UNIT_LABEL_VI, type MoneyUnit } from '../../../shared/money/dong';
import { columnFormatter } from '../../../shared/money/column-decimals';
import { searchRank } from '../../../shared/text/fold';
import { api } from '../../api/client';
import { useScreenYear } from '../../app/working-year';
import { MessageArea } from '../../kit/MessageArea';
import { UnitSelect } from '../../grid/UnitSelect';
import { initialDecisionUnit, rememberDecisionUnit } from './decision-unit';
import { TransferPanel } from './TransferPanel';

const KINDS = Object.keys(DECISION_KIND_LABELS) as DecisionKind[];
const ISSUERS = Object.keys(DECISION_ISSUER_LABELS) as DecisionIssuer[];

/** What a search reads of a decision: number, date, kind, summary, status, the decision it changes. */
function searchText(d: DecisionHeader, changedText: string | null): string {
  return [d.numberText ?? `Dự thảo ${d.id}`, d.docDate ? formatDateVi(d.docDate) : '', DECISION_KIND_LABELS[d.kind], d.symbol, d.summary, d.status === 'issued' ? 'Đã ban hành' : 'Dự thảo', changedText ?? ''].join(' ');
}

/** Quyết định phân bổ: the decisions of a year, filtered and searched; open, create, duplicate, delete a draft. */
export function DecisionsScreen() {
  const navigate = useNavigate();
  const year = useScreenYear();
  const [kind, setKind] = useState<DecisionKind | ''>('');
  const [issuer, setIssuer] = useState<DecisionIssuer | ''>('');
  const [status, setStatus] = useState<'draft' | 'issued' | ''>('');
  const [rows, setRows] = useState<DecisionHeader[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newKind, setNewKind] = useState<DecisionKind>('phan_bo');
  const [newIssuer, setNewIssuer] = useState<DecisionIssuer>('UBND');
  const [query, setQuery] = useState('');
  const [unit, setUnit] = useState<MoneyUnit>(initialDecisionUnit);
  const [info, setInfo] = useState<string | null>(null);
  /** Every decision of the year, unfiltered: an adjustment names the decision it changes even when filtered out. */
  const [all, setAll] = useState<DecisionHeader[]>([]);
  const [reload, setReload] = useState(0);
  const [changedId, setChangedId] = useState<number | ''>('');

  useEffect(() => rememberDecisionUnit(unit), [unit]);
  useEffect(() => {
    setRows(null);
    void api
      .invoke('decisions.list', { year, ...(kind ? { kind } : {}), ...(issuer ? { issuer } : {}), ...(status ? { status } : {}) })
      .then((r) => (r.ok ? setRows(r.value) : setError(r.error.message)));
  }, [year, kind, issuer, status, reload]);
  useEffect(() => {
    void api.invoke('decisions.list', { year }).then((r) => r.ok && setAll(r.value));
  }, [year, reload]);

  const issued = useMemo(() => all.filter((d) => d.status === 'issued'), [all]);
  const byId = useMemo(() => new Map(all.map((d) => [d.id, d])), [all]);
  const changedText = useCallback(
    (d: DecisionHeader) => {
      const changed = d.predecessorId === null ? undefined : byId.get(d.predecessorId);
      return changed ? `${changed.numberText} ngày ${changed.docDate ? formatDateVi(changed.docDate) : ''}` : null;
    },
    [byId],
  );
  const shown = useMemo(() => {
    if (!rows || query.trim() === '') return rows;
    return rows.filter((d) => searchRank(searchText(d, changedText(d)), query) !== null);
  }, [changedText, query, rows]);
  // One number of decimals per amount column of the list shown.
  const increaseFormat = columnFormatter((shown ?? []).map((d) => d.increaseDong), unit);
  const decreaseFormat = columnFormatter((shown ?? []).map((d) => d.decreaseDong), unit);
  const adjusting = ADJUSTMENT_KINDS.has(newKind);
  // The decision an adjustment changes: by default the latest issued allocation of the same issuer.
  const defaultChanged = useMemo(
    () => [...issued].reverse().find((d) => d.issuer === newIssuer && d.kind === 'phan_bo')?.id ?? issued[issued.length - 1]?.id ?? '',
    [issued, newIssuer],
  );
  const changedChoice = changedId === '' || !issued.some((d) => d.id === changedId) ? defaultChanged : changedId;

  const open = useCallback((id: number) => navigate(`/quyet-dinh/${year}/${id}`), [navigate, year]);

  const create = useCallback(async () => {
    const result = await api.invoke('decisions.create', {
      year,
      kind: newKind,
      issuer: newIssuer,
      fromPlan: adjusting,
      ...(adjusting && changedChoice !== '' ? { predecessorId: changedChoice } : {}),
    });
    if (!result.ok) return setError(result.error.message);
    open(result.value.header.id);
  }, [adjusting, changedChoice, newIssuer, newKind, open, year]);

  const remove = useCallback(async (d: DecisionHeader) => {
    if (!window.confirm(`Xoá dự thảo #${d.id} (${DECISION_KIND_LABELS[d.kind]}, ${d.lineCount} dòng)? Không hoàn tác được.`)) return;
    const result = await api.invoke('decisions.delete', { id: d.id });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setInfo(`Đã xoá dự thảo #${d.id}.`);
    setReload((n) => n + 1);
  }, []);

  const duplicate = useCallback(
    async (id: number) => {
      const result = await api.invoke('decisions.duplicate', { id });
      if (!result.ok) return setError(result.error.message);
      open(result.value.header.id);
    },
    [open],
  );

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Quyết định phân bổ</h1>
        <div className="toolbar">
          <select aria-label="Loại quyết định mới" value={newKind} onChange={(e) => setNewKind(e.target.value as DecisionKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {DECISION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <select aria-label="Cơ quan ban hành" value={newIssuer} onChange={(e) => setNewIssuer(e.target.value as DecisionIssuer)}>
            {ISSUERS.map((i) => (
              <option key={i} value={i}>
                {DECISION_ISSUER_LABELS[i]}
              </option>
            ))}
          </select>
          {adjusting ? (
            <select aria-label="Quyết định được điều chỉnh" value={changedChoice} onChange={(e) => setChangedId(e.target.value === '' ? '' : Number(e.target.value))}>
              {issued.length === 0 ? <option value="">— chưa có quyết định đã ban hành —</option> : null}
              {issued.map((d) => (
                <option key={d.id} value={d.id}>
                  Điều chỉnh {d.numberText}
                </option>
              ))}
            </select>
          ) : null}
          <button type="button" className="primary" onClick={() => void create()}>
            Lập dự thảo
          </button>
        </div>
      </header>
      <div className="filters" role="group" aria-label="Lọc">
        <select aria-label="Lọc theo loại" value={kind} onChange={(e) => setKind(e.target.value as DecisionKind | '')}>
          <option value="">Mọi loại</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {DECISION_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <select aria-label="Lọc theo cơ quan" value={issuer} onChange={(e) => setIssuer(e.target.value as DecisionIssuer | '')}>
          <option value="">Mọi cơ quan</option>
          {ISSUERS.map((i) => (
            <option key={i} value={i}>
              {DECISION_ISSUER_LABELS[i]}
            </option>
          ))}
        </select>
        <select aria-label="Lọc theo trạng thái" value={status} onChange={(e) => setStatus(e.target.value as 'draft' | 'issued' | '')}>
          <option value="">Mọi trạng thái</option>
          <option value="draft">Dự thảo</option>
          <option value="issued">Đã ban hành</option>
        </select>
        <input type="search" aria-label="Tìm quyết định" placeholder="Tìm số, trích yếu… (không cần dấu)" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label>
          Đơn vị tính <UnitSelect value={unit} onChange={setUnit} />
        </label>
      </div>
      <MessageArea error={error} info={info} />
      {rows === null || shown === null ? (
        <p className="muted">Đang tải…</p>
      ) : rows.length === 0 ? (
        <p className="muted">Năm {year} chưa có quyết định nào. Chọn loại và cơ quan ban hành rồi bấm "Lập dự thảo".</p>
      ) : shown.length === 0 ? (
        <p className="muted">Không có quyết định nào khớp “{query}”.</p>
      ) : (
        <table className="list-table" aria-label="Danh sách quyết định">
          <thead>
            <tr>
              <th>Số</th>
              <th>Ngày</th>
              <th>Loại</th>
              <th>Trích yếu</th>
              <th>Trạng thái</th>
              <th className="num">Số dòng</th>
              <th className="num">Tăng ({UNIT_LABEL_VI[unit]})</th>
              <th className="num">Giảm ({UNIT_LABEL_VI[unit]})</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={d.id} className={d.status === 'draft' ? 'row-draft-decision' : undefined}>
                <td>
                  <button type="button" className="link-button" onClick={() => open(d.id)}>
                    {d.numberText ?? `Dự thảo #${d.id}`}
                  </button>
                </td>
                <td>{d.docDate ? formatDateVi(d.docDate) : ''}</td>
                <td>
                  {DECISION_KIND_LABELS[d.kind]} · {d.symbol}
                </td>
                <td className="summary-cell">
                  {d.summary}
                  {changedText(d) ? <div className="muted changes-decision">Điều chỉnh {changedText(d)}</div> : null}
                </td>
                <td>{d.status === 'issued' ? 'Đã ban hành' : 'Dự thảo'}</td>
                <td className="num">{d.lineCount}</td>
                <td className="num">{increaseFormat(d.increaseDong)}</td>
                <td className="num">{decreaseFormat(d.decreaseDong)}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => void duplicate(d.id)} title="Tạo dự thảo mới chép từ quyết định này">
                    Nhân bản
                  </button>
                  {d.status === 'draft' ? (
                    <button type="button" onClick={() => void remove(d)} aria-label={`Xoá dự thảo #${d.id}`} title="Xoá dự thảo này (quyết định đã ban hành không xoá được)">
                      Xoá
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {year >= 2026 ? <TransferPanel year={year} /> : null}
    </section>
  );
}
