/** Stage: the assignment lines the detail rows add up to, per component × source × capital type. */
import type { ImportColumn, ImportLine, ImportRow } from '../../../../shared/api/import';
import type { CatalogMatcher } from '../catalog-match';
import type { Report } from './report';

export interface AssignmentLines {
  lines: ImportLine[];
  /** Detail rows that found their component in the catalog. */
  detailLines: number;
  totalDong: number;
}

/** Each detail row counts under the nearest row (itself or above) named as a catalog component. */
export function assignmentLines(rows: Map<number, ImportRow>, amountCols: ImportColumn[], matcher: CatalogMatcher, year: number | null, report: Report): AssignmentLines {
  const byKey = new Map<string, ImportLine>();
  let detailLines = 0;
  let totalDong = 0;
  for (const row of rows.values()) {
    if (!row.detail) continue;
    let owner: ImportRow | null = row;
    while (owner && !owner.componentCode) owner = owner.parentRow !== null ? rows.get(owner.parentRow) ?? null : null;
    const option = owner?.componentCode ? matcher.get(owner.componentCode) : undefined;
    if (!option || year === null) continue;
    detailLines++;
    for (const col of amountCols) {
      const amount = row.amounts[col.col] ?? 0;
      if (amount === 0) continue;
      totalDong += amount;
      const key = `${option.code}|${col.sourceCode}|${col.capitalType}`;
      const line = byKey.get(key) ?? {
        componentCode: option.code,
        componentName: option.name,
        programCode: option.programCode,
        sourceCode: col.sourceCode!,
        capitalType: col.capitalType!,
        originYear: year,
        amountDong: 0,
        rows: [],
      };
      line.amountDong += amount;
      // Rows come in ascending order, so a row already listed is the last one (`includes` was quadratic).
      if (line.rows[line.rows.length - 1] !== row.row) line.rows.push(row.row);
      byKey.set(key, line);
    }
  }
  const lines = [...byKey.values()];
  // Each amount is checked on reading, but their sums can still pass 2^53 đồng, where a number is no longer exact.
  if (!Number.isSafeInteger(totalDong) || lines.some((line) => !Number.isSafeInteger(line.amountDong))) {
    report({
      severity: 'E',
      rule: 'doc',
      code: 'IMPORT_TOTAL_TOO_LARGE',
      cell: null,
      message: 'Tổng số tiền của tệp vượt quá mức phần mềm tính chính xác được đến từng đồng (khoảng 9 triệu tỷ đồng). Hãy kiểm tra đơn vị tính và các ô số tiền rất lớn trong tệp.',
    });
  }
  return { lines, detailLines, totalDong };
}
