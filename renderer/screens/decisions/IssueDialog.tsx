import { useEffect, useState } from 'react';
import type { DecisionDocument } from '../../../shared/api/decisions';
import type { RuleCheck } from '../../../shared/api/rules';
import type { RuleFinding } from '../../../shared/api/findings';
import type { Signer } from '../../../shared/api/office';
import { ADJUSTMENT_KINDS, documentNumberText } from '../../../shared/domain/documents';
import { formatDateVi, parseDateVi } from '../../../shared/format/date';
import { formatAmount } from '../../../shared/money/dong';
import { api } from '../../api/client';
import { FindingsPanel } from './BalancePanel';
import { todayInVietnam } from '../../../shared/format/today';
import { SIGNER_ROLE_BODY } from '../../../shared/domain/signers';

interface Props {
  doc: DecisionDocument;
  signers: Signer[];
  onIssued: (doc: DecisionDocument) => void;
  onClose: () => void;
  onPick: (lineId: number) => void;
}

/**
 * Issuing is irreversible, so it is two steps: the form (number, date, signer, trích yếu, căn cứ — the last two
 * proposed from the office's data) and a confirmation that sums up what will be issued. The core refuses an
 * empty trích yếu or căn cứ as well, whoever calls it.
 */
export function IssueDialog({ doc, signers, onIssued, onClose, onPick }: Props) {
  const h = doc.header;
  const [dateText, setDateText] = useState(formatDateVi(h.docDate ?? todayInVietnam()));
  const [number, setNumber] = useState('');
  const [signerId, setSignerId] = useState<number | ''>(h.signerId ?? signers.find((s) => s.roleCode !== null && SIGNER_ROLE_BODY[s.roleCode] === h.issuer)?.id ?? signers[0]?.id ?? '');
  const [summary, setSummary] = useState(h.summary);
  const [basis, setBasis] = useState(h.basis.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [findings, setFindings] = useState<RuleFinding[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The rules' findings on the draft as it stands, read when the confirmation opens: it lists the warnings. */
  const [check, setCheck] = useState<RuleCheck | null>(null);
  const iso = parseDateVi(dateText);
  const basisLines = basis.split('\n').map((b) => b.trim()).filter(Boolean);
  const what = h.issuer === 'HDND' ? 'nghị quyết' : 'quyết định';

  useEffect(() => {
    if (!iso) return;
    void api.invoke('decisions.nextNumber', { issuer: h.issuer, docDate: iso }).then((r) => r.ok && setNumber(String(r.value.number)));
  }, [h.issuer, iso]);
  useEffect(() => {
    void api.invoke('decisions.issueProposal', { id: h.id }).then((r) => {
      if (!r.ok) return;
      setSummary((current) => (current.trim() === '' ? r.value.summary : current));
      setBasis((current) => (current.trim() === '' ? r.value.basis.join('\n') : current));
    });
  }, [h.id]);

  /** The form's own checks, in the order an officer reads it; null when it can go to the confirmation. */
  const formProblem = (number: string): string | null => {
    if (!iso) return `Ngày ban hành "${dateText}" không hợp lệ; nhập dạng dd/mm/yyyy.`;
    if (!/^\d+$/.test(number) || Number(number) < 1) return 'Số quyết định phải là số nguyên dương.';
    if (signerId === '') return signers.length === 0 ? 'Văn phòng chưa có người ký: thêm người ký ở màn hình Cài đặt rồi ban hành.' : 'Chọn người ký.';
    if (summary.trim() === '') return `Nhập trích yếu của ${what} (ví dụ "Về việc phân bổ chi tiết kế hoạch vốn … năm ${h.year}").`;
    if (basisLines.length === 0) return 'Nhập ít nhất một căn cứ (mỗi dòng một văn bản).';
    return null;
  };

  const review = async () => {
    setFindings(null);
    // The suggested number may still be on its way when the officer is quick: ask for it now.
    let chosen = number;
    if (chosen.trim() === '' && iso) {
      const next = await api.invoke('decisions.nextNumber', { issuer: h.issuer, docDate: iso });
      if (next.ok) setNumber((chosen = String(next.value.number)));
    }
    const problem = formProblem(chosen);
    setError(problem);
    if (problem !== null) return;
    const checked = await api.invoke('decisions.check', { id: h.id });
    setCheck(checked.ok ? checked.value : null);
    setConfirming(true);
  };

  const submit = async () => {
    if (!iso || signerId === '') return;
    setBusy(true);
    const result = await api.invoke('decisions.issue', { id: h.id, docDate: iso, signerId, number: Number(number), summary: summary.trim(), basis: basisLines });
    setBusy(false);
    if (result.ok) return onIssued(result.value);
    setConfirming(false);
    setError(result.error.message);
    if (result.error.code === 'RULES_BLOCK_ISSUE') setFindings(result.error.details?.findings as RuleFinding[]);
  };

  const signer = signers.find((s) => s.id === signerId);
  const warnings = check?.findings.filter((f) => f.severity === 'W') ?? [];
  const adjustment = ADJUSTMENT_KINDS.has(h.kind);

  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-label={`Ban hành ${what}`}>
        <h2>{confirming ? `Xác nhận ban hành ${what}` : `Ban hành ${what}`}</h2>
        {confirming ? (
          <>
            <p>Sau khi ban hành, {what} không sửa hay xoá được nữa; muốn thay đổi phải lập {what} điều chỉnh. Kiểm tra lại:</p>
            <dl className="issue-summary" aria-label="Tóm tắt ban hành">
              <dt>Số, ngày</dt>
              <dd>
                {documentNumberText(Number(number), h.issuer)} ngày {iso ? formatDateVi(iso) : ''}
              </dd>
              <dt>Người ký</dt>
              <dd>{signer ? `${signer.name} — ${signer.title}` : ''}</dd>
              <dt>Trích yếu</dt>
              <dd>{summary.trim()}</dd>
              <dt>Căn cứ</dt>
              <dd>
                <ul>
                  {basisLines.map((b, i) => (
                    <li key={i}>{b}</li>
                  ))}
                </ul>
              </dd>
              <dt>Số dòng</dt>
              <dd>{h.implementsId !== null ? 'theo nghị quyết được thực hiện' : doc.lines.length}</dd>
              <dt>Tổng số tiền</dt>
              <dd>
                {adjustment
                  ? `tăng ${formatAmount(doc.totals.increaseDong, 'trieu')} triệu đồng, giảm ${formatAmount(doc.totals.decreaseDong, 'trieu')} triệu đồng`
                  : `${formatAmount(doc.totals.netDong, 'trieu')} triệu đồng`}
              </dd>
              <dt>Cảnh báo</dt>
              <dd>
                {warnings.length === 0 ? (
                  'Không có cảnh báo.'
                ) : (
                  <ul>
                    {warnings.map((w, i) => (
                      <li key={i}>
                        Quy tắc {w.ruleId}: {w.message}
                      </li>
                    ))}
                  </ul>
                )}
                {check && check.errors > 0 ? <strong> Còn {check.errors} lỗi: việc ban hành sẽ bị từ chối cho đến khi sửa.</strong> : null}
              </dd>
            </dl>
            <div className="actions">
              <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>
                Xác nhận ban hành
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Quay lại
              </button>
            </div>
          </>
        ) : (
          <>
            <label className="field">
              <span>Số</span>
              <span className="inline">
                <input aria-label="Số quyết định" value={number} onChange={(e) => setNumber(e.target.value)} size={6} /> /{h.symbol}
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
              <span>Trích yếu (bắt buộc)</span>
              <textarea aria-label="Trích yếu ban hành" rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} />
            </label>
            <label className="field">
              <span>Căn cứ (bắt buộc, mỗi dòng một văn bản; đề xuất từ dữ liệu của văn phòng)</span>
              <textarea aria-label="Căn cứ" rows={5} value={basis} onChange={(e) => setBasis(e.target.value)} />
            </label>
          </>
        )}
        {error ? (
          <div className="error-banner" role="alert">
            {error}
          </div>
        ) : null}
        {findings ? <FindingsPanel check={{ decisionId: h.id, evaluatedOn: iso ?? '', findings, errors: 0, warnings: 0, infos: 0 }} onPick={onPick} /> : null}
        {confirming ? null : (
          <div className="actions">
            <button type="button" className="primary" onClick={() => void review()}>
              Ban hành
            </button>
            <button type="button" onClick={onClose}>
              Đóng
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
