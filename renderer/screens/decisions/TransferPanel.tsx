import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AssignmentLine } from '../../../shared/api/assignments';
import type { ComponentOption } from '../../../shared/api/reference';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import type { ContentTransfer, TransferCheck, TransferFinding, TransferReason } from '../../../shared/api/transfers';
import { TRANSFER_REASON_LABELS } from '../../../shared/api/transfers';
import { formatDateVi, parseDateVi } from '../../../shared/format/date';
import { formatAmount } from '../../../shared/money/dong';
import { todayInVietnam } from '../../../shared/format/today';
import { api } from '../../api/client';
import { MessageArea } from '../../kit/MessageArea';

const SEVERITY_WORDS: Record<TransferFinding['severity'], string> = { E: 'Lỗi', W: 'Cảnh báo', I: 'Thông tin' };
const CERTAINTY_WORDS: Record<TransferFinding['certainty'], string> = {
  V: 'đã đọc trong văn bản',
  S: 'theo tin báo chí',
  I: 'suy luận của nhóm',
  '?': 'chưa tìm thấy quy định',
};
const dong = (n: number) => `${formatAmount(n as Parameters<typeof formatAmount>[0], 'dong')} đồng`;

/** The carried-over 2021–2025 keys of a year: one per component × source × capital type × origin year. */
function carriedKeys(lines: AssignmentLine[]): AssignmentLine[] {
  const seen = new Map<string, AssignmentLine>();
  for (const l of lines) {
    if (l.originYear < 2021 || l.originYear > 2025) continue;
    const key = `${l.componentCode}|${l.sourceCode}|${l.capitalType}|${l.originYear}`;
    const found = seen.get(key);
    seen.set(key, found ? { ...found, amountDong: (found.amountDong + l.amountDong) as AssignmentLine['amountDong'] } : l);
  }
  return [...seen.values()];
}

/**
 * Chuyển nhiệm vụ 2021–2025 sang nội dung 2026–2030 (NQ 257/2025/QH15, Điều 1 khoản 7 điểm b): the form checks with
 * the core (what is still open, errors that refuse, warnings with their basis and certainty) and records the decision.
 */
export function TransferPanel({ year }: { year: number }) {
  const [keys, setKeys] = useState<AssignmentLine[]>([]);
  const [contents, setContents] = useState<ComponentOption[]>([]);
  const [recorded, setRecorded] = useState<ContentTransfer[]>([]);
  const [fromIndex, setFromIndex] = useState(0);
  const [toCode, setToCode] = useState('');
  const [toCapital, setToCapital] = useState<CapitalTypeCode | ''>('');
  const [amount, setAmount] = useState('');
  const [number, setNumber] = useState('');
  const [docDate, setDocDate] = useState(todayInVietnam());
  const [approvedBy, setApprovedBy] = useState('');
  const [approvalBasis, setApprovalBasis] = useState('');
  const [reason, setReason] = useState<TransferReason>('khong_con_nhu_cau');
  const [check, setCheck] = useState<TransferCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    void api.invoke('assignments.list', { year }).then((r) => r.ok && setKeys(carriedKeys(r.value.lines)));
    void api.invoke('catalog.components', { year }).then((r) => r.ok && setContents(r.value.filter((c) => c.periodCode === '2026-2035' && c.level === 'content')));
    void api.invoke('transfers.list', { year }).then((r) => r.ok && setRecorded(r.value));
  }, [year, reload]);

  const from = keys[fromIndex];
  const input = useMemo(
    () =>
      from
        ? {
            year,
            number,
            docDate,
            approvedBy,
            approvalBasis,
            reason,
            fromComponentCode: from.componentCode,
            sourceCode: from.sourceCode,
            capitalType: from.capitalType,
            originYear: from.originYear,
            toComponentCode: toCode || contents[0]?.code || '',
            ...(toCapital ? { toCapitalType: toCapital } : {}),
            amount: { text: amount || '0', unit: 'dong' as const },
          }
        : null,
    [amount, approvalBasis, approvedBy, contents, docDate, from, number, reason, toCapital, toCode, year],
  );

  const runCheck = useCallback(async () => {
    if (!input) return;
    setInfo(null);
    const r = await api.invoke('transfers.check', input);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setCheck(r.value);
  }, [input]);

  const record = useCallback(async () => {
    if (!input) return;
    const r = await api.invoke('transfers.record', input);
    if (!r.ok) {
      setError(r.error.message);
      const findings = (r.error.details as { findings?: TransferFinding[] } | undefined)?.findings;
      if (findings) setCheck((c) => (c ? { ...c, findings } : c));
      return;
    }
    setError(null);
    setCheck(null);
    setInfo(`Đã ghi quyết định chuyển nhiệm vụ ${r.value.number}: ${dong(r.value.amountDong)} từ ${r.value.fromComponentCode} (vốn năm ${r.value.originYear}) sang ${r.value.toComponentCode}${r.value.warnings.some((w) => w.severity === 'W') ? ', kèm cảnh báo đã ghi' : ''}. Số tiền đã chuyển trong cân đối: ${r.value.toComponentCode} được phân bổ ${dong(r.value.amountDong)} vốn năm ${r.value.originYear}.`);
    setReload((n) => n + 1);
  }, [input]);

  if (keys.length === 0 && recorded.length === 0) return null;
  return (
    <details className="transfer-panel" aria-label="Chuyển nhiệm vụ 2021–2025 sang nội dung 2026–2030">
      <summary>Chuyển nhiệm vụ 2021–2025 sang nội dung 2026–2030 (NQ 257/2025/QH15, Điều 1 khoản 7 điểm b)</summary>
      <div className="transfer-form">
        <label className="field wide">
          <span>Nhiệm vụ 2021–2025 (vốn kéo dài)</span>
          <select aria-label="Nhiệm vụ 2021–2025" value={fromIndex} onChange={(e) => setFromIndex(Number(e.target.value))}>
            {keys.map((k, i) => (
              <option key={`${k.componentCode}|${k.sourceCode}|${k.capitalType}|${k.originYear}`} value={i}>
                {k.componentCode} {k.componentName} — {k.sourceCode} {k.capitalType}, vốn năm {k.originYear}: {dong(k.amountDong)}
              </option>
            ))}
          </select>
        </label>
        <label className="field wide">
          <span>Nội dung 2026–2035 nhận vốn</span>
          <select aria-label="Nội dung 2026–2035" value={toCode || contents[0]?.code || ''} onChange={(e) => setToCode(e.target.value)}>
            {contents.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Loại vốn nhận</span>
          <select aria-label="Loại vốn nhận" value={toCapital} onChange={(e) => setToCapital(e.target.value as CapitalTypeCode | '')}>
            <option value="">Giữ như vốn chuyển đi</option>
            <option value="DTPT">Đầu tư phát triển</option>
            <option value="SN">Sự nghiệp</option>
          </select>
        </label>
        <label className="field">
          <span>Số tiền chuyển (đồng)</span>
          <input aria-label="Số tiền chuyển (đồng)" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label className="field">
          <span>Lý do</span>
          <select aria-label="Lý do chuyển" value={reason} onChange={(e) => setReason(e.target.value as TransferReason)}>
            {(Object.keys(TRANSFER_REASON_LABELS) as TransferReason[]).map((r) => (
              <option key={r} value={r}>
                {TRANSFER_REASON_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Số quyết định</span>
          <input aria-label="Số quyết định chuyển" value={number} onChange={(e) => setNumber(e.target.value)} placeholder="41/QĐ-UBND" />
        </label>
        <label className="field">
          <span>Ngày quyết định</span>
          <input
            aria-label="Ngày quyết định chuyển"
            defaultValue={formatDateVi(docDate)}
            placeholder="dd/mm/yyyy"
            size={11}
            onBlur={(e) => {
              // Typed as every date of the app (dd/mm/yyyy), whatever the browser's or Windows' language.
              const iso = parseDateVi(e.target.value.trim());
              if (iso === null) return setError(`Ngày "${e.target.value.trim()}" không hợp lệ; nhập dạng dd/mm/yyyy (ví dụ 15/04/2026).`);
              setError(null);
              setDocDate(iso);
            }}
          />
        </label>
        <label className="field">
          <span>Cơ quan chấp thuận</span>
          <input aria-label="Cơ quan chấp thuận" value={approvedBy} onChange={(e) => setApprovedBy(e.target.value)} placeholder="UBND tỉnh Lạng Sơn" />
        </label>
        <label className="field wide">
          <span>Căn cứ chấp thuận (văn bản, số, ngày)</span>
          <input aria-label="Căn cứ chấp thuận" value={approvalBasis} onChange={(e) => setApprovalBasis(e.target.value)} />
        </label>
      </div>
      <div className="toolbar">
        <button type="button" onClick={() => void runCheck()}>
          Kiểm tra
        </button>
        <button type="button" className="primary" onClick={() => void record()}>
          Ghi quyết định chuyển
        </button>
      </div>
      <MessageArea error={error} info={info} />
      {check ? (
        <div className="transfer-check" aria-label="Kết quả kiểm tra chuyển nhiệm vụ">
          <p>
            Còn lại trên nhiệm vụ 2021–2025: <strong>{dong(check.openDong)}</strong>; số chuyển: <strong>{dong(check.amountDong)}</strong>.
          </p>
          <ul>
            {check.findings.map((f) => (
              <li key={f.code + f.message} className={`finding finding-${f.severity}`}>
                <strong>{SEVERITY_WORDS[f.severity]}:</strong> {f.message} <span className="muted">Căn cứ: {f.basis}; độ chắc chắn: {CERTAINTY_WORDS[f.certainty]}.</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {recorded.length > 0 ? (
        <table className="list-table" aria-label="Quyết định chuyển nhiệm vụ đã ghi">
          <thead>
            <tr>
              <th>Số</th>
              <th>Ngày</th>
              <th>Từ nhiệm vụ 2021–2025</th>
              <th>Sang nội dung 2026–2035</th>
              <th className="num">Số tiền (đồng)</th>
              <th>Chấp thuận</th>
            </tr>
          </thead>
          <tbody>
            {recorded.map((t) => (
              <tr key={t.id}>
                <td>{t.number}</td>
                <td>{formatDateVi(t.docDate)}</td>
                <td>
                  {t.fromComponentCode} · {t.sourceCode} {t.capitalType} · vốn năm {t.originYear}
                </td>
                <td>
                  {t.toComponentCode} · {t.toCapitalType}
                </td>
                <td className="num">{formatAmount(t.amountDong, 'dong')}</td>
                <td>
                  {t.approvedBy}: {t.approvalBasis}
                  {t.warnings.some((w) => w.severity === 'W') ? <div className="muted">Có {t.warnings.filter((w) => w.severity === 'W').length} cảnh báo khi ghi</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}
