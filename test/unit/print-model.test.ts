import { describe, expect, it } from 'vitest';
import { parseAmountInWords } from '../../shared/money/amount-in-words';
import type { PrintAnnex, PrintRow } from '../../shared/print/document';
import { testCore } from './helpers';
import { call } from './ledger-helpers';

const money = (row: PrintRow, key: string) => Number(row.cells[key] ?? 0);

/** Every printed parent equals the sum of its children, per money column (rule 2), from đồng. */
function expectTreeSums(annex: PrintAnnex): void {
  const keys = annex.columns.filter((c) => c.kind === 'money').map((c) => c.key);
  const rows = annex.rows.slice(1);
  rows.forEach((row, i) => {
    const children: PrintRow[] = [];
    for (let j = i + 1; j < rows.length && rows[j]!.depth > row.depth; j++) if (rows[j]!.depth === row.depth + 1) children.push(rows[j]!);
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
    expect(doc.annexes.map((a) => a.label)).toEqual(['PHỤ LỤC I', 'PHỤ LỤC II', 'PHỤ LỤC III']);
    const projects = doc.annexes[2]!;
    expect(projects.kind).toBe('du_an');
    expect(projects.rows[1]!.cells).toMatchObject({ label: expect.stringContaining('TD-2024-01'), place: 'Xã Quốc Khánh', tmdt: 6_500_000_000, amount: 6_120_000_000, note: expect.stringContaining('Cơ chế đặc thù') });
    expect(parseAmountInWords(projects.amountInWords!)).toBe(6_120_000_000);
    for (const annex of doc.annexes) {
      expect(annex.amountInWords).not.toBeNull();
      expect(annex.attachedTo).toBe('(Kèm theo Quyết định số 215/QĐ-UBND ngày 15/03/2024 của UBND huyện Tràng Định)');
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
  });

  it('a draft prints as a draft with blank number and date', () => {
    const c = core();
    const draft = call(c, 'decisions.duplicate', { id: 1 });
    const doc = call(c, 'print.decision', { id: draft.header.id, annexes: ['theo_xa'] });
    expect(doc.draft).toBe(true);
    expect(doc.numberLine).toBe('Số:    /QĐ-UBND');
    expect(doc.annexes.map((a) => a.label)).toEqual(['PHỤ LỤC']);
  });
});
