/**
 * The money of the history still to be disbursed for the former communes of a commune office: per former commune ×
 * component × project × source × capital type × origin year, what the district's issued decisions allocated less what
 * it disbursed (never below 0; what was disbursed beyond the allocation is given apart, not netted elsewhere).
 *
 * Disbursement is a cumulative within one plan year (lũy kế), so per plan year and key the latest cut-off up to the
 * date counts — the same package imported twice, or two exports of a year, do not add up — and the plan years add.
 * A package before format 3 carries no disbursement: its keys say so (disbursementKnown false) and open = allocated.
 */
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import type { Db } from '../db/database';

export interface OpenFigure {
  originYear: number;
  periodCode: string;
  programCode: string;
  componentCode: string;
  componentName: string;
  formerUnitCode: string;
  formerUnitName: string;
  projectCode: string | null;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  allocatedDong: number;
  disbursedDong: number;
  /** allocated − disbursed, never below 0. */
  openDong: number;
  /** disbursed − allocated when the district disbursed more than it allocated on the key in the history, else 0. */
  overDisbursedDong: number;
  /** The latest cut-off of the disbursement counted (null: none recorded for the key). */
  disbursedCutoff: string | null;
  /** False when a package that allocated money on this key carried no disbursement (format before 3). */
  disbursementKnown: boolean;
  /** The decisions that allocated it: "number|issuer" as stored. */
  decisionRefs: string[];
}

interface AllocatedRow {
  origin_year: number;
  period_code: string;
  program_code: string;
  component_code: string;
  component_name: string;
  recipient_code: string;
  recipient_name: string;
  project_code: string | null;
  source_code: string;
  capital_type: CapitalTypeCode;
  amount: number;
  known: number;
  decisions: string;
}

interface DisbursedRow {
  origin_year: number;
  period_code: string;
  program_code: string;
  component_code: string;
  component_name: string;
  commune_code: string;
  commune_name: string;
  project_code: string | null;
  source_code: string;
  capital_type: CapitalTypeCode;
  disbursed: number;
  cutoff: string;
}

const keyOf = (r: { origin_year: number; period_code: string; component_code: string; project_code: string | null; source_code: string; capital_type: string }, unit: string) =>
  [r.origin_year, r.period_code, r.component_code, unit, r.project_code ?? '', r.source_code, r.capital_type].join('|');

/** The open money of the former communes that became `successorCode`, with disbursement cut-offs up to `asOf`. */
export function openMoney(db: Db, successorCode: string, asOf: string): OpenFigure[] {
  // The signed changes of every issued decision of the history add up to what is in force per key.
  const allocated = db
    .prepare(
      `SELECT l.origin_year, l.period_code, l.program_code, l.component_code, MAX(l.component_name) AS component_name, l.recipient_code,
         MAX(l.recipient_name) AS recipient_name, l.project_code, l.source_code, l.capital_type,
         SUM(l.amount_dong) AS amount, MIN(p.carries_disbursement) AS known,
         group_concat(DISTINCT d.number || '|' || d.issuer) AS decisions
       FROM history_line l JOIN history_decision d ON d.id = l.decision_id JOIN history_package p ON p.id = d.package_id
       WHERE l.successor_code = ?
       GROUP BY l.origin_year, l.period_code, l.program_code, l.component_code, l.recipient_code, l.project_code, l.source_code, l.capital_type`,
    )
    .all(successorCode) as AllocatedRow[];
  const disbursed = db
    .prepare(
      `SELECT origin_year, period_code, MAX(program_code) AS program_code, component_code, MAX(component_name) AS component_name,
         commune_code, MAX(commune_name) AS commune_name, project_code, source_code, capital_type,
         SUM(cumulative_dong) AS disbursed, MAX(cutoff_date) AS cutoff
       FROM (
         SELECT *, ROW_NUMBER() OVER (
           PARTITION BY plan_year, period_code, component_code, COALESCE(project_code, ''), commune_dataset, commune_code, source_code, capital_type, origin_year
           ORDER BY cutoff_date DESC, package_id DESC) AS rn
         FROM history_disbursement WHERE successor_code = ? AND cutoff_date <= ?)
       WHERE rn = 1
       GROUP BY origin_year, period_code, component_code, commune_code, project_code, source_code, capital_type`,
    )
    .all(successorCode, asOf) as DisbursedRow[];

  const figures = new Map<string, OpenFigure>();
  for (const a of allocated) {
    figures.set(keyOf(a, a.recipient_code), {
      originYear: a.origin_year,
      periodCode: a.period_code,
      programCode: a.program_code,
      componentCode: a.component_code,
      componentName: a.component_name,
      formerUnitCode: a.recipient_code,
      formerUnitName: a.recipient_name,
      projectCode: a.project_code,
      sourceCode: a.source_code,
      capitalType: a.capital_type,
      allocatedDong: a.amount,
      disbursedDong: 0,
      openDong: 0,
      overDisbursedDong: 0,
      disbursedCutoff: null,
      disbursementKnown: a.known === 1,
      decisionRefs: a.decisions.split(','),
    });
  }
  for (const d of disbursed) {
    const key = keyOf(d, d.commune_code);
    const f = figures.get(key);
    if (f) {
      f.disbursedDong = d.disbursed;
      f.disbursedCutoff = d.cutoff;
      continue;
    }
    // Disbursed on a key the history allocated nothing on (money of an earlier year's package, say): listed, not lost.
    figures.set(key, {
      originYear: d.origin_year,
      periodCode: d.period_code,
      programCode: d.program_code,
      componentCode: d.component_code,
      componentName: d.component_name,
      formerUnitCode: d.commune_code,
      formerUnitName: d.commune_name,
      projectCode: d.project_code,
      sourceCode: d.source_code,
      capitalType: d.capital_type,
      allocatedDong: 0,
      disbursedDong: d.disbursed,
      openDong: 0,
      overDisbursedDong: 0,
      disbursedCutoff: d.cutoff,
      disbursementKnown: true,
      decisionRefs: [],
    });
  }
  const rows = [...figures.values()].filter((f) => f.allocatedDong > 0 || f.disbursedDong > 0);
  for (const f of rows) {
    const allocated = Math.max(0, f.allocatedDong);
    f.openDong = Math.max(0, allocated - f.disbursedDong);
    f.overDisbursedDong = Math.max(0, f.disbursedDong - allocated);
  }
  return rows.sort(
    (a, b) => a.originYear - b.originYear || a.programCode.localeCompare(b.programCode) || a.componentCode.localeCompare(b.componentCode) || a.formerUnitCode.localeCompare(b.formerUnitCode) || (a.projectCode ?? '').localeCompare(b.projectCode ?? '') || a.sourceCode.localeCompare(b.sourceCode) || a.capitalType.localeCompare(b.capitalType),
  );
}
