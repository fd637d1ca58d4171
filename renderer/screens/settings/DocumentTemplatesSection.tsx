/** Cài đặt: the office's wording of each kind of decision (căn cứ, Điều 2–3, Nơi nhận, khóa/kỳ họp). */
import { useEffect, useState } from 'react';
import type { WordingTemplate } from '../../../shared/api/print';
import { DECISION_ISSUER_LABELS } from '../../../shared/domain/documents';
import type { DecisionIssuer } from '../../../shared/api/decisions';
import { TEMPLATE_KEY_LABELS, TEMPLATE_KEYS, type DecisionWording, type TemplateKey } from '../../../shared/print/wording';
import { api } from '../../api/client';
import { WordingForm } from '../../print/WordingForm';

export function DocumentTemplatesSection() {
  const [templates, setTemplates] = useState<WordingTemplate[] | null>(null);
  const [key, setKey] = useState<TemplateKey>('phan_bo');
  const [issuer, setIssuer] = useState<DecisionIssuer>('UBND');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.invoke('documents.templates', {}).then((r) => (r.ok ? setTemplates(r.value) : setMessage({ error: true, text: r.error.message })));
  }, []);
  const current = templates?.find((t) => t.key === key && t.issuer === issuer) ?? null;

  const save = async (wording: DecisionWording | null) => {
    setBusy(true);
    const r = await api.invoke('documents.saveTemplate', { key, issuer, wording });
    setBusy(false);
    if (!r.ok) return setMessage({ error: true, text: r.error.message });
    setTemplates((list) => (list ?? []).map((t) => (t.key === key && t.issuer === issuer ? r.value : t)));
    setMessage({ error: false, text: wording ? 'Đã lưu mẫu lời văn. Các dự thảo dùng mẫu này sẽ in theo lời văn mới; văn bản đã ban hành giữ nguyên.' : 'Đã trở về mẫu có sẵn.' });
  };

  return (
    <section aria-label="Mẫu lời văn quyết định">
      <h2 className="section-title">Mẫu lời văn quyết định, nghị quyết</h2>
      <div className="toolbar">
        <label>
          Loại văn bản{' '}
          <select aria-label="Loại quyết định" value={key} onChange={(e) => setKey(e.target.value as TemplateKey)}>
            {TEMPLATE_KEYS.map((k) => (
              <option key={k} value={k}>
                {TEMPLATE_KEY_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Cơ quan ban hành{' '}
          <select aria-label="Cơ quan ban hành" value={issuer} onChange={(e) => setIssuer(e.target.value as DecisionIssuer)}>
            {(['UBND', 'HDND'] as const).map((i) => (
              <option key={i} value={i}>
                {DECISION_ISSUER_LABELS[i]}
              </option>
            ))}
          </select>
        </label>
        {current ? <span className="muted">{current.custom ? 'Mẫu riêng của văn phòng' : 'Mẫu có sẵn'}</span> : null}
      </div>
      {message ? (
        <div className={message.error ? 'error-banner' : 'hint-banner'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : null}
      {current ? (
        <WordingForm wording={current.wording} issuer={issuer} busy={busy} onSave={(w) => void save(w)} onReset={current.custom ? () => void save(null) : null} resetLabel="Trở về mẫu có sẵn" />
      ) : null}
    </section>
  );
}
