import { useState } from 'react';
import type { Delegation } from '../../../shared/api/registers';
import { formatDateVi, parseDateVi } from '../../../shared/format/date';
import { api } from '../../api/client';

/** The province's delegation to the district HĐND for the year (rule 7): shown, or recorded here. */
export function DelegationPanel({ year, delegation, onSaved }: { year: number; delegation: Delegation | null; onSaved: (message: string) => void }) {
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [issuer, setIssuer] = useState('HĐND tỉnh');
  const [lastYear, setLastYear] = useState(String(year));
  const [scope, setScope] = useState('Phân bổ chi tiết và điều chỉnh dự toán chi thường xuyên NSTW và NS tỉnh đối ứng');
  const [error, setError] = useState<string | null>(null);

  if (delegation) {
    return (
      <p className="muted delegation-line">
        Phân cấp: {delegation.basisNumber} ngày {formatDateVi(delegation.basisDate)} của {delegation.basisIssuer} (năm {delegation.firstYear}–{delegation.lastYear}){delegation.scope ? ` — ${delegation.scope}` : ''}
      </p>
    );
  }
  const save = async () => {
    const iso = parseDateVi(date);
    if (!iso) return setError(`Ngày "${date}" không hợp lệ; nhập dạng dd/mm/yyyy.`);
    const result = await api.invoke('delegations.create', { basisNumber: number, basisDate: iso, basisIssuer: issuer, firstYear: year, lastYear: Number(lastYear), scope });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onSaved(`Đã ghi văn bản phân cấp ${result.value.basisNumber}.`);
  };
  return (
    <fieldset className="delegation-form">
      <legend>Chưa có văn bản phân cấp của HĐND tỉnh cho năm {year}: nghị quyết phân bổ của HĐND huyện chưa ban hành được (quy tắc 7)</legend>
      <label>
        Số văn bản <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="12/2024/NQ-HĐND" />
      </label>
      <label>
        Ngày <input value={date} onChange={(e) => setDate(e.target.value)} placeholder="dd/mm/yyyy" />
      </label>
      <label>
        Cơ quan <input value={issuer} onChange={(e) => setIssuer(e.target.value)} />
      </label>
      <label>
        Đến năm <input className="year-input" type="number" value={lastYear} onChange={(e) => setLastYear(e.target.value)} />
      </label>
      <label className="wide">
        Phạm vi <input value={scope} onChange={(e) => setScope(e.target.value)} />
      </label>
      <button type="button" onClick={() => void save()}>
        Ghi văn bản phân cấp
      </button>
      {error ? <span className="error-text">{error}</span> : null}
    </fieldset>
  );
}
