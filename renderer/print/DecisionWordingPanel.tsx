/** A draft's own wording, edited beside its preview; issued decisions keep the wording frozen at issue. */
import { useEffect, useState } from 'react';
import type { DecisionWordingState } from '../../shared/api/print';
import type { DecisionIssuer } from '../../shared/api/decisions';
import type { DecisionWording } from '../../shared/print/wording';
import { api } from '../api/client';
import { WordingForm } from './WordingForm';

const SOURCE: Record<DecisionWordingState['source'], string> = {
  default: 'mẫu có sẵn của ứng dụng',
  template: 'mẫu của văn phòng (Cài đặt)',
  decision: 'lời văn riêng của dự thảo này',
  frozen: 'lời văn đã ban hành',
};

export function DecisionWordingPanel({ decisionId, issuer, onSaved }: { decisionId: number; issuer: DecisionIssuer; onSaved: () => void }) {
  const [state, setState] = useState<DecisionWordingState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void api.invoke('documents.decisionWording', { id: decisionId }).then((r) => (r.ok ? setState(r.value) : setError(r.error.message)));
  }, [decisionId]);
  const save = async (wording: DecisionWording | null) => {
    setBusy(true);
    const r = await api.invoke('documents.saveDecisionWording', { id: decisionId, wording });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setState(r.value);
    onSaved();
  };
  return (
    <aside className="wording-panel no-print" aria-label="Lời văn của dự thảo">
      <h2 className="section-title">Lời văn của dự thảo</h2>
      {error ? <div className="error-banner" role="alert">{error}</div> : null}
      {state ? (
        <>
          <p className="muted">Đang dùng: {SOURCE[state.source]}. Sửa ở đây chỉ áp dụng cho dự thảo này; khi ban hành, lời văn được giữ nguyên cùng văn bản.</p>
          <WordingForm wording={state.wording} issuer={issuer} busy={busy || !state.editable} onSave={(w) => void save(w)} onReset={state.source === 'decision' ? () => void save(null) : null} resetLabel="Dùng lại mẫu của văn phòng" />
        </>
      ) : null}
    </aside>
  );
}
