// Issue 21, point 3: authority for 2026 as data with its certainty. Who may move 2026–2035 money between contents
// (rule 27) or between ĐTPT and SN (rule 28) under NĐ 358/2025/NĐ-CP is not confirmed: those checks warn, never block,
// and say what they rest on. The NQ 111 pilot rules (7, 8, 9) end on 30/06/2025: a move they allowed is refused after.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { testCore } from '../../support/helpers';
import { addLines, assign, call, draft, expectOk, findings, issue, line, officeCore } from '../../support/ledger-helpers';

/** Xã Tràng Định (06046) with its UBND chair (1) and HĐND chair (2); 2026 money issued to two units. */
function communeWithAllocation(): { core: Core; unitA: number; unitB: number } {
  const core = testCore();
  call(core, 'office.setup', {
    districtCode: '06046',
    signers: [
      { name: 'Hoàng Văn Thắng', title: 'Chủ tịch UBND xã' },
      { name: 'Lý Văn Quân', title: 'Chủ tịch HĐND xã' },
    ],
  });
  const unitA = call(core, 'organizations.create', { kind: 'unit', name: 'Phòng Kinh tế xã Tràng Định' }).id;
  const unitB = call(core, 'organizations.create', { kind: 'unit', name: 'Trung tâm Dịch vụ tổng hợp xã Tràng Định' }).id;
  assign(core, 2026, 'MTQG2635.HP2.ND02', 'NSTW', 'SN', 1_000_000_000);
  assign(core, 2026, 'MTQG2635.HP1.ND04', 'NSTW', 'SN', 500_000_000);
  assign(core, 2026, 'MTQG2635.HP2.ND01', 'NSTW', 'DTPT', 2_000_000_000);
  const allocation = draft(core, { year: 2026, docDate: '2026-02-20' });
  addLines(core, allocation, [
    line('MTQG2635.HP2.ND02', 1_000_000_000, { recipient: { kind: 'unit', id: unitA } }),
    line('MTQG2635.HP1.ND04', 500_000_000, { recipient: { kind: 'unit', id: unitB } }),
    line('MTQG2635.HP2.ND01', 2_000_000_000, { recipient: { kind: 'unit', id: unitA }, capitalType: 'DTPT' }),
  ]);
  expectOk(issue(core, allocation, '2026-02-20', 1, 25));
  return { core, unitA, unitB };
}

describe('Quy tắc 27 — Thẩm quyền phân bổ, điều chỉnh giữa các nội dung (2026–2035)', () => {
  it('holds: an adjustment within one nội dung thành phần (between two units) gives no rule 27 warning', () => {
    const { core, unitA, unitB } = communeWithAllocation();
    const id = draft(core, { year: 2026, kind: 'dieu_chinh', docDate: '2026-06-10' });
    addLines(core, id, [
      line('MTQG2635.HP2.ND02', -200_000_000, { recipient: { kind: 'unit', id: unitA }, reasonCode: 'KHONG_CON_DOI_TUONG' }),
      line('MTQG2635.HP2.ND02', 200_000_000, { recipient: { kind: 'unit', id: unitB } }),
    ]);
    expect(findings(core, id).filter((f) => f.ruleId === 27 || f.severity === 'E')).toEqual([]);
  });

  it('broken (a warning, never a block): money moved between two nội dung thành phần warns, names NĐ 358, and the adjustment issues', () => {
    const { core, unitA, unitB } = communeWithAllocation();
    const id = draft(core, { year: 2026, kind: 'dieu_chinh', docDate: '2026-06-10' });
    addLines(core, id, [
      line('MTQG2635.HP2.ND02', -200_000_000, { recipient: { kind: 'unit', id: unitA }, reasonCode: 'KHONG_CON_DOI_TUONG' }),
      line('MTQG2635.HP1.ND04', 200_000_000, { recipient: { kind: 'unit', id: unitB } }),
    ]);
    const all = findings(core, id);
    const rule27 = all.filter((f) => f.ruleId === 27);
    expect(rule27.map((f) => [f.severity, f.certainty])).toEqual([['W', 'I']]);
    expect(rule27[0]!.message).toContain('NĐ 358/2025/NĐ-CP');
    expect(rule27[0]!.message).toContain('Căn cứ đối chiếu:');
    expect(rule27[0]!.message).toContain('không chặn ban hành');
    // No pilot rule and no end-of-district refusal applies to a commune in 2026.
    expect(all.filter((f) => f.severity === 'E')).toEqual([]);
    expectOk(issue(core, id, '2026-06-10', 1, 40));
  });
});

describe('Quy tắc 28 — Chuyển đổi ĐTPT ↔ SN (2026–2035)', () => {
  it('holds: a move between contents within one capital type gives no rule 28 warning', () => {
    const { core, unitA, unitB } = communeWithAllocation();
    const id = draft(core, { year: 2026, kind: 'dieu_chinh', docDate: '2026-06-10' });
    addLines(core, id, [
      line('MTQG2635.HP2.ND02', -100_000_000, { recipient: { kind: 'unit', id: unitA }, reasonCode: 'KHONG_CON_DOI_TUONG' }),
      line('MTQG2635.HP1.ND04', 100_000_000, { recipient: { kind: 'unit', id: unitB } }),
    ]);
    expect(findings(core, id).filter((f) => f.ruleId === 28)).toEqual([]);
  });

  it('broken (a warning, never a block): ĐTPT moved to SN of the 2026–2035 program warns (unconfirmed authority), never refuses on its own', () => {
    const { core, unitA } = communeWithAllocation();
    const id = draft(core, { year: 2026, kind: 'dieu_chinh', issuer: 'HDND', docDate: '2026-06-10' });
    addLines(core, id, [
      line('MTQG2635.HP2.ND01', -300_000_000, { recipient: { kind: 'unit', id: unitA }, capitalType: 'DTPT', reasonCode: 'KHONG_CON_DOI_TUONG' }),
      line('MTQG2635.HP2.ND02', 300_000_000, { recipient: { kind: 'unit', id: unitA } }),
    ]);
    const all = findings(core, id);
    const rule28 = all.filter((f) => f.ruleId === 28);
    expect(rule28.map((f) => [f.severity, f.certainty])).toEqual([['W', 'I']]);
    expect(rule28[0]!.message).toContain('NĐ 358/2025/NĐ-CP');
    expect(rule28[0]!.message).toContain('chỉ có hiệu lực đến 30/06/2025');
    // Neither 2026 authority rule, nor the ended pilot rules, gives an error.
    expect(all.filter((f) => f.severity === 'E' && [7, 8, 9, 10, 27, 28].includes(f.ruleId))).toEqual([]);
  });

});

describe('the 2026 authority rules in the registry', () => {
  it('rules list: 27 and 28 are warnings of unconfirmed certainty from 2026, with their basis', () => {
    const { core } = communeWithAllocation();
    const rows = call(core, 'rules.list', {});
    for (const id of [27, 28]) {
      const row = rows.find((r) => r.ruleId === id)!;
      expect([row.severity, row.certainty, row.validFrom, row.validTo]).toEqual(['W', 'I', '2026-01-01', null]);
      expect(row.legalBasis).toContain('NĐ 358/2025/NĐ-CP');
    }
  });
});

/** Tràng Định (180, a pilot district) with 2025 money of two programs allocated in March 2025. */
function districtWith2025Allocation(): Core {
  const core = officeCore('180');
  assign(core, 2025, 'DTTS.DA1.ND2', 'NSTW', 'SN', 1_000_000_000);
  assign(core, 2025, 'DTTS.DA5.TDA1', 'NSTW', 'SN', 1_000_000_000);
  assign(core, 2025, 'GNBV.DA2', 'NSTW', 'SN', 1_000_000_000);
  const allocation = draft(core, { year: 2025, docDate: '2025-03-10' });
  addLines(core, allocation, [line('DTTS.DA1.ND2', 1_000_000_000), line('DTTS.DA5.TDA1', 1_000_000_000), line('GNBV.DA2', 1_000_000_000)]);
  expectOk(issue(core, allocation, '2025-03-10', 1, 30));
  return core;
}

describe('the NQ 111 pilot rules end on 30/06/2025 (rules 7, 8, 9)', () => {
  it('rules 7, 8 and 9 are valid only until 30/06/2025', () => {
    const rows = call(districtWith2025Allocation(), 'rules.list', {});
    for (const id of [7, 8, 9]) expect(rows.find((r) => r.ruleId === id)!.validTo).toBe('2025-06-30');
  });

  it.each([
    { rule: 7, what: 'SN between component projects of one program', from: 'DTTS.DA1.ND2', to: 'DTTS.DA5.TDA1' },
    { rule: 8, what: 'money between programs', from: 'DTTS.DA1.ND2', to: 'GNBV.DA2' },
    { rule: 9, what: 'a pilot move (the per-province limit rests on the pilot)', from: 'GNBV.DA2', to: 'DTTS.DA5.TDA1' },
  ])('rule $rule: $what by the district HĐND is refused after 30/06/2025', ({ rule, from, to }) => {
    const core = districtWith2025Allocation();
    const id = draft(core, { year: 2025, kind: 'dieu_chinh', issuer: 'HDND', docDate: '2025-07-15' });
    addLines(core, id, [line(from, -100_000_000, { reasonCode: 'KHONG_CON_DOI_TUONG' }), line(to, 100_000_000)]);
    const all = findings(core, id);
    // The pilot rule is no longer in force: it neither allows nor is cited; rule 10 refuses.
    expect(all.some((f) => f.ruleId === rule)).toBe(false);
    expect(all.some((f) => f.ruleId === 10 && f.severity === 'E' && f.message.includes('01/07/2025'))).toBe(true);
    const refused = issue(core, id, '2025-07-15', 3, 41);
    expect(refused.ok).toBe(false);
  });
});
