/**
 * The numbers of the allocation report, in integer đồng, from the ledger's own functions: the balance per
 * program × source × capital type × origin year (balance), the fold per component (foldIssued) with the HĐND
 * re-plans (the issued adjustments' lines), and the plan in force per recipient × program (planInForce).
 */
import type { Recipient } from '../../../shared/api/registers';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import type { Db } from '../db/database';
import { getLines, listHeaders } from '../decisions/store';
import { balance } from '../ledger/balance';
import { foldIssued, planInForce } from '../ledger/fold';
import { listAssignments } from '../assignments/assignments';
import { componentIndex, type ComponentInfo } from '../reference/catalog';

/** Assigned, re-planned by HĐND adjustments, allocated by the issued decisions in force; remaining follows. */
export interface Amounts {
  assigned: number;
  replanned: number;
  allocated: number;
}

export const remainingOf = (a: Amounts): number => a.assigned + a.replanned - a.allocated;
/** Allocated ÷ (assigned + re-planned); null when nothing is planned. */
export const rateOf = (a: Amounts): number | null => (a.assigned + a.replanned === 0 ? null : a.allocated / (a.assigned + a.replanned));

const zero = (): Amounts => ({ assigned: 0, replanned: 0, allocated: 0 });
const add = (into: Amounts, a: Amounts): void => {
  into.assigned += a.assigned;
  into.replanned += a.replanned;
  into.allocated += a.allocated;
};

export interface ProgramDetail extends Amounts {
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
}

export interface ProgramBlock extends Amounts {
  code: string;
  name: string;
  details: ProgramDetail[];
}

/** Per program (catalog order), its rows per source × capital type × origin year. */
export function byProgram(db: Db, year: number, asOf: string): { programs: ProgramBlock[]; total: Amounts } {
  const rows = balance(db, year, { asOf }).rows;
  const programs = new Map<string, ProgramBlock>();
  const order = programOrder(db);
  for (const r of rows) {
    const block = programs.get(r.programCode) ?? { code: r.programCode, name: r.programName, details: [], ...zero() };
    const detail = { sourceCode: r.sourceCode, capitalType: r.capitalType, originYear: r.originYear, assigned: r.assignedDong, replanned: r.replannedDong, allocated: r.allocatedDong };
    block.details.push(detail);
    add(block, detail);
    programs.set(r.programCode, block);
  }
  const total = zero();
  const sorted = [...programs.values()].sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
  for (const p of sorted) add(total, p);
  return { programs: sorted, total };
}

function programOrder(db: Db): Map<string, number> {
  const order = new Map<string, number>();
  for (const c of componentIndex(db).values()) order.set(c.programCode, Math.min(order.get(c.programCode) ?? Infinity, c.programSortOrder));
  return order;
}

export interface ComponentNode extends Amounts {
  component: ComponentInfo;
  depth: number;
  children: ComponentNode[];
}

/** The catalog component of money of an origin year, by code (its program period). */
function componentFor(components: ComponentInfo[], code: string, originYear: number): ComponentInfo | undefined {
  return components.find((c) => c.code === code && c.firstYear <= originYear && originYear <= c.lastYear);
}

/** The catalog tree down to every component holding money; each node sums its own amounts and its children's. */
export function byComponent(db: Db, year: number, asOf: string): { roots: ComponentNode[]; total: Amounts } {
  const index = componentIndex(db);
  const components = [...index.values()];
  const own = new Map<number, Amounts>();
  const at = (id: number) => {
    let a = own.get(id);
    if (!a) own.set(id, (a = zero()));
    return a;
  };
  for (const line of listAssignments(db, year).lines) {
    const c = componentFor(components, line.componentCode, line.originYear);
    if (c) at(c.id).assigned += line.amountDong;
  }
  for (const k of foldIssued(db, year, asOf)) at(k.component_id).allocated += k.amount;
  const replans = listHeaders(db, { year, issuer: 'HDND', kind: 'dieu_chinh', status: 'issued' }).filter((h) => h.docDate !== null && h.docDate <= asOf);
  for (const h of replans) for (const l of getLines(db, h.id)) at(l.componentId).replanned += l.amountDong;

  const byCode = new Map(components.map((c) => [`${c.periodCode}|${c.code}`, c]));
  const nodes = new Map<number, ComponentNode>();
  const nodeOf = (c: ComponentInfo): ComponentNode => {
    let node = nodes.get(c.id);
    if (!node) {
      node = { component: c, depth: c.depth, children: [], ...zero() };
      nodes.set(c.id, node);
      const parent = c.parentCode ? byCode.get(`${c.periodCode}|${c.parentCode}`) : undefined;
      if (parent && parent.id !== c.id) nodeOf(parent).children.push(node);
    }
    return node;
  };
  for (const [id, amounts] of own) {
    if (amounts.assigned === 0 && amounts.replanned === 0 && amounts.allocated === 0) continue;
    // Every ancestor up to the program gets the amounts too.
    for (let c: ComponentInfo | undefined = index.get(id); c; c = c.parentCode ? byCode.get(`${c.periodCode}|${c.parentCode}`) : undefined) {
      add(nodeOf(c), amounts);
      if (!c.parentCode) break;
    }
  }
  const sort = (list: ComponentNode[]) => {
    list.sort((a, b) => a.component.sortOrder - b.component.sortOrder);
    for (const n of list) sort(n.children);
  };
  const roots = [...nodes.values()].filter((n) => !n.component.parentCode || !byCode.has(`${n.component.periodCode}|${n.component.parentCode}`));
  sort(roots);
  const total = zero();
  for (const r of roots) add(total, r);
  return { roots, total };
}

export interface RecipientRow {
  recipient: Recipient;
  /** Allocated per program code. */
  byProgram: Map<string, number>;
  total: number;
}

export interface RecipientTable {
  programs: { code: string; name: string }[];
  communes: RecipientRow[];
  /** The district itself, its departments and units, investors. */
  others: RecipientRow[];
}

/** Allocated (plan in force) per recipient × program: communes first, then the district level and organizations. */
export function byRecipient(db: Db, year: number, asOf: string): RecipientTable {
  const plan = planInForce(db, year, asOf, ['recipient', 'program']);
  const order = programOrder(db);
  const programs = new Map<string, string>();
  const rows = new Map<string, RecipientRow>();
  for (const r of plan.rows) {
    const recipient = r.recipient!;
    const program = r.program!;
    programs.set(program.code, program.name);
    const key = `${recipient.kind}|${recipient.id ?? ''}`;
    const row = rows.get(key) ?? { recipient, byProgram: new Map<string, number>(), total: 0 };
    row.byProgram.set(program.code, (row.byProgram.get(program.code) ?? 0) + r.amountDong);
    row.total += r.amountDong;
    rows.set(key, row);
  }
  const all = [...rows.values()];
  return {
    programs: [...programs.entries()].map(([code, name]) => ({ code, name })).sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0)),
    communes: all.filter((r) => r.recipient.kind === 'commune'),
    others: all.filter((r) => r.recipient.kind !== 'commune'),
  };
}
