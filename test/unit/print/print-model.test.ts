import { describe, expect, it } from 'vitest';
import { parseAmountInWords } from '../../../shared/money/amount-in-words';
import type { PrintAnnex, PrintRow } from '../../../shared/print/document';
import { testCore } from '../../support/helpers';
import { call } from '../../support/ledger-helpers';

const money = (row: PrintRow, key: string) => Number(row.cells[key] ?? 0);

/** Every printed parent equals the sum of its children, per money column (rule 2), from đồng. */
function expectTreeSums(annex: PrintAnnex): void {
  const keys = annex.columns.filter((c) => c.kind === 'money').map((c) => c.key);
  const rows = annex.rows.slice(1);
  rows.forEach((row, i) => {
    const children: PrintRow[] = [];
    // Detail rows (the recipients an adjustment changes) illustrate a component; they do not partition it.
    for (let j = i + 1; j < rows.length && rows[j]!.depth > row.depth; j++) if (rows[j]!.depth === row.depth + 1 && !rows[j]!.detail) children.push(rows[j]!);
    if (children.length === 0) return;
    for (const key of keys) expect(children.reduce((a, c) => a + money(c, key), 0), `${row.cells.label} ${key}`).toBe(money(row, key));
  });
  const top = rows.filter((r) => r.depth === 0);
  for (const key of keys) expect(top.reduce((a, r) => a + money(r, key), 0)).toBe(money(annex.rows[0]!, key));
}

describe('print-document model of decision annexes', () => {
  const core = () => {
    const c = testCore();
    call(c, 'demo.seed', {});
    return c;
  };

  it('the allocation decision: Nghị định 30/2020 lines, numbered annexes, tree sums, words = total', () => {
    const doc = call(core(), 'print.decision', { id: 1, unit: 'trieu' });
    expect(doc.issuerLines).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN TRÀNG ĐỊNH']);
    expect(doc.numberLine).toMatch(/^Số: (0[1-9]|[1-9][0-9]+)\/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+$/);
    expect(doc.placeDateLine).toBe('Tràng Định, ngày 15 tháng 3 năm 2024');
    expect(doc.signature).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', role: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nông Thị Lan' });
    expect(doc.recipients.at(-1)).toMatch(/^- Lưu: VT/);
    expect(doc.annexes.map((a) => a.label)).toEqual(['Phụ lục I', 'Phụ lục II', 'Phụ lục III']);
    const projects = doc.annexes[2]!;
    expect(projects.kind).toBe('du_an');
    expect(projects.rows[1]!.cells).toMatchObject({ label: expect.stringContaining('Nà Lùng'), place: 'Xã Quốc Khánh', tmdt: 6_500_000_000, amount: 6_120_000_000, note: 'TD-2024-01; cơ chế đặc thù NQ 111/2024/QH15' });
    // ĐTPT money not tied to a registered project is one more row, so the annex adds up to the decision's ĐTPT.
    expect(projects.rows[2]!.cells).toMatchObject({ label: 'Các nội dung đầu tư chưa ghi vào danh mục dự án', amount: 55_700_000_000 - 6_120_000_000 });
    expect(parseAmountInWords(projects.amountInWords!)).toBe(55_700_000_000);
    for (const annex of doc.annexes) {
      expect(annex.amountInWords).not.toBeNull();
      expect(annex.attachedTo).toBe('(Kèm theo Quyết định số 215/QĐ-UBND ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân huyện Tràng Định)');
      expect(annex.unitLine).toBe('Đơn vị tính: triệu đồng');
      expect(parseAmountInWords(annex.amountInWords!)).toBe(money(annex.rows[0]!, annex.kind === 'du_an' ? 'amount' : 'total'));
    }
    const summary = doc.annexes[0]!;
    expect(summary.rows.filter((r) => r.depth >= 0).map((r) => r.stt).slice(0, 4)).toEqual(['I', '1', 'a', 'b']);
    expect(money(summary.rows[0]!, 'total')).toBe(67_585_500_000);
    expectTreeSums(summary);
    expect(summary.roundingNote).toBeNull();
  });

  it('the HĐND adjustment: CHỦ TỊCH without TM., and after = before − decrease + increase on every row', () => {
    const doc = call(core(), 'print.decision', { id: 2 });
    expect(doc.signature).toEqual({ authority: null, role: ['CHỦ TỊCH'], name: 'Lương Văn Hải' });
    expect(doc.numberLine).toBe('Số: 28/NQ-HĐND');
    const adjustment = doc.annexes[0]!;
    expect(adjustment.kind).toBe('dieu_chinh');
    for (const row of adjustment.rows) expect(money(row, 'after')).toBe(money(row, 'before') - money(row, 'decrease') + money(row, 'increase'));
    expectTreeSums(adjustment);
    // "Đã giao" of a component is its whole plan before the resolution (QĐ 215 gave Hỗ trợ nhà ở 3.850 triệu),
    // and the communes and units that gain or lose are named under it.
    const housing = adjustment.rows.findIndex((r) => r.cells.label === 'Hỗ trợ nhà ở');
    expect(adjustment.rows[housing]!.cells).toMatchObject({ before: 3_850_000_000, increase: 300_000_000, after: 4_150_000_000 });
    expect(adjustment.rows[housing + 1]).toMatchObject({ detail: true, stt: '-', cells: { label: 'Xã Đào Viên', before: 1_500_000_000, after: 1_800_000_000 } });
    const source = adjustment.rows.find((r) => r.detail && r.cells.label === 'Phòng Lao động - Thương binh và Xã hội huyện Tràng Định')!;
    expect(source.cells.note).toBe('Không còn đối tượng thụ hưởng');
    // The summary of a resolution is the whole plan after it: QĐ 215 67.585,5 + NQ 19 (25/7) 473,55 = 68.059,05 triệu
    // (NQ 28 itself moves 300 and nets 0).
    expect(money(doc.annexes[1]!.rows[0]!, 'total')).toBe(68_059_050_000);
    expect(doc.recipients).toContain('- Kho bạc Nhà nước Tràng Định;');
  });

  it('the HĐND breakdown of the NS tỉnh đối ứng recurrent estimate (NQ 19): program → component → units, words = total', () => {
    const doc = call(core(), 'print.decision', { id: 3 });
    expect(doc.numberLine).toBe('Số: 19/NQ-HĐND');
    expect(doc.placeDateLine).toBe('Tràng Định, ngày 25 tháng 7 năm 2024');
    expect(doc.signature).toEqual({ authority: null, role: ['CHỦ TỊCH'], name: 'Lương Văn Hải' });
    const breakdown = doc.annexes[0]!;
    expect(breakdown.kind).toBe('du_toan_sn');
    // 221,55 (DTTS.DA5.TDA1) + 154 (GNBV.DA2) + 98 (NTM.ND05) triệu, all NS tỉnh đối ứng.
    expect(breakdown.rows[0]!.cells).toMatchObject({ total: 473_550_000, NSTW: 0, NST_DOIUNG: 473_550_000 });
    expect(breakdown.rows.filter((r) => r.depth === 0).map((r) => money(r, 'total'))).toEqual([221_550_000, 154_000_000, 98_000_000]);
    const unit = (label: string) => breakdown.rows.filter((r) => r.cells.label === label).map((r) => money(r, 'total'));
    expect(unit('Phòng Giáo dục và Đào tạo huyện Tràng Định')).toEqual([161_550_000, 58_000_000]);
    expect(unit('Trung tâm Y tế huyện Tràng Định')).toEqual([40_000_000]);
    expect(parseAmountInWords(breakdown.amountInWords!)).toBe(473_550_000);
  });

  it('a draft prints as a draft with blank number and date', () => {
    const c = core();
    const draft = call(c, 'decisions.duplicate', { id: 1 });
    const doc = call(c, 'print.decision', { id: draft.header.id, annexes: ['theo_xa'] });
    expect(doc.draft).toBe(true);
    expect(doc.numberLine).toMatch(/^Số:\s+\/QĐ-UBND$/);
    expect(doc.numberLine.slice(4, 6)).toBe('\u00a0\u00a0'); // blanks that survive HTML, for the number written by hand
    // Printed alone, the annex keeps its number in the decision.
    expect(doc.annexes.map((a) => a.label)).toEqual(['Phụ lục II']);
  });
});
