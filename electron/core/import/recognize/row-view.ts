/** The named rows seen as a tree of counted rows: what the checks after naming ask of a row. */
import type { ImportColumn, ImportRow } from '../../../../shared/api/import';

export interface RowView {
  /** Counted: not ignored (another district, marked ignore) and not the totals row. */
  live(row: ImportRow): boolean;
  liveChildren(row: ImportRow): ImportRow[];
  /** A non-zero amount in some amount column. */
  hasMoney(row: ImportRow): boolean;
}

export function rowView(rows: Map<number, ImportRow>, children: Map<number, number[]>, amountCols: ImportColumn[]): RowView {
  const live = (r: ImportRow) => r.kind !== 'ignored' && r.kind !== 'total';
  return {
    live,
    liveChildren: (r) => (children.get(r.row) ?? []).map((c) => rows.get(c)!).filter(live),
    hasMoney: (r) => amountCols.some((c) => (r.amounts[c.col] ?? 0) !== 0),
  };
}
