/**
 * The arithmetic of a province table: a total column equals the columns it adds up (rule 1), a parent row the
 * rows under it (rule 2), the totals row every top-level row (rule 25). One wrong subtotal makes every total
 * above it and the total column of its own row disagree too; those are not separate mistakes. Each cell's
 * expected value — what the detail lines under it add up to — tells them apart: a cell that disagrees with what
 * it is compared to but holds its expected value is right, and disagrees only because a cell it adds up is
 * wrong. It is listed under that cell's finding as a consequence; the finding stays at the cell that is wrong.
 */
import type { ImportColumn, ImportRow } from '../../../shared/api/import';
import type { ImportFinding } from '../../../shared/api/findings';
import { formatAmount, toDong } from '../../../shared/money/dong';

export function inTrieu(dong: number): string {
  return `${formatAmount(toDong(dong), 'trieu', { maxDecimals: 3 })} triệu đồng`;
}

interface Disagreement {
  row: ImportRow;
  col: ImportColumn;
  cell: string;
  found: number;
  /** What the compared cells hold. */
  compared: number;
  /** The cells it is compared with. */
  parts: { row: ImportRow; col: string }[];
  kind: 'columns' | 'rows';
}

export function checkArithmetic(args: {
  rows: Map<number, ImportRow>;
  checkedCols: ImportColumn[];
  liveChildren: (r: ImportRow) => ImportRow[];
  finding: (f: Omit<ImportFinding, 'sheet'>) => void;
}): void {
  const { rows, checkedCols } = args;
  // The file's totals row adds up every top-level row, other districts' blocks included.
  const topLevel = [...rows.values()].filter((r) => r.kind !== 'total' && r.parentRow === null);
  const underCache = new Map<ImportRow, ImportRow[]>();
  const under = (row: ImportRow) => {
    let list = underCache.get(row);
    if (!list) underCache.set(row, (list = row.kind === 'total' ? topLevel : args.liveChildren(row)));
    return list;
  };
  const byLetter = new Map(checkedCols.map((c) => [c.col, c]));
  const isTotalColumn = (col: string) => {
    const column = byLetter.get(col);
    return column?.role === 'total' && column.covers.length > 0;
  };
  /**
   * What a cell holds in the sums it takes part in. A blank cell is no amount: a blank detail adds nothing, and a
   * blank subtotal or total stands for what is under it (it is not checked, and does not make the totals above
   * it disagree). "-" was read as 0 and is checked like any number.
   */
  const found = (row: ImportRow, col: string): number => {
    const value = row.amounts[col];
    if (value !== null && value !== undefined) return value;
    return under(row).length > 0 || isTotalColumn(col) ? expected(row, col) : 0;
  };

  /** What the details under a cell add up to: through the rows under it, else through the columns it totals. */
  const expectedMemo = new Map<string, number>();
  const expected = (row: ImportRow, col: string): number => {
    const key = `${row.row}|${col}`;
    const known = expectedMemo.get(key);
    if (known !== undefined) return known;
    const below = under(row);
    const column = byLetter.get(col);
    let value: number;
    if (below.length > 0) value = below.reduce((s, c) => s + expected(c, col), 0);
    else if (column?.role === 'total' && column.covers.length > 0) value = column.covers.reduce((s, c) => s + expected(row, c), 0);
    else value = row.amounts[col] ?? 0;
    expectedMemo.set(key, value);
    return value;
  };

  const disagreements: Disagreement[] = [];
  for (const row of rows.values()) {
    if (row.kind === 'ignored') continue;
    for (const col of checkedCols) {
      const value = row.amounts[col.col];
      if (value === null || value === undefined) continue;
      // Rule 1: a total column equals the columns it adds up.
      if (col.role === 'total' && col.covers.length > 0) {
        const compared = col.covers.reduce((s, c) => s + found(row, c), 0);
        if (compared !== value) disagreements.push({ row, col, cell: `${col.col}${row.row}`, found: value, compared, parts: col.covers.map((c) => ({ row, col: c })), kind: 'columns' });
      }
      // Rules 2 and 25: a parent (or the totals row) equals the sum of what is under it.
      const below = under(row);
      if (below.length === 0) continue;
      const compared = below.reduce((s, c) => s + found(c, col.col), 0);
      if (compared !== value) disagreements.push({ row, col, cell: `${col.col}${row.row}`, found: value, compared, parts: below.map((c) => ({ row: c, col: col.col })), kind: 'rows' });
    }
  }

  const isWrongCell = (row: ImportRow, col: string) => found(row, col) !== expected(row, col);
  /**
   * The cells a disagreeing cell agrees with through its other relation, when some of them are wrong: a row's total
   * column that is exactly the sum of its columns, one of which is wrong, is wrong only because of that column
   * (and a subtotal that is exactly the sum of the rows under it, only because of a wrong row).
   */
  const otherRelation = (d: Disagreement): { row: ImportRow; col: string }[] | null => {
    const parts =
      d.kind === 'rows'
        ? d.col.role === 'total' && d.col.covers.length > 0
          ? d.col.covers.map((c) => ({ row: d.row, col: c }))
          : null
        : under(d.row).length > 0
          ? under(d.row).map((c) => ({ row: c, col: d.col.col }))
          : null;
    if (!parts || parts.reduce((s, p) => s + found(p.row, p.col), 0) !== d.found) return null;
    return parts.some((p) => isWrongCell(p.row, p.col)) ? parts : null;
  };
  // Wrong cells first (their findings collect the consequences), then the consequences.
  const isWrong = (d: Disagreement) => d.found !== expected(d.row, d.col.col) && otherRelation(d) === null;
  const causeAt = new Map<string, { finding: Omit<ImportFinding, 'sheet'>; consequences: string[] }>();
  const emitted: { finding: Omit<ImportFinding, 'sheet'>; consequences: string[] }[] = [];
  for (const d of disagreements.filter(isWrong)) {
    const entry = { finding: messageOf(d), consequences: [] as string[] };
    emitted.push(entry);
    if (!causeAt.has(d.cell)) causeAt.set(d.cell, entry);
  }
  for (const d of disagreements.filter((x) => !isWrong(x))) {
    // The wrong cells among those it adds up, and the findings that name them (a wrong cell deeper down is found by descending).
    const causes = new Set<{ consequences: string[] }>();
    const visit = (row: ImportRow, col: string, depth: number) => {
      const at = causeAt.get(`${col}${row.row}`);
      if (at) return void causes.add(at);
      if (depth > 64 || !isWrongCell(row, col)) return;
      for (const c of under(row)) visit(c, col, depth + 1);
      const column = byLetter.get(col);
      if (column?.role === 'total') for (const c of column.covers) visit(row, c, depth + 1);
    };
    for (const part of otherRelation(d) ?? d.parts) if (isWrongCell(part.row, part.col)) visit(part.row, part.col, 0);
    if (causes.size === 0) emitted.push({ finding: messageOf(d), consequences: [] });
    else for (const cause of causes) if (!cause.consequences.includes(d.cell)) cause.consequences.push(d.cell);
  }
  for (const { finding, consequences } of emitted) {
    if (consequences.length === 0) args.finding(finding);
    else {
      const shown = consequences.slice(0, 12).join(', ') + (consequences.length > 12 ? '…' : '');
      args.finding({ ...finding, consequences, message: `${finding.message} Vì ô này sai nên ${consequences.length === 1 ? 'ô' : 'các ô'} ${shown} cũng lệch theo; sửa ô này là đủ.` });
    }
  }
}

function messageOf(d: Disagreement): Omit<ImportFinding, 'sheet'> {
  const { row, col, cell, found, compared } = d;
  if (d.kind === 'columns') {
    return {
      severity: 'E',
      rule: '1',
      code: 'IMPORT_ROW_TOTAL',
      cell,
      expectedDong: compared,
      foundDong: found,
      message: `Ô ${cell}: tổng số ${inTrieu(found)} khác tổng các cột ${col.covers.join(', ')} là ${inTrieu(compared)} (lệch ${inTrieu(found - compared)}).`,
    };
  }
  const what = row.kind === 'total' ? 'Dòng tổng cộng' : `Dòng ${row.stt || row.row} "${row.name.slice(0, 60)}"`;
  return {
    severity: 'E',
    rule: row.kind === 'total' ? '25' : '2',
    code: row.kind === 'total' ? 'IMPORT_TOTAL_ROW' : 'IMPORT_PARENT_SUM',
    cell,
    expectedDong: compared,
    foundDong: found,
    message: `Ô ${cell}: ${what} ghi ${inTrieu(found)} nhưng các dòng chi tiết cộng lại ${inTrieu(compared)} (lệch ${inTrieu(found - compared)}). Hãy sửa ô ${cell} hoặc các dòng chi tiết trong tệp.`,
  };
}
