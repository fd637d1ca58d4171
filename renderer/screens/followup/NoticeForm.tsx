import { useState } from 'react';
import { parseDateVi } from '../../../shared/format/date';
import { api } from '../../api/client';
import { useDate, type Saved } from './form-parts';

interface TaskDraft {
  item: string;
  text: string;
  owner: string;
  deadline: string;
}

export function NoticeForm({ onSaved }: { onSaved: Saved }) {
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
