/** Stage: the table's shape — the totals rows apart, every other row under its parent by the STT column. */
import { buildTree } from '../stt';
import type { DataRow } from './data-rows';

const TOTAL_ROW = /^(tong cong|tong so|tong)\b/;

export interface RowTree {
  /** Rows without STT named "Tổng cộng" / "Tổng số": they add up the top-level rows. */
  totalRows: DataRow[];
  totalSet: Set<number>;
  treeRows: DataRow[];
  /** Row → its parent row (null at the top). */
  parents: Map<number, number | null>;
  /** Row → its child rows, in sheet order. */
  children: Map<number, number[]>;
}

export function shapeTree(dataRows: DataRow[]): RowTree {
  const totalRows = dataRows.filter((d) => d.stt === '' && TOTAL_ROW.test(d.folded));
  const totalSet = new Set(totalRows.map((t) => t.row));
  const treeRows = dataRows.filter((d) => !totalSet.has(d.row));
  const parents = buildTree(treeRows);
  const children = new Map<number, number[]>();
  // Appended in place: copying the list per child made a 25,000-row group quadratic.
  for (const [row, parent] of parents) {
    if (parent === null) continue;
    const siblings = children.get(parent);
    if (siblings) siblings.push(row);
    else children.set(parent, [row]);
  }
  return { totalRows, totalSet, treeRows, parents, children };
}
