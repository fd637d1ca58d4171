import { useState } from 'react';
import type { Obstacle } from '../../../shared/api/followup';
import { formatDateVi } from '../../../shared/format/date';
import { api } from '../../api/client';
import { today, useDate, type Saved } from './form-parts';

export function EscalateForm({ obstacle, onSaved }: { obstacle: Obstacle; onSaved: Saved }) {
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
