/**
 * Everything the rules need about one draft, loaded in a handful of queries, so the checks themselves
 * are pure functions over maps (fast on a 5,000-line draft, easy to test one by one).
 */
import type { DecisionIssuer, DecisionKind } from '../../../shared/api/decisions';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { documentNumberText } from '../../../shared/domain/documents';
import type { Db } from '../db/database';
import { draftDate } from '../decisions/lines';
import { getLineRecords } from '../decisions/store';
import type { DecisionRow } from '../decisions/rows';
import { balanceSums, ceilingKey } from '../ledger/balance';
import { foldIssued, lineKey, type KeyAmount } from '../ledger/fold';
import { requireOffice } from '../office/office';
import type { ComponentInfo } from '../reference/catalog';
import type { OfficeLevelCode } from '../../../shared/domain/office-level';
import { movedKeyId, movedKeys, type MovedKey } from '../transfers/movements';
import { rulesValidOn, type RuleDefinition } from './definitions';

export interface FactLine {
  id: number;
  position: number;
  component: ComponentInfo;
  unitId: number | null;
  orgId: number | null;
  projectId: number | null;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  amount: number;
  before: number | null;
  reasonCode: string | null;
  note: string;
  key: string;
  ceilingKey: string;
}

/** A line of an issued decision still in force that names a project or a content (rule 26 compares the draft with it). */
export interface FundedLine {
  decision: string;
  position: number;
  programCode: string;
  componentCode: string;
  unitId: number | null;
  orgId: number | null;
  projectId: number | null;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  note: string;
}

export interface Ceiling {
  programName: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  /** Assigned by the province plus HĐND re-plans (issued ones and this draft's when it is one) plus khoản 7 điểm b transfers. */
  plan: number;
  /** Issued decisions of the year, whatever their date. */
  allocated: number;
  draft: number;
}

export interface PilotFact {
  districtCode: string;
  provinceCode: string;
  basis: string;
  designatedOn: string;
  windowEnd: string;
}

export interface UnitFact {
  name: string;
  validFrom: string | null;
  validTo: string | null;
  successors: string;
}

export interface DraftFacts {
  /** `dated`: the draft carries its own date; otherwise `date` is today's and the rules judge it as issued today. */
  decision: { id: number; year: number; kind: DecisionKind; issuer: DecisionIssuer; date: string; dated: boolean; declaredTotal: number | null };
  /** `level`: 'huyen' (a district office, until 30/06/2025) or 'xa' (a commune/ward office, from `levelValidFrom`). */
  office: { districtCode: string; districtName: string; provinceCode: string; level: OfficeLevelCode; levelValidFrom: string | null };
  lines: FactLine[];
  components: Map<number, ComponentInfo>;
  /** Amount in force per line key on the decision's date (issued decisions only). */
  inForce: Map<string, number>;
  /** The same, as entries. */
  inForceEntries: KeyAmount[];
  /**
   * For keys the draft decreases: the lowest point the decisions issued after the draft's date take the key
   * to, relative to the amount in force on that date (a back-dated decrease must not sink a later one).
   */
  laterDips: Map<string, { dip: number; decision: string; date: string }>;
  ceilings: Map<string, Ceiling>;
  /**
   * Component keys (component × source × capital type × origin year, `movedKeyId`) that recorded khoản 7 điểm b
   * transfers gave from or gave to, with what the issued decisions of the year allocated on each: rule 5 holds
   * each to assigned + moved, rule 15 accepts 2021–2025 origin years on a 2026–2035 content that received money.
   */
  movedKeys: Map<string, MovedKey & { allocatedDong: number }>;
  pilots: PilotFact[];
  delegationsForYear: { basisNumber: string; basisDate: string }[];
  /** Targets per component id for the year. */
  targets: Map<number, { total: number; complete: number }>;
  units: Map<number, UnitFact>;
  orgs: Map<number, UnitFact>;
  allocationDeadline: string | null;
  sources: Map<string, { name: string; validFrom: string | null; validTo: string | null }>;
  /** Issued lines in force of the draft's money years that name a project or a content (rule 26). */
  fundedElsewhere: FundedLine[];
  /** Projects the draft or those lines name. */
  projects: Map<number, { code: string; name: string }>;
  /** Names of the recipients those lines and the draft name (units and organizations), for the messages. */
  recipientNames: Map<string, string>;
  rules: Map<number, RuleDefinition>;
}

export function loadDraftFacts(db: Db, row: DecisionRow, now: string): DraftFacts {
  const office = requireOffice(db);
  const date = draftDate(row, now);
  const issued = foldIssued(db, row.year);
  const sums = balanceSums(db, row.year, { draftId: row.id, issued });
  const components = sums.components;
  const ceilings = new Map<string, Ceiling>();
  for (const [key, c] of sums.cells) {
    ceilings.set(key, {
      programName: c.programName,
      sourceCode: c.sourceCode,
      capitalType: c.capitalType,
      originYear: c.originYear,
      // Money moved by recorded khoản 7 điểm b transfers moves the ceiling with it (out of the 2021–2025 program, into the 2026–2035 one).
      plan: c.assigned + c.replanned + c.transferred,
      allocated: c.allocated,
      draft: c.draft,
    });
  }
  const moved = new Map([...movedKeys(db, row.year)].map(([id, k]) => [id, { ...k, allocatedDong: 0 }]));
  if (moved.size > 0) {
    for (const k of issued) {
      const found = moved.get(movedKeyId({ componentId: k.component_id, sourceCode: k.source_code, capitalType: k.capital_type, originYear: k.origin_year }));
      if (found) found.allocatedDong += k.amount;
    }
  }
  const lines: FactLine[] = getLineRecords(db, row.id).map((l) => {
    const component = components.get(l.component_id)!;
    return {
      id: l.id,
      position: l.position,
      component,
      unitId: l.recipient_unit_id,
      orgId: l.recipient_org_id,
      projectId: l.project_id,
      sourceCode: l.source_code,
      capitalType: l.capital_type,
      originYear: l.origin_year,
      amount: l.amount_dong,
      before: l.before_dong,
      reasonCode: l.reason_code,
      note: l.note,
      key: lineKey(l),
      ceilingKey: ceilingKey({ originYear: l.origin_year, programCode: component.programCode, sourceCode: l.source_code, capitalType: l.capital_type }),
    };
  });
  const pilots = db
    .prepare(
      `SELECT d.district_code AS districtCode, u.parent_code AS provinceCode, d.basis, d.designated_on AS designatedOn, d.window_end AS windowEnd
       FROM pilot_designation d JOIN admin_unit u ON u.dataset = '2024-11' AND u.code = d.district_code`,
    )
    .all() as PilotFact[];
  const delegationsForYear = db
    .prepare('SELECT basis_number AS basisNumber, basis_date AS basisDate FROM delegation WHERE ? BETWEEN first_year AND last_year AND basis_date <= ?')
    .all(row.year, date) as DraftFacts['delegationsForYear'];
  const targets = new Map(
    (
      db
        .prepare('SELECT component_id AS id, COUNT(*) AS total, SUM(complete) AS complete FROM component_target WHERE year = ? GROUP BY component_id')
        .all(row.year) as { id: number; total: number; complete: number }[]
    ).map((t) => [t.id, { total: t.total, complete: t.complete }]),
  );
  const unitIds = [...new Set(lines.map((l) => l.unitId).filter((id): id is number => id !== null))];
  const units = new Map<number, UnitFact>();
  if (unitIds.length) {
    const rows = db
      .prepare(
        `SELECT u.id, u.name_vi AS name, u.valid_from AS validFrom, u.valid_to AS validTo,
           (SELECT group_concat(s.successor_name || ' (' || s.basis || ')', '; ') FROM admin_unit_successor s
            WHERE s.unit_id = u.id AND s.effective_date <= ?) AS successors
         FROM admin_unit u WHERE u.id IN (${unitIds.join(',')})`,
      )
      .all(date) as ({ id: number } & UnitFact)[];
    for (const u of rows) units.set(u.id, { ...u, successors: u.successors ?? '' });
  }
  const orgIds = [...new Set(lines.map((l) => l.orgId).filter((id): id is number => id !== null))];
  const orgs = new Map<number, UnitFact>();
  if (orgIds.length) {
    const rows = db.prepare(`SELECT id, name, valid_from AS validFrom, valid_to AS validTo FROM organization WHERE id IN (${orgIds.join(',')})`).all() as ({
      id: number;
    } & Omit<UnitFact, 'successors'>)[];
    for (const o of rows) orgs.set(o.id, { ...o, successors: '' });
  }
  const inForceEntries = foldIssued(db, row.year, date, issued);
  const laterDips = loadLaterDips(db, row.year, date, lines);
  const inForce = new Map(inForceEntries.map((k) => [lineKey(k), k.amount]));
  const funded = loadFundedElsewhere(db, row, lines, components, inForce);
  const setting = db.prepare('SELECT allocation_deadline FROM year_setting WHERE year = ?').get(row.year) as { allocation_deadline: string | null } | undefined;
  return {
    decision: { id: row.id, year: row.year, kind: row.kind, issuer: row.issuer, date, dated: row.doc_date !== null, declaredTotal: row.declared_total_dong },
    office: { districtCode: office.districtCode, districtName: office.districtName, provinceCode: office.provinceCode, level: office.level, levelValidFrom: office.levelValidFrom },
    lines,
    components,
    inForce,
    inForceEntries,
    laterDips,
    ceilings,
    movedKeys: moved,
    pilots,
    delegationsForYear,
    targets,
    units,
    orgs,
    allocationDeadline: setting?.allocation_deadline ?? null,
    sources: new Map(
      (db.prepare('SELECT code, name_vi AS name, valid_from AS validFrom, valid_to AS validTo FROM funding_source').all() as { code: string; name: string; validFrom: string | null; validTo: string | null }[]).map(
        (r) => [r.code, r],
      ),
    ),
    ...funded,
    rules: rulesValidOn(db, date),
  };
}

/**
 * Rule 26's facts: the issued lines of the draft's money years still in force that name a project or a content, the
 * projects and the recipients' names. Lines naming neither cannot be matched, so they are not loaded.
 */
function loadFundedElsewhere(
  db: Db,
  row: DecisionRow,
  lines: FactLine[],
  components: Map<number, ComponentInfo>,
  inForce: Map<string, number>,
): Pick<DraftFacts, 'fundedElsewhere' | 'projects' | 'recipientNames'> {
  const years = [...new Set(lines.filter((l) => l.amount > 0).map((l) => l.originYear))];
  const fundedElsewhere: FundedLine[] = [];
  if (years.length) {
    const rows = db
      .prepare(
        `SELECT l.component_id, l.recipient_unit_id, l.recipient_org_id, l.project_id, l.source_code, l.capital_type, l.origin_year, l.position, l.note,
           d.number, d.issuer
         FROM decision_line l JOIN decision d ON d.id = l.decision_id
         WHERE d.year = ? AND d.status = 'issued' AND d.id <> ? AND l.amount_dong > 0 AND l.origin_year IN (${years.join(',')})
           AND (l.project_id IS NOT NULL OR l.note <> '')`,
      )
      .all(row.year, row.id) as (KeyAmount & { position: number; note: string; number: number; issuer: DecisionIssuer })[];
    const seen = new Set<string>();
    for (const r of rows) {
      const key = lineKey(r);
      if ((inForce.get(key) ?? 0) <= 0 || seen.has(`${key}|${r.note}`)) continue;
      seen.add(`${key}|${r.note}`);
      const c = components.get(r.component_id);
      if (!c) continue;
      fundedElsewhere.push({
        decision: documentNumberText(r.number, r.issuer),
        position: r.position,
        programCode: c.programCode,
        componentCode: c.code,
        unitId: r.recipient_unit_id,
        orgId: r.recipient_org_id,
        projectId: r.project_id,
        sourceCode: r.source_code,
        capitalType: r.capital_type,
        originYear: r.origin_year,
        note: r.note,
      });
    }
  }
  const projectIds = [...new Set([...lines, ...fundedElsewhere].map((l) => l.projectId).filter((id): id is number => id !== null))];
  const projects = new Map<number, { code: string; name: string }>();
  if (projectIds.length) {
    for (const p of db.prepare(`SELECT id, code, name FROM investment_project WHERE id IN (${projectIds.join(',')})`).all() as { id: number; code: string; name: string }[]) {
      projects.set(p.id, { code: p.code, name: p.name });
    }
  }
  const recipientNames = new Map<string, string>();
  const unitIds = [...new Set([...lines, ...fundedElsewhere].map((l) => l.unitId).filter((id): id is number => id !== null))];
  if (unitIds.length) for (const u of db.prepare(`SELECT id, name_vi AS name FROM admin_unit WHERE id IN (${unitIds.join(',')})`).all() as { id: number; name: string }[]) recipientNames.set(`u${u.id}`, u.name);
  const orgIds = [...new Set([...lines, ...fundedElsewhere].map((l) => l.orgId).filter((id): id is number => id !== null))];
  if (orgIds.length) for (const o of db.prepare(`SELECT id, name FROM organization WHERE id IN (${orgIds.join(',')})`).all() as { id: number; name: string }[]) recipientNames.set(`o${o.id}`, o.name);
  return { fundedElsewhere, projects, recipientNames };
}

function loadLaterDips(db: Db, year: number, date: string, lines: FactLine[]): DraftFacts['laterDips'] {
  const net = new Map<string, number>();
  for (const l of lines) net.set(l.key, (net.get(l.key) ?? 0) + l.amount);
  const decreasing = new Set([...net].filter(([, v]) => v < 0).map(([k]) => k));
  const dips: DraftFacts['laterDips'] = new Map();
  if (decreasing.size === 0) return dips;
  const componentIds = [...new Set(lines.filter((l) => decreasing.has(l.key)).map((l) => l.component.id))];
  const rows = db
    .prepare(
      `SELECT l.component_id, l.recipient_unit_id, l.recipient_org_id, l.project_id, l.source_code, l.capital_type, l.origin_year,
         l.amount_dong AS amount, d.doc_date, d.number, d.issuer
       FROM decision d JOIN decision_line l ON l.decision_id = d.id
       WHERE d.year = ? AND d.status = 'issued' AND d.doc_date > ? AND l.component_id IN (${componentIds.join(',')})
       ORDER BY d.doc_date, d.id`,
    )
    .all(year, date) as (KeyAmount & { doc_date: string; number: number; issuer: DecisionIssuer })[];
  const running = new Map<string, number>();
  for (const r of rows) {
    const key = lineKey(r);
    if (!decreasing.has(key)) continue;
    const value = (running.get(key) ?? 0) + r.amount;
    running.set(key, value);
    if (value < (dips.get(key)?.dip ?? 0)) dips.set(key, { dip: value, decision: documentNumberText(r.number, r.issuer), date: r.doc_date });
  }
  return dips;
}
