import { useEffect, useState } from 'react';
import { CATEGORY_LABELS, LEVEL_LABELS, OBSTACLE_CATEGORIES, RESOLVING_LEVELS, type ObstacleCategory, type ResolvingLevel } from '../../../shared/api/followup';
import { formatDateVi } from '../../../shared/format/date';
import { api } from '../../api/client';
import { today, useDate, type Saved } from './form-parts';

export function ObstacleForm({ onSaved }: { onSaved: Saved }) {
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
