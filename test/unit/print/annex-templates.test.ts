import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runCliAsync } from '../../../electron/cli/cli';
import { annexTemplateSchema, type AnnexTemplateInput } from '../../../shared/print/annex-template';
import { BUILTIN_TEMPLATES } from '../../../shared/print/builtin-templates';
import type { PrintAnnex, PrintDocument } from '../../../shared/print/document';
import { testCore } from '../../support/helpers';
import { call } from '../../support/ledger-helpers';
import { nq19DuToanSn, nq28DieuChinh, qd215DuAn, qd215TheoXa, qd215TongHop, type CapturedAnnex } from './annex-capture';

/** The annex as captured: columns and every row's depth, style and cells in column order. */
function asCaptured(annex: PrintAnnex): CapturedAnnex {
  return {
    kind: annex.kind,
    label: annex.label,
    title: annex.title,
    unitLine: annex.unitLine,
    headerDepth: annex.headerDepth,
    amountInWords: annex.amountInWords,
    roundingNote: annex.roundingNote,
    columns: annex.columns.map((c) => `${c.key}:${c.header.join('/')}:${c.kind}:${c.width}`),
    rows: annex.rows.map((r) => [
      r.depth,
      `${r.bold ? 'B' : ''}${r.italic ? 'I' : ''}${r.total ? 'T' : ''}${r.detail ? 'D' : ''}`,
      ...annex.columns.map((c) => (c.key === 'stt' ? r.stt : (r.cells[c.key] ?? null))),
    ]),
  };
}

/** A commune's own form, as a province might set it: NSTW and NS tỉnh split by capital type, NS xã, other sources. */
const COMMUNE_FORM: AnnexTemplateInput = {
  key: 'xa-bieu-01',
  name: 'Biểu 01/CTMTQG-XA: Phân bổ vốn các CTMTQG của xã',
  title: 'PHÂN BỔ VỐN THỰC HIỆN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM {nam} (MẪU CỦA TỈNH)',
  basis: 'Quyết định của UBND tỉnh Lạng Sơn về mẫu biểu báo cáo của xã (giả định cho kiểm thử)',
  rows: 'component_tree',
  labelColumn: { header: ['Chương trình, nội dung'], width: 80 },
  columns: [
    { key: 'total', header: ['Tổng cộng'], width: 26 },
    { key: 'tw_dt', header: ['Vốn trung ương', 'Đầu tư'], width: 24, sources: ['NSTW'], capitalTypes: ['DTPT'] },
    { key: 'tw_sn', header: ['Vốn trung ương', 'Sự nghiệp'], width: 24, sources: ['NSTW'], capitalTypes: ['SN'] },
    { key: 'tinh', header: ['Vốn tỉnh'], width: 24, sources: ['NST_DOIUNG'] },
    { key: 'xa', header: ['Ngân sách xã'], width: 22, sources: ['NSX'] },
    { key: 'khac', header: ['Nguồn khác'], width: 22, otherSources: true },
  ],
  noteColumn: null,
  rowLevels: [
    { numbering: 'upper_letter', bold: true },
    { numbering: 'roman', bold: true },
    { numbering: 'arabic', italic: true },
  ],
};

function seededCore() {
  const core = testCore();
  call(core, 'demo.seed', {});
  return core;
}

function writeTemplate(dataDir: string, template: unknown, file = 'xa-bieu-01.json'): string {
  const folder = path.join(dataDir, 'mau-bieu');
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, file);
  fs.writeFileSync(target, typeof template === 'string' ? template : JSON.stringify(template, null, 2));
  return target;
}

describe('annexes as templates', () => {
  it('the built-in templates are valid template data', () => {
    for (const t of Object.values(BUILTIN_TEMPLATES)) expect(annexTemplateSchema.safeParse(t).success, t.key).toBe(true);
  });

  it('the built-in annexes print cell by cell as captured before they became templates', () => {
    const core = seededCore();
    const annex = (id: number, kind: PrintAnnex['kind'], unit: 'trieu' | 'dong' = 'trieu') =>
      asCaptured(call(core, 'print.decision', { id, unit, annexes: [kind as 'tong_hop'] }).annexes[0]!);
    expect(annex(1, 'tong_hop')).toEqual(qd215TongHop);
    expect(annex(1, 'theo_xa')).toEqual(qd215TheoXa);
    expect(annex(2, 'dieu_chinh')).toEqual(nq28DieuChinh);
    expect(annex(3, 'du_toan_sn')).toEqual(nq19DuToanSn);
    expect(annex(1, 'du_an', 'dong')).toEqual(qd215DuAn);
  });

  it('a province form added as a file in mau-bieu/ prints from the data, after the decision’s own annexes', () => {
    const core = seededCore();
    writeTemplate(core.dataDir, COMMUNE_FORM);
    const doc: PrintDocument = call(core, 'print.decision', { id: 1, unit: 'trieu', body: false, annexes: ['tong_hop'], templates: ['xa-bieu-01'] });
    expect(doc.annexes.map((a) => [a.kind, a.label])).toEqual([
      ['tong_hop', 'Phụ lục I'],
      ['mau_bieu', 'Phụ lục IV'],
    ]);
    const form = doc.annexes[1]!;
    expect(form.templateKey).toBe('xa-bieu-01');
    expect(form.title).toBe('PHÂN BỔ VỐN THỰC HIỆN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2024 (MẪU CỦA TỈNH)');
    expect(form.columns.map((c) => c.key)).toEqual(['stt', 'label', 'total', 'tw_dt', 'tw_sn', 'tinh', 'xa', 'khac']);
    // The totals are the decision's, split as the form says: NS tỉnh without its capital types, NSH under "other".
    const total = form.rows[0]!.cells;
    expect(total).toMatchObject({ total: 67_585_500_000, tw_dt: 52_090_000_000, tw_sn: 11_885_500_000, tinh: 3_610_000_000, xa: 0, khac: 0 });
    const programs = form.rows.filter((r) => r.depth === 0);
    expect(programs.map((r) => r.stt)).toEqual(['A', 'B', 'C'].slice(0, programs.length));
    expect(programs.every((r) => r.bold)).toBe(true);
    expect(form.rows.filter((r) => r.depth === 2).every((r) => r.italic && /^\d+$/.test(r.stt))).toBe(true);
    // Every program row adds up to the total (from đồng).
    expect(programs.reduce((a, r) => a + Number(r.cells.total), 0)).toBe(67_585_500_000);
  });

  it('the province form prints to a workbook (read back with openpyxl) and to PDF (pdftotext) through the CLI', async () => {
    const core = seededCore();
    const data = core.dataDir;
    core.close();
    writeTemplate(data, COMMUNE_FORM);
    const xlsx = path.join(data, 'bieu-01.xlsx');
    const pdf = path.join(data, 'bieu-01.pdf');
    const err: string[] = [];
    const run = (args: string[]) => runCliAsync(args, { out: () => {}, err: (t) => err.push(t), env: {} });
    expect(await run(['export', 'annex', '--decision', '215/QĐ-UBND', '--format', 'xlsx', '--template', 'xa-bieu-01', '--out', xlsx, '--data', data]), err.join('\n')).toBe(EXIT.ok);
    const cells = JSON.parse(
      execFileSync(
        '/usr/bin/python3',
        ['-c', 'import json,sys,openpyxl\nws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]\nprint(json.dumps({"title":ws.title,"cells":[[c.value for c in r] for r in ws.iter_rows()]}))', xlsx],
        { encoding: 'utf8' },
      ),
    ) as { title: string; cells: unknown[][] };
    expect(cells.title).toBe('Phụ lục');
    const header = cells.cells.findIndex((r) => r[0] === 'STT');
    expect(cells.cells[header]!.slice(0, 7)).toEqual(['STT', 'Chương trình, nội dung', 'Tổng cộng', 'Vốn trung ương', null, 'Vốn tỉnh', 'Ngân sách xã']);
    expect(cells.cells[header + 1]!.slice(3, 5)).toEqual(['Đầu tư', 'Sự nghiệp']);
    expect(cells.cells[header + 2]!.slice(1, 6)).toEqual(['TỔNG SỐ', 67_585_500_000, 52_090_000_000, 11_885_500_000, 3_610_000_000]);
    expect(cells.cells[header + 3]![0]).toBe('A');
    expect(cells.cells.flat()).toContain('PHÂN BỔ VỐN THỰC HIỆN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2024 (MẪU CỦA TỈNH)');

    expect(await run(['export', 'annex', '--decision', '215/QĐ-UBND', '--format', 'pdf', '--template', 'xa-bieu-01', '--out', pdf, '--data', data]), err.join('\n')).toBe(EXIT.ok);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('(MẪU CỦA TỈNH)');
    expect(text).toContain('Chương trình, nội dung');
    expect(text).toContain('Vốn trung ương');
    expect(text).toContain('Sự nghiệp');
    expect(text).toMatch(/TỔNG SỐ\s+67\.585,5\s+52\.090\s+11\.885,5\s+3\.610/);
  }, 180_000);

  it('a wrong or missing template file is refused with the file and what to fix, nothing printed', () => {
    const core = seededCore();
    const missing = core.invoke('print.decision', { id: 1, templates: ['xa-bieu-01'] });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.code).toBe('TEMPLATE_NOT_FOUND');
      expect(missing.error.message).toContain(path.join(core.dataDir, 'mau-bieu'));
    }
    const file = writeTemplate(core.dataDir, { ...COMMUNE_FORM, columns: [{ key: 'total', header: ['Tổng'], width: 20, measure: 'before' }] });
    const wrong = core.invoke('print.decision', { id: 1, templates: ['xa-bieu-01'] });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.code).toBe('TEMPLATE_INVALID');
      expect(wrong.error.message).toContain(file);
      expect(wrong.error.message).toContain('adjustment_tree');
    }
    writeTemplate(core.dataDir, '{ "key": "xa-bieu-01", ');
    const broken = core.invoke('print.decision', { id: 1, templates: ['xa-bieu-01'] });
    expect(!broken.ok && broken.error.message).toContain('Không đọc được tệp JSON');
  });
});
