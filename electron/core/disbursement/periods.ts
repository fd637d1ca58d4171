/**
 * The money of a year split by program period (issue 21, point 7): the 2021–2025 programs' money (carried over,
 * extended to 31/12/2026 by NQ 257/2025/QH15) and the 2026–2035 program's money side by side. Each period, and
 * within it each origin year, has its own plan and its own rate; nothing here adds two periods into one rate.
 */
import type { BalanceRow } from '../../../shared/api/ledger';
import type { PeriodFigure, PeriodGroup, ProgressRow } from '../../../shared/api/disbursement';
import { rateText, rateValue } from '../../../shared/format/rate';
import { toDong } from '../../../shared/money/dong';
import type { Db } from '../db/database';
import { figure } from './figures';

export interface ProgramPeriod {
  code: string;
  name: string;
  firstYear: number;
  lastYear: number;
}

/** Every program's period, from the catalog (program codes are the period's own). */
export function programPeriods(db: Db): { periods: ProgramPeriod[]; periodOf: Map<string, string> } {
  const periods = db.prepare('SELECT code, name_vi AS name, first_year AS firstYear, last_year AS lastYear FROM program_period ORDER BY first_year').all() as ProgramPeriod[];
  const rows = db.prepare("SELECT DISTINCT program_code AS program, period_code AS period FROM component").all() as { program: string; period: string }[];
  return { periods, periodOf: new Map(rows.map((r) => [r.program, r.period])) };
}

/**
 * Per period present in the year's balance or disbursement: one group per origin year (the year's own money, each
 * earlier year's carried over), assigned vs allocated and plan vs disbursed, each with its rate.
 */
export function periodSplit(year: number, balanceRows: BalanceRow[], progressRows: ProgressRow[], catalog: { periods: ProgramPeriod[]; periodOf: Map<string, string> }): PeriodFigure[] {
  const slots = new Map<string, { assigned: number; allocated: number; plan: number; disbursed: number; denominator: string | null }>();
  const slot = (period: string, originYear: number) => {
    const key = `${period}|${originYear}`;
    let s = slots.get(key);
    if (!s) slots.set(key, (s = { assigned: 0, allocated: 0, plan: 0, disbursed: 0, denominator: null }));
    return s;
  };
  const periodOf = (program: string) => catalog.periodOf.get(program) ?? '?';
  for (const r of balanceRows) {
    const s = slot(periodOf(r.programCode), r.originYear);
    s.assigned += r.assignedDong + r.replannedDong;
    s.allocated += r.allocatedDong;
  }
  // The whole-year plan (ca_nam) for the year's own money, the extended plan (keo_dai) for earlier years': one row each.
  for (const r of progressRows) {
    if (r.denominator.kind === 'ttg') continue;
    const s = slot(periodOf(r.programCode), r.originYear);
    s.plan += r.planDong;
    s.disbursed += r.disbursedDong;
    s.denominator = r.denominator.label;
  }
  const known = [...catalog.periods, { code: '?', name: 'Chương trình không rõ giai đoạn', firstYear: 0, lastYear: 0 }];
  return known
    .map<PeriodFigure>((p) => {
      const groups = [...slots.entries()]
        .filter(([key]) => key.startsWith(`${p.code}|`))
        .map(([key, s]) => ({ originYear: Number(key.slice(p.code.length + 1)), s }))
        .filter(({ s }) => s.assigned !== 0 || s.allocated !== 0 || s.plan !== 0 || s.disbursed !== 0)
        .sort((a, b) => b.originYear - a.originYear)
        .map<PeriodGroup>(({ originYear, s }) => ({
          originYear,
          carriedOver: originYear < year,
          label: originYear < year ? `Vốn năm ${originYear} kéo dài sang năm ${year}` : `Vốn năm ${year}`,
          assignedDong: toDong(s.assigned),
          allocatedDong: toDong(s.allocated),
          allocationRate: rateValue(s.allocated, s.assigned),
          allocationRateText: rateText(s.allocated, s.assigned),
          disbursement: figure(s.plan, s.disbursed),
          denominatorLabel: s.denominator ?? (originYear < year ? `Kế hoạch vốn năm ${originYear} kéo dài` : `Kế hoạch năm ${year}`),
        }));
      return { periodCode: p.code, periodName: p.name, firstYear: p.firstYear, lastYear: p.lastYear, groups };
    })
    .filter((p) => p.groups.length > 0);
}
