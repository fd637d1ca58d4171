/**
 * The year's money by program period, side by side: the 2021–2025 programs' money (carried over, extended to
 * 31/12/2026) beside the 2026–2035 program's. Each origin year keeps its own rates; the core never adds the periods
 * into one rate and neither does this panel.
 */
import type { PeriodFigure } from '../../../shared/api/disbursement';
import { columnFormatter } from '../../../shared/money/column-decimals';

export function PeriodPanel({ periods }: { periods: PeriodFigure[] }) {
  if (periods.length === 0) return null;
  return (
    <div className="period-split" aria-label="Theo giai đoạn chương trình">
      {periods.map((p) => {
        // One number of decimals per column of each period's table.
        const planFormat = columnFormatter(p.groups.map((g) => g.assignedDong), 'trieu');
        const disbursedFormat = columnFormatter(p.groups.map((g) => g.disbursement.disbursedDong), 'trieu');
        return (
        <section key={p.periodCode} className="period-card" data-testid={`period-${p.periodCode}`}>
          <h2>{p.periodName}</h2>
          <table className="period-table">
            <thead>
              <tr>
                <th scope="col">Vốn</th>
                <th scope="col">Kế hoạch (tr.đ)</th>
                <th scope="col">Đã phân bổ</th>
                <th scope="col">Đã giải ngân (tr.đ)</th>
                <th scope="col">Tỷ lệ giải ngân</th>
              </tr>
            </thead>
            <tbody>
              {p.groups.map((g) => (
                <tr key={g.originYear}>
                  <th scope="row">{g.label}</th>
                  <td className="num">{planFormat(g.assignedDong)}</td>
                  <td className="num" title={g.allocationBasis} data-testid={`allocation-${p.periodCode}-${g.originYear}`}>
                    {g.allocationRateText}
                  </td>
                  <td className="num">{disbursedFormat(g.disbursement.disbursedDong)}</td>
                  <td className="num" title={`Mẫu số: ${g.denominatorLabel}`}>
                    {g.disbursement.rateText}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        );
      })}
      <p className="period-note muted">Mỗi giai đoạn, mỗi năm vốn có tỷ lệ riêng (mẫu số ghi khi rê chuột); không cộng chung thành một tỷ lệ. Vốn kéo dài chưa phân bổ lại trong năm: tỷ lệ phân bổ là của năm gốc, hoặc “—” khi sổ không có số liệu năm đó.</p>
    </div>
  );
}
