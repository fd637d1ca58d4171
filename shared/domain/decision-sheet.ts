/**
 * The allocation editor's view of a decision: its lines pivoted into rows program → component → recipient,
 * with one amount column per funding source × capital type; and the per-commune matrix. Pure functions of
 * the lines the core returned: the renderer displays them, the core still owns every amount.
 */
import type { RecipientInput } from '../api/registers';
import type { DecisionLine } from '../api/decisions';
import type { Recipient } from '../api/registers';
import type { CapitalTypeCode } from '../api/schemas';
import { toDong, type Dong } from '../money/dong';

export interface AmountColumn {
  /** "NSTW|SN" */
  key: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
}

export const amountColumnKey = (sourceCode: string, capitalType: string) => `${sourceCode}|${capitalType}`;

/** The columns to show: every source × capital type assigned for the year or used by the decision, in catalog order. */
export function amountColumns(pairs: { sourceCode: string; capitalType: CapitalTypeCode }[], sourceOrder: string[]): AmountColumn[] {
  const seen = new Map<string, AmountColumn>();
  for (const p of pairs) seen.set(amountColumnKey(p.sourceCode, p.capitalType), { key: amountColumnKey(p.sourceCode, p.capitalType), ...p });
  const rank = (c: AmountColumn) => {
    const i = sourceOrder.indexOf(c.sourceCode);
    return (i < 0 ? 99 : i) * 2 + (c.capitalType === 'DTPT' ? 0 : 1);
  };
  return [...seen.values()].sort((a, b) => rank(a) - rank(b));
}

export interface SheetRow {
  rowId: string;
  kind: 'program' | 'component' | 'line';
  depth: number;
  programCode: string;
  programName: string;
  componentCode: string | null;
  componentName: string | null;
  recipient: Recipient | null;
  originYear: number | null;
  projectId: number | null;
  /** Amount per column key (the change this decision makes). */
  cells: Record<string, Dong>;
  /** Line rows: the line holding each column's amount. */
  lineIds: Record<string, number>;
  total: Dong;
  /** Group rows: how many line rows are below. */
  lineCount: number;
}

/** One key per recipient (kind and id): the district, a commune, a unit or an investor. */
export const recipientKey = (r: Recipient) => `${r.kind}:${r.id ?? ''}`;

/** What a line's recipient is sent as: communes by code, organizations by id. */
export function recipientInput(r: Recipient): RecipientInput {
  if (r.kind === 'commune') return { kind: 'commune', code: r.code! };
  if (r.kind === 'district') return { kind: 'district' };
  return { kind: r.kind, id: r.id! };
}

export function lineRowId(l: Pick<DecisionLine, 'componentCode' | 'recipient' | 'projectId' | 'originYear'>): string {
  return `l:${l.componentCode}|${recipientKey(l.recipient)}|${l.projectId ?? ''}|${l.originYear}`;
}

function emptyRow(partial: Omit<SheetRow, 'cells' | 'lineIds' | 'total' | 'lineCount'>): SheetRow {
  return { ...partial, cells: {}, lineIds: {}, total: toDong(0), lineCount: 0 };
}

function add(row: SheetRow, column: string, amount: number): void {
  row.cells[column] = toDong((row.cells[column] ?? 0) + amount);
  row.total = toDong(row.total + amount);
}

/**
 * Pivots the lines into the full tree (every group expanded), in the order given by `componentOrder`
 * (catalog order; programs by their first component), recipients by kind then name.
 */
export function pivotLines(lines: DecisionLine[], componentOrder: Map<string, number>): SheetRow[] {
  const programs = new Map<string, { row: SheetRow; components: Map<string, { row: SheetRow; lines: Map<string, SheetRow> }> }>();
  for (const l of lines) {
    const column = amountColumnKey(l.sourceCode, l.capitalType);
    let program = programs.get(l.programCode);
    if (!program) {
      program = {
        row: emptyRow({ rowId: `p:${l.programCode}`, kind: 'program', depth: 0, programCode: l.programCode, programName: l.programName, componentCode: null, componentName: null, recipient: null, originYear: null, projectId: null }),
        components: new Map(),
      };
      programs.set(l.programCode, program);
    }
    let component = program.components.get(l.componentCode);
    if (!component) {
      component = {
        row: emptyRow({ rowId: `c:${l.componentCode}`, kind: 'component', depth: 1, programCode: l.programCode, programName: l.programName, componentCode: l.componentCode, componentName: l.componentName, recipient: null, originYear: null, projectId: null }),
        lines: new Map(),
      };
      program.components.set(l.componentCode, component);
    }
    const id = lineRowId(l);
    let row = component.lines.get(id);
    if (!row) {
      row = emptyRow({ rowId: id, kind: 'line', depth: 2, programCode: l.programCode, programName: l.programName, componentCode: l.componentCode, componentName: l.componentName, recipient: l.recipient, originYear: l.originYear, projectId: l.projectId });
      component.lines.set(id, row);
      component.row.lineCount += 1;
      program.row.lineCount += 1;
    }
    add(row, column, l.amountDong);
    row.lineIds[column] = l.id;
    add(component.row, column, l.amountDong);
    add(program.row, column, l.amountDong);
  }
  const order = (code: string) => componentOrder.get(code) ?? Number.MAX_SAFE_INTEGER;
  const kindRank = { district: 0, commune: 1, unit: 2, investor: 3 } as const;
  const out: SheetRow[] = [];
  const sortedPrograms = [...programs.values()].sort((a, b) => order(a.row.programCode) - order(b.row.programCode));
  for (const p of sortedPrograms) {
    out.push(p.row);
    for (const c of [...p.components.values()].sort((a, b) => order(a.row.componentCode!) - order(b.row.componentCode!))) {
      out.push(c.row);
      const rows = [...c.lines.values()].sort(
        (a, b) =>
          kindRank[a.recipient!.kind] - kindRank[b.recipient!.kind] ||
          (a.recipient!.code ?? a.recipient!.name).localeCompare(b.recipient!.code ?? b.recipient!.name, 'vi') ||
          b.originYear! - a.originYear!,
      );
      out.push(...rows);
    }
  }
  return out;
}

/** The rows shown when some groups are collapsed. */
export function visibleRows(rows: SheetRow[], collapsed: ReadonlySet<string>): SheetRow[] {
  if (collapsed.size === 0) return rows;
  return rows.filter((r) => {
    if (r.kind === 'program') return true;
    if (collapsed.has(`p:${r.programCode}`)) return false;
    return r.kind === 'component' || !collapsed.has(`c:${r.componentCode}`);
  });
}

/** Grand totals per column over the line rows. */
export function sheetTotals(rows: SheetRow[]): { cells: Record<string, Dong>; total: Dong } {
  const cells: Record<string, Dong> = {};
  let total = 0;
  for (const r of rows) {
    if (r.kind !== 'program') continue;
    for (const [k, v] of Object.entries(r.cells)) cells[k] = toDong((cells[k] ?? 0) + v);
    total += r.total;
  }
  return { cells, total: toDong(total) };
}

/**
 * Keeps the previous object of every row whose content did not change, so the grid (which diffs rows by
 * id and identity) repaints only what an edit touched.
 */
export function reuseUnchanged<T extends { rowId: string }>(previous: Map<string, { row: T; signature: string }>, next: T[]): { rows: T[]; index: Map<string, { row: T; signature: string }> } {
  const index = new Map<string, { row: T; signature: string }>();
  const rows = next.map((row) => {
    const signature = JSON.stringify(row);
    const old = previous.get(row.rowId);
    const kept = old && old.signature === signature ? old.row : row;
    index.set(row.rowId, { row: kept, signature });
    return kept;
  });
  return { rows, index };
}

export interface CommuneMatrixRow {
  rowId: string;
  recipient: Recipient;
  /** Amount per `${programCode}|${capitalType}`. */
  cells: Record<string, Dong>;
  /** The one line behind a cell, when there is exactly one (then the cell can be edited). */
  singleLine: Record<string, number>;
  total: Dong;
}

/** Recipients × programs (× capital type) of a decision. */
export function communeMatrix(lines: DecisionLine[]): { rows: CommuneMatrixRow[]; columns: { key: string; programCode: string; programName: string; capitalType: CapitalTypeCode }[] } {
  const rows = new Map<string, CommuneMatrixRow & { counts: Record<string, number> }>();
  const columns = new Map<string, { key: string; programCode: string; programName: string; capitalType: CapitalTypeCode }>();
  for (const l of lines) {
    const key = `${l.programCode}|${l.capitalType}`;
    columns.set(key, { key, programCode: l.programCode, programName: l.programName, capitalType: l.capitalType });
    const id = recipientKey(l.recipient);
    const row = rows.get(id) ?? { rowId: id, recipient: l.recipient, cells: {}, singleLine: {}, total: toDong(0), counts: {} };
    row.cells[key] = toDong((row.cells[key] ?? 0) + l.amountDong);
    row.total = toDong(row.total + l.amountDong);
    row.counts[key] = (row.counts[key] ?? 0) + 1;
    row.singleLine[key] = l.id;
    rows.set(id, row);
  }
  const out = [...rows.values()].map(({ counts, ...row }) => {
    for (const key of Object.keys(counts)) if (counts[key] !== 1) delete row.singleLine[key];
    return row;
  });
  const kindRank = { district: 0, commune: 1, unit: 2, investor: 3 } as const;
  out.sort((a, b) => kindRank[a.recipient.kind] - kindRank[b.recipient.kind] || (a.recipient.code ?? a.recipient.name).localeCompare(b.recipient.code ?? b.recipient.name, 'vi'));
  return { rows: out, columns: [...columns.values()].sort((a, b) => a.programCode.localeCompare(b.programCode) || a.capitalType.localeCompare(b.capitalType)) };
}
