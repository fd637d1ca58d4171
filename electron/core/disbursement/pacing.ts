/**
 * Pacing: the monthly target curve of a year (e.g. the province's scenario), editable, against the actual
 * cumulative rate of the whole-year plan at each month end; and benchmark rates typed in from official reports.
 */
import type { CommandArgs } from '../../../shared/api/contract';
import type { Benchmark, BenchmarkScope, Pacing, PacingMonth } from '../../../shared/api/disbursement';
import { basisPointsText } from '../../../shared/format/rate';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { balanceSums } from '../ledger/balance';
import { namedDenominator, entryKey, figure, monthEnd, type EntryKey } from './figures';

export function pacing(db: Db, year: number, asOf: string): Pacing {
  const targets = db.prepare('SELECT month, target_bp, source FROM pacing_target WHERE year = ? ORDER BY month').all(year) as { month: number; target_bp: number; source: string }[];
  // The year's own money (the whole-year plan's numerator), read once in cut-off order and replayed month by month.
  const entries = db
    .prepare('SELECT component_id, project_id, commune_unit_id, source_code, capital_type, origin_year, cutoff_date, cumulative_dong FROM disbursement WHERE year = ? AND origin_year = ? AND cutoff_date <= ? ORDER BY cutoff_date')
    .all(year, year, asOf) as (EntryKey & { cutoff_date: string; cumulative_dong: number })[];
  const latest = new Map<string, number>();
  let disbursed = 0;
  let next = 0;
  const months: PacingMonth[] = [];
  for (let month = 1; month <= 12; month++) {
    const end = monthEnd(year, month);
    const prefix = end.slice(0, 7);
    // The figure of a month: its last cut-off, or — for a month between two reports — the month end (the earlier
    // report still stands). A month after the last report has no figure: the line stops where the data stops.
    const inMonth = entries.filter((e) => e.cutoff_date.startsWith(prefix)).at(-1)?.cutoff_date ?? null;
    const cutoff = inMonth ?? (end <= asOf && entries.some((e) => e.cutoff_date < end) && entries.some((e) => e.cutoff_date > end) ? end : null);
    let actual: PacingMonth['actual'] = null;
    if (cutoff) {
      for (; next < entries.length && entries[next]!.cutoff_date <= cutoff; next++) {
        const e = entries[next]!;
        const key = entryKey(e);
        disbursed += e.cumulative_dong - (latest.get(key) ?? 0);
        latest.set(key, e.cumulative_dong);
      }
      let plan = 0;
      for (const c of balanceSums(db, year, { asOf: cutoff }).cells.values()) if (c.originYear === year) plan += c.assigned + c.replanned;
      actual = figure(plan, disbursed);
    }
    months.push({ month, targetBp: targets.find((t) => t.month === month)?.target_bp ?? null, cutoff, actual });
  }
  return { year, asOf, source: targets[0]?.source ?? '', denominator: namedDenominator('ca_nam', year), months };
}

export function savePacing(ctx: CoreContext, args: CommandArgs<'pacing.save'>, asOf: string): Pacing {
  const { db } = ctx;
  return db.transaction(() => {
    const before = db.prepare('SELECT month, target_bp, source FROM pacing_target WHERE year = ? ORDER BY month').all(args.year);
    const current = new Map((before as { month: number; target_bp: number }[]).map((r) => [r.month, r.target_bp]));
    for (const m of args.months) {
      if (m.targetBp === null) current.delete(m.month);
      else current.set(m.month, m.targetBp);
    }
    // A cumulative curve: a later month never aims lower than an earlier one.
    const ordered = [...current.entries()].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < ordered.length; i++) {
      if (ordered[i]![1] < ordered[i - 1]![1]) {
        throw new CoreError(
          'INVALID_INPUT',
          `Mục tiêu tháng ${ordered[i]![0]} (${basisPointsText(ordered[i]![1])}) thấp hơn tháng ${ordered[i - 1]![0]} (${basisPointsText(ordered[i - 1]![1])}); mục tiêu là số lũy kế nên không được giảm dần.`,
          { field: 'months', month: ordered[i]![0] },
        );
      }
    }
    const source = args.source ?? ((before as { source: string }[])[0]?.source ?? '');
    db.prepare('DELETE FROM pacing_target WHERE year = ?').run(args.year);
    const insert = db.prepare('INSERT INTO pacing_target (year, month, target_bp, source) VALUES (?, ?, ?, ?)');
    for (const [month, bp] of ordered) insert.run(args.year, month, bp, source);
    writeAudit(ctx, 'pacing.save', 'pacing_target', args.year, before, ordered.map(([month, bp]) => ({ month, target_bp: bp, source })));
    return pacing(db, args.year, asOf);
  })();
}

interface BenchmarkRow {
  id: number;
  year: number;
  as_of: string;
  scope: BenchmarkScope;
  district_code: string | null;
  district_name: string | null;
  pilot: number;
  program_code: string | null;
  rate_bp: number;
  source: string;
}

const BENCHMARK_SELECT = `SELECT b.*, (SELECT name_vi FROM admin_unit u WHERE u.code = b.district_code AND u.level IN ('huyen', 'thanh_pho', 'thi_xa') LIMIT 1) AS district_name,
  EXISTS (SELECT 1 FROM pilot_designation p WHERE p.district_code = b.district_code) AS pilot
  FROM disbursement_benchmark b`;

const toBenchmark = (r: BenchmarkRow): Benchmark => ({
  id: r.id,
  year: r.year,
  asOf: r.as_of,
  scope: r.scope,
  districtCode: r.district_code,
  districtName: r.district_name,
  pilot: r.pilot === 1,
  programCode: r.program_code,
  rateBp: r.rate_bp,
  rateText: basisPointsText(r.rate_bp),
  source: r.source,
});

export function listBenchmarks(db: Db, year: number): Benchmark[] {
  return (db.prepare(`${BENCHMARK_SELECT} WHERE b.year = ? ORDER BY b.as_of DESC, b.scope, b.district_code, b.program_code`).all(year) as BenchmarkRow[]).map(toBenchmark);
}

export function createBenchmark(ctx: CoreContext, args: CommandArgs<'benchmarks.create'>): Benchmark {
  const { db } = ctx;
  return db.transaction(() => {
    const district = args.districtCode ?? null;
    if (args.scope === 'huyen') {
      if (!district) throw new CoreError('INVALID_INPUT', 'Số liệu của một huyện cần mã huyện (ví dụ 188 = Lộc Bình).', { field: 'districtCode' });
      if (!db.prepare("SELECT 1 FROM admin_unit WHERE code = ? AND level IN ('huyen', 'thanh_pho', 'thi_xa')").get(district)) {
        throw new CoreError('UNKNOWN_DISTRICT', `Mã huyện: "${district}" không có trong danh mục đơn vị hành chính.`, { field: 'districtCode' });
      }
    }
    if (args.programCode && !db.prepare("SELECT 1 FROM component WHERE level = 'program' AND code = ?").get(args.programCode)) {
      throw new CoreError('UNKNOWN_COMPONENT', `Chương trình: không có mã "${args.programCode}" (DTTS, GNBV, NTM…).`, { field: 'programCode' });
    }
    const id = Number(
      db
        .prepare('INSERT INTO disbursement_benchmark (year, as_of, scope, district_code, program_code, rate_bp, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(args.year, args.asOf, args.scope, args.scope === 'huyen' ? district : null, args.programCode ?? null, args.rateBp, args.source, ctx.now()).lastInsertRowid,
    );
    const created = toBenchmark(db.prepare(`${BENCHMARK_SELECT} WHERE b.id = ?`).get(id) as BenchmarkRow);
    writeAudit(ctx, 'benchmarks.create', 'disbursement_benchmark', id, null, created);
    return created;
  })();
}

export function deleteBenchmark(ctx: CoreContext, id: number): { deletedId: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const row = db.prepare(`${BENCHMARK_SELECT} WHERE b.id = ?`).get(id) as BenchmarkRow | undefined;
    if (!row) throw new CoreError('NOT_FOUND', `Không tìm thấy số liệu so sánh số ${id}; hãy tải lại danh sách.`, { id });
    db.prepare('DELETE FROM disbursement_benchmark WHERE id = ?').run(id);
    writeAudit(ctx, 'benchmarks.delete', 'disbursement_benchmark', id, toBenchmark(row), null);
    return { deletedId: id };
  })();
}
