import type { Balance, RuleCheck } from '../../../shared/api/ledger-types';
import { formatAmount, toDong, type MoneyUnit } from '../../../shared/money/dong';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1).replace('.', ',')}%`);

/** Assigned / allocated / remaining per program × source × capital type, live with the draft; over in red. */
export function BalancePanel({ balance, unit }: { balance: Balance | null; unit: MoneyUnit }) {
  if (!balance) return <p className="muted">Đang tính cân đối…</p>;
  const short = (code: string) => (code === 'NST_DOIUNG' ? 'NS tỉnh' : code === 'NSTW' ? 'NSTW' : code);
  return (
    <table className="balance-table" aria-label="Cân đối vốn">
      <thead>
        <tr>
          <th>CT · nguồn · loại</th>
          <th className="num" title="Tỉnh giao, cộng phần HĐND huyện điều chỉnh giữa các chương trình (thí điểm)">Được giao</th>
          <th className="num" title="Các quyết định đã ban hành">Ban hành</th>
          <th className="num" title="Quyết định đang mở">Dự thảo</th>
          <th className="num">Còn lại</th>
          <th className="num">Tỷ lệ</th>
        </tr>
      </thead>
      <tbody>
        {balance.rows.map((r) => (
          <tr key={`${r.originYear}|${r.programCode}|${r.sourceCode}|${r.capitalType}`} className={r.over ? 'over' : undefined}>
            <td title={r.programName}>
              {r.programCode} · {short(r.sourceCode)} · {r.capitalType === 'DTPT' ? 'ĐTPT' : 'SN'}
              {r.originYear !== balance.year ? ` · vốn ${r.originYear}` : ''}
            </td>
            <td className="num" title={r.replannedDong !== 0 ? `Tỉnh giao ${formatAmount(r.assignedDong, unit)}; HĐND huyện điều chỉnh ${formatAmount(r.replannedDong, unit)}` : undefined}>
              {formatAmount(toDong(r.assignedDong + r.replannedDong), unit)}
              {r.replannedDong !== 0 ? '*' : ''}
            </td>
            <td className="num">{formatAmount(r.allocatedDong, unit)}</td>
            <td className="num">{r.draftDong === 0 ? '' : formatAmount(r.draftDong, unit)}</td>
            <td className="num" data-testid={`remaining-${r.programCode}-${r.sourceCode}-${r.capitalType}-${r.originYear}`}>
              {formatAmount(r.remainingDong, unit)}
            </td>
            <td className="num">{percent(r.rate)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th>Tổng</th>
          <td className="num">{formatAmount(toDong(balance.assignedDong + balance.replannedDong), unit)}</td>
          <td className="num">{formatAmount(balance.allocatedDong, unit)}</td>
          <td className="num">{balance.draftDong === 0 ? '' : formatAmount(balance.draftDong, unit)}</td>
          <td className="num" data-testid="remaining-total">
            {formatAmount(balance.remainingDong, unit)}
          </td>
          <td className="num">{percent(balance.rate)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

const SEVERITY_LABEL = { E: 'Lỗi', W: 'Cảnh báo', I: 'Thông tin' } as const;

/** The rule findings, errors first; a click takes the grid to the lines concerned. */
export function FindingsPanel({ check, onPick }: { check: RuleCheck | null; onPick: (lineId: number) => void }) {
  if (!check) return null;
  const blockers = check.blockers ?? [];
  if (check.findings.length === 0 && blockers.length === 0) return <p className="findings-ok">Không có lỗi hay cảnh báo theo các quy tắc đang áp dụng.</p>;
  return (
    <ul className="findings" aria-label="Kết quả kiểm tra quy tắc">
      {blockers.map((b, i) => (
        <li key={`b${i}`} className="finding finding-E">
          <span className="finding-tag">Chưa ban hành được</span> {b}
        </li>
      ))}
      {check.findings.map((f, i) => (
        <li key={i} className={`finding finding-${f.severity}`}>
          <button type="button" className="finding-button" disabled={f.lineIds.length === 0} onClick={() => f.lineIds[0] !== undefined && onPick(f.lineIds[0])} title={`${f.title}. Căn cứ: ${f.legalBasis}`}>
            <span className="finding-tag">
              {SEVERITY_LABEL[f.severity]} · Quy tắc {f.ruleId}
            </span>{' '}
            {f.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
