/**
 * Tổng quan: the figures the leaders are judged on, as of a date — assigned, allocated %, disbursed % by program
 * and capital type, the same period last year, the province's and the nation's averages, pilot vs other
 * districts, per commune, pacing against the target curve — and the alerts that need an officer.
 */
import type { Benchmark, Comparison, CommuneFigure, Dashboard, DashboardAlert, ProgramCapitalFigure, ProgressTotal } from '../../../shared/api/disbursement';
import { BENCHMARK_SCOPE_LABELS } from '../../../shared/api/disbursement';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { formatDateVi } from '../../../shared/format/date';
import { basisPointsText, rateText, rateValue } from '../../../shared/format/rate';
import { formatAmount, toDong } from '../../../shared/money/dong';
import type { Db } from '../db/database';
import { listObstacles } from '../followup/obstacles';
import { balance } from '../ledger/balance';
import { foldIssued } from '../ledger/fold';
import { requireOffice } from '../office/office';
import { deadlines } from './deadlines';
import { figure, latestEntries, type LatestEntry } from './figures';
import { listBenchmarks, pacing } from './pacing';
import { moneyKey, periodSplit, programPeriods, type OriginAllocation } from './periods';
import { progress } from './progress';

const trieu = (v: number) => `${formatAmount(toDong(v), 'trieu', { maxDecimals: 3 })} triệu đồng`;

function overall(totals: ProgressTotal[], kind: 'ttg' | 'ca_nam', year: number): ProgressTotal {
  return (
    totals.find((t) => t.denominator.kind === kind && t.programCode === null && t.capitalType === null) ?? {
      ...figure(0, 0),
      denominator: { kind, originYear: year, label: '' },
      programCode: null,
      programName: 'Tổng số',
      capitalType: null,
    }
  );
}

/** The latest typed figure of a scope on or before the date (whole district, no program). */
function latestBenchmark(list: Benchmark[], scope: Benchmark['scope'], asOf: string, districtCode: string | null = null): Benchmark | undefined {
  return list.filter((b) => b.scope === scope && b.programCode === null && b.districtCode === districtCode && b.asOf <= asOf).sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
}

const fromBenchmark = (label: string, b: Benchmark): Comparison => ({ label, rateText: b.rateText, rate: b.rateBp / 10_000, source: `${b.source} (số đến ${formatDateVi(b.asOf)})` });

const sameDayLastYear = (asOf: string) => `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4) === '-02-29' ? '-02-28' : asOf.slice(4)}`;

/** Plan and disbursed per commune: lines to a commune, and projects located in one. */
function communes(db: Db, year: number, asOf: string, latest: LatestEntry[]): CommuneFigure[] {
  const projectCommune = new Map((db.prepare('SELECT id, commune_unit_id FROM investment_project WHERE commune_unit_id IS NOT NULL').all() as { id: number; commune_unit_id: number }[]).map((p) => [p.id, p.commune_unit_id]));
  const units = new Map(
    (db.prepare("SELECT id, code, name_vi AS name FROM admin_unit WHERE level NOT IN ('tinh', 'huyen', 'thanh_pho', 'thi_xa')").all() as { id: number; code: string; name: string }[]).map((u) => [u.id, u]),
  );
  // By code and name: the same commune can be two units (before and after a reorganization) of one name.
  const byCommune = new Map<string, { code: string; name: string; plan: number; disbursed: number }>();
  const add = (unitId: number | null, projectId: number | null, plan: number, disbursed: number) => {
    const id = unitId !== null && units.has(unitId) ? unitId : projectId !== null ? (projectCommune.get(projectId) ?? null) : null;
    const unit = id === null ? undefined : units.get(id);
    if (!unit) return;
    const key = `${unit.code}|${unit.name}`;
    const slot = byCommune.get(key) ?? { code: unit.code, name: unit.name, plan: 0, disbursed: 0 };
    slot.plan += plan;
    slot.disbursed += disbursed;
    byCommune.set(key, slot);
  };
  for (const k of foldIssued(db, year, asOf)) add(k.recipient_unit_id, k.project_id, k.amount, 0);
  for (const e of latest) add(e.commune_unit_id, e.project_id, 0, e.cumulative_dong);
  return [...byCommune.values()]
    .filter((s) => s.plan !== 0 || s.disbursed !== 0)
    .map((s) => ({ ...figure(s.plan, s.disbursed), communeCode: s.code, communeName: s.name }))
    .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || a.communeCode.localeCompare(b.communeCode));
}

/** The origin year's own money of some keys, as its book holds it on the date (for carried-over money's allocation). */
function originAllocation(db: Db, asOf: string): OriginAllocation {
  return (originYear, keys) => {
    const rows = balance(db, originYear, { asOf }).rows.filter((r) => r.originYear === originYear && keys.has(moneyKey(r)));
    if (rows.length === 0) return null;
    return { assigned: rows.reduce((a, r) => a + r.assignedDong + r.replannedDong, 0), allocated: rows.reduce((a, r) => a + r.allocatedDong, 0) };
  };
}

export function dashboard(db: Db, year: number, asOf: string): Dashboard {
  const office = requireOffice(db);
  const latest = latestEntries(db, year, asOf);
  const prog = progress(db, year, asOf, latest);
  const bal = balance(db, year, { asOf });
  const ownYear = bal.groups.find((g) => g.originYear === year);
  const current = bal.rows.filter((r) => r.originYear === year);
  const byProgramCapital: ProgramCapitalFigure[] = [];
  const seen = new Set<string>();
  for (const r of current) {
    const key = `${r.programCode}|${r.capitalType}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const rows = current.filter((x) => x.programCode === r.programCode && x.capitalType === r.capitalType);
    const assigned = rows.reduce((a, x) => a + x.assignedDong + x.replannedDong, 0);
    const allocated = rows.reduce((a, x) => a + x.allocatedDong, 0);
    const disb = prog.totals.find((t) => t.denominator.kind === 'ca_nam' && t.programCode === r.programCode && t.capitalType === r.capitalType);
    byProgramCapital.push({
      programCode: r.programCode,
      programName: r.programName,
      capitalType: r.capitalType as CapitalTypeCode,
      assignedDong: toDong(assigned),
      allocatedDong: toDong(allocated),
      allocationRateText: rateText(allocated, assigned),
      allocationRate: rateValue(allocated, assigned),
      disbursement: disb ?? figure(assigned, 0),
    });
  }
  const caNam = overall(prog.totals, 'ca_nam', year);
  const benchmarks = listBenchmarks(db, year);
  const comparisons: Comparison[] = [{ label: `${office.districtName} (đến ${formatDateVi(asOf)})`, rateText: caNam.rateText, rate: caNam.rate, source: 'Số liệu của sổ' }];
  // Same period last year: from the book when it holds last year's entries, otherwise as typed from a report.
  const lastYearDate = sameDayLastYear(asOf);
  const lastYearHasData = db.prepare('SELECT 1 FROM disbursement WHERE year = ? AND cutoff_date <= ? LIMIT 1').get(year - 1, lastYearDate) !== undefined;
  if (lastYearHasData) {
    const last = overall(progress(db, year - 1, lastYearDate).totals, 'ca_nam', year - 1);
    comparisons.push({ label: `Cùng kỳ năm ${year - 1}`, rateText: last.rateText, rate: last.rate, source: 'Số liệu của sổ' });
  } else {
    const typed = latestBenchmark(benchmarks, 'cung_ky', asOf);
    if (typed) comparisons.push(fromBenchmark(`Cùng kỳ năm ${year - 1}`, typed));
  }
  for (const scope of ['tinh', 'ca_nuoc'] as const) {
    const typed = latestBenchmark(benchmarks, scope, asOf);
    if (typed) comparisons.push(fromBenchmark(BENCHMARK_SCOPE_LABELS[scope], typed));
  }
  // Pilot districts vs the others, from the consolidation figures typed per district (the office's own from the book).
  const districts = [...new Set(benchmarks.filter((b) => b.scope === 'huyen' && b.districtCode !== office.districtCode).map((b) => b.districtCode!))]
    .map((code) => latestBenchmark(benchmarks, 'huyen', asOf, code))
    .filter((b): b is Benchmark => b !== undefined);
  let pilotComparison: Dashboard['pilotComparison'] = null;
  if (districts.length > 0) {
    const group = (pilot: boolean, label: string): Comparison => {
      const rates = districts.filter((d) => d.pilot === pilot).map((d) => d.rateBp);
      const own = caNam.rate === null || office.pilot !== pilot ? [] : [Math.round(caNam.rate * 10_000)];
      const all = [...rates, ...own];
      const bp = all.length ? Math.round(all.reduce((a, x) => a + x, 0) / all.length) : null;
      return { label, rateText: bp === null ? '—' : basisPointsText(bp), rate: bp === null ? null : bp / 10_000, source: `Bình quân ${all.length} huyện${own.length ? ` (gồm ${office.districtName})` : ''}` };
    };
    pilotComparison = { pilot: group(true, 'Huyện thí điểm NQ 111'), others: group(false, 'Các huyện còn lại'), districts };
  }
  const dl = deadlines(db, year, asOf, latest);
  const pace = pacing(db, year, asOf);
  const alerts: DashboardAlert[] = [];
  for (const r of bal.rows.filter((x) => x.over)) {
    alerts.push({ kind: 'vuot_phan_bo', severity: 'E', message: `Phân bổ vượt vốn được giao: ${r.programCode} · ${r.sourceCode} · ${r.capitalType} · vốn năm ${r.originYear} vượt ${trieu(-r.remainingDong)} (quy tắc 5).`, link: `/quyet-dinh/${year}` });
  }
  const deadline = (db.prepare('SELECT allocation_deadline AS d FROM year_setting WHERE year = ?').get(year) as { d: string | null } | undefined)?.d ?? null;
  if (deadline && deadline < asOf) {
    for (const r of bal.rows.filter((x) => x.remainingDong > 0)) {
      alerts.push({ kind: 'chua_phan_bo_qua_han', severity: 'W', message: `Còn ${trieu(r.remainingDong)} chưa phân bổ sau hạn ${formatDateVi(deadline)}: ${r.programCode} · ${r.sourceCode} · ${r.capitalType} · vốn năm ${r.originYear}.`, link: `/quyet-dinh/${year}` });
    }
  }
  for (const r of dl.rows) {
    if (r.status === 'qua_han') {
      alerts.push({ kind: 'qua_han_giai_ngan', severity: 'E', message: `Vốn năm ${r.originYear} ${r.programCode} · ${r.sourceCode} · ${r.capitalType}: còn ${trieu(r.remainingDong)} chưa giải ngân, đã quá hạn ${formatDateVi(r.deadline)} (${r.deadlineBasis}).`, link: `/giai-ngan/${year}` });
    } else if (r.status === 'sap_het_han') {
      alerts.push({ kind: 'sap_het_han', severity: 'W', message: `Vốn năm ${r.originYear} ${r.programCode} · ${r.sourceCode} · ${r.capitalType}: còn ${trieu(r.remainingDong)}, hết hạn giải ngân ${formatDateVi(r.deadline)} (còn ${r.daysLeft} ngày).`, link: `/giai-ngan/${year}` });
    }
  }
  for (const r of prog.rows.filter((x) => x.over)) {
    alerts.push({ kind: 'vuot_ke_hoach', severity: 'W', message: `Giải ngân vượt kế hoạch: ${r.programCode} · ${r.sourceCode} · ${r.capitalType} · vốn năm ${r.originYear} đạt ${r.rateText} (quy tắc 12).`, link: `/giai-ngan/${year}` });
  }
  const behind = pace.months.filter((m) => m.actual && m.targetBp !== null).at(-1);
  if (behind && behind.actual!.rate !== null && behind.actual!.rate * 10_000 < behind.targetBp!) {
    alerts.push({ kind: 'cham_tien_do', severity: 'W', message: `Tháng ${behind.month}: giải ngân đạt ${behind.actual!.rateText}, thấp hơn mục tiêu ${basisPointsText(behind.targetBp!)}${pace.source ? ` (${pace.source})` : ''}.`, link: `/giai-ngan/${year}` });
  }
  const overdue = listObstacles(db, {}, asOf).filter((o) => o.overdue);
  if (overdue.length > 0) {
    alerts.push({ kind: 'vuong_mac_qua_han', severity: 'W', message: `${overdue.length} khó khăn, vướng mắc quá hạn giải quyết (sớm nhất: ${overdue[0]!.description}).`, link: '/kho-khan' });
  }
  return {
    year,
    asOf,
    // The year's own money only: carried-over money has its own plan and rate (plans never mix money years).
    assignedDong: toDong((ownYear?.assignedDong ?? 0) + (ownYear?.replannedDong ?? 0)),
    allocatedDong: toDong(ownYear?.allocatedDong ?? 0),
    allocationRateText: rateText(ownYear?.allocatedDong ?? 0, (ownYear?.assignedDong ?? 0) + (ownYear?.replannedDong ?? 0)),
    disbursement: caNam,
    disbursementTtg: overall(prog.totals, 'ttg', year),
    byProgramCapital,
    comparisons,
    pilotComparison,
    communes: communes(db, year, asOf, latest),
    byPeriod: periodSplit(year, bal.rows, prog.rows, programPeriods(db), originAllocation(db, asOf)),
    pacing: pace,
    deadlines: dl,
    alerts,
  };
}
