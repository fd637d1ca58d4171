import type { AssignmentTotals, ReferenceLists } from '../../../shared/api/types';
import { formatAmount, type MoneyUnit } from '../../../shared/money/dong';

/** Programs × (source × capital type) with row and column totals, all summed in the core. */
export function TotalsMatrix({ totals, lists, unit }: { totals: AssignmentTotals; lists: ReferenceLists; unit: MoneyUnit }) {
  if (totals.byProgram.length === 0) return null;
  const sourceName = (code: string) => lists.fundingSources.find((s) => s.code === code)?.shortName ?? code;
  const capitalName = (code: string) => lists.capitalTypes.find((c) => c.code === code)?.shortName ?? code;
  const columns = totals.bySourceCapital;
  const cellOf = (programIndex: number, col: (typeof columns)[number]) =>
    totals.byProgram[programIndex]!.cells.find((c) => c.sourceCode === col.sourceCode && c.capitalType === col.capitalType)?.totalDong;
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
            {columns.map((c) => {
              const value = cellOf(i, c);
              return (
                <td key={`${c.sourceCode}|${c.capitalType}`} className="num">
                  {value === undefined ? '' : formatAmount(value, unit)}
                </td>
              );
            })}
            <td className="num strong">{formatAmount(p.totalDong, unit)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Tổng cộng</th>
          {columns.map((c) => (
            <td key={`${c.sourceCode}|${c.capitalType}`} className="num strong" data-testid={`total-${c.sourceCode}-${c.capitalType}`}>
              {formatAmount(c.totalDong, unit)}
            </td>
          ))}
          <td className="num strong" data-testid="total-grand">
            {formatAmount(totals.grandDong, unit)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
