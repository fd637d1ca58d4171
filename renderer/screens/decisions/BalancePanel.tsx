import type { Balance, BalanceRow } from '../../../shared/api/ledger';
import type { RuleCheck } from '../../../shared/api/rules';
import { formatAmount, toDong, type MoneyUnit } from '../../../shared/money/dong';
import { columnFormatter } from '../../../shared/money/column-decimals';
import { capitalTypeLabel } from '../../../shared/format/labels';

/** What "Được giao" is made of when the province's figure is not all of it: HĐND re-plans (*), transfers (†). */
function amountTitle(r: BalanceRow, unit: MoneyUnit): string | undefined {
  if (r.replannedDong === 0 && r.transferredDong === 0) return undefined;
  const parts = [`Tỉnh giao ${formatAmount(r.assignedDong, unit)}`];
  if (r.replannedDong !== 0) parts.push(`HĐND điều chỉnh ${formatAmount(r.replannedDong, unit)}`);
  if (r.transferredDong !== 0) parts.push(`${r.transferredDong > 0 ? 'nhận chuyển' : 'đã chuyển đi'} ${formatAmount(toDong(Math.abs(r.transferredDong)), unit)} (${r.transferNote})`);
  return parts.join('; ');
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1).replace('.', ',')}%`);

/**
 * Assigned / allocated / remaining per program × source × capital type, live with the draft; over in red. Each money
 * year is its own group with its own subtotal and rate (the year's money, then each year carried over): plans never
 * mix money years. Under it, rule 11's counterpart ratios of the year's money.
 */
export function BalancePanel({ balance, unit }: { balance: Balance | null; unit: MoneyUnit }) {
  if (!balance) return <p className="muted">Đang tính cân đối…</p>;
  const short = (code: string) => (code === 'NST_DOIUNG' ? 'NS tỉnh' : code === 'NSTW' ? 'NSTW' : code);
  // One number of decimals per column, rows and subtotals alike.
  const lines = [...balance.rows, ...balance.groups];
  const assignedOf = (l: { assignedDong: number; replannedDong: number; transferredDong: number }) => toDong(l.assignedDong + l.replannedDong + l.transferredDong);
  const fmt = {
    assigned: columnFormatter(lines.map(assignedOf), unit),
    allocated: columnFormatter(lines.map((l) => l.allocatedDong), unit),
    draft: columnFormatter(lines.map((l) => l.draftDong), unit),
    remaining: columnFormatter(lines.map((l) => l.remainingDong), unit),
  };
  return (
    <>
      <table className="balance-table" aria-label="Cân đối vốn">
        <thead>
          <tr>
            <th>CT · nguồn · loại</th>
            <th className="num" title="Tỉnh giao, cộng phần HĐND huyện điều chỉnh giữa các chương trình (thí điểm, *) và số chuyển theo NQ 257/2025/QH15 khoản 7 điểm b (†)">Được giao</th>
            <th className="num" title="Các quyết định đã ban hành">Ban hành</th>
            <th className="num" title="Quyết định đang mở">Dự thảo</th>
            <th className="num">Còn lại</th>
            <th className="num">Tỷ lệ</th>
          </tr>
        </thead>
        {balance.groups.map((g) => (
          <tbody key={g.originYear} data-testid={`balance-group-${g.originYear}`}>
            <tr className="balance-group">
              <th colSpan={6} title={`Tỷ lệ = đã phân bổ ÷ ${g.denominatorLabel}`}>
                {g.label}
              </th>
            </tr>
            {balance.rows
              .filter((r) => r.originYear === g.originYear)
              .map((r) => [
                <tr
                  key={`${r.originYear}|${r.programCode}|${r.sourceCode}|${r.capitalType}`}
                  className={r.over ? 'over' : undefined}
                  data-testid={`balance-row-${r.programCode}-${r.sourceCode}-${r.capitalType}-${r.originYear}`}
                >
                  <td title={r.transferNote ? `${r.programName}. ${r.transferNote}` : r.programName}>
                    {r.programCode} · {short(r.sourceCode)} · {capitalTypeLabel(r.capitalType)}
                  </td>
                  <td className="num" title={amountTitle(r, unit)}>
                    {fmt.assigned(assignedOf(r))}
                    {r.replannedDong !== 0 ? '*' : ''}
                    {r.transferredDong !== 0 ? '†' : ''}
                  </td>
                  <td className="num">{fmt.allocated(r.allocatedDong)}</td>
                  <td className="num">{r.draftDong === 0 ? '' : fmt.draft(r.draftDong)}</td>
                  <td className="num" data-testid={`remaining-${r.programCode}-${r.sourceCode}-${r.capitalType}-${r.originYear}`}>
                    {fmt.remaining(r.remainingDong)}
                  </td>
                  <td className="num">{percent(r.rate)}</td>
                </tr>,
                // Money moved by a khoản 7 điểm b transfer says so under its row, with the decision and its origin year.
                r.transferNote ? (
                  <tr key={`${r.originYear}|${r.programCode}|${r.sourceCode}|${r.capitalType}|note`} className="balance-note">
                    <td colSpan={6} data-testid={`transfer-note-${r.programCode}-${r.sourceCode}-${r.capitalType}-${r.originYear}`}>
                      † {r.transferNote}
                    </td>
                  </tr>
                ) : null,
              ])}
            <tr className="balance-subtotal" data-testid={`balance-subtotal-${g.originYear}`}>
              <th title={`Tỷ lệ = đã phân bổ ÷ ${g.denominatorLabel}`}>Cộng</th>
              <td className="num">{fmt.assigned(assignedOf(g))}</td>
              <td className="num">{fmt.allocated(g.allocatedDong)}</td>
              <td className="num">{g.draftDong === 0 ? '' : fmt.draft(g.draftDong)}</td>
              <td className="num" data-testid={g.carriedOver ? `remaining-total-${g.originYear}` : 'remaining-total'}>
                {fmt.remaining(g.remainingDong)}
              </td>
              <td className="num" data-testid={`rate-${g.originYear}`}>
                {g.rateText}
              </td>
            </tr>
          </tbody>
        ))}
      </table>
      <CounterpartPanel balance={balance} />
    </>
  );
}

/** Rule 11: local counterpart ÷ NSTW per program × capital type of the year's money, a warning under the minimum. */
function CounterpartPanel({ balance }: { balance: Balance }) {
  if (balance.counterpart.length === 0) return null;
  return (
    <table className="balance-table counterpart-table" aria-label="Tỷ lệ vốn đối ứng">
      <caption>Vốn đối ứng ÷ NSTW, vốn năm {balance.year} (quy tắc 11)</caption>
      <tbody>
        {balance.counterpart.map((c) => (
          <tr key={`${c.programCode}|${c.capitalType}`} className={c.warning ? 'counterpart-low' : undefined} title={c.warning?.message ?? c.legalBasis ?? undefined}>
            <td>
              {c.programCode} · {capitalTypeLabel(c.capitalType)}
            </td>
            <td className="num" data-testid={`counterpart-${c.programCode}-${c.capitalType}`}>
              {c.ratioText}
            </td>
            <td className="num">{c.minimumText ? `tối thiểu ${c.minimumText}` : ''}</td>
            <td>{c.warning ? '⚠ dưới mức' : ''}</td>
          </tr>
        ))}
      </tbody>
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
              {SEVERITY_LABEL[f.severity]} · Quy tắc {f.ruleId} · {f.ruleName}
            </span>{' '}
            {f.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
