/**
 * Balance: what the province assigned against what the district allocated, per
 * year × origin year × program × source × capital type (rule 5's ceiling key), with an optional draft.
 */
import type { Balance, BalanceGroup, BalanceRow } from '../../../shared/api/ledger';
import { rateText } from '../../../shared/format/rate';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { toDong } from '../../../shared/money/dong';
import type { Db } from '../db/database';
import { componentIndex, type ComponentInfo } from '../reference/catalog';
import { counterpartRatio } from '../rules/counterpart';
import { foldIssued, type KeyAmount } from './fold';

export interface CeilingKey {
  originYear: number;
  programCode: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
}

export function ceilingKey(k: CeilingKey): string {
  return `${k.originYear}|${k.programCode}|${k.sourceCode}|${k.capitalType}`;
}

interface Cell extends CeilingKey {
  programName: string;
  assigned: number;
  /** Net re-plan between programs or capital types by issued HĐND adjustments (the NQ 111 pilot). */
  replanned: number;
  /** Net money moved in or out by recorded khoản 7 điểm b transfers (assignment_movement), under its origin year. */
  transferred: number;
  /** The transfer decisions that moved money into or out of the cell. */
  transfers: string[];
  allocated: number;
  draft: number;
}

interface GroupedAmount {
  component_id: number;
  source_code: string;
  capital_type: CapitalTypeCode;
  origin_year: number;
  amount: number;
}

export interface BalanceSums {
  cells: Map<string, Cell>;
  components: Map<number, ComponentInfo>;
}

/** Assigned, allocated (issued, up to asOf when given; or the fold the caller already has) and draft sums per ceiling key. */
export function balanceSums(db: Db, year: number, options: { asOf?: string; draftId?: number; issued?: KeyAmount[] } = {}): BalanceSums {
  const components = componentIndex(db);
  const cells = new Map<string, Cell>();
  const cell = (componentId: number, sourceCode: string, capitalType: CapitalTypeCode, originYear: number): Cell => {
    const c = components.get(componentId)!;
    const key = ceilingKey({ originYear, programCode: c.programCode, sourceCode, capitalType });
    let found = cells.get(key);
    if (!found) {
      found = { originYear, programCode: c.programCode, programName: c.programName, sourceCode, capitalType, assigned: 0, replanned: 0, transferred: 0, transfers: [], allocated: 0, draft: 0 };
      cells.set(key, found);
    }
    return found;
  };
  const assigned = db
    .prepare(
      `SELECT component_id, source_code, capital_type, origin_year, SUM(amount_dong) AS amount FROM assignment WHERE year = ?
       GROUP BY component_id, source_code, capital_type, origin_year`,
    )
    .all(year) as GroupedAmount[];
  for (const a of assigned) cell(a.component_id, a.source_code, a.capital_type, a.origin_year).assigned += a.amount;
  // A recorded transfer (NQ 257/2025/QH15 khoản 7 điểm b) moves the ceiling: the 2021–2025 program's cell gives, the
  // receiving 2026–2035 program's cell of the same origin year receives. Transfers are dated decisions of the year
  // but not allocations, so they count whatever the asOf date (as the province's assignment does).
  const moved = db
    .prepare(
      `SELECT m.component_id, m.source_code, m.capital_type, m.origin_year, m.amount_dong AS amount,
         t.number || ' ngày ' || substr(t.doc_date, 9, 2) || '/' || substr(t.doc_date, 6, 2) || '/' || substr(t.doc_date, 1, 4) AS ref
       FROM assignment_movement m JOIN content_transfer t ON t.id = m.transfer_id WHERE m.year = ? ORDER BY m.id`,
    )
    .all(year) as (GroupedAmount & { ref: string })[];
  for (const m of moved) {
    const target = cell(m.component_id, m.source_code, m.capital_type, m.origin_year);
    target.transferred += m.amount;
    if (!target.transfers.includes(m.ref)) target.transfers.push(m.ref);
  }
  for (const k of options.issued ?? foldIssued(db, year, options.asOf)) cell(k.component_id, k.source_code, k.capital_type, k.origin_year).allocated += k.amount;
  // An HĐND adjustment re-plans as it allocates: what it moves between programs or capital types moves the ceiling too.
  const replans = db
    .prepare(
      `SELECT l.component_id, l.source_code, l.capital_type, l.origin_year, SUM(l.amount_dong) AS amount
       FROM decision_line l JOIN decision d ON d.id = l.decision_id
       WHERE d.year = ? AND d.status = 'issued' AND d.issuer = 'HDND' AND d.kind = 'dieu_chinh' ${options.asOf ? 'AND d.doc_date <= ?' : ''}
       GROUP BY l.component_id, l.source_code, l.capital_type, l.origin_year`,
    )
    .all(...(options.asOf ? [year, options.asOf] : [year])) as GroupedAmount[];
  for (const r of replans) cell(r.component_id, r.source_code, r.capital_type, r.origin_year).replanned += r.amount;
  if (options.draftId !== undefined) {
    const draftRow = db.prepare('SELECT issuer, kind FROM decision WHERE id = ?').get(options.draftId) as { issuer: string; kind: string } | undefined;
    // Only a pilot district's HĐND may re-plan between programs; elsewhere such a draft is refused by rule 10
    // and must not look balanced meanwhile.
    const pilot = db
      .prepare('SELECT 1 FROM pilot_designation p JOIN admin_unit u ON u.code = p.district_code JOIN office o ON o.district_unit_id = u.id')
      .get();
    const replansToo = draftRow?.issuer === 'HDND' && draftRow.kind === 'dieu_chinh' && pilot !== undefined;
    const draft = db
      .prepare(
        `SELECT component_id, source_code, capital_type, origin_year, SUM(amount_dong) AS amount FROM decision_line WHERE decision_id = ?
         GROUP BY component_id, source_code, capital_type, origin_year`,
      )
      .all(options.draftId) as GroupedAmount[];
    for (const d of draft) {
      const target = cell(d.component_id, d.source_code, d.capital_type, d.origin_year);
      target.draft += d.amount;
      if (replansToo) target.replanned += d.amount;
    }
  }
  return { cells, components };
}

const rate = (allocated: number, assigned: number): number | null => (assigned === 0 ? null : allocated / assigned);

/** What a cell's transfers did, in Vietnamese, naming the decisions and the origin year the money keeps. */
function transferNote(c: Cell): string | null {
  if (c.transfers.length === 0) return null;
  const refs = c.transfers.join('; ');
  const how = c.transferred >= 0 ? 'Nhận chuyển' : 'Đã chuyển đi';
  return `${how} theo NQ 257/2025/QH15 Điều 1 khoản 7 điểm b (vốn năm ${c.originYear}): ${refs}`;
}

export function balance(db: Db, year: number, options: { asOf?: string; draftId?: number }): Balance {
  const { cells } = balanceSums(db, year, options);
  const programOrder = new Map(
    (db.prepare("SELECT code, MIN(sort_order) AS o FROM component WHERE level = 'program' GROUP BY code").all() as { code: string; o: number }[]).map((p) => [p.code, p.o]),
  );
  const sourceOrder = new Map((db.prepare('SELECT code, sort_order FROM funding_source').all() as { code: string; sort_order: number }[]).map((s) => [s.code, s.sort_order]));
  const rows: BalanceRow[] = [...cells.values()]
    .filter((c) => c.assigned !== 0 || c.replanned !== 0 || c.transferred !== 0 || c.transfers.length > 0 || c.allocated !== 0 || c.draft !== 0)
    .sort(
      (a, b) =>
        b.originYear - a.originYear ||
        (programOrder.get(a.programCode) ?? 0) - (programOrder.get(b.programCode) ?? 0) ||
        (sourceOrder.get(a.sourceCode) ?? 0) - (sourceOrder.get(b.sourceCode) ?? 0) ||
        a.capitalType.localeCompare(b.capitalType),
    )
    .map((c) => {
      const used = c.allocated + c.draft;
      const plan = c.assigned + c.replanned + c.transferred;
      return {
        originYear: c.originYear,
        programCode: c.programCode,
        programName: c.programName,
        sourceCode: c.sourceCode,
        capitalType: c.capitalType,
        assignedDong: toDong(c.assigned),
        replannedDong: toDong(c.replanned),
        transferredDong: toDong(c.transferred),
        transferNote: transferNote(c),
        allocatedDong: toDong(c.allocated),
        draftDong: toDong(c.draft),
        remainingDong: toDong(plan - used),
        rate: rate(used, plan),
        over: used > plan,
      };
    });
  // Plans never mix money years: each origin year is its own group with its own plan as denominator.
  const years = [...new Set(rows.map((r) => r.originYear))].sort((a, b) => (a === year ? -1 : b === year ? 1 : b - a));
  const groups: BalanceGroup[] = years.map((originYear) => {
    const of = rows.filter((r) => r.originYear === originYear);
    const sum = (pick: (r: BalanceRow) => number) => of.reduce((acc, r) => acc + pick(r), 0);
    const assigned = sum((r) => r.assignedDong);
    const replanned = sum((r) => r.replannedDong);
    // A transfer keeps the origin year on both legs, so within a group it nets to zero; summed anyway.
    const transferred = sum((r) => r.transferredDong);
    const allocated = sum((r) => r.allocatedDong);
    const draft = sum((r) => r.draftDong);
    const carriedOver = originYear !== year;
    const plan = assigned + replanned + transferred;
    const groupRate = rate(allocated + draft, plan);
    return {
      originYear,
      carriedOver,
      label: carriedOver ? `Vốn năm ${originYear} kéo dài sang năm ${year}` : `Vốn năm ${year}`,
      denominatorLabel: carriedOver ? `Kế hoạch vốn năm ${originYear} kéo dài sang năm ${year} (tỉnh giao)` : `Kế hoạch vốn năm ${year} được giao (gồm HĐND cùng cấp điều chỉnh)`,
      assignedDong: toDong(assigned),
      replannedDong: toDong(replanned),
      transferredDong: toDong(transferred),
      allocatedDong: toDong(allocated),
      draftDong: toDong(draft),
      remainingDong: toDong(plan - allocated - draft),
      rate: groupRate,
      rateText: rateText(allocated + draft, plan),
    };
  });
  return {
    year,
    asOf: options.asOf ?? null,
    draftId: options.draftId ?? null,
    rows,
    groups,
    counterpart: counterpartRatio(db, year),
  };
}
