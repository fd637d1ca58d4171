// Issue 21, point 5: a recorded khoản 7 điểm b transfer (NQ 257/2025/QH15 Điều 1) moves the money in the ledger.
// On the commune sample of Xã Tràng Định (06046), 2026: GNBV.DA2 carries 215.000.000 đồng of 2025 NSTW SN money,
// nothing allocated. After moving 100.000.000 đồng of it into MTQG2635.HP2.ND02, the plan (ledger.balance, what
// `plan --year 2026` prints) shows GNBV 100.000.000 lower and a row of its own for MTQG2635 "vốn năm 2025" with
// exactly 100.000.000; the content can allocate that much and no more, the 2021–2025 task no longer can.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { BalanceRow } from '../../../shared/api/ledger';
import { EXIT } from '../../../electron/cli/cli';
import { cliRun as cli } from '../../support/cli-capture';
import { count, testCore } from '../../support/helpers';
import { addLines, call, draft, expectOk, findings, issue, line } from '../../support/ledger-helpers';
import { SAMPLE_TRANSFER } from '../../support/transfer-helpers';

const MOVED = SAMPLE_TRANSFER.amount.dong;

const transfer = SAMPLE_TRANSFER;

function commune(): { core: Core & { dataDir: string }; unit: number } {
  const core = testCore();
  call(core, 'office.setup', { districtCode: '06046', signers: [{ name: 'Lý Văn Hòa', title: 'Chủ tịch UBND xã' }] });
  call(core, 'demo.seed', {});
  const unit = call(core, 'organizations.create', { kind: 'unit', name: 'Phòng Kinh tế xã Tràng Định' }).id;
  return { core, unit };
}

function row(core: Core, programCode: string, originYear = 2025): BalanceRow | undefined {
  return call(core, 'ledger.balance', { year: 2026 }).rows.find((r) => r.programCode === programCode && r.originYear === originYear && r.sourceCode === 'NSTW' && r.capitalType === 'SN');
}

const plan = (r: BalanceRow) => r.assignedDong + r.replannedDong + r.transferredDong;

/** A 2026 allocation draft of 2025 money on a content, to the commune's unit. */
function allocate(core: Core, unit: number, componentCode: string, dong: number): number {
  const id = draft(core, { year: 2026, docDate: '2026-05-04' });
  addLines(core, id, [line(componentCode, dong, { recipient: { kind: 'unit', id: unit }, originYear: 2025 })]);
  return id;
}

const rule = (core: Core, id: number, ruleId: number) => findings(core, id).filter((f) => f.ruleId === ruleId && f.severity === 'E');

describe('a recorded khoản 7 điểm b transfer moves the money in the ledger', () => {
  it('lowers the 2021–2025 key and gives the content exactly the amount, as its own row of origin year 2025', () => {
    const { core } = commune();
    const before = call(core, 'ledger.balance', { year: 2026 });
    const sourceBefore = row(core, 'GNBV')!;
    expect(sourceBefore.remainingDong).toBe(215_000_000);
    expect(row(core, 'MTQG2635')).toBeUndefined();

    const recorded = call(core, 'transfers.record', transfer);
    // The legs are written with the transfer and its audit row, both under the money's origin year.
    expect(core.db.prepare('SELECT leg, origin_year, amount_dong FROM assignment_movement WHERE transfer_id = ? ORDER BY leg DESC').all(recorded.id)).toEqual([
      { leg: 'out', origin_year: 2025, amount_dong: -MOVED },
      { leg: 'in', origin_year: 2025, amount_dong: MOVED },
    ]);
    expect(count(core, "audit_log WHERE command = 'transfers.record'")).toBe(1);
    const audit = JSON.parse((core.db.prepare("SELECT after_json FROM audit_log WHERE command = 'transfers.record'").get() as { after_json: string }).after_json) as { legs: { leg: string; amount_dong: number }[] };
    expect(audit.legs.map((l) => [l.leg, l.amount_dong])).toEqual([
      ['out', -MOVED],
      ['in', MOVED],
    ]);

    const source = row(core, 'GNBV')!;
    expect(source.assignedDong).toBe(sourceBefore.assignedDong);
    expect(source.transferredDong).toBe(-MOVED);
    expect(plan(source)).toBe(plan(sourceBefore) - MOVED);
    expect(source.remainingDong).toBe(sourceBefore.remainingDong - MOVED);
    expect(source.transferNote).toBe('Đã chuyển đi theo NQ 257/2025/QH15 Điều 1 khoản 7 điểm b (vốn năm 2025): 41/QĐ-UBND ngày 15/04/2026');

    const target = row(core, 'MTQG2635')!;
    expect(target).toMatchObject({ originYear: 2025, assignedDong: 0, transferredDong: MOVED, allocatedDong: 0, remainingDong: MOVED, over: false });
    expect(target.transferNote).toBe('Nhận chuyển theo NQ 257/2025/QH15 Điều 1 khoản 7 điểm b (vốn năm 2025): 41/QĐ-UBND ngày 15/04/2026');

    // Money years never mix: the 2025 group keeps its total (the money moved inside it), the 2026 money is untouched.
    const after = call(core, 'ledger.balance', { year: 2026 });
    const group = (b: typeof after, y: number) => b.groups.find((g) => g.originYear === y)!;
    expect(group(after, 2025).remainingDong).toBe(group(before, 2025).remainingDong);
    expect(group(after, 2026)).toEqual(group(before, 2026));
    expect(after.rows.filter((r) => r.originYear === 2026)).toEqual(before.rows.filter((r) => r.originYear === 2026));
  });

  it('plan --year 2026 prints the moved money on its rows, with the decision and the origin year it keeps', () => {
    const { core } = commune();
    call(core, 'transfers.record', transfer);
    core.close();
    const plan = cli(['plan', '--year', '2026', '--data', core.dataDir]);
    expect(plan.code).toBe(EXIT.ok);
    const lines = plan.out.split('\n');
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    const target = at('2025\tMTQG2635\tNSTW\tSN\t');
    expect(lines[target]).toBe('2025\tMTQG2635\tNSTW\tSN\t0\t0\t0\t100.000.000\t0,0%');
    expect(lines[target + 1]).toBe('\t↳ +100.000.000 đồng: Nhận chuyển theo NQ 257/2025/QH15 Điều 1 khoản 7 điểm b (vốn năm 2025): 41/QĐ-UBND ngày 15/04/2026');
    const source = at('2025\tGNBV\tNSTW\tSN\t');
    expect(lines[source]).toBe('2025\tGNBV\tNSTW\tSN\t215.000.000\t0\t0\t115.000.000\t0,0%');
    expect(lines[source + 1]).toContain('\t↳ −100.000.000 đồng: Đã chuyển đi theo NQ 257/2025/QH15');
  });

  it('disbursement: the sheet, progress and deadlines take the moved money off the task and give it to the content', () => {
    const { core } = commune();
    // The NQ 257 extension of 2021–2025 money to 31/12/2026, as the history import writes it: carried money has its
    // row on the sheet before its first figure.
    call(core, 'extensions.create', { originYearFrom: 2021, originYearTo: 2025, authority: 'QH', decisionNumber: 'NQ 257/2025/QH15', decisionDate: '2025-12-11', newDeadline: '2026-12-31' });
    const planOf = (code: string) =>
      call(core, 'disbursement.sheet', { year: 2026, cutoffDate: '2026-06-30' })
        .rows.filter((r) => r.componentCode === code && r.originYear === 2025 && r.sourceCode === 'NSTW' && r.capitalType === 'SN')
        .reduce((n, r) => n + r.planDong, 0);
    const before = planOf('GNBV.DA2');
    expect(before).toBe(215_000_000);
    call(core, 'transfers.record', transfer);
    expect(planOf('GNBV.DA2')).toBe(before - MOVED);
    expect(planOf('MTQG2635.HP2.ND02')).toBe(MOVED);
    // Progress and deadlines measure each program's 2025 money against what it holds after the move; the moved
    // money keeps the deadline of 2025 money (the choice TRANSFER_DEADLINE_UNSETTLED states).
    const progressOf = (program: string) =>
      call(core, 'disbursement.progress', { year: 2026, asOf: '2026-06-30' }).rows.find((r) => r.programCode === program && r.originYear === 2025 && r.capitalType === 'SN')!;
    expect(progressOf('GNBV').planDong).toBe(215_000_000 - MOVED);
    expect(progressOf('MTQG2635').planDong).toBe(MOVED);
    const moved = call(core, 'disbursement.deadlines', { year: 2026, asOf: '2026-06-30' }).rows.find((r) => r.programCode === 'MTQG2635' && r.originYear === 2025)!;
    expect(moved).toMatchObject({ planDong: MOVED, remainingDong: MOVED, deadline: '2026-12-31' });
  });

  it('a refused transfer moves nothing; the legs cannot be changed or removed', () => {
    const { core } = commune();
    expect(core.invoke('transfers.record', { ...transfer, amount: { dong: 215_000_001 } }).ok).toBe(false);
    expect(count(core, 'assignment_movement')).toBe(0);
    expect(row(core, 'GNBV')!.remainingDong).toBe(215_000_000);
    call(core, 'transfers.record', transfer);
    expect(() => core.db.prepare('UPDATE assignment_movement SET amount_dong = 1').run()).toThrow(/không được sửa/);
    expect(() => core.db.prepare('DELETE FROM assignment_movement').run()).toThrow(/không được xoá/);
  });

  it('the content allocates the moved amount of 2025 money, and one đồng more is refused (rule 5)', () => {
    const { core, unit } = commune();
    // Before any transfer, 2025 money on a 2026–2035 content is the wrong catalog (rule 15).
    const early = allocate(core, unit, 'MTQG2635.HP2.ND02', MOVED);
    expect(rule(core, early, 15)).toHaveLength(1);
    call(core, 'decisions.delete', { id: early });

    call(core, 'transfers.record', transfer);
    const exact = allocate(core, unit, 'MTQG2635.HP2.ND02', MOVED);
    expect(rule(core, exact, 15)).toEqual([]);
    expect(rule(core, exact, 5)).toEqual([]);
    expectOk(issue(core, exact, '2026-05-04'));
    expect(row(core, 'MTQG2635')).toMatchObject({ allocatedDong: MOVED, remainingDong: 0, over: false });

    const more = allocate(core, unit, 'MTQG2635.HP2.ND02', 1);
    const over = rule(core, more, 5);
    expect(over.map((f) => f.message).join(' ')).toContain('Vượt số đã chuyển đến: MTQG2635.HP2.ND02, nguồn NSTW');
    expect(over.map((f) => f.message).join(' ')).toContain('chỉ nhận 100.000.000 đồng theo quyết định chuyển nhiệm vụ 41/QĐ-UBND');
    expect(issue(core, more, '2026-05-04').ok).toBe(false);
  });

  it('another content of the same program cannot use the moved money', () => {
    const { core, unit } = commune();
    call(core, 'transfers.record', transfer);
    const elsewhere = allocate(core, unit, 'MTQG2635.HP1.ND04', 1_000_000);
    expect(rule(core, elsewhere, 15)).toHaveLength(1);
  });

  it('the 2021–2025 task can no longer allocate the moved money', () => {
    const { core, unit } = commune();
    const fromStart = allocate(core, unit, 'GNBV.DA2', 215_000_000);
    expect(rule(core, fromStart, 5)).toEqual([]);
    call(core, 'decisions.delete', { id: fromStart });

    call(core, 'transfers.record', transfer);
    const rest = allocate(core, unit, 'GNBV.DA2', 115_000_000);
    expect(rule(core, rest, 5)).toEqual([]);
    call(core, 'decisions.delete', { id: rest });
    const all = allocate(core, unit, 'GNBV.DA2', 215_000_000);
    const messages = rule(core, all, 5).map((f) => f.message).join(' ');
    expect(messages).toContain('Vượt số được giao: ');
    expect(messages).toContain('Vốn đã chuyển đi: GNBV.DA2, nguồn NSTW');
    expect(messages).toContain('đã chuyển sang nội dung 2026–2030 100.000.000 đồng theo quyết định 41/QĐ-UBND');
  });

  it('the assignment a transfer took from cannot be lowered below the moved amount or deleted', () => {
    const { core } = commune();
    call(core, 'transfers.record', transfer);
    const id = call(core, 'assignments.list', { year: 2026 }).lines.find((l) => l.componentCode === 'GNBV.DA2' && l.originYear === 2025)!.id;
    const lowered = core.invoke('assignments.update', { id, patch: { amount: { dong: MOVED - 1 } } });
    expect(lowered.ok).toBe(false);
    if (!lowered.ok) {
      expect(lowered.error.code).toBe('ASSIGNMENT_BELOW_TRANSFERRED');
      expect(lowered.error.message).toContain('ít hơn 100.000.000 đồng đã chuyển sang nội dung 2026–2030');
    }
    expect(core.invoke('assignments.delete', { id }).ok).toBe(false);
    expect(row(core, 'GNBV')!.assignedDong).toBe(215_000_000);
    // Down to exactly the moved amount is allowed: nothing is left on the task, the content keeps its money.
    call(core, 'assignments.update', { id, patch: { amount: { dong: MOVED } } });
    expect(row(core, 'GNBV')!.remainingDong).toBe(0);
    expect(row(core, 'MTQG2635')!.remainingDong).toBe(MOVED);
  });

  it('says, with every transfer, the two choices the law leaves open: deadline and ceiling ([?])', () => {
    const { core } = commune();
    const recorded = call(core, 'transfers.record', transfer);
    const byCode = new Map(recorded.warnings.map((w) => [w.code, w]));
    expect(byCode.get('TRANSFER_DEADLINE_UNSETTLED')).toMatchObject({ severity: 'W', certainty: '?' });
    expect(byCode.get('TRANSFER_DEADLINE_UNSETTLED')!.message).toContain('31/12/2026');
    expect(byCode.get('TRANSFER_CEILING_UNSETTLED')).toMatchObject({ severity: 'W', certainty: '?' });
    expect(byCode.get('TRANSFER_CEILING_UNSETTLED')!.basis).toContain('NQ 257/2025/QH15');
  });
});
