// The wording of decision documents as data: office templates over the defaults, a draft's override, the text
// frozen at issue (the table's triggers refuse changes after), the documents hub list and the signed reports.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseAmountInWords } from '../../../shared/money/amount-in-words';
import { defaultWording } from '../../../shared/print/wording';
import { count, testCore } from '../../support/helpers';
import { addLines, assign, call, draft, issue, line, officeCore, SIGNER } from '../../support/ledger-helpers';

describe('decision wording: templates, override, frozen at issue', () => {
  it('a draft prints the office template; its own override wins; issuing freezes it against later template edits', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 1_000_000_000);
    const id = draft(core);
    addLines(core, id, [line('GNBV.DA2', 250_000_000, { recipient: { kind: 'commune', code: '06001' } }), line('GNBV.DA2', 150_500_000, { recipient: { kind: 'commune', code: '06004' } })]);

    // Built-in default first.
    expect(call(core, 'documents.decisionWording', { id })).toMatchObject({ source: 'default', templateKey: 'phan_bo', editable: true });
    let body = call(core, 'print.decision', { id }).body!;
    expect(body.proposal).toBe('Theo đề nghị của Trưởng phòng Tài chính - Kế hoạch huyện.');
    // Article 1 states the total from the lines, in figures and in words.
    const first = body.articles[0]!.paragraphs[0]!;
    expect(first).toContain('400.500.000 đồng');
    expect(parseAmountInWords(/Bằng chữ: ([^)]+)\)/.exec(first)![1]!)).toBe(400_500_000);

    // The office's template on Cài đặt: the chair decides, another proposal line; the draft follows it.
    const template = { ...defaultWording('phan_bo', 'UBND'), authority: 'chu_tich' as const, proposal: 'Theo đề nghị của Trưởng phòng Tài chính - Kế hoạch huyện tại Tờ trình số 15/TTr-TCKH.' };
    expect(call(core, 'documents.saveTemplate', { key: 'phan_bo', issuer: 'UBND', wording: template })).toMatchObject({ custom: true });
    body = call(core, 'print.decision', { id }).body!;
    expect(body.authority).toEqual(['CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH']);
    expect(body.proposal).toContain('15/TTr-TCKH');
    expect(call(core, 'print.decision', { id }).signature.authority).toBeNull();

    // The draft's own Điều 3.
    const own = { ...template, article3: 'Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan có tên tại Điều 1 chịu trách nhiệm thi hành./.' };
    expect(call(core, 'documents.saveDecisionWording', { id, wording: own })).toMatchObject({ source: 'decision' });
    expect(call(core, 'print.decision', { id }).body!.articles[2]!.paragraphs[0]).toContain('Các cơ quan có tên tại Điều 1');

    // Issued: the wording in effect is frozen with it.
    expect(issue(core, id, '2024-03-15', SIGNER.ubndChair).ok).toBe(true);
    call(core, 'documents.saveTemplate', { key: 'phan_bo', issuer: 'UBND', wording: null });
    expect(call(core, 'documents.decisionWording', { id })).toMatchObject({ source: 'frozen', editable: false });
    const issued = call(core, 'print.decision', { id }).body!;
    expect(issued.authority).toEqual(['CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH']);
    expect(issued.articles[2]!.paragraphs[0]).toContain('Các cơ quan có tên tại Điều 1');
    // Refused through the command and by the database itself.
    const refused = core.invoke('documents.saveDecisionWording', { id, wording: null });
    expect(refused.ok ? null : refused.error.code).toBe('DECISION_ISSUED');
    expect(() => core.db.prepare("UPDATE decision_wording SET wording_json = '{}' WHERE decision_id = ?").run(id)).toThrow(/ISSUED_DECISION_IMMUTABLE/);
    expect(() => core.db.prepare('DELETE FROM decision_wording WHERE decision_id = ?').run(id)).toThrow(/ISSUED_DECISION_IMMUTABLE/);
  });

  it('a draft that is deleted takes its wording with it; a bad wording is refused and nothing is written', () => {
    const core = officeCore();
    const id = draft(core);
    call(core, 'documents.saveDecisionWording', { id, wording: defaultWording('phan_bo', 'UBND') });
    call(core, 'decisions.delete', { id });
    expect(count(core, 'decision_wording')).toBe(0);
    const before = count(core, 'document_template');
    const bad = core.invoke('documents.saveTemplate', { key: 'phan_bo', issuer: 'UBND', wording: { ...defaultWording('phan_bo', 'UBND'), authority: 'ai_do' } });
    expect(bad.ok).toBe(false);
    expect(count(core, 'document_template')).toBe(before);
  });
});

describe('documents hub and signed reports', () => {
  it('lists the sample year: the decisions and resolutions, the recurrent Biểu, the reports and the package', () => {
    const core = testCore();
    call(core, 'demo.seed', {});
    const docs = call(core, 'documents.list', { year: 2024 });
    const titles = docs.map((d) => d.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Quyết định số 215/QĐ-UBND ngày 15/03/2024',
        'Nghị quyết số 28/NQ-HĐND ngày 20/09/2024',
        'Nghị quyết số 19/NQ-HĐND ngày 25/07/2024',
        'Báo cáo giao và phân bổ vốn năm 2024',
        'Báo cáo tiến độ giải ngân năm 2024',
        'Gói trao đổi dữ liệu năm 2024',
      ]),
    );
    expect(docs.find((d) => d.kind === 'recurrent')!.title).toContain('19/NQ-HĐND');
    expect(docs.find((d) => d.title.startsWith('Quyết định số 215'))!.formats).toEqual(['preview', 'print', 'pdf', 'docx', 'xlsx']);
    expect(docs.find((d) => d.kind === 'package')!.formats).toEqual(['xlsx']);
  });

  it('a report is signed by a named signer under its number, never an empty TRƯỞNG PHÒNG', () => {
    const core = officeCore();
    // No head of the phòng among the signers: the first signer, for the UBND.
    expect(call(core, 'print.reportSignature', {})).toMatchObject({ authority: 'TM. ỦY BAN NHÂN DÂN', role: ['CHỦ TỊCH'], name: 'Hoàng Văn Minh', numberLine: 'Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND' });
    expect(call(core, 'print.reportSignature', { signerId: SIGNER.ubndVice, number: '7' })).toMatchObject({ role: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nông Thị Lan', numberLine: 'Số: 07/BC-UBND' });
    const unknown = core.invoke('print.reportSignature', { signerId: 99 });
    expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_SIGNER');
  });

  it('the disbursement report workbook carries the signer\'s block and name', async () => {
    const core = testCore();
    call(core, 'demo.seed', {});
    const file = await core.invokeAsync('disbursement.exportReport', { year: 2024, asOf: '2024-06-30', signerId: 2, number: '12' });
    if (!file.ok) throw new Error(file.error.message);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.value.base64, 'base64') as unknown as ExcelJS.Buffer);
    const texts = book.worksheets[0]!.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toEqual(expect.arrayContaining(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nông Thị Lan']));
    expect(texts).not.toContain('TRƯỞNG PHÒNG');
  });
});
