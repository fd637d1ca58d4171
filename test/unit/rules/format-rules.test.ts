// Rules 17–24, the form of a printed document, on both sides: the sample decisions' print model holds every rule,
// and a wrong form (a number without padding, a date without padding, a wrong signature block, no "Lưu: VT", annexes
// out of order, no unit line, words that read back to another figure, a margin outside the decree) is caught by the
// same checker the print model runs before it hands a document out (shared/print/format-rules.ts).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { annexWorkbook } from '../../../electron/core/print/xlsx';
import { amountInWordsLine } from '../../../shared/money/amount-in-words';
import type { PrintDocument } from '../../../shared/print/document';
import { amountInWords, annexNumbering, checkPrintDocument, numberLine, pageSetup, placeDateLine, recipientsBlock, signatureBlock, unitLine, type PageSetup } from '../../../shared/print/format-rules';
import { tempDir, testCore } from '../../support/helpers';
import { call } from '../../support/ledger-helpers';

const demo = (() => {
  let docs: { allocation: PrintDocument; resolution: PrintDocument } | null = null;
  return () => {
    if (!docs) {
      const core = testCore();
      call(core, 'demo.seed', {});
      docs = { allocation: call(core, 'print.decision', { id: 1, unit: 'trieu' }), resolution: call(core, 'print.decision', { id: 2 }) };
    }
    return structuredClone(docs);
  };
})();

const rules = (found: { ruleId: number }[]) => found.map((f) => f.ruleId);

describe('Quy tắc 17 — Số, ký hiệu văn bản', () => {
  it('holds: "Số: 215/QĐ-UBND", "Số: 07/QĐ-UBND" and a normative "Số: 19/2022/NQ-HĐND"', () => {
    const doc = demo().allocation;
    expect(numberLine(doc)).toEqual([]);
    expect(numberLine({ ...doc, numberLine: 'Số: 07/QĐ-UBND' })).toEqual([]);
    expect(numberLine({ ...doc, numberLine: 'Số: 19/2022/NQ-HĐND' })).toEqual([]);
  });
  it('broken: a number without padding, without its symbol, with a lower-case symbol', () => {
    const doc = demo().allocation;
    for (const wrong of ['Số: 7/QĐ-UBND', 'Số: 215', 'Số: 215/qđ-ubnd', '215/QĐ-UBND']) expect(rules(numberLine({ ...doc, numberLine: wrong })), wrong).toEqual([17]);
    expect(() => checkPrintDocument({ ...doc, numberLine: 'Số: 7/QĐ-UBND' })).not.toThrow();
    expect(rules(checkPrintDocument({ ...doc, numberLine: 'Số: 7/QĐ-UBND' }))).toEqual([17]);
  });
});

describe('Quy tắc 18 — Địa danh, ngày tháng', () => {
  it('holds: "Tràng Định, ngày 15 tháng 3 năm 2024" and "…, ngày 05 tháng 01 năm 2024"', () => {
    const doc = demo().allocation;
    expect(placeDateLine(doc)).toEqual([]);
    expect(placeDateLine({ ...doc, placeDateLine: 'Tràng Định, ngày 05 tháng 01 năm 2024' })).toEqual([]);
  });
  it('broken: a day without padding, January without its zero, March with one, no place', () => {
    const doc = demo().allocation;
    for (const wrong of ['Tràng Định, ngày 5 tháng 01 năm 2024', 'Tràng Định, ngày 05 tháng 1 năm 2024', 'Tràng Định, ngày 15 tháng 03 năm 2024', 'ngày 15 tháng 3 năm 2024']) {
      expect(rules(placeDateLine({ ...doc, placeDateLine: wrong })), wrong).toEqual([18]);
    }
  });
});

describe('Quy tắc 19 — Khối chữ ký', () => {
  it('holds: TM. ỦY BAN NHÂN DÂN + KT. CHỦ TỊCH / PHÓ CHỦ TỊCH for the UBND; CHỦ TỊCH for the HĐND', () => {
    const { allocation, resolution } = demo();
    expect(signatureBlock(allocation)).toEqual([]);
    expect(signatureBlock(resolution)).toEqual([]);
  });
  it('broken: a UBND decision without TM., a role that is no role, a name with an academic title, an HĐND resolution signed for the UBND', () => {
    const { allocation, resolution } = demo();
    expect(rules(signatureBlock({ ...allocation, signature: { ...allocation.signature, authority: null } }))).toEqual([19]);
    expect(rules(signatureBlock({ ...allocation, signature: { ...allocation.signature, role: ['PHÓ CHỦ TỊCH'] } }))).toEqual([19]);
    expect(rules(signatureBlock({ ...allocation, signature: { ...allocation.signature, name: 'TS. Nông Thị Lan' } }))).toEqual([19]);
    expect(rules(signatureBlock({ ...resolution, signature: { ...resolution.signature, authority: 'TM. ỦY BAN NHÂN DÂN' } }))).toEqual([19]);
  });
});

describe('Quy tắc 20 — Nơi nhận', () => {
  it('holds: the block ends with "- Lưu: VT, TCKH."', () => {
    expect(recipientsBlock(demo().allocation)).toEqual([]);
  });
  it('broken: a missing "Nơi nhận" and one whose last line is not "- Lưu: VT"', () => {
    const doc = demo().allocation;
    expect(rules(recipientsBlock({ ...doc, recipients: [] }))).toEqual([20]);
    expect(rules(recipientsBlock({ ...doc, recipients: doc.recipients.slice(0, -1) }))).toEqual([20]);
  });
});

describe('Quy tắc 21 — Đánh số phụ lục', () => {
  it('holds: Phụ lục I, II, III, each "(Kèm theo Quyết định số 215/QĐ-UBND ngày 15/03/2024 của …)"', () => {
    expect(annexNumbering(demo().allocation)).toEqual([]);
  });
  it('broken: annexes out of order, an Arabic number, a missing "(Kèm theo …)" line', () => {
    const doc = demo().allocation;
    const swapped = { ...doc, annexes: [doc.annexes[1]!, doc.annexes[0]!, doc.annexes[2]!] };
    expect(rules(annexNumbering(swapped))).toEqual([21]);
    expect(rules(annexNumbering({ ...doc, annexes: doc.annexes.map((a, i) => ({ ...a, label: `Phụ lục ${i + 1}` })) }))).toEqual([21, 21, 21]);
    expect(rules(annexNumbering({ ...doc, annexes: doc.annexes.map((a, i) => (i === 1 ? { ...a, attachedTo: '' } : a)) }))).toEqual([21]);
  });
});

/** The page setup of the real print-ready workbook, read back by exceljs (inches → mm). */
async function workbookSetup(doc: PrintDocument): Promise<PageSetup> {
  const file = path.join(tempDir(), 'phu-luc.xlsx');
  fs.writeFileSync(file, await annexWorkbook(doc));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const m = ws.pageSetup.margins!;
  const mm = (inch: number) => Math.round(inch * 25.4);
  let title = 0;
  let motto = 0;
  let font = '';
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const text = String(cell.value ?? '');
      if (text === doc.nationalTitle) title = cell.font?.size ?? 0;
      if (text === doc.motto) motto = cell.font?.size ?? 0;
      if (!font && cell.font?.name) font = cell.font.name;
    }),
  );
  return { paper: ws.pageSetup.paperSize === 9 ? 'A4' : String(ws.pageSetup.paperSize), marginsMm: { top: mm(m.top), bottom: mm(m.bottom), left: mm(m.left), right: mm(m.right) }, fontFamily: font, nationalTitlePt: title, mottoPt: motto };
}

describe('Quy tắc 22 — Khổ giấy, lề, phông chữ', () => {
  it('holds: the print-ready workbook is A4, margins 20/20/30/15 mm, Times New Roman, title 12,5 pt, motto 13,5 pt', async () => {
    const setup = await workbookSetup(demo().allocation);
    expect(setup).toMatchObject({ paper: 'A4', marginsMm: { top: 20, bottom: 20, left: 30, right: 15 }, fontFamily: 'Times New Roman' });
    expect(pageSetup(setup)).toEqual([]);
  });
  it('broken: Letter paper, a 25 mm left margin, Arial, a 16 pt national title', async () => {
    const setup = await workbookSetup(demo().allocation);
    expect(rules(pageSetup({ ...setup, paper: 'Letter' }))).toEqual([22]);
    expect(rules(pageSetup({ ...setup, marginsMm: { ...setup.marginsMm, left: 25 } }))).toEqual([22]);
    expect(rules(pageSetup({ ...setup, fontFamily: 'Arial' }))).toEqual([22]);
    expect(rules(pageSetup({ ...setup, nationalTitlePt: 16 }))).toEqual([22]);
  });
});

describe('Quy tắc 23 — Đơn vị tính, dấu phân cách', () => {
  it('holds: every annex states "Đơn vị tính: triệu đồng"', () => {
    expect(unitLine(demo().allocation)).toEqual([]);
  });
  it('broken: a missing or wrong unit line, a figure written 1,234,567', () => {
    const doc = demo().allocation;
    expect(rules(unitLine({ ...doc, annexes: [{ ...doc.annexes[0]!, unitLine: '' }] }))).toEqual([23]);
    expect(rules(unitLine({ ...doc, annexes: [{ ...doc.annexes[0]!, unitLine: 'ĐVT: tr.đ' }] }))).toEqual([23]);
    expect(rules(unitLine({ ...doc, annexes: [{ ...doc.annexes[0]!, roundingNote: 'Tổng 1,234,567 đồng' }] }))).toEqual([23]);
    expect(unitLine({ ...doc, annexes: [{ ...doc.annexes[0]!, roundingNote: 'Chênh 0,001 triệu đồng do làm tròn' }] })).toEqual([]);
  });
});

describe('Quy tắc 24 — Số tiền bằng chữ', () => {
  it('holds: every annex\'s "Bằng chữ" reads back to its total', () => {
    expect(amountInWords(demo().allocation)).toEqual([]);
  });
  it('broken: words of another figure', () => {
    const doc = demo().allocation;
    expect(rules(amountInWords({ ...doc, annexes: [{ ...doc.annexes[0]!, amountInWords: amountInWordsLine(1_001) }] }))).toEqual([24]);
  });
});
