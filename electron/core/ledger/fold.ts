/**
 * The plan in force is derived, never stored: the fold (sum of changes) of the issued decisions of a year
 * up to a date, at the finest key, then grouped by whatever dimensions the caller asks for.
 */
import type { PlanDimension, PlanInForce, PlanRow } from '../../../shared/api/ledger';
import type { Recipient } from '../../../shared/api/registers';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { toDong } from '../../../shared/money/dong';
import type { Db } from '../db/database';
import { recipientOf } from '../decisions/store';
import { componentIndex } from '../reference/catalog';

/** The finest key of the ledger: what one line of a decision changes. */
export interface LineKeyParts {
  component_id: number;
  recipient_unit_id: number | null;
  recipient_org_id: number | null;
  project_id: number | null;
  source_code: string;
  capital_type: CapitalTypeCode;
  origin_year: number;
}

export interface KeyAmount extends LineKeyParts {
  amount: number;
}

export function lineKey(k: LineKeyParts): string {
  return `${k.component_id}|${k.recipient_unit_id ?? ''}|${k.recipient_org_id ?? ''}|${k.project_id ?? ''}|${k.source_code}|${k.capital_type}|${k.origin_year}`;
}

const KEY_COLUMNS = 'component_id, recipient_unit_id, recipient_org_id, project_id, source_code, capital_type, origin_year';

/** The plain fold: one GROUP BY over the lines of the issued decisions of a year, up to a date when given. */
export function foldIssuedByQuery(db: Db, year: number, asOf?: string, after = false): KeyAmount[] {
  return db
    .prepare(
      `SELECT l.component_id, l.recipient_unit_id, l.recipient_org_id, l.project_id, l.source_code, l.capital_type, l.origin_year,
         SUM(l.amount_dong) AS amount
       FROM decision_line l JOIN decision d ON d.id = l.decision_id
       WHERE d.year = ? AND d.status = 'issued' ${asOf ? `AND d.doc_date ${after ? '>' : '<='} ?` : ''}
       GROUP BY ${KEY_COLUMNS.split(', ').map((c) => `l.${c}`).join(', ')}`,
    )
    .all(...(asOf ? [year, asOf] : [year])) as KeyAmount[];
}

/** The fold of every issued decision of the year, as the issue trigger keeps it in ledger_fold. */
function foldSnapshot(db: Db, year: number): KeyAmount[] {
  return db
    .prepare(
      `SELECT component_id, NULLIF(recipient_unit_id, 0) AS recipient_unit_id, NULLIF(recipient_org_id, 0) AS recipient_org_id,
         NULLIF(project_id, 0) AS project_id, source_code, capital_type, origin_year, amount_dong AS amount
       FROM ledger_fold WHERE year = ?`,
    )
    .all(year) as KeyAmount[];
}

/**
 * Sums of the issued decisions of a year per finest key, up to a date (inclusive) or all of them (pass the
 * all-of-them fold as `snapshot` when already read, it is not modified): the
 * snapshot kept at issue; for an earlier date, the snapshot minus the decisions dated after it, or a fresh
 * GROUP BY of those up to it, whichever reads fewer lines.
 */
export function foldIssued(db: Db, year: number, asOf?: string, snapshot?: KeyAmount[]): KeyAmount[] {
  if (!asOf) return snapshot ?? foldSnapshot(db, year);
  const latest = db.prepare("SELECT MAX(doc_date) AS d FROM decision WHERE year = ? AND status = 'issued'").get(year) as { d: string | null };
  if (latest.d === null || latest.d <= asOf) return snapshot ?? foldSnapshot(db, year);
  const counts = db
    .prepare(
      `SELECT COALESCE(SUM(d.doc_date > ?), 0) AS later, COALESCE(SUM(d.doc_date <= ?), 0) AS upTo
       FROM decision d JOIN decision_line l ON l.decision_id = d.id WHERE d.year = ? AND d.status = 'issued'`,
    )
    .get(asOf, asOf, year) as { later: number; upTo: number };
  if (counts.later === 0) return snapshot ?? foldSnapshot(db, year);
  if (counts.later > counts.upTo) return foldIssuedByQuery(db, year, asOf);
  const byKey = new Map((snapshot ?? foldSnapshot(db, year)).map((k) => [lineKey(k), { ...k }]));
  for (const k of foldIssuedByQuery(db, year, asOf, true)) byKey.get(lineKey(k))!.amount -= k.amount;
  return [...byKey.values()];
}

export function inForceMap(db: Db, year: number, asOf?: string): Map<string, number> {
  return new Map(foldIssued(db, year, asOf).map((k) => [lineKey(k), k.amount]));
}

interface Labels {
  recipient(k: LineKeyParts): Recipient;
  project(id: number | null): PlanRow['project'];
}

/** Names of the recipients and projects of ledger keys, read once for the ids they mention. */
export function keyLabels(db: Db, keys: LineKeyParts[]): Labels {
  const unitIds = [...new Set(keys.map((k) => k.recipient_unit_id).filter((id): id is number => id !== null))];
  const orgIds = [...new Set(keys.map((k) => k.recipient_org_id).filter((id): id is number => id !== null))];
  const units = new Map(
    (unitIds.length ? (db.prepare(`SELECT id, code, name_vi, level FROM admin_unit WHERE id IN (${unitIds.join(',')})`).all() as { id: number; code: string; name_vi: string; level: string }[]) : []).map((u) => [u.id, u]),
  );
  const orgs = new Map(
    (orgIds.length ? (db.prepare(`SELECT id, kind, name FROM organization WHERE id IN (${orgIds.join(',')})`).all() as { id: number; kind: 'unit' | 'investor'; name: string }[]) : []).map((o) => [o.id, o]),
  );
  const projects = new Map((db.prepare('SELECT id, code, name FROM investment_project').all() as { id: number; code: string; name: string }[]).map((p) => [p.id, p]));
  return {
    recipient: (k) => {
      const u = k.recipient_unit_id === null ? undefined : units.get(k.recipient_unit_id);
      const o = k.recipient_org_id === null ? undefined : orgs.get(k.recipient_org_id);
      return recipientOf({
        recipient_unit_id: k.recipient_unit_id,
        recipient_org_id: k.recipient_org_id,
        unit_code: u?.code ?? null,
        unit_name: u?.name_vi ?? null,
        unit_level: u?.level ?? null,
        org_kind: o?.kind ?? null,
        org_name: o?.name ?? null,
      });
    },
    project: (id) => (id === null ? null : (projects.get(id) ?? null)),
  };
}

/** The plan in force of a year as of a date, grouped by the dimensions asked for (none = one total row). */
export function planInForce(db: Db, year: number, asOf: string, groupBy: PlanDimension[]): PlanInForce {
  const keys = foldIssued(db, year, asOf);
  const components = componentIndex(db);
  const dims = [...new Set(groupBy)];
  const labels = dims.includes('recipient') || dims.includes('project') ? keyLabels(db, keys) : null;
  const groups = new Map<string, PlanRow>();
  const order = new Map<string, (string | number)[]>();
  let total = 0;
  for (const k of keys) {
    if (k.amount === 0) continue;
    total += k.amount;
    const c = components.get(k.component_id)!;
    const parts: string[] = [];
    const sortKey: (string | number)[] = [];
    const row: PlanRow = { amountDong: toDong(0) };
    for (const dim of dims) {
      switch (dim) {
        case 'program':
          parts.push(c.programCode);
          sortKey.push(c.programSortOrder);
          row.program = { code: c.programCode, name: c.programName };
          break;
        case 'component':
          parts.push(c.code);
          sortKey.push(c.sortOrder);
          row.component = { code: c.code, name: c.name };
          break;
        case 'recipient':
          parts.push(`${k.recipient_unit_id ?? ''}/${k.recipient_org_id ?? ''}`);
          row.recipient = labels!.recipient(k);
          sortKey.push(`${row.recipient.kind === 'district' ? 0 : row.recipient.kind === 'commune' ? 1 : 2}${row.recipient.code ?? row.recipient.name}`);
          break;
        case 'project':
          parts.push(String(k.project_id ?? ''));
          row.project = labels!.project(k.project_id);
          sortKey.push(row.project?.code ?? '');
          break;
        case 'source':
          parts.push(k.source_code);
          sortKey.push(k.source_code === 'NSTW' ? ' ' : k.source_code);
          row.source = k.source_code;
          break;
        case 'capitalType':
          parts.push(k.capital_type);
          sortKey.push(k.capital_type);
          row.capitalType = k.capital_type;
          break;
        case 'originYear':
          parts.push(String(k.origin_year));
          sortKey.push(-k.origin_year);
          row.originYear = k.origin_year;
          break;
      }
    }
    const id = parts.join('|');
    const group = groups.get(id) ?? row;
    group.amountDong = toDong(group.amountDong + k.amount);
    groups.set(id, group);
    order.set(id, sortKey);
  }
  const compare = (a: (string | number)[], b: (string | number)[]): number => {
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
    }
    return 0;
  };
  const rows = [...groups.entries()].sort(([a], [b]) => compare(order.get(a)!, order.get(b)!)).map(([, r]) => r);
  return { year, asOf, groupBy: dims, rows: rows.filter((r) => r.amountDong !== 0), totalDong: toDong(total) };
}
