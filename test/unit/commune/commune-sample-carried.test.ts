import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/helpers';
import { call } from '../../support/ledger-helpers';

/**
 * The commune sample's carried-over 2021–2025 money is extended to 31/12/2026 (NQ 257/2025/QH15): Giải ngân gives it
 * its rows with the extended plan, and a figure of it at 30/06/2026 is accepted (rule 13 would refuse it after
 * 31/01/2026 without the extension).
 */
describe('seed-demo on a commune office: the carried-over 2021–2025 money can be reported in 2026', () => {
  it('has its Giải ngân rows and takes a figure at 30/06/2026', () => {
    const core = testCore();
    call(core, 'office.setup', { districtCode: '06046', signers: [{ name: 'Hoàng Văn Thắng', title: 'Chủ tịch UBND xã' }] });
    call(core, 'demo.seed', {});
    const extension = call(core, 'extensions.list', {}).find((e) => e.decisionNumber === 'Nghị quyết số 257/2025/QH15');
    expect(extension).toMatchObject({ originYearFrom: 2021, originYearTo: 2025, authority: 'QH', newDeadline: '2026-12-31' });

    const sheet = call(core, 'disbursement.sheet', { year: 2026, cutoffDate: '2026-06-30' });
    const carried = sheet.rows.filter((r) => r.originYear === 2025).map((r) => [r.componentCode, r.sourceCode, r.capitalType, r.planDong, r.denominator.kind]);
    expect(carried).toEqual(
      expect.arrayContaining([
        ['DTTS.DA1.ND4', 'NSTW', 'DTPT', 960_000_000, 'keo_dai'],
        ['NTM.ND02', 'NSTW', 'DTPT', 740_000_000, 'keo_dai'],
        ['GNBV.DA2', 'NSTW', 'SN', 215_000_000, 'keo_dai'],
      ]),
    );
    expect(carried).toHaveLength(3);

    const saved = call(core, 'disbursement.save', {
      year: 2026,
      cutoffDate: '2026-06-30',
      partial: true,
      entries: [{ key: { componentCode: 'NTM.ND02', projectCode: null, communeCode: null, sourceCode: 'NSTW', capitalType: 'DTPT', originYear: 2025 }, cumulative: { dong: 370_000_000 } }],
    });
    expect(saved.rejected).toEqual([]);
    expect(saved.saved).toBe(1);
    const deadline = call(core, 'disbursement.deadlines', { year: 2026, asOf: '2026-06-30' }).rows.find((r) => r.originYear === 2025 && r.programCode === 'NTM');
    expect(deadline).toMatchObject({ deadline: '2026-12-31', status: 'con_han' });
  });
});
