import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/helpers';
import { call } from '../../support/ledger-helpers';

/**
 * Issue 21, point 7: in 2026 the 2021–2025 programs' money (carried over, extended to 31/12/2026) and the
 * 2026–2035 program's money are shown side by side, each with its own rates — never summed into one rate.
 */
function twoPeriodYear() {
  const core = testCore({ district: '180' });
  const assign = (componentCode: string, originYear: number, trieu: string) =>
    call(core, 'assignments.create', { year: 2026, componentCode, sourceCode: 'NSTW', capitalType: 'SN', originYear, amount: { text: trieu, unit: 'trieu' } });
  // Minimal 2026 data: the merged program's money of 2026 and the new-rural program's 2025 money carried over.
  assign('MTQG2635.HP2', 2026, '1.000');
  assign('MTQG2635.HP1', 2026, '1.000');
  assign('NTM.ND02', 2025, '2.000');
  const key = (componentCode: string, originYear: number) => ({ componentCode, projectCode: null, communeCode: null, sourceCode: 'NSTW', capitalType: 'SN' as const, originYear });
  call(core, 'disbursement.save', {
    year: 2026,
    cutoffDate: '2026-06-30',
    partial: true,
    entries: [
      { key: key('MTQG2635.HP2', 2026), cumulative: { text: '900', unit: 'trieu' } },
      { key: key('MTQG2635.HP1', 2026), cumulative: { text: '100', unit: 'trieu' } },
      { key: key('NTM.ND02', 2025), cumulative: { text: '200', unit: 'trieu' } },
    ],
  });
  return core;
}

describe('dashboard by program period', () => {
  it('gives each period its own plan, disbursed and rate, never one rate for both', () => {
    const core = twoPeriodYear();
    const dash = call(core, 'disbursement.dashboard', { year: 2026, asOf: '2026-06-30' });
    expect(dash.byPeriod.map((p) => p.periodCode)).toEqual(['2021-2025', '2026-2035']);
    const [old, merged] = dash.byPeriod;
    expect(old!.groups).toHaveLength(1);
    expect(old!.groups[0]).toMatchObject({ originYear: 2025, carriedOver: true, label: 'Vốn năm 2025 kéo dài sang năm 2026', assignedDong: 2_000_000_000 });
    expect(old!.groups[0]!.disbursement).toMatchObject({ planDong: 2_000_000_000, disbursedDong: 200_000_000, rateText: '10,0%' });
    expect(merged!.groups).toHaveLength(1);
    expect(merged!.groups[0]).toMatchObject({ originYear: 2026, carriedOver: false, assignedDong: 2_000_000_000 });
    expect(merged!.groups[0]!.disbursement).toMatchObject({ planDong: 2_000_000_000, disbursedDong: 1_000_000_000, rateText: '50,0%' });
    // The two periods summed would read 1.200 / 4.000 = 30,0%: no figure of the split says so.
    expect(JSON.stringify(dash.byPeriod)).not.toContain('30,0%');
  });

  it('the progress report names each section’s period and keeps its own rate', () => {
    const core = twoPeriodYear();
    const report = call(core, 'disbursement.report', { year: 2026, asOf: '2026-06-30' });
    const section = (start: string) => report.sections.find((s) => s.title.startsWith(start))!;
    const own = section('Kế hoạch vốn năm 2026 (cả vốn');
    const carried = section('Kế hoạch vốn năm 2025 kéo dài sang năm 2026');
    expect(own.title).toContain('— Giai đoạn 2026 - 2035');
    expect(carried.title).toContain('— Giai đoạn 2021 - 2025');
    expect(own.rows[0]).toMatchObject({ label: 'TỔNG SỐ', planDong: 2_000_000_000, disbursedDong: 1_000_000_000, rateText: '50,0%' });
    expect(carried.rows[0]).toMatchObject({ label: 'TỔNG SỐ', planDong: 2_000_000_000, disbursedDong: 200_000_000, rateText: '10,0%' });
    expect(report.sections.flatMap((s) => s.rows.map((r) => r.rateText))).not.toContain('30,0%');
  });

  it('keeps the origin years of one period apart too (each its own denominator)', () => {
    const core = twoPeriodYear();
    // 2024 money of the 2021–2025 programs carried further (NQ 257/2025/QH15 extended it to 31/12/2026).
    call(core, 'assignments.create', { year: 2026, componentCode: 'NTM.ND03', sourceCode: 'NSTW', capitalType: 'SN', originYear: 2024, amount: { text: '500', unit: 'trieu' } });
    const old = call(core, 'disbursement.dashboard', { year: 2026, asOf: '2026-06-30' }).byPeriod.find((p) => p.periodCode === '2021-2025')!;
    expect(old.groups.map((g) => [g.originYear, g.disbursement.planDong, g.disbursement.rateText])).toEqual([
      [2025, 2_000_000_000, '10,0%'],
      [2024, 500_000_000, '0,0%'],
    ]);
    expect(old.groups[1]!.denominatorLabel).toContain('2024');
  });

  it('a year of one period shows that period alone (the 2024 sample)', () => {
    const core = testCore();
    call(core, 'demo.seed', {});
    const dash = call(core, 'disbursement.dashboard', { year: 2024, asOf: '2024-06-30' });
    expect(dash.byPeriod.map((p) => p.periodCode)).toEqual(['2021-2025']);
    const own = dash.byPeriod[0]!.groups.find((g) => g.originYear === 2024)!;
    // The period's own-year group is the dashboard's year figure: the same money, the same rate.
    expect(own.assignedDong).toBe(dash.assignedDong);
    expect(own.allocationRateText).toBe(dash.allocationRateText);
    expect(own.disbursement.rateText).toBe(dash.disbursement.rateText);
  });
});
