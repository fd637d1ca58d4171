/**
 * The money of a year split by program period (issue 21, point 7): the 2021–2025 programs' money (carried over,
 * extended to 31/12/2026 by NQ 257/2025/QH15) and the 2026–2035 program's money side by side. Each period, and
 * within it each origin year, has its own plan and its own rate; nothing here adds two periods into one rate.
 */
import type { BalanceRow } from '../../../shared/api/ledger';
import type { PeriodFigure, PeriodGroup, ProgressRow } from '../../../shared/api/disbursement';
import { rateText, rateValue } from '../../../shared/format/rate';
import { formatAmount, toDong } from '../../../shared/money/dong';
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

/** A balance key without its origin year: program × source × capital type. */
export const moneyKey = (r: { programCode: string; sourceCode: string; capitalType: string }) => `${r.programCode}|${r.sourceCode}|${r.capitalType}`;

/**
 * The origin year's own allocation of some keys (assigned and allocated in that year's book, its own money), or null
 * when the book holds no assignment of that year for them (the money came from elsewhere: another office's book).
 */
export type OriginAllocation = (originYear: number, keys: ReadonlySet<string>) => { assigned: number; allocated: number } | null;

const trieu = (v: number) => `${formatAmount(toDong(v), 'trieu', { maxDecimals: 3 })} triệu đồng`;

interface Slot {
  assigned: number;
  allocated: number;
  plan: number;
  disbursed: number;
  denominator: string | null;
  keys: Set<string>;
}

/**
 * The allocation rate of one origin year's money in the year. The year's own money and carried-over money that a
 * decision of the year re-allocates: allocated ÷ assigned in the year. Carried-over money no decision of the year
 * re-allocates was allocated in its origin year's decisions (that is why it could be carried over): its rate is the
 * origin year's, or "—" with the reason when the book does not hold that year — a 0,0% would say it was never allocated.
 */
function allocationOf(year: number, originYear: number, s: Slot, origin: OriginAllocation): Pick<PeriodGroup, 'allocationRate' | 'allocationRateText' | 'allocationBasis'> {
  const inYear = (basis: string) => ({ allocationRate: rateValue(s.allocated, s.assigned), allocationRateText: rateText(s.allocated, s.assigned), allocationBasis: basis });
  if (originYear >= year) return inYear(`Đã phân bổ ${trieu(s.allocated)} ÷ vốn năm ${year} được giao ${trieu(s.assigned)} (các quyết định năm ${year}).`);
  if (s.allocated !== 0 || s.assigned === 0) return inYear(`Đã phân bổ lại trong các quyết định năm ${year}: ${trieu(s.allocated)} ÷ vốn năm ${originYear} kéo dài ${trieu(s.assigned)}.`);
  const traced = origin(originYear, s.keys);
  if (traced === null || traced.assigned === 0) {
    return {
      allocationRate: null,
      allocationRateText: '—',
      allocationBasis: `Vốn năm ${originYear} được phân bổ trong các quyết định năm ${originYear}, nhưng sổ này không có số vốn được giao năm ${originYear} của cùng chương trình, nguồn, loại vốn (vốn chuyển từ sổ khác), nên không tính được tỷ lệ phân bổ; chưa có quyết định năm ${year} nào phân bổ lại số vốn này.`,
    };
  }
  return {
    allocationRate: rateValue(traced.allocated, traced.assigned),
    allocationRateText: rateText(traced.allocated, traced.assigned),
    allocationBasis: `Tỷ lệ phân bổ trong năm ${originYear}: đã phân bổ ${trieu(traced.allocated)} ÷ vốn năm ${originYear} được giao ${trieu(traced.assigned)} (cùng chương trình, nguồn, loại vốn; các quyết định năm ${originYear}); chưa có quyết định năm ${year} nào phân bổ lại số vốn kéo dài.`,
  };
}

/**
 * Per period present in the year's balance or disbursement: one group per origin year (the year's own money, each
 * earlier year's carried over), assigned vs allocated and plan vs disbursed, each with its rate.
 */
export function periodSplit(
  year: number,
  balanceRows: BalanceRow[],
  progressRows: ProgressRow[],
  catalog: { periods: ProgramPeriod[]; periodOf: Map<string, string> },
  origin: OriginAllocation = () => null,
): PeriodFigure[] {
  const slots = new Map<string, Slot>();
  const slot = (period: string, originYear: number) => {
    const key = `${period}|${originYear}`;
    let s = slots.get(key);
    if (!s) slots.set(key, (s = { assigned: 0, allocated: 0, plan: 0, disbursed: 0, denominator: null, keys: new Set() }));
    return s;
  };
  const periodOf = (program: string) => catalog.periodOf.get(program) ?? '?';
  for (const r of balanceRows) {
    const s = slot(periodOf(r.programCode), r.originYear);
    s.assigned += r.assignedDong + r.replannedDong;
    s.allocated += r.allocatedDong;
    s.keys.add(moneyKey(r));
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
          ...allocationOf(year, originYear, s, origin),
          disbursement: figure(s.plan, s.disbursed),
          denominatorLabel: s.denominator ?? (originYear < year ? `Kế hoạch vốn năm ${originYear} kéo dài` : `Kế hoạch năm ${year}`),
        }));
      return { periodCode: p.code, periodName: p.name, firstYear: p.firstYear, lastYear: p.lastYear, groups };
    })
    .filter((p) => p.groups.length > 0);
}
