import { useEffect, useState } from 'react';
import type { DecisionDocument, Finding } from '../../../shared/api/ledger-types';
import type { Signer } from '../../../shared/api/types';
import { formatDateVi, parseDateVi } from '../../../shared/format/date';
import { api } from '../../api/client';
import { FindingsPanel } from './BalancePanel';
import { todayInVietnam } from '../../../shared/format/today';
import { SIGNER_ROLE_BODY } from '../../../shared/domain/signers';

/** Number (next free suggested), date, signer, basis; refused with the findings while an error stands. */
export function IssueDialog({ doc, signers, onIssued, onClose, onPick }: { doc: DecisionDocument; signers: Signer[]; onIssued: (doc: DecisionDocument) => void; onClose: () => void; onPick: (lineId: number) => void }) {
  const today = todayInVietnam();
  const [dateText, setDateText] = useState(formatDateVi(doc.header.docDate ?? today));
  const [number, setNumber] = useState('');
  const [signerId, setSignerId] = useState<number | ''>(doc.header.signerId ?? signers.find((s) => s.roleCode !== null && SIGNER_ROLE_BODY[s.roleCode] === doc.header.issuer)?.id ?? signers[0]?.id ?? '');
  const [basis, setBasis] = useState(doc.header.basis.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const iso = parseDateVi(dateText);

  useEffect(() => {
    if (!iso) return;
    void api.invoke('decisions.nextNumber', { issuer: doc.header.issuer, docDate: iso }).then((r) => r.ok && setNumber(String(r.value.number)));
  }, [doc.header.issuer, iso]);

  const submit = async () => {
    setError(null);
    setFindings(null);
    if (!iso) return setError(`Ngày ban hành "${dateText}" không hợp lệ; nhập dạng dd/mm/yyyy.`);
    if (!/^\d+$/.test(number) || Number(number) < 1) return setError('Số quyết định phải là số nguyên dương.');
    if (signerId === '') return setError('Chọn người ký.');
    const result = await api.invoke('decisions.issue', {
      id: doc.header.id,
      docDate: iso,
      signerId,
      number: Number(number),
      basis: basis.split('\n').map((b) => b.trim()).filter(Boolean),
    });
    if (result.ok) return onIssued(result.value);
    setError(result.error.message);
    if (result.error.code === 'RULES_BLOCK_ISSUE') setFindings(result.error.details?.findings as Finding[]);
  };

  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-label="Ban hành quyết định">
        <h2>Ban hành {doc.header.issuer === 'HDND' ? 'nghị quyết' : 'quyết định'}</h2>
        <label className="field">
          <span>Số</span>
          <span className="inline">
            <input aria-label="Số quyết định" value={number} onChange={(e) => setNumber(e.target.value)} size={6} /> /{doc.header.symbol}
          </span>
        </label>
        <label className="field">
          <span>Ngày ban hành (dd/mm/yyyy)</span>
          <input aria-label="Ngày ban hành" value={dateText} onChange={(e) => setDateText(e.target.value)} />
        </label>
        <label className="field">
          <span>Người ký</span>
          <select aria-label="Người ký" value={signerId} onChange={(e) => setSignerId(e.target.value === '' ? '' : Number(e.target.value))}>
            {signers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {s.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Căn cứ (mỗi dòng một văn bản)</span>
          <textarea aria-label="Căn cứ" rows={4} value={basis} onChange={(e) => setBasis(e.target.value)} />
        </label>
        {error ? (
          <div className="error-banner" role="alert">
            {error}
          </div>
        ) : null}
        {findings ? <FindingsPanel check={{ decisionId: doc.header.id, evaluatedOn: iso ?? '', findings, errors: 0, warnings: 0, infos: 0 }} onPick={onPick} /> : null}
        <div className="actions">
          <button type="button" className="primary" onClick={() => void submit()}>
            Ban hành
          </button>
          <button type="button" onClick={onClose}>
            Đóng
          </button>
        </div>
      </div>
    </div>
  );
}
