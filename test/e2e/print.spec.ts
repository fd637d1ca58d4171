import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parseAmountInWords } from '../../shared/money/amount-in-words';
import { invoke, type LineChange } from './api';
import { expect, test } from './web-host-fixture';

const OUT_DIR = path.resolve(import.meta.dirname, '../../test-results/print');


/** Opens the print view of a decision and prints it to PDF with Chromium, as Electron's printToPDF would. */
async function printPdf(page: Page, url: string, id: number, file: string, query = ''): Promise<string> {
  // The annexes alone (the decision's text before them is covered by documents.spec.ts).
  await page.goto(`${url}#/in/${id}${query ? `${query}&body=0` : '?body=0'}`);
  await page.reload(); // the office was set up behind the page's back
  await expect(page.locator('.print-root[data-ready="true"]')).toBeVisible();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const pdf = path.join(OUT_DIR, file);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  return pdf;
}

const pdftotext = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const collapse = (text: string) => text.replace(/\s+/g, ' ');

test('the sample allocation decision prints its annexes in the official format, with the bundled font only', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await invoke(page, 'demo.seed', {});
  const print = await invoke(page, 'print.decision', { id: 1, unit: 'trieu' });
  const pdf = await printPdf(page, webHost.url, 1, 'qd-215-phu-luc.pdf');
  const text = pdftotext(pdf);
  const flat = collapse(text);

  // Rules 17–20: number, dated place line, signature block, Nơi nhận ending with Lưu: VT.
  expect(text).toMatch(/Số: 215\/QĐ-UBND/);
  expect(flat).toContain('Tràng Định, ngày 15 tháng 3 năm 2024');
  expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(flat).toContain('Độc lập - Tự do - Hạnh phúc');
  for (const line of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nông Thị Lan', 'Nơi nhận:', '- Lưu: VT, TCKH.']) expect(flat).toContain(line);
  // Rule 21: numbered annexes with the (Kèm theo …) line; rule 23: the unit.
  expect(flat).toContain('PHỤ LỤC I');
  expect(flat).toContain('PHỤ LỤC II');
  expect(flat).toContain('(Kèm theo Quyết định số 215/QĐ-UBND ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân huyện Tràng Định)');
  expect(flat).toContain('Đơn vị tính: triệu đồng');
  // A document number is never broken inside ("111/2024/QH15" stays whole in the narrow Ghi chú column).
  expect(flat).toContain('111/2024/QH15');

  // Every amount of the summary annex is printed; the total equals the sum of the programs; words = total.
  const summary = print.annexes[0]!;
  const totalRow = summary.rows[0]!.cells.total as number;
  const programs = summary.rows.filter((_, i) => i > 0).filter((r) => /^Chương trình/.test(String(r.cells.label)));
  expect(programs.reduce((a, r) => a + (r.cells.total as number), 0)).toBe(totalRow);
  const inUnit = (value: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }).format(value / 1_000_000);
  for (const row of summary.rows) {
    for (const value of Object.values(row.cells)) if (typeof value === 'number' && value !== 0) expect(flat, `amount ${inUnit(value)}`).toContain(inUnit(value));
  }
  const words = /Bằng chữ: ([^\n]+đồng)/.exec(text)![1]!;
  expect(parseAmountInWords(`Bằng chữ: ${words}`)).toBe(totalRow);

  // Rule 22: A4 and the bundled Tinos embedded, nothing else.
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font, font).toMatch(/Tinos/);
    expect(font, font).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(OUT_DIR, 'qd-215-trang-1')]);

  // Portrait, in đồng: A4 upright, the same total.
  const portrait = await printPdf(page, webHost.url, 1, 'qd-215-doc.pdf', '?orientation=portrait&unit=dong&annexes=tong_hop');
  expect(execFileSync('pdfinfo', [portrait], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  expect(pdftotext(portrait)).toContain('67.585.500.000');
});

test('a 1,000-line annex repeats its table header on every page and splits no row', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await invoke(page, 'office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
  await invoke(page, 'assignments.create', { year: 2024, componentCode: 'GNBV.DA2', sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 1_000_000 * 1_000_000 } });
  const draft = await invoke(page, 'decisions.create', { year: 2024, kind: 'phan_bo', issuer: 'UBND', docDate: '2024-03-15' });
  const changes: LineChange[] = [];
  for (let i = 1; i <= 1000; i++) {
    const org = await invoke(page, 'organizations.create', { kind: 'unit', name: `Đơn vị thụ hưởng số ${String(i).padStart(4, '0')}` });
    changes.push({ op: 'add', line: { componentCode: 'GNBV.DA2', recipient: { kind: 'unit', id: org.id }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: i * 1_000_000 } } });
  }
  await invoke(page, 'decisions.lines.apply', { decisionId: draft.header.id, changes });
  const pdf = await printPdf(page, webHost.url, draft.header.id, 'phu-luc-1000-dong.pdf', '?annexes=theo_xa');
  const pages = pdftotext(pdf).split('\f').filter((p) => p.trim() !== '');
  expect(pages.length).toBeGreaterThan(20);
  for (const [i, p] of pages.entries()) {
    if (!/Đơn vị thụ hưởng số/.test(p)) continue; // the signature page
    expect(collapse(p), `page ${i + 1}`).toMatch(/STT Xã, đơn vị Tổng số/);
  }
  // Each of the 1,000 rows appears whole exactly once (its name and its amount on one line).
  const all = pages.join('\n');
  for (const i of [1, 2, 500, 999, 1000]) expect(all).toMatch(new RegExp(`Đơn vị thụ hưởng số ${String(i).padStart(4, '0')}\\s+${new Intl.NumberFormat('vi-VN').format(i)}\\s`));
});
