import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DecisionHeader, DecisionIssuer, DecisionKind } from '../../../shared/api/ledger-types';
import { ADJUSTMENT_KINDS, DECISION_ISSUER_LABELS, DECISION_KIND_LABELS } from '../../../shared/domain/documents';
import { formatDateVi } from '../../../shared/format/date';
import { formatAmount } from '../../../shared/money/dong';
import { api } from '../../api/client';
import { useScreenYear } from '../../app/working-year';
import { StatusBanner } from '../../app/StatusBanner';

const KINDS = Object.keys(DECISION_KIND_LABELS) as DecisionKind[];
const ISSUERS = Object.keys(DECISION_ISSUER_LABELS) as DecisionIssuer[];

/** Quyết định phân bổ: the decisions of a year, filtered; open, create, duplicate. */
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

  useEffect(() => {
    setRows(null);
    void api
      .invoke('decisions.list', { year, ...(kind ? { kind } : {}), ...(issuer ? { issuer } : {}), ...(status ? { status } : {}) })
      .then((r) => (r.ok ? setRows(r.value) : setError(r.error.message)));
  }, [year, kind, issuer, status]);

  const open = useCallback((id: number) => navigate(`/quyet-dinh/${year}/${id}`), [navigate, year]);

  const create = useCallback(async () => {
    const result = await api.invoke('decisions.create', { year, kind: newKind, issuer: newIssuer, fromPlan: ADJUSTMENT_KINDS.has(newKind) });
    if (!result.ok) return setError(result.error.message);
    open(result.value.header.id);
  }, [newIssuer, newKind, open, year]);

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
      </div>
      <StatusBanner error={error} />
      {rows === null ? (
        <p className="muted">Đang tải…</p>
      ) : rows.length === 0 ? (
        <p className="muted">Năm {year} chưa có quyết định nào. Chọn loại và cơ quan ban hành rồi bấm "Lập dự thảo".</p>
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
              <th className="num">Tăng (đồng)</th>
              <th className="num">Giảm (đồng)</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
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
                <td className="summary-cell">{d.summary}</td>
                <td>{d.status === 'issued' ? 'Đã ban hành' : 'Dự thảo'}</td>
                <td className="num">{d.lineCount}</td>
                <td className="num">{formatAmount(d.increaseDong, 'dong')}</td>
                <td className="num">{formatAmount(d.decreaseDong, 'dong')}</td>
                <td>
                  <button type="button" onClick={() => void duplicate(d.id)} title="Tạo dự thảo mới chép từ quyết định này">
                    Nhân bản
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
