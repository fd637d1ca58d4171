// Regressions found in review: each case once let an illegal decision through or blocked a legal one.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { addLines, assign, call, draft, findings, issue, line, officeCore, ruleIds, SIGNER } from '../../support/ledger-helpers';

const commune = (code: string) => ({ recipient: { kind: 'commune' as const, code } });

/** An adjustment draft with explicit lines (adds): [component, commune, source, capital type, amount, reason?]. */
function adjustment(core: Core, docDate: string, issuer: 'UBND' | 'HDND', lines: [string, string, string, 'DTPT' | 'SN', number, string?][]): number {
  const id = draft(core, { kind: 'dieu_chinh', issuer, docDate });
  addLines(
    core,
    id,
    lines.map(([code, c, sourceCode, capitalType, dong, reasonCode]) => line(code, dong, { ...commune(c), sourceCode, capitalType, ...(reasonCode ? { reasonCode } : {}) })),
  );
  return id;
}

describe('ledger review regressions', () => {
  it('rule 6: a back-dated decrease that would sink a later issued decision is refused', () => {
    const core = officeCore('180');
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000);
    const a = draft(core);
    addLines(core, a, [line('GNBV.DA2', 1_000, commune('06001'))]);
    expect(issue(core, a, '2024-03-15').ok).toBe(true);
    const b = adjustment(core, '2024-06-01', 'UBND', [['GNBV.DA2', '06001', 'NSTW', 'SN', -1_000], ['GNBV.DA2', '06004', 'NSTW', 'SN', 1_000]]);
    expect(issue(core, b, '2024-06-01').ok).toBe(true);
    const c = adjustment(core, '2024-05-01', 'UBND', [['GNBV.DA2', '06001', 'NSTW', 'SN', -1_000], ['GNBV.DA2', '06043', 'NSTW', 'SN', 1_000]]);
    const rule6 = findings(core, c).find((f) => f.ruleId === 6);
    expect(rule6?.message).toContain('quyết định 02/QĐ-UBND ngày 01/06/2024');
    expect(issue(core, c, '2024-05-01')).toMatchObject({ ok: false, error: { code: 'RULES_BLOCK_ISSUE' } });
    const plan = call(core, 'ledger.plan', { year: 2024, groupBy: ['recipient'], asOf: '2024-12-31' });
    expect(plan.rows.every((r) => r.amountDong >= 0)).toBe(true);
  });

  it('rules 8/10: opposite moves in two sources do not cancel out', () => {
    const core = officeCore('184');
    for (const source of ['NSTW', 'NST_DOIUNG']) {
      assign(core, 2024, 'GNBV.DA2', source, 'SN', 1_000);
      assign(core, 2024, 'DTTS.DA1.ND2', source, 'SN', 1_000);
    }
    const a = draft(core);
    addLines(core, a, ['NSTW', 'NST_DOIUNG'].flatMap((sourceCode) => [line('GNBV.DA2', 1_000, { ...commune('06274'), sourceCode }), line('DTTS.DA1.ND2', 1_000, { ...commune('06274'), sourceCode })]));
    expect(issue(core, a, '2024-03-15').ok).toBe(true);
    const swap = adjustment(core, '2024-06-01', 'UBND', [
      ['GNBV.DA2', '06274', 'NSTW', 'SN', -100],
      ['DTTS.DA1.ND2', '06274', 'NSTW', 'SN', 100],
      ['DTTS.DA1.ND2', '06277', 'NST_DOIUNG', 'SN', -100],
      ['GNBV.DA2', '06277', 'NST_DOIUNG', 'SN', 100],
    ]);
    expect(ruleIds(core, swap)).toContain(10);
  });

  it('rule 8: a capital-type swap across two programs is a conversion (needs the no-beneficiaries reason)', () => {
    const core = officeCore('180');
    for (const [code, cap] of [['GNBV.DA1.TDA1', 'DTPT'], ['GNBV.DA2', 'SN'], ['DTTS.DA1.ND2', 'SN'], ['DTTS.DA1.ND4', 'DTPT']] as const) assign(core, 2024, code, 'NSTW', cap, 1_000);
    const a = draft(core);
    addLines(core, a, [line('GNBV.DA1.TDA1', 1_000, { capitalType: 'DTPT' }), line('GNBV.DA2', 1_000), line('DTTS.DA1.ND2', 1_000), line('DTTS.DA1.ND4', 1_000, { capitalType: 'DTPT' })]);
    expect(issue(core, a, '2024-03-15').ok).toBe(true);
    const cycle = adjustment(core, '2024-06-01', 'HDND', [
      ['GNBV.DA1.TDA1', '06001', 'NSTW', 'DTPT', -100],
      ['GNBV.DA2', '06001', 'NSTW', 'SN', 100],
      ['DTTS.DA1.ND2', '06001', 'NSTW', 'SN', -100],
      ['DTTS.DA1.ND4', '06001', 'NSTW', 'DTPT', 100],
    ]);
    expect(findings(core, cycle).some((f) => f.ruleId === 8 && f.severity === 'E' && f.message.includes('không còn đối tượng thụ hưởng'))).toBe(true);
  });

  it('rule 7: judged by the net of each component project, not by which lines decrease', () => {
    const core = officeCore('184');
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000);
    assign(core, 2024, 'GNBV.DA4.TDA2', 'NSTW', 'SN', 1_000);
    const a = draft(core);
    addLines(core, a, [line('GNBV.DA2', 500, commune('06274')), line('GNBV.DA2', 500, commune('06277')), line('GNBV.DA4.TDA2', 500, commune('06274')), line('GNBV.DA4.TDA2', 500, commune('06277'))]);
    expect(issue(core, a, '2024-03-15').ok).toBe(true);
    // DA2 loses 150 and DA4 gains 150, disguised with decreases on both sides: still a move between projects.
    const disguised = adjustment(core, '2024-06-01', 'UBND', [
      ['GNBV.DA2', '06274', 'NSTW', 'SN', -200],
      ['GNBV.DA2', '06277', 'NSTW', 'SN', 50],
      ['GNBV.DA4.TDA2', '06274', 'NSTW', 'SN', -50],
      ['GNBV.DA4.TDA2', '06277', 'NSTW', 'SN', 200],
    ]);
    expect(ruleIds(core, disguised)).toContain(7);
    // A legal move (HĐND, delegation, reason and targets on the losing project) with a reshuffle inside the gaining one.
    call(core, 'delegations.create', { basisNumber: '12/2024/NQ-HĐND', basisDate: '2024-05-10', basisIssuer: 'HĐND tỉnh Lạng Sơn', firstYear: 2024, lastYear: 2024 });
    call(core, 'targets.save', { year: 2024, componentCode: 'GNBV.DA2', indicator: 'Mô hình', complete: true });
    const legal = adjustment(core, '2024-06-02', 'HDND', [
      ['GNBV.DA2', '06274', 'NSTW', 'SN', -200, 'KHONG_CON_DOI_TUONG'],
      ['GNBV.DA4.TDA2', '06274', 'NSTW', 'SN', -50],
      ['GNBV.DA4.TDA2', '06277', 'NSTW', 'SN', 250],
    ]);
    expect(findings(core, legal).filter((f) => f.ruleId === 7)).toEqual([]);
    expect(issue(core, legal, '2024-06-02', SIGNER.hdndChair).ok).toBe(true);
  });

  it('rule 16: money can still be taken from a merged commune, only not given to it', () => {
    const core = officeCore('180');
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000);
    const a = draft(core);
    addLines(core, a, [line('GNBV.DA2', 400, commune('06007'))]);
    expect(issue(core, a, '2024-03-15').ok).toBe(true);
    const move = adjustment(core, '2024-12-10', 'UBND', [['GNBV.DA2', '06007', 'NSTW', 'SN', -400], ['GNBV.DA2', '06001', 'NSTW', 'SN', 400]]);
    expect(ruleIds(core, move)).not.toContain(16);
    const back = adjustment(core, '2024-12-11', 'UBND', [['GNBV.DA2', '06001', 'NSTW', 'SN', -1], ['GNBV.DA2', '06007', 'NSTW', 'SN', 1]]);
    expect(findings(core, back).find((f) => f.ruleId === 16)?.message).toContain('phân bổ cho đơn vị kế thừa');
  });

  it('a commune of another district is refused, including the communes formed on 01/07/2025', () => {
    const core = officeCore('184');
    const id = draft(core, { year: 2025, docDate: '2025-07-02' });
    const refused = core.invoke('decisions.lines.apply', { decisionId: id, changes: [{ op: 'add', line: line('GNBV.DA2', 1, commune('06001')) }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_LINES' } });
    if (!refused.ok) expect(refused.error.message).toContain('không thuộc Huyện Văn Quan');
  });

  it('only an issued decision can be a predecessor; a draft can always be deleted', () => {
    const core = officeCore();
    const p = draft(core);
    expect(core.invoke('decisions.create', { year: 2024, kind: 'dieu_chinh', issuer: 'UBND', predecessorId: p })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(call(core, 'decisions.delete', { id: p })).toEqual({ deletedId: p });
  });

  it('dates that do not exist and amounts beyond 15 digits are refused with a message', () => {
    const core = officeCore();
    const id = draft(core);
    const badDate = core.invoke('decisions.update', { id, patch: { docDate: '2024-02-31' } });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!badDate.ok) expect(badDate.error.message).toContain('Ngày không có thật trên lịch');
    expect(core.invoke('ledger.setAllocationDeadline', { year: 2024, deadline: '2024-13-45' }).ok).toBe(false);
    const huge = core.invoke('decisions.lines.apply', { decisionId: id, changes: [{ op: 'add', line: line('GNBV.DA2', 9e15) }] });
    expect(huge).toMatchObject({ ok: false, error: { code: 'INVALID_LINES' } });
    if (!huge.ok) expect(huge.error.message).toContain('quá lớn');
  });
});
