import { describe, expect, it } from 'vitest';
import { addLines, assign, call, draft, line, officeCore, SIGNER } from '../../support/ledger-helpers';

function statusOf(core: ReturnType<typeof officeCore>, id: number) {
  return call(core, 'decisions.get', { id }).header;
}

describe('issuing requires a trích yếu and a căn cứ, in the core', () => {
  it('refuses an empty trích yếu, then an empty căn cứ, with a Vietnamese message, and leaves the draft as it was', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 10_000_000);
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 1_000_000)]);

    const noSummary = core.invoke('decisions.issue', { id, docDate: '2024-03-15', signerId: SIGNER.ubndChair, summary: '   ', basis: ['Quyết định số 1/QĐ-UBND'] });
    expect(noSummary).toMatchObject({ ok: false, error: { code: 'DECISION_SUMMARY_REQUIRED', details: { field: 'summary' } } });
    if (!noSummary.ok) expect(noSummary.error.message).toContain('chưa có trích yếu');

    const blankBasis = core.invoke('decisions.issue', { id, docDate: '2024-03-15', signerId: SIGNER.ubndChair, summary: 'Về việc phân bổ', basis: [] });
    expect(blankBasis).toMatchObject({ ok: false, error: { code: 'DECISION_BASIS_REQUIRED', details: { field: 'basis' } } });
    if (!blankBasis.ok) expect(blankBasis.error.message).toContain('chưa có căn cứ nào');

    const header = statusOf(core, id);
    expect(header).toMatchObject({ status: 'draft', number: null, summary: '', basis: [] });
  });

  it('takes the trích yếu and căn cứ already on the draft', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 10_000_000);
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 1_000_000)]);
    call(core, 'decisions.update', { id, patch: { summary: 'Về việc phân bổ vốn', basis: ['Quyết định số 9/QĐ-UBND của UBND tỉnh'] } });
    const issued = core.invoke('decisions.issue', { id, docDate: '2024-03-15', signerId: SIGNER.ubndChair });
    expect(issued.ok, issued.ok ? '' : issued.error.message).toBe(true);
    expect(statusOf(core, id)).toMatchObject({ status: 'issued', summary: 'Về việc phân bổ vốn', basis: ['Quyết định số 9/QĐ-UBND của UBND tỉnh'] });
  });
});

describe('decisions.check on an empty draft', () => {
  it('names what issuing would refuse, so the panel never says "no errors" for it', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 10_000_000);
    const id = draft(core);
    const empty = call(core, 'decisions.check', { id });
    expect(empty.findings).toEqual([]);
    expect(empty.blockers).toEqual([expect.stringContaining('Dự thảo chưa có dòng nào')]);
    const refused = core.invoke('decisions.issue', { id, docDate: '2024-03-15', signerId: SIGNER.ubndChair, summary: 'Phân bổ', basis: ['QĐ tỉnh'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DECISION_EMPTY', message: empty.blockers![0] } });
    addLines(core, id, [line('GNBV.DA2', 1_000_000)]);
    expect(call(core, 'decisions.check', { id }).blockers).toEqual([]);
  });
});

describe('decisions.issueProposal', () => {
  it("proposes the province's assignment decision, the pilot resolution and the delegation, and a trích yếu by kind", () => {
    const core = officeCore('180');
    call(core, 'assignments.create', {
      year: 2024,
      componentCode: 'GNBV.DA2',
      sourceCode: 'NSTW',
      capitalType: 'SN',
      originYear: 2024,
      amount: { dong: 10_000_000 },
      basisNumber: '2390/QĐ-UBND',
      basisDate: '2023-12-12',
      basisIssuer: 'UBND tỉnh Lạng Sơn',
    });
    call(core, 'delegations.create', { basisNumber: '15/NQ-HĐND', basisDate: '2024-01-10', basisIssuer: 'HĐND tỉnh Lạng Sơn', firstYear: 2024, lastYear: 2025 });
    const id = draft(core);
    const proposal = call(core, 'decisions.issueProposal', { id });
    expect(proposal.summary).toBe('Về việc phân bổ chi tiết kế hoạch vốn thực hiện các Chương trình mục tiêu quốc gia năm 2024');
    expect(proposal.basis).toEqual([
      'Nghị quyết số 111/2024/QH15 ngày 18/01/2024 của Quốc hội về một số cơ chế, chính sách đặc thù trong tổ chức thực hiện các chương trình mục tiêu quốc gia',
      'Nghị quyết số 07/NQ-HĐND ngày 02/4/2024 của HĐND tỉnh Lạng Sơn',
      'Quyết định số 2390/QĐ-UBND ngày 12/12/2023 của UBND tỉnh Lạng Sơn',
      'Nghị quyết số 15/NQ-HĐND ngày 10/01/2024 của HĐND tỉnh Lạng Sơn',
    ]);
  });

  it('names the decision an adjustment changes', () => {
    const core = officeCore('184'); // Văn Quan: not a pilot, so no NQ 111
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 10_000_000);
    const first = draft(core);
    addLines(core, first, [line('GNBV.DA2', 1_000_000, { recipient: { kind: 'district' } })]);
    expect(core.invoke('decisions.issue', { id: first, docDate: '2024-03-15', signerId: SIGNER.ubndChair, summary: 'Phân bổ', basis: ['QĐ tỉnh'] }).ok).toBe(true);
    const adjustment = call(core, 'decisions.create', { year: 2024, kind: 'dieu_chinh', issuer: 'UBND', fromPlan: true, predecessorId: first }).header.id;
    const proposal = call(core, 'decisions.issueProposal', { id: adjustment });
    expect(proposal.basis).toEqual(['Quyết định số 01/QĐ-UBND ngày 15/03/2024 của Ủy ban nhân dân huyện Văn Quan']);
    expect(proposal.summary).toContain('Về việc điều chỉnh');
  });
});
