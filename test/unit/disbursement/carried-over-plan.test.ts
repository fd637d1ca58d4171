// Issue 15, point 9: money of an earlier year carried over shows its extended plan on the entry sheet — before any
// figure of it is reported as well as after — with the plan's name (rule 12), and the row's rate uses it.
import { describe, expect, it } from 'vitest';
import { assign, call, officeCore } from '../../support/ledger-helpers';

describe('carried-over money on the Giải ngân entry sheet', () => {
  it('2023 money extended into 2024: plan 400 tr named "Kế hoạch vốn năm 2023 kéo dài", before and after its first figure', () => {
    const core = officeCore();
    assign(core, 2024, 'DTTS.DA1.ND2', 'NSTW', 'SN', 1_000_000_000);
    assign(core, 2024, 'DTTS.DA4.TDA1', 'NSTW', 'DTPT', 400_000_000, 2023);
    const carriedBefore = () => call(core, 'disbursement.sheet', { year: 2024, cutoffDate: '2024-03-31' }).rows.find((r) => r.originYear === 2023);
    // Nothing extended it yet (2023 money ends on 31/01/2024 by default): no row of it to report against.
    expect(carriedBefore()).toBeUndefined();
    call(core, 'extensions.create', { originYearFrom: 2023, originYearTo: 2023, authority: 'TTG', decisionNumber: 'QĐ 123/QĐ-TTg', decisionDate: '2024-01-20', newDeadline: '2024-12-31' });

    const carried = (cutoffDate: string) => call(core, 'disbursement.sheet', { year: 2024, cutoffDate }).rows.find((r) => r.originYear === 2023);
    // Before anything of it is reported: the row is there to type into, with its plan and the plan's name.
    expect(carried('2024-03-31')).toMatchObject({
      componentCode: 'DTTS.DA4.TDA1',
      sourceCode: 'NSTW',
      capitalType: 'DTPT',
      planDong: 400_000_000,
      cumulativeDong: null,
      rateText: '0,0%',
      denominator: { kind: 'keo_dai', originYear: 2023, label: 'Kế hoạch vốn năm 2023 kéo dài' },
    });

    call(core, 'disbursement.save', {
      year: 2024,
      cutoffDate: '2024-06-30',
      entries: [{ key: { componentCode: 'DTTS.DA4.TDA1', projectCode: null, communeCode: null, sourceCode: 'NSTW', capitalType: 'DTPT', originYear: 2023 }, cumulative: { dong: 150_000_000 } }],
    });
    // After: the same plan, and the rate divides by it (150 ÷ 400 = 37,5%), one row for the key.
    expect(carried('2024-06-30')).toMatchObject({ planDong: 400_000_000, cumulativeDong: 150_000_000, rateText: '37,5%', denominator: { kind: 'keo_dai', originYear: 2023 } });
    expect(call(core, 'disbursement.sheet', { year: 2024, cutoffDate: '2024-06-30' }).rows.filter((r) => r.originYear === 2023)).toHaveLength(1);
  });
});
