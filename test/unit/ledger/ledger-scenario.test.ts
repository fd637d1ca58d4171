import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { count } from '../../support/helpers';
import { addLines, assign, call, draft, findings, issue, officeCore, SIGNER } from '../../support/ledger-helpers';

/** The province's 2024 assignment (recurrent funds of two programs) and the UBND allocation decision, issued. */
function allocate2024(core: Core, commune: string): number {
  assign(core, 2024, 'GNBV.DA4.TDA2', 'NSTW', 'SN', 450_000_000);
  assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_540_000_000);
  assign(core, 2024, 'DTTS.DA1.ND2', 'NSTW', 'SN', 3_850_000_000);
  const id = draft(core, { kind: 'phan_bo', issuer: 'UBND', docDate: '2024-03-15' });
  addLines(core, id, [
    { componentCode: 'GNBV.DA4.TDA2', recipient: { kind: 'commune', code: commune }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 450_000_000 } },
    { componentCode: 'GNBV.DA2', recipient: { kind: 'commune', code: commune }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 1_540_000_000 } },
    { componentCode: 'DTTS.DA1.ND2', recipient: { kind: 'commune', code: commune }, sourceCode: 'NSTW', capitalType: 'SN', amount: { text: '3.850', unit: 'trieu' } },
  ]);
  return id;
}

/** An HĐND resolution moving 300 million of recurrent money from a GNBV component with no beneficiaries left to DTTS. */
function moveGnbvToDtts(core: Core): number {
  const id = draft(core, { kind: 'dieu_chinh', issuer: 'HDND', docDate: '2024-09-20', fromPlan: true });
  const lines = call(core, 'decisions.get', { id }).lines;
  const from = lines.find((l) => l.componentCode === 'GNBV.DA4.TDA2')!;
  const to = lines.find((l) => l.componentCode === 'DTTS.DA1.ND2')!;
  call(core, 'decisions.lines.apply', {
    decisionId: id,
    changes: [
      { op: 'update', id: from.id, patch: { after: { text: '150', unit: 'trieu' }, reasonCode: 'KHONG_CON_DOI_TUONG' } },
      { op: 'update', id: to.id, patch: { amount: { dong: 300_000_000 } } },
    ],
  });
  return id;
}

describe('Scenario: Tràng Định 2024 (pilot of NQ 111/2024/QH15)', () => {
  it('assignment → allocation QĐ-UBND issued → HĐND moves SN money from GNBV (no beneficiaries left) to DTTS, issued', () => {
    const core = officeCore('180');
    const allocation = allocate2024(core, '06001');
    expect(findings(core, allocation).filter((f) => f.severity === 'E')).toEqual([]);
    const issued = issue(core, allocation, '2024-03-15', SIGNER.ubndVice);
    expect(issued.ok).toBe(true);
    const header = call(core, 'decisions.get', { id: allocation }).header;
    expect(header).toMatchObject({ status: 'issued', numberText: '01/QĐ-UBND', signerName: 'Nông Thị Lan', docDate: '2024-03-15' });

    const balanceAfterAllocation = call(core, 'ledger.balance', { year: 2024 });
    expect(balanceAfterAllocation.groups).toEqual([expect.objectContaining({ originYear: 2024, carriedOver: false, assignedDong: 5_840_000_000, allocatedDong: 5_840_000_000, remainingDong: 0, rate: 1, rateText: '100,0%' })]);

    const move = moveGnbvToDtts(core);
    const moveDoc = call(core, 'decisions.get', { id: move });
    const from = moveDoc.lines.find((l) => l.componentCode === 'GNBV.DA4.TDA2')!;
    expect(from).toMatchObject({ beforeDong: 450_000_000, decreaseDong: 300_000_000, increaseDong: 0, afterDong: 150_000_000 });
    const errors = findings(core, move).filter((f) => f.severity === 'E');
    expect(errors).toEqual([]);
    const issuedMove = issue(core, move, '2024-09-20', SIGNER.hdndChair);
    expect(issuedMove.ok, issuedMove.ok ? '' : issuedMove.error.message).toBe(true);
    expect(call(core, 'decisions.get', { id: move }).header).toMatchObject({ numberText: '01/NQ-HĐND', status: 'issued', signerTitle: 'Chủ tịch HĐND huyện' });

    const plan = (asOf: string) =>
      Object.fromEntries(call(core, 'ledger.plan', { year: 2024, asOf, groupBy: ['component'] }).rows.map((r) => [r.component!.code, r.amountDong]));
    expect(plan('2024-09-19')).toEqual({ 'GNBV.DA4.TDA2': 450_000_000, 'GNBV.DA2': 1_540_000_000, 'DTTS.DA1.ND2': 3_850_000_000 });
    expect(plan('2024-12-31')).toEqual({ 'GNBV.DA4.TDA2': 150_000_000, 'GNBV.DA2': 1_540_000_000, 'DTTS.DA1.ND2': 4_150_000_000 });

    // The HĐND re-plan moves the ceiling with the money: nothing is over, nothing left.
    const balance = call(core, 'ledger.balance', { year: 2024 });
    const dtts = balance.rows.find((r) => r.programCode === 'DTTS')!;
    expect(dtts).toMatchObject({ assignedDong: 3_850_000_000, replannedDong: 300_000_000, allocatedDong: 4_150_000_000, remainingDong: 0, over: false });
    expect(balance.groups.map((g) => g.remainingDong)).toEqual([0]);
  });

  it('the same move in Văn Quan (not a pilot) is refused by rule 10 with its message, and nothing is written', () => {
    const core = officeCore('184');
    const allocation = allocate2024(core, '06274');
    expect(issue(core, allocation, '2024-03-15').ok).toBe(true);
    const move = moveGnbvToDtts(core);
    const rule10 = findings(core, move).filter((f) => f.ruleId === 10 && f.severity === 'E');
    expect(rule10).toHaveLength(1);
    expect(rule10[0]!.message).toContain('Huyện Văn Quan không phải huyện thí điểm theo khoản 7 Điều 4 NQ 111/2024/QH15');
    expect(rule10[0]!.legalBasis).toContain('NQ 111/2024/QH15');
    const auditBefore = count(core, 'audit_log');
    const refused = issue(core, move, '2024-09-20', SIGNER.hdndChair);
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULES_BLOCK_ISSUE' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('quy tắc 10');
      expect((refused.error.details!.findings as { ruleId: number }[]).some((f) => f.ruleId === 10)).toBe(true);
    }
    expect(call(core, 'decisions.get', { id: move }).header).toMatchObject({ status: 'draft', number: null });
    expect(count(core, 'audit_log')).toBe(auditBefore);
    const plan = call(core, 'ledger.plan', { year: 2024, groupBy: ['program'], asOf: '2024-12-31' });
    expect(Object.fromEntries(plan.rows.map((r) => [r.program!.code, r.amountDong]))).toEqual({ GNBV: 1_990_000_000, DTTS: 3_850_000_000 });
  });

  it('a district decision dated 01/07/2025 is refused (the district level ended); one dated 30/06/2025 is not refused by rule 10', () => {
    const core = officeCore('180');
    assign(core, 2025, 'GNBV.DA2', 'NSTW', 'SN', 1_000_000_000);
    const late = draft(core, { year: 2025, docDate: '2025-07-01' });
    addLines(core, late, [{ componentCode: 'GNBV.DA2', recipient: { kind: 'district' }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 400_000_000 } }]);
    const rule10 = findings(core, late).filter((f) => f.ruleId === 10);
    expect(rule10).toHaveLength(1);
    expect(rule10[0]!.message).toContain('Cấp huyện đã kết thúc hoạt động từ ngày 01/07/2025');
    expect(issue(core, late, '2025-07-01')).toMatchObject({ ok: false, error: { code: 'RULES_BLOCK_ISSUE' } });

    const inTime = draft(core, { year: 2025, docDate: '2025-06-30' });
    addLines(core, inTime, [{ componentCode: 'GNBV.DA2', recipient: { kind: 'district' }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 400_000_000 } }]);
    expect(findings(core, inTime).filter((f) => f.ruleId === 10)).toEqual([]);
    expect(issue(core, inTime, '2025-06-30').ok).toBe(true);
  });
});
