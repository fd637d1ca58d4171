import type { AssignmentSheet } from '../../../shared/api/assignments';
import { formatDateVi } from '../../../shared/format/date';
import { capitalTypeLabel } from '../../../shared/format/labels';
import { formatAmount, UNIT_LABEL_VI, type MoneyUnit } from '../../../shared/money/dong';

/**
 * Money moved by recorded khoản 7 điểm b transfers (NQ 257/2025/QH15 Điều 1), one row per leg: the 2021–2025 task
 * that gave it (−) and the 2026–2035 content that received it (+), each under the money's origin year. Read-only:
 * a recorded transfer is immutable; the balance of Quyết định phân bổ counts these rows, the province's totals
 * above them stay what the province assigned.
 */
export function MovementsTable({ sheet, unit }: { sheet: AssignmentSheet; unit: MoneyUnit }) {
  if (sheet.movements.length === 0) return null;
  return (
    <>
      <h2 className="section-title">
        Vốn chuyển nhiệm vụ 2021–2025 sang nội dung 2026–2030 (NQ 257/2025/QH15 Điều 1 khoản 7 điểm b, {UNIT_LABEL_VI[unit]})
      </h2>
      <p className="muted help">Số tỉnh giao ở các bảng trên giữ nguyên; cân đối phân bổ tính cả số chuyển. Số chuyển giữ năm nguồn vốn của nó.</p>
      <table className="totals-matrix movements-table" aria-label="Vốn chuyển theo NQ 257/2025/QH15 khoản 7 điểm b">
        <thead>
          <tr>
            <th>Quyết định chuyển</th>
            <th>Nhiệm vụ / nội dung</th>
            <th>Nguồn · loại</th>
            <th>Vốn năm</th>
            <th>Số tiền</th>
          </tr>
        </thead>
        <tbody>
          {sheet.movements.map((m) => (
            <tr key={`${m.transferId}|${m.leg}`} data-testid={`movement-${m.leg}-${m.componentCode}`}>
              <td>
                {m.transferNumber} ngày {formatDateVi(m.transferDate)}
              </td>
              <td title={m.componentName}>
                {m.leg === 'out' ? 'Chuyển đi từ' : 'Nhận vào'} {m.componentCode}
              </td>
              <td>
                {m.sourceCode} · {capitalTypeLabel(m.capitalType)}
              </td>
              <td>{m.originYear}</td>
              <td className="num">
                {m.amountDong > 0 ? '+' : ''}
                {formatAmount(m.amountDong, unit)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
