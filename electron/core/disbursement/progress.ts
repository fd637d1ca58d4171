/**
 * Progress: disbursed against plan per program × capital type × source × origin year, and totals under each
 * named denominator (rule 12): the Prime Minister's NSTW plan of the year, the whole-year plan with local
 * additions, and the extended plan of each earlier origin year.
 */
import type { Denominator, Progress, ProgressRow, ProgressTotal } from '../../../shared/api/disbursement';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import type { Db } from '../db/database';
import { balanceSums, ceilingKey } from '../ledger/balance';
import { namedDenominator, figure, latestEntries, type LatestEntry } from './figures';

export interface CeilingFigure {
  originYear: number;
  programCode: string;
  programName: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  assigned: number;
  replanned: number;
  /** Net money moved by khoản 7 điểm b transfers (NQ 257/2025/QH15 Điều 1), under its origin year. */
  transferred: number;
  disbursed: number;
}

/** Plan (assigned, re-planned) and disbursed per origin year × program × source × capital type, as of a date. */
/** The plan a figure's disbursement is measured against: assigned, HĐND re-plans and khoản 7 điểm b transfers. */
export const planOfFigure = (f: CeilingFigure): number => f.assigned + f.replanned + f.transferred;

export function ceilingFigures(db: Db, year: number, asOf: string, latest: LatestEntry[] = latestEntries(db, year, asOf)): CeilingFigure[] {
  const { cells, components } = balanceSums(db, year, { asOf });
  const out = new Map<string, CeilingFigure>();
  for (const [key, c] of cells) {
    out.set(key, { originYear: c.originYear, programCode: c.programCode, programName: c.programName, sourceCode: c.sourceCode, capitalType: c.capitalType, assigned: c.assigned, replanned: c.replanned, transferred: c.transferred, disbursed: 0 });
  }
  for (const e of latest) {
    const comp = components.get(e.component_id)!;
    const key = ceilingKey({ originYear: e.origin_year, programCode: comp.programCode, sourceCode: e.source_code, capitalType: e.capital_type });
    let f = out.get(key);
    if (!f) {
      f = { originYear: e.origin_year, programCode: comp.programCode, programName: comp.programName, sourceCode: e.source_code, capitalType: e.capital_type, assigned: 0, replanned: 0, transferred: 0, disbursed: 0 };
      out.set(key, f);
    }
    f.disbursed += e.cumulative_dong;
  }
  return [...out.values()];
}

export function programOrder(db: Db): Map<string, number> {
  return new Map((db.prepare("SELECT code, MIN(sort_order) AS o FROM component WHERE level = 'program' GROUP BY code").all() as { code: string; o: number }[]).map((p) => [p.code, p.o]));
}

function sourceOrder(db: Db): Map<string, number> {
  return new Map((db.prepare('SELECT code, sort_order FROM funding_source').all() as { code: string; sort_order: number }[]).map((s) => [s.code, s.sort_order]));
}

/** Which denominator a figure counts under, and with what plan; null when it does not count. */
type Measure = { denominator: Denominator; plan: (f: CeilingFigure) => number; includes: (f: CeilingFigure) => boolean };

function measures(year: number, originYears: number[]): Measure[] {
  return [
    { denominator: namedDenominator('ttg', year), plan: (f) => f.assigned, includes: (f) => f.originYear === year && f.sourceCode === 'NSTW' },
    { denominator: namedDenominator('ca_nam', year), plan: (f) => f.assigned + f.replanned, includes: (f) => f.originYear === year },
    ...originYears
      .filter((y) => y < year)
      .sort((a, b) => b - a)
      .map((y) => ({ denominator: namedDenominator('keo_dai', y), plan: planOfFigure, includes: (f: CeilingFigure) => f.originYear === y })),
  ];
}

function totalsOf(figures: CeilingFigure[], measure: Measure, programNames: Map<string, string>, programs: string[]): ProgressTotal[] {
  const counted = figures.filter(measure.includes);
  const total = (pick: (f: CeilingFigure) => boolean, programCode: string | null, capitalType: CapitalTypeCode | null): ProgressTotal => {
    const chosen = counted.filter(pick);
    const plan = chosen.reduce((a, f) => a + measure.plan(f), 0);
    const disbursed = chosen.reduce((a, f) => a + f.disbursed, 0);
    return { ...figure(plan, disbursed), denominator: measure.denominator, programCode, programName: programCode ? (programNames.get(programCode) ?? programCode) : 'Tổng số', capitalType };
  };
  const capitals: CapitalTypeCode[] = ['DTPT', 'SN'];
  const out = [total(() => true, null, null), ...capitals.filter((t) => counted.some((f) => f.capitalType === t)).map((t) => total((f) => f.capitalType === t, null, t))];
  for (const p of programs) {
    if (!counted.some((f) => f.programCode === p)) continue;
    out.push(total((f) => f.programCode === p, p, null));
    for (const t of capitals) if (counted.some((f) => f.programCode === p && f.capitalType === t)) out.push(total((f) => f.programCode === p && f.capitalType === t, p, t));
  }
  return out;
}

export function progress(db: Db, year: number, asOf: string, latest?: LatestEntry[]): Progress {
  const figures = ceilingFigures(db, year, asOf, latest).filter((f) => planOfFigure(f) !== 0 || f.disbursed !== 0);
  const pOrder = programOrder(db);
  const sOrder = sourceOrder(db);
  figures.sort(
    (a, b) =>
      b.originYear - a.originYear ||
      (pOrder.get(a.programCode) ?? 0) - (pOrder.get(b.programCode) ?? 0) ||
      a.capitalType.localeCompare(b.capitalType) ||
      (sOrder.get(a.sourceCode) ?? 0) - (sOrder.get(b.sourceCode) ?? 0),
  );
  const rows: ProgressRow[] = figures.map((f) => ({
    ...figure(planOfFigure(f), f.disbursed),
    programCode: f.programCode,
    programName: f.programName,
    capitalType: f.capitalType,
    sourceCode: f.sourceCode,
    originYear: f.originYear,
    denominator: namedDenominator(f.originYear === year ? 'ca_nam' : 'keo_dai', f.originYear),
  }));
  const programNames = new Map(figures.map((f) => [f.programCode, f.programName]));
  const programs = [...programNames.keys()].sort((a, b) => (pOrder.get(a) ?? 0) - (pOrder.get(b) ?? 0));
  const totals = measures(year, [...new Set(figures.map((f) => f.originYear))]).flatMap((m) => totalsOf(figures, m, programNames, programs));
  return { year, asOf, rows, totals };
}
