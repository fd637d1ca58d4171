import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Saved } from './form-parts';

export function InspectionForm({ onSaved }: { onSaved: Saved }) {
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
