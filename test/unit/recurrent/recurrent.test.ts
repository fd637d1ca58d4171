import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { addLines, assign, call, draft, findings, issue, line, officeCore, SIGNER } from '../../support/ledger-helpers';

/** Three programs' SN estimates, NSTW and NS tỉnh đối ứng, and two implementing units. */
function office(district: '180' | '184' = '180') {
  const core = officeCore(district);
  assign(core, 2024, 'DTTS.DA5.TDA1', 'NSTW', 'SN', 900_000_000);
  assign(core, 2024, 'DTTS.DA5.TDA1', 'NST_DOIUNG', 'SN', 90_000_000);
  assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 600_000_000);
  assign(core, 2024, 'GNBV.DA4.TDA2', 'NSTW', 'SN', 400_000_000);
  assign(core, 2024, 'NTM.ND05', 'NSTW', 'SN', 300_000_000);
  const education = call(core, 'organizations.create', { kind: 'unit', name: 'Phòng Giáo dục và Đào tạo' }).id;
  const labour = call(core, 'organizations.create', { kind: 'unit', name: 'Phòng Lao động - Thương binh và Xã hội' }).id;
  return { core, education, labour };
}

const delegate = (core: Core) =>
  call(core, 'delegations.create', { basisNumber: '12/2024/NQ-HĐND', basisDate: '2024-07-10', basisIssuer: 'HĐND tỉnh Lạng Sơn', firstYear: 2024, lastYear: 2025 });

function breakdown(core: Core, education: number, labour: number): number {
  const id = draft(core, { issuer: 'HDND', docDate: '2024-07-25' });
  addLines(core, id, [
    line('DTTS.DA5.TDA1', 600_000_000, { recipient: { kind: 'unit', id: education } }),
    line('DTTS.DA5.TDA1', 300_000_000, { recipient: { kind: 'unit', id: labour } }),
    line('DTTS.DA5.TDA1', 90_000_000, { recipient: { kind: 'unit', id: education }, sourceCode: 'NST_DOIUNG' }),
    line('GNBV.DA2', 600_000_000, { recipient: { kind: 'unit', id: labour } }),
    line('GNBV.DA4.TDA2', 250_000_000, { recipient: { kind: 'unit', id: labour } }),
    line('NTM.ND05', 300_000_000, { recipient: { kind: 'unit', id: education } }),
  ]);
  return id;
}

describe('recurrent-budget breakdown (components × units)', () => {
  it('shows the breakdown per component, unit and source with what remains, parents the sum of their children', () => {
    const { core, education, labour } = office();
    const id = breakdown(core, education, labour);
    const sheet = call(core, 'recurrent.sheet', { year: 2024, decisionId: id });
    expect(sheet.sources.map((s) => s.code)).toEqual(['NSTW', 'NST_DOIUNG']);
    expect(sheet.units.map((u) => u.recipient.name)).toEqual(['Phòng Giáo dục và Đào tạo', 'Phòng Lao động - Thương binh và Xã hội']);
    const gnbv = sheet.programs.find((p) => p.programCode === 'GNBV')!;
    expect(gnbv.summary.assigned).toEqual({ NSTW: 1_000_000_000 });
    expect(gnbv.summary.total).toEqual({ NSTW: 850_000_000 });
    expect(gnbv.summary.remaining).toEqual({ NSTW: 150_000_000 });
    const tda2 = gnbv.rows.find((r) => r.componentCode === 'GNBV.DA4.TDA2')!;
    expect(tda2).toMatchObject({ entry: true, remaining: { NSTW: 150_000_000 }, cells: { [`unit:${labour}`]: { NSTW: 250_000_000 } } });
    expect(tda2.lineIds[`unit:${labour}`]!.NSTW).toHaveLength(1);
    const da4 = gnbv.rows.find((r) => r.componentCode === 'GNBV.DA4')!;
    expect(da4).toMatchObject({ entry: false, total: { NSTW: 250_000_000 }, assigned: { NSTW: 400_000_000 } });
    expect(gnbv.unitTotals).toEqual({ [`unit:${labour}`]: { NSTW: 850_000_000 } });
    const dtts = sheet.programs.find((p) => p.programCode === 'DTTS')!;
    expect(dtts.summary.remaining).toEqual({ NSTW: 0, NST_DOIUNG: 0 });
    expect(dtts.unitTotals[`unit:${education}`]).toEqual({ NSTW: 600_000_000, NST_DOIUNG: 90_000_000 });
    expect(call(core, 'recurrent.sheet', { year: 2024, programCode: 'NTM' }).programs.map((p) => p.programCode)).toEqual(['NTM']);
  });

  it('is refused as an HĐND resolution without the province\'s delegation (rule 7), and issues with it', () => {
    const { core, education, labour } = office();
    const id = breakdown(core, education, labour);
    const rule7 = findings(core, id).filter((f) => f.ruleId === 7 && f.severity === 'E');
    expect(rule7.map((f) => f.message)).toEqual([expect.stringContaining('cần văn bản phân cấp của HĐND tỉnh')]);
    expect(issue(core, id, '2024-07-25', SIGNER.hdndChair)).toMatchObject({ ok: false, error: { code: 'RULES_BLOCK_ISSUE' } });
    delegate(core);
    const issued = issue(core, id, '2024-07-25', SIGNER.hdndChair);
    expect(issued).toMatchObject({ ok: true, value: { header: { numberText: '01/NQ-HĐND', status: 'issued' } } });
    // Seen as the plan in force: the issued resolution's lines are the cells, nothing "before" it.
    const inForce = call(core, 'recurrent.sheet', { year: 2024 });
    expect(inForce.programs.find((p) => p.programCode === 'NTM')!.summary).toMatchObject({ total: { NSTW: 300_000_000 }, remaining: { NSTW: 0 } });
    // Seen as that resolution: its own lines are not counted twice.
    const own = call(core, 'recurrent.sheet', { year: 2024, decisionId: id });
    expect(own.programs.find((p) => p.programCode === 'NTM')!.summary).toMatchObject({ allocatedBefore: { NSTW: 0 }, remaining: { NSTW: 0 } });
  });

  it('a UBND allocation of recurrent money needs no delegation (the rule reads HĐND breakdowns only)', () => {
    const { core, education, labour } = office();
    const id = draft(core, { docDate: '2024-03-15' });
    addLines(core, id, [line('NTM.ND05', 300_000_000, { recipient: { kind: 'unit', id: education } }), line('GNBV.DA2', 100_000_000, { recipient: { kind: 'unit', id: labour } })]);
    expect(findings(core, id).filter((f) => f.ruleId === 7)).toEqual([]);
  });
});

describe('mid-year moves of recurrent money (rules 7, 8, 10)', () => {
  function issuedBreakdown(district: '180' | '184' = '180') {
    const o = office(district);
    delegate(o.core);
    const id = breakdown(o.core, o.education, o.labour);
    expect(issue(o.core, id, '2024-07-25', SIGNER.hdndChair).ok).toBe(true);
    return o;
  }
  function move(core: Core, changes: Record<string, { dong: number; reason?: string }>, docDate = '2024-09-20'): number {
    const id = draft(core, { kind: 'dieu_chinh', issuer: 'HDND', docDate, fromPlan: true });
    const lines = call(core, 'decisions.get', { id }).lines;
    call(core, 'decisions.lines.apply', {
      decisionId: id,
      changes: Object.entries(changes).map(([code, c]) => ({ op: 'update', id: lines.find((l) => l.componentCode === code && l.sourceCode === 'NSTW')!.id, patch: { amount: { dong: c.dong }, ...(c.reason ? { reasonCode: c.reason } : {}) } })),
    });
    return id;
  }
  const messages = (core: Core, id: number, rule: number) => findings(core, id).filter((f) => f.ruleId === rule && f.severity === 'E').map((f) => f.message);

  it('between components of one program: refused without a reason or with targets incomplete; issued with both', () => {
    const { core } = issuedBreakdown();
    const target = call(core, 'targets.save', { year: 2024, componentCode: 'GNBV.DA4', indicator: 'Người lao động đi làm việc ở nước ngoài', unit: 'người', targetValue: '20', actualValue: '12', complete: false });
    const id = move(core, { 'GNBV.DA4.TDA2': { dong: -100_000_000 }, 'GNBV.DA2': { dong: 100_000_000 } });
    expect(messages(core, id, 7).join('\n')).toMatch(/phải ghi lý do/);
    expect(messages(core, id, 7).join('\n')).toMatch(/chưa hoàn thành/);
    expect(issue(core, id, '2024-09-20', SIGNER.hdndChair).ok).toBe(false);
    call(core, 'targets.save', { id: target.id, year: 2024, componentCode: 'GNBV.DA4', indicator: 'Người lao động đi làm việc ở nước ngoài', unit: 'người', targetValue: '20', actualValue: '20', complete: true });
    const lines = call(core, 'decisions.get', { id }).lines;
    call(core, 'decisions.lines.apply', { decisionId: id, changes: [{ op: 'update', id: lines.find((l) => l.componentCode === 'GNBV.DA4.TDA2')!.id, patch: { reasonCode: 'KHONG_CON_DOI_TUONG' } }] });
    expect(messages(core, id, 7), findings(core, id).map((f) => `${f.ruleId} ${f.message}`).join("\n")).toEqual([]);
    expect(issue(core, id, '2024-09-20', SIGNER.hdndChair)).toMatchObject({ ok: true, value: { header: { numberText: '02/NQ-HĐND' } } });
  });

  it('between programs: refused for a district that is not a pilot (rule 10), and for the pilot after 30/06/2025, when rule 8 is no longer in force (rule 10)', () => {
    const other = issuedBreakdown('184');
    const across = move(other.core, { 'GNBV.DA4.TDA2': { dong: -100_000_000, reason: 'KHONG_CON_DOI_TUONG' }, 'NTM.ND05': { dong: 100_000_000 } });
    expect(messages(other.core, across, 10).join('\n')).toMatch(/không phải huyện thí điểm/);
    const pilot = issuedBreakdown('180');
    const late = move(pilot.core, { 'GNBV.DA4.TDA2': { dong: -100_000_000, reason: 'KHONG_CON_DOI_TUONG' }, 'NTM.ND05': { dong: 100_000_000 } }, '2025-07-02');
    // The pilot rules (7–9) end on 30/06/2025 with the district level (issue 21): rule 8 no longer applies, rule 10 refuses.
    expect(messages(pilot.core, late, 8)).toEqual([]);
    expect(messages(pilot.core, late, 10).join('\n')).toMatch(/Cấp huyện đã kết thúc hoạt động từ ngày 01\/07\/2025/);
  });
});

describe('the UBND decision assigning an issued breakdown to the units (giao dự toán)', () => {
  it('has no lines of its own, issues under a QĐ-UBND number, prints the resolution\'s money, and leaves the ledger as it was', () => {
    const { core, education, labour } = office();
    delegate(core);
    const resolution = breakdown(core, education, labour);
    expect(core.invoke('decisions.createImplementation', { resolutionId: resolution })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(issue(core, resolution, '2024-07-25', SIGNER.hdndChair).ok).toBe(true);
    const before = call(core, 'recurrent.sheet', { year: 2024 });
    const implementation = call(core, 'decisions.createImplementation', { resolutionId: resolution });
    expect(implementation.header).toMatchObject({ issuer: 'UBND', kind: 'phan_bo', implementsId: resolution, lineCount: 0, basis: ['Nghị quyết số 01/NQ-HĐND ngày 25/07/2024 của Hội đồng nhân dân huyện Tràng Định'] });
    const id = implementation.header.id;
    expect(core.invoke('decisions.lines.apply', { decisionId: id, changes: [{ op: 'add', line: line('NTM.ND05', 1, { recipient: { kind: 'unit', id: education } }) }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_LINES' },
    });
    // Asked again while a draft: the same draft comes back; its kind and issuer cannot change; not dated before the resolution.
    expect(call(core, 'decisions.createImplementation', { resolutionId: resolution }).header.id).toBe(id);
    expect(core.invoke('decisions.update', { id, patch: { issuer: 'HDND' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(issue(core, id, '2024-07-20', SIGNER.ubndChair)).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
    expect(issue(core, id, '2024-07-30', SIGNER.ubndChair)).toMatchObject({ ok: true, value: { header: { numberText: '01/QĐ-UBND', status: 'issued' } } });
    expect(core.invoke('decisions.createImplementation', { resolutionId: resolution })).toMatchObject({ ok: false, error: { code: 'DUPLICATE_CODE', message: expect.stringContaining('01/QĐ-UBND') } });
    expect(call(core, 'recurrent.sheet', { year: 2024 })).toEqual(before);
    const printed = call(core, 'print.decision', { id });
    expect(printed.numberLine).toBe('Số: 01/QĐ-UBND');
    expect(printed.annexes.map((a) => a.kind)).toEqual(['du_toan_sn', 'theo_xa']);
    expect(printed.annexes[0]!.attachedTo).toContain('Quyết định số 01/QĐ-UBND');
    expect(printed.annexes[0]!.rows[0]!.cells.total).toBe(2_140_000_000);
  });
});

describe('the implementation decision in the exchange package', () => {
  it('keeps its link to the resolution through export and import into a fresh office, so it prints the same money', async () => {
    const { core, education, labour } = office();
    delegate(core);
    const resolution = breakdown(core, education, labour);
    expect(issue(core, resolution, '2024-07-25', SIGNER.hdndChair).ok).toBe(true);
    const id = call(core, 'decisions.createImplementation', { resolutionId: resolution }).header.id;
    expect(issue(core, id, '2024-07-30', SIGNER.ubndChair).ok).toBe(true);
    const exported = await core.invokeAsync('exchange.exportPackage', { year: 2024 });
    if (!exported.ok) throw new Error(exported.error.message);
    const fresh = officeCore('180');
    const imported = await fresh.invokeAsync('exchange.importPackage', { fileName: exported.value.fileName, base64: exported.value.base64 });
    if (!imported.ok) throw new Error(imported.error.message);
    const copy = call(fresh, 'decisions.list', { year: 2024, issuer: 'UBND' }).find((d) => d.numberText === '01/QĐ-UBND')!;
    const original = call(fresh, 'decisions.list', { year: 2024, issuer: 'HDND' }).find((d) => d.numberText === '01/NQ-HĐND')!;
    expect(copy.implementsId).toBe(original.id);
    expect(call(fresh, 'print.decision', { id: copy.id }).annexes[0]!.rows[0]!.cells.total).toBe(2_140_000_000);
  });
});
