import type { AssignmentSheet, AssignmentTotals } from '../../../shared/api/assignments';
import type { ReferenceLists } from '../../../shared/api/reference';
import { formatAmount, type MoneyUnit } from '../../../shared/money/dong';
import { columnFormatter } from '../../../shared/money/column-decimals';
import { capitalTypeLabel, sourceShortName } from '../../../shared/format/labels';

/** Programs × (source × capital type) with row and column totals, all summed in the core. */
export function TotalsMatrix({ totals, lists, unit }: { totals: AssignmentTotals; lists: ReferenceLists; unit: MoneyUnit }) {
  if (totals.byProgram.length === 0) return null;
  const sourceName = (code: string) => sourceShortName(lists.fundingSources, code);
  const capitalName = (code: string) => lists.capitalTypes.find((c) => c.code === code)?.shortName ?? code;
  const columns = totals.bySourceCapital;
  const cellOf = (programIndex: number, col: (typeof columns)[number]) =>
    totals.byProgram[programIndex]!.cells.find((c) => c.sourceCode === col.sourceCode && c.capitalType === col.capitalType)?.totalDong;
  // One number of decimals per column, its total included.
  const columnFormat = columns.map((c, ci) => columnFormatter([...totals.byProgram.map((_, i) => cellOf(i, columns[ci]!)), c.totalDong], unit));
  const totalFormat = columnFormatter([...totals.byProgram.map((p) => p.totalDong), totals.grandDong], unit);
  return (
    <table className="totals-matrix" aria-label="Tổng hợp theo chương trình, nguồn vốn và loại vốn">
      <thead>
        <tr>
          <th>Chương trình</th>
          {columns.map((c) => (
            <th key={`${c.sourceCode}|${c.capitalType}`}>
              {sourceName(c.sourceCode)} – {capitalName(c.capitalType)}
            </th>
          ))}
          <th>Tổng số</th>
        </tr>
      </thead>
      <tbody>
        {totals.byProgram.map((p, i) => (
          <tr key={p.programCode}>
            <th scope="row" title={p.programName}>
              {p.programCode}
            </th>
            {columns.map((c, ci) => {
              const value = cellOf(i, c);
              return (
                <td key={`${c.sourceCode}|${c.capitalType}`} className="num">
                  {value === undefined ? '' : columnFormat[ci]!(value)}
                </td>
              );
            })}
            <td className="num strong">{totalFormat(p.totalDong)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Tổng cộng</th>
          {columns.map((c, ci) => (
            <td key={`${c.sourceCode}|${c.capitalType}`} className="num strong" data-testid={`total-${c.sourceCode}-${c.capitalType}`}>
              {columnFormat[ci]!(c.totalDong)}
            </td>
          ))}
          <td className="num strong" data-testid="total-grand">
            {totalFormat(totals.grandDong)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Rule 11: local counterpart ÷ NSTW per program × capital type of the year's money, warned under the configured minimum. */
export function CounterpartTable({ sheet }: { sheet: AssignmentSheet }) {
  if (sheet.counterpart.length === 0) return null;
  const nstwFormat = columnFormatter(sheet.counterpart.map((c) => c.nstwDong), 'trieu');
  const counterpartFormat = columnFormatter(sheet.counterpart.map((c) => c.counterpartDong), 'trieu');
  return (
    <>
      <h2 className="section-title">Tỷ lệ vốn đối ứng ngân sách địa phương ÷ NSTW, vốn năm {sheet.year} (quy tắc 11, chỉ cảnh báo)</h2>
      <table className="totals-matrix counterpart-matrix" aria-label="Tỷ lệ vốn đối ứng">
        <thead>
          <tr>
            <th>Chương trình</th>
            <th>Loại vốn</th>
            <th>NSTW</th>
            <th>Vốn đối ứng</th>
            <th>Tỷ lệ</th>
            <th>Tối thiểu</th>
            <th>Cảnh báo</th>
          </tr>
        </thead>
        <tbody>
          {sheet.counterpart.map((c) => (
            <tr key={`${c.programCode}|${c.capitalType}`} className={c.warning ? 'counterpart-low' : undefined}>
              <th scope="row" title={c.programName}>
                {c.programCode}
              </th>
              <td>{capitalTypeLabel(c.capitalType)}</td>
              <td className="num">{nstwFormat(c.nstwDong)}</td>
              <td className="num">{counterpartFormat(c.counterpartDong)}</td>
              <td className="num" data-testid={`counterpart-${c.programCode}-${c.capitalType}`}>
                {c.ratioText}
              </td>
              <td className="num">{c.minimumText ?? '—'}</td>
              <td className="counterpart-warning">{c.warning ? `Quy tắc 11 — ${c.warning.ruleName}: thiếu ${formatAmount(c.shortfallDong, 'trieu', { maxDecimals: 3 })} triệu đồng` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
