import { useState } from 'react';
import type { InspectionVisit } from '../../../shared/api/followup';
import { api } from '../../api/client';
import { today, type SaveResult } from './form-parts';

/** Records what a visit found; a finding can be turned into an obstacle at the commune level, linked to the visit. */
export function FindingsForm({ visit, onSaved }: { visit: InspectionVisit; onSaved: (result: SaveResult, done: string) => boolean }) {
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
