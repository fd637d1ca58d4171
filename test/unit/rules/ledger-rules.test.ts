import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { addLines, assign, call, draft, findings, issue, line, officeCore, ruleIds, SIGNER } from '../../support/ledger-helpers';

/** Tràng Định (pilot) or Văn Quan (not) with recurrent money of two programs allocated by an issued UBND decision. */
function withAllocation(district: '180' | '184' = '180'): { core: Core; commune: string } {
  const core = officeCore(district);
  const commune = district === '180' ? '06001' : '06274';
  assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000_000_000);
  assign(core, 2024, 'GNBV.DA4.TDA2', 'NSTW', 'SN', 500_000_000);
  assign(core, 2024, 'DTTS.DA1.ND2', 'NSTW', 'SN', 2_000_000_000);
  assign(core, 2024, 'DTTS.DA1.ND4', 'NSTW', 'DTPT', 3_000_000_000);
  const id = draft(core);
  const recipient = { kind: 'commune' as const, code: commune };
  addLines(core, id, [
    line('GNBV.DA2', 1_000_000_000, { recipient }),
    line('GNBV.DA4.TDA2', 500_000_000, { recipient }),
    line('DTTS.DA1.ND2', 2_000_000_000, { recipient }),
    line('DTTS.DA1.ND4', 3_000_000_000, { recipient, capitalType: 'DTPT' }),
  ]);
  const issued = issue(core, id, '2024-03-15');
  if (!issued.ok) throw new Error(issued.error.message);
  return { core, commune };
}

/** An adjustment draft from the plan in force with changes per component code (and optional reason). */
function adjust(core: Core, changes: Record<string, { dong: number; reason?: string }>, options: { issuer?: 'UBND' | 'HDND'; docDate?: string } = {}): number {
  const id = draft(core, { kind: 'dieu_chinh', issuer: options.issuer ?? 'HDND', docDate: options.docDate ?? '2024-09-20', fromPlan: true });
  const lines = call(core, 'decisions.get', { id }).lines;
  call(core, 'decisions.lines.apply', {
    decisionId: id,
    changes: Object.entries(changes).map(([code, c]) => ({
      op: 'update',
      id: lines.find((l) => l.componentCode === code)!.id,
      patch: { amount: { dong: c.dong }, ...(c.reason ? { reasonCode: c.reason } : {}) },
    })),
  });
  return id;
}

describe('Quy tắc 1 — Cân đối dòng (row identity)', () => {
  it('holds: rule 1 passes when the total stated in the decision equals its lines', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000_000_000);
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 600_000_000), line('GNBV.DA2', 400_000_000, { recipient: { kind: 'commune', code: '06004' } })]);
    call(core, 'decisions.update', { id, patch: { declaredTotal: { text: '1.000', unit: 'trieu' } } });
    expect(ruleIds(core, id)).not.toContain(1);
  });

  it('broken: rule 1 fails when the stated total differs, and when two lines split one row', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000_000_000);
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 600_000_000), line('GNBV.DA2', 300_000_000)]);
    call(core, 'decisions.update', { id, patch: { declaredTotal: { dong: 1_000_000_000 } } });
    const rule1 = findings(core, id).filter((f) => f.ruleId === 1);
    expect(rule1.map((f) => f.severity)).toEqual(['E', 'E']);
    expect(rule1[0]!.message).toContain('1.000.000.000 đồng');
    expect(rule1[0]!.message).toContain('900.000.000 đồng');
    expect(rule1[1]!.lineIds).toHaveLength(2);
  });
});

describe('Quy tắc 2 — Cân đối cây (tree identity)', () => {
  it('holds: rule 2 passes for money on sibling components', () => {
    const core = officeCore();
    assign(core, 2024, 'DTTS.DA1.ND2', 'NSTW', 'SN', 100);
    assign(core, 2024, 'DTTS.DA1.ND4', 'NSTW', 'SN', 100);
    const id = draft(core);
    addLines(core, id, [line('DTTS.DA1.ND2', 100), line('DTTS.DA1.ND4', 100)]);
    expect(ruleIds(core, id)).not.toContain(2);
  });

  it('broken: rule 2 fails when a component and its child both hold money for the same recipient and source', () => {
    const core = officeCore();
    assign(core, 2024, 'DTTS.DA1', 'NSTW', 'SN', 100);
    assign(core, 2024, 'DTTS.DA1.ND2', 'NSTW', 'SN', 100);
    const id = draft(core);
    const [parent, child] = addLines(core, id, [line('DTTS.DA1', 100), line('DTTS.DA1.ND2', 100)]);
    const rule2 = findings(core, id).filter((f) => f.ruleId === 2);
    expect(rule2).toHaveLength(1);
    expect(rule2[0]!.severity).toBe('E');
    expect(rule2[0]!.lineIds.sort()).toEqual([parent, child].sort());
  });

  it('broken: rule 2 fails when a draft puts money on a parent whose child already holds money in force', () => {
    const core = officeCore();
    assign(core, 2024, 'DTTS.DA1', 'NSTW', 'SN', 100);
    assign(core, 2024, 'DTTS.DA1.ND2', 'NSTW', 'SN', 100);
    const first = draft(core);
    addLines(core, first, [line('DTTS.DA1.ND2', 100)]);
    expect(issue(core, first, '2024-03-15').ok).toBe(true);
    const second = draft(core, { docDate: '2024-04-01' });
    const [onParent] = addLines(core, second, [line('DTTS.DA1', 100)]);
    const rule2 = findings(core, second).filter((f) => f.ruleId === 2);
    expect(rule2).toHaveLength(1);
    expect(rule2[0]!.lineIds).toEqual([onParent]);
    expect(rule2[0]!.message).toContain('Hạng mục DTTS.DA1 và hạng mục con DTTS.DA1.ND2');
  });
});

describe('Quy tắc 3 — Đẳng thức điều chỉnh (adjustment identity)', () => {
  it('holds: rule 3 passes when "before" is the amount in force, and after = before − decrease + increase', () => {
    const { core } = withAllocation();
    const id = adjust(core, { 'GNBV.DA2': { dong: -100_000_000 }, 'GNBV.DA4.TDA2': { dong: 100_000_000 } }, { issuer: 'UBND' });
    expect(ruleIds(core, id)).not.toContain(3);
    for (const l of call(core, 'decisions.get', { id }).lines) expect(l.afterDong).toBe(l.beforeDong! - l.decreaseDong + l.increaseDong);
  });

  it('broken: rule 3 fails when another decision changed the amount in force after the draft was made; rebase clears it', () => {
    const { core } = withAllocation();
    const stale = adjust(core, { 'GNBV.DA2': { dong: -100_000_000 }, 'DTTS.DA1.ND2': { dong: 100_000_000 } });
    const other = adjust(core, { 'DTTS.DA1.ND2': { dong: -50_000_000 }, 'DTTS.DA1.ND4': { dong: 0 } }, { issuer: 'UBND', docDate: '2024-06-01' });
    call(core, 'decisions.lines.apply', {
      decisionId: other,
      changes: [{ op: 'add', line: line('GNBV.DA2', 50_000_000, { recipient: { kind: 'commune', code: '06004' } }) }],
    });
    // The other decision moves 50 million within GNBV → DTTS? No: from DTTS to GNBV, which needs the pilot and the HĐND.
    call(core, 'decisions.update', { id: other, patch: { issuer: 'HDND' } });
    expect(issue(core, other, '2024-06-01', SIGNER.hdndChair).ok).toBe(true);
    const rule3 = findings(core, stale).filter((f) => f.ruleId === 3);
    expect(rule3).toHaveLength(1);
    expect(rule3[0]!.message).toContain('2.000.000.000 đồng so với 1.950.000.000 đồng');
    call(core, 'decisions.rebase', { id: stale });
    expect(ruleIds(core, stale)).not.toContain(3);
  });
});

describe('Quy tắc 4 — Điều chỉnh không đổi tổng (zero-sum adjustments)', () => {
  it('holds: rule 4 passes for a balanced adjustment', () => {
    const { core } = withAllocation();
    const id = adjust(core, { 'GNBV.DA2': { dong: -100_000_000 }, 'GNBV.DA4.TDA2': { dong: 100_000_000 } }, { issuer: 'UBND' });
    expect(ruleIds(core, id)).not.toContain(4);
  });

  it('broken: rule 4 fails for an adjustment that changes the total, and for a supplement that decreases', () => {
    const { core } = withAllocation();
    const id = adjust(core, { 'GNBV.DA2': { dong: -100_000_000 }, 'GNBV.DA4.TDA2': { dong: 60_000_000 } }, { issuer: 'UBND' });
    const rule4 = findings(core, id).filter((f) => f.ruleId === 4 && f.severity === 'E');
    expect(rule4).toHaveLength(1);
    expect(rule4[0]!.message).toContain('giảm tổng 40.000.000 đồng');
    const supplement = draft(core, { kind: 'bo_sung', fromPlan: true, docDate: '2024-10-01' });
    const first = call(core, 'decisions.get', { id: supplement }).lines[0]!;
    call(core, 'decisions.lines.apply', { decisionId: supplement, changes: [{ op: 'update', id: first.id, patch: { amount: { dong: -1 } } }] });
    expect(ruleIds(core, supplement)).toContain(4);
  });
});

describe('Quy tắc 5 — Không vượt số được giao (ceiling)', () => {
  it('holds: rule 5 passes when allocation equals the assignment', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000_000_000);
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 1_000_000_000)]);
    expect(ruleIds(core, id)).not.toContain(5);
  });

  it('broken: rule 5 fails when allocation exceeds the assignment of its origin year, program, source and capital type', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000_000_000);
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 500_000_000, 2023);
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 1_000_000_001)]);
    const rule5 = findings(core, id).filter((f) => f.ruleId === 5);
    expect(rule5).toHaveLength(1);
    expect(rule5[0]!.message).toContain('vượt 1 đồng');
    expect(issue(core, id, '2024-03-15')).toMatchObject({ ok: false, error: { code: 'RULES_BLOCK_ISSUE' } });
  });

  it('broken (warning): rule 5 warns after the allocation deadline when money is left unallocated', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000_000_000);
    call(core, 'ledger.setAllocationDeadline', { year: 2024, deadline: '2024-03-31' });
    const early = draft(core, { docDate: '2024-03-15' });
    addLines(core, early, [line('GNBV.DA2', 900_000_000)]);
    expect(ruleIds(core, early, 'W')).not.toContain(5);
    call(core, 'decisions.update', { id: early, patch: { docDate: '2024-04-02' } });
    const warning = findings(core, early).find((f) => f.ruleId === 5 && f.severity === 'W');
    expect(warning?.message).toContain('100.000.000 đồng chưa phân bổ');
    expect(warning?.message).toContain('90,0%');
  });
});

describe('Quy tắc 6 — Không có số âm (no negative amounts)', () => {
  it('holds: rule 6 passes for a decrease within the amount in force', () => {
    const { core } = withAllocation();
    const id = adjust(core, { 'GNBV.DA2': { dong: -1_000_000_000 }, 'GNBV.DA4.TDA2': { dong: 1_000_000_000 } }, { issuer: 'UBND' });
    expect(ruleIds(core, id)).not.toContain(6);
  });

  it('broken: rule 6 fails for a decrease beyond the amount in force and for a negative allocation', () => {
    const { core } = withAllocation();
    const id = adjust(core, { 'GNBV.DA2': { dong: -1_000_000_001 }, 'GNBV.DA4.TDA2': { dong: 1_000_000_001 } }, { issuer: 'UBND' });
    const rule6 = findings(core, id).find((f) => f.ruleId === 6);
    expect(rule6?.message).toContain('số sau điều chỉnh sẽ thiếu 1 đồng');
    const allocation = draft(core, { docDate: '2024-10-01' });
    addLines(core, allocation, [line('GNBV.DA2', -5)]);
    expect(ruleIds(core, allocation)).toContain(6);
  });
});

describe('Quy tắc 7 — Điều chỉnh SN trong một chương trình (recurrent money between component projects of one program (NQ 111 khoản 1))', () => {
  const delegate = (core: Core) =>
    call(core, 'delegations.create', { basisNumber: '12/2024/NQ-HĐND', basisDate: '2024-07-10', basisIssuer: 'HĐND tỉnh Lạng Sơn', firstYear: 2024, lastYear: 2025 });
  const targets = (core: Core, complete: boolean) =>
    call(core, 'targets.save', { year: 2024, componentCode: 'GNBV.DA4', indicator: 'Số lao động đi làm việc ở nước ngoài', unit: 'người', targetValue: '20', actualValue: '20', complete });
  const move = (core: Core, reason?: string, issuer: 'UBND' | 'HDND' = 'HDND') =>
    adjust(core, { 'GNBV.DA4.TDA2': { dong: -200_000_000, ...(reason ? { reason } : {}) }, 'GNBV.DA2': { dong: 200_000_000 } }, { issuer });

  it('holds: rule 7 passes with a delegation, an HĐND resolution, a reason and the source targets complete', () => {
    const { core } = withAllocation('184');
    delegate(core);
    targets(core, true);
    const id = move(core, 'KHONG_CON_DOI_TUONG');
    expect(findings(core, id).filter((f) => f.ruleId === 7)).toEqual([]);
    expect(issue(core, id, '2024-09-20', SIGNER.hdndChair).ok).toBe(true);
  });

  it('broken: rule 7 fails without a delegation, by a UBND decision, without a reason, with targets incomplete', () => {
    const { core } = withAllocation('184');
    const id = move(core, undefined, 'UBND');
    targets(core, false);
    const messages = findings(core, id)
      .filter((f) => f.ruleId === 7 && f.severity === 'E')
      .map((f) => f.message);
    expect(messages).toHaveLength(4);
    expect(messages.join('\n')).toMatch(/chưa có bản ghi phân cấp/);
    expect(messages.join('\n')).toMatch(/do HĐND huyện quyết định/);
    expect(messages.join('\n')).toMatch(/phải ghi lý do/);
    expect(messages.join('\n')).toMatch(/chưa hoàn thành/);
  });

  it('broken (warning): rule 7 warns when the source targets are not recorded (the law is unclear on which targets)', () => {
    const { core } = withAllocation('184');
    delegate(core);
    const id = move(core, 'GIAI_NGAN_CHAM');
    expect(ruleIds(core, id)).not.toContain(7);
    expect(ruleIds(core, id, 'W')).toContain(7);
  });
});

describe('Quy tắc 8 — Thí điểm: giữa chương trình, ĐTPT ↔ SN (pilot-only moves (NQ 111 khoản 7))', () => {
  it('holds: rule 8 passes for the pilot district: HĐND, inside the window, ĐTPT → SN from a component with no beneficiaries left', () => {
    const { core } = withAllocation('180');
    const id = adjust(core, { 'DTTS.DA1.ND4': { dong: -300_000_000, reason: 'KHONG_CON_DOI_TUONG' }, 'DTTS.DA1.ND2': { dong: 300_000_000 } });
    expect(ruleIds(core, id)).toEqual([]);
    // The unverified condition (district totals per capital type unchanged) is a warning, not an error.
    expect(ruleIds(core, id, 'W')).toContain(8);
  });

  it('broken: rule 8 fails for a UBND decision, a date after the window, and a conversion without the reason', () => {
    const { core } = withAllocation('180');
    const ubnd = adjust(core, { 'GNBV.DA2': { dong: -100_000_000 }, 'DTTS.DA1.ND2': { dong: 100_000_000 } }, { issuer: 'UBND' });
    expect(findings(core, ubnd).some((f) => f.ruleId === 8 && f.severity === 'E' && f.message.includes('HĐND huyện quyết định'))).toBe(true);
    const early = adjust(core, { 'GNBV.DA2': { dong: -100_000_000 }, 'DTTS.DA1.ND2': { dong: 100_000_000 } }, { docDate: '2024-03-20' });
    expect(findings(core, early).some((f) => f.ruleId === 8 && f.message.includes('thời gian thí điểm: từ 02/04/2024'))).toBe(true);
    const conversion = adjust(core, { 'DTTS.DA1.ND4': { dong: -300_000_000, reason: 'GIAI_NGAN_CHAM' }, 'DTTS.DA1.ND2': { dong: 300_000_000 } });
    expect(findings(core, conversion).some((f) => f.ruleId === 8 && f.severity === 'E' && f.message.includes('không còn đối tượng thụ hưởng'))).toBe(true);
  });
});

describe('Quy tắc 9 — Tối đa 2 huyện thí điểm mỗi tỉnh (at most two pilot districts per province)', () => {
  it('holds: rule 9 passes with the two designations of Lạng Sơn', () => {
    const { core } = withAllocation('180');
    const id = adjust(core, { 'GNBV.DA2': { dong: -100_000_000 }, 'DTTS.DA1.ND2': { dong: 100_000_000 } });
    expect(ruleIds(core, id)).not.toContain(9);
  });

  it('broken: rule 9 fails when the data holds a third pilot district in the province', () => {
    const { core } = withAllocation('180');
    core.db.prepare("INSERT INTO pilot_designation (district_code, basis, designated_on, window_end) VALUES ('184', 'thử nghiệm', '2024-04-02', '2025-12-31')").run();
    const id = adjust(core, { 'GNBV.DA2': { dong: -100_000_000 }, 'DTTS.DA1.ND2': { dong: 100_000_000 } });
    const rule9 = findings(core, id).find((f) => f.ruleId === 9);
    expect(rule9?.severity).toBe('E');
    expect(rule9?.message).toContain('3 huyện thí điểm');
  });
});

describe('Quy tắc 10 — Trong thẩm quyền (nothing outside authority)', () => {
  it('holds: rule 10 passes for moves inside one program and capital type in a non-pilot district', () => {
    const { core } = withAllocation('184');
    const id = adjust(core, { 'DTTS.DA1.ND2': { dong: -100_000_000 } }, { issuer: 'UBND' });
    call(core, 'decisions.lines.apply', {
      decisionId: id,
      changes: [{ op: 'add', line: line('DTTS.DA1.ND2', 100_000_000, { recipient: { kind: 'commune', code: '06277' } }) }],
    });
    expect(ruleIds(core, id)).toEqual([]);
  });

  it('broken: rule 10 fails for a conversion ĐTPT → SN in a non-pilot district', () => {
    const { core } = withAllocation('184');
    const id = adjust(core, { 'DTTS.DA1.ND4': { dong: -100_000_000, reason: 'KHONG_CON_DOI_TUONG' }, 'DTTS.DA1.ND2': { dong: 100_000_000 } });
    const rule10 = findings(core, id).find((f) => f.ruleId === 10);
    expect(rule10?.message).toContain('chuyển đổi giữa vốn ĐTPT và kinh phí sự nghiệp');
  });
});

describe('Quy tắc 15 — Hạng mục đúng danh mục (catalog validity)', () => {
  it('holds: rule 15 passes for a component of the origin year with an allowed capital type', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 10);
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 10)]);
    expect(ruleIds(core, id)).not.toContain(15);
  });

  it('broken: rule 15 fails for a capital type the component does not take, and for a component of another period', () => {
    const core = officeCore();
    core.db.prepare("UPDATE component SET allowed_capital_types = 'SN' WHERE code = 'GNBV.DA2'").run();
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 0, { capitalType: 'DTPT' }), line('MTQG2635.HP1', 0)]);
    const messages = findings(core, id)
      .filter((f) => f.ruleId === 15)
      .map((f) => f.message);
    expect(messages).toHaveLength(2);
    expect(messages.join('\n')).toContain('không áp dụng cho vốn năm 2024');
    expect(messages.join('\n')).toContain('không nhận vốn đầu tư phát triển');
  });
});

describe('Quy tắc 16 — Đơn vị nhận còn hiệu lực (recipient valid on the decision date)', () => {
  it('holds: rule 16 passes for Xã Vĩnh Tiến in a decision dated 15/11/2024', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 10);
    const id = draft(core, { docDate: '2024-11-15' });
    addLines(core, id, [line('GNBV.DA2', 10, { recipient: { kind: 'commune', code: '06007' } })]);
    expect(ruleIds(core, id)).not.toContain(16);
  });

  it('broken: rule 16 fails for Xã Vĩnh Tiến after its merger on 01/12/2024 and names the successor', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 10);
    const id = draft(core, { docDate: '2024-12-15' });
    addLines(core, id, [line('GNBV.DA2', 10, { recipient: { kind: 'commune', code: '06007' } })]);
    const rule16 = findings(core, id).find((f) => f.ruleId === 16);
    expect(rule16?.message).toContain('Xã Vĩnh Tiến hết hiệu lực từ 01/12/2024');
    expect(rule16?.message).toContain('Đơn vị kế thừa');
  });
});
