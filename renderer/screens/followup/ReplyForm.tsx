import { useState } from 'react';
import { formatDateVi } from '../../../shared/format/date';
import { api } from '../../api/client';
import { today, useDate, type Saved } from './form-parts';

export function ReplyForm({ escalationId, onSaved }: { escalationId: number; onSaved: Saved }) {
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
