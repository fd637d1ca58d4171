import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/helpers';
import { addLines, assign, call, draft, expectOk, issue, line, officeCore } from '../../support/ledger-helpers';

/**
 * Issue 15 (Tổng quan): carried-over money (an earlier origin year, extended) that no decision of the year re-allocates
 * was allocated in its origin year's decisions. Its allocation rate is that year's, or "—" with the reason when the book
 * does not hold that year — never a 0,0% that says it was never allocated.
 */
const carriedGroup = (core: ReturnType<typeof officeCore>, year: number, originYear: number) => {
  const dash = call(core, 'disbursement.dashboard', { year, asOf: `${year}-06-30` });
  const group = dash.byPeriod.flatMap((p) => p.groups).find((g) => g.originYear === originYear);
  expect(group, `nhóm vốn năm ${originYear}`).toBeDefined();
  return group!;
};

describe('allocation rate of carried-over money on the dashboard', () => {
  it('is the origin year’s allocation when the book holds that year', () => {
    const core = officeCore();
    assign(core, 2023, 'NTM.ND02', 'NSTW', 'SN', 1_000_000_000);
    const id = draft(core, { year: 2023, docDate: '2023-03-15' });
    addLines(core, id, [line('NTM.ND02', 800_000_000, { originYear: 2023 })]);
    expectOk(issue(core, id, '2023-03-15'));
    // 2023 money still open, extended into 2024: assigned in 2024 with its origin year kept, re-allocated by no 2024 decision.
    assign(core, 2024, 'NTM.ND02', 'NSTW', 'SN', 300_000_000, 2023);
    const g = carriedGroup(core, 2024, 2023);
    expect(g).toMatchObject({ carriedOver: true, assignedDong: 300_000_000, allocationRate: 0.8, allocationRateText: '80,0%' });
    expect(g.allocationBasis).toContain('Tỷ lệ phân bổ trong năm 2023: đã phân bổ 800 triệu đồng ÷ vốn năm 2023 được giao 1.000 triệu đồng');
  });

  it('is "—" with the reason when the origin year is not in the book (the 2024 sample’s 2023 money)', () => {
    const core = testCore();
    call(core, 'demo.seed', {});
    const g = carriedGroup(core, 2024, 2023);
    expect(g.assignedDong).toBe(4_120_000_000);
    expect(g.allocationRate).toBeNull();
    expect(g.allocationRateText).toBe('—');
    expect(g.allocationBasis).toContain('sổ này không có số vốn được giao năm 2023');
    // The year's own money keeps its rate, measured in the year.
    const own = carriedGroup(core, 2024, 2024);
    expect(own.allocationRateText).not.toBe('—');
    expect(own.allocationBasis).toContain('các quyết định năm 2024');
  });

  it('is the year’s when a decision of the year re-allocates the carried-over money', () => {
    const core = officeCore();
    assign(core, 2024, 'NTM.ND02', 'NSTW', 'SN', 400_000_000, 2023);
    const id = draft(core, { year: 2024, docDate: '2024-03-15' });
    addLines(core, id, [line('NTM.ND02', 100_000_000, { originYear: 2023 })]);
    expectOk(issue(core, id, '2024-03-15'));
    const g = carriedGroup(core, 2024, 2023);
    expect(g).toMatchObject({ allocationRateText: '25,0%' });
    expect(g.allocationBasis).toContain('Đã phân bổ lại trong các quyết định năm 2024');
  });
});
