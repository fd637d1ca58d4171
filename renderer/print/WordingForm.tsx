/**
 * The wording of a decision document as a form: the office's template on Cài đặt, or one draft's own wording in
 * the print preview. Lists (căn cứ, Nơi nhận) are one item a line. The core validates and stores.
 */
import { useEffect, useState } from 'react';
import type { DecisionIssuer } from '../../shared/api/decisions';
import type { DecisionWording } from '../../shared/print/wording';
import { api } from '../api/client';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function WordingForm({
  wording,
  issuer,
  busy,
  onSave,
  onReset,
  resetLabel,
}: {
  wording: DecisionWording;
  issuer: DecisionIssuer;
  busy: boolean;
  onSave: (w: DecisionWording) => void;
  onReset: (() => void) | null;
  resetLabel: string;
}) {
  const [form, setForm] = useState(() => ({ ...wording, basesText: wording.bases.join('\n'), recipientsText: wording.recipients.join('\n') }));
  useEffect(() => setForm({ ...wording, basesText: wording.bases.join('\n'), recipientsText: wording.recipients.join('\n') }), [wording]);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  // The deciding body is the office's own level: a commune's UBND is "Ủy ban nhân dân xã".
  const [levelWord, setLevelWord] = useState<string | null>(null);
  useEffect(() => {
    void api.invoke('app.info', {}).then((r) => setLevelWord(r.ok && r.value.office?.level === 'xa' ? 'xã' : 'huyện'));
  }, []);
  const save = () => {
    const { basesText, recipientsText, ...rest } = form;
    onSave({ ...rest, bases: lines(basesText), recipients: lines(recipientsText) });
  };
  return (
    <form
      className="wording-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {issuer === 'UBND' ? (
        <label>
          Chủ thể quyết định
          <select value={form.authority} onChange={(e) => set({ authority: e.target.value as DecisionWording['authority'] })}>
            <option value="tap_the">Ủy ban nhân dân {levelWord ?? ''} (TM. Ủy ban nhân dân)</option>
            <option value="chu_tich">Chủ tịch Ủy ban nhân dân {levelWord ?? ''}</option>
          </select>
        </label>
      ) : (
        <div className="wording-row">
          <label>
            Khóa
            <input value={form.term} onChange={(e) => set({ term: e.target.value })} placeholder="XX" />
          </label>
          <label>
            Kỳ họp
            <input value={form.sitting} onChange={(e) => set({ sitting: e.target.value })} placeholder="thứ mười tám" />
          </label>
        </div>
      )}
      <label>
        Căn cứ (mỗi dòng một căn cứ; căn cứ riêng của từng văn bản được thêm sau)
        <textarea rows={6} value={form.basesText} onChange={(e) => set({ basesText: e.target.value })} />
      </label>
      <label>
        {issuer === 'UBND' ? 'Theo đề nghị của' : 'Xét tờ trình, báo cáo thẩm tra'}
        <textarea rows={2} value={form.proposal} onChange={(e) => set({ proposal: e.target.value })} />
      </label>
      <label>
        Điều 2
        <textarea rows={3} value={form.article2} onChange={(e) => set({ article2: e.target.value })} />
      </label>
      <label>
        Điều 3
        <textarea rows={3} value={form.article3} onChange={(e) => set({ article3: e.target.value })} />
      </label>
      <label>
        Nơi nhận (mỗi dòng một nơi)
        <textarea rows={5} value={form.recipientsText} onChange={(e) => set({ recipientsText: e.target.value })} />
      </label>
      <p className="help muted">Có thể dùng {'{huyen}'}, {'{tinh}'}, {'{nam}'}, {'{kbnn}'} (Kho bạc Nhà nước theo ngày văn bản).</p>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>
          Lưu lời văn
        </button>
        {onReset ? (
          <button type="button" disabled={busy} onClick={onReset}>
            {resetLabel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
