import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parseAmountInWords } from '../../shared/money/amount-in-words';
import { invoke } from './api';
import { expect, test } from './web-host-fixture';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const OUT_DIR = path.resolve(import.meta.dirname, '../../test-results/documents');

const go = (page: Page, hash: string) => page.goto(`${page.url().split('#')[0]}${hash}`);
const collapse = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

async function seeded(page: Page, url: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(url);
  await invoke(page, 'demo.seed', {});
  await page.reload();
}

test('from the editor, "In quyết định" previews the whole decision: its text on A4 portrait, then each annex', async ({ page, webHost }) => {
  await seeded(page, webHost.url);
  await go(page, '#/quyet-dinh/2024/1');
  await page.getByRole('button', { name: 'In quyết định…' }).click();
  await expect(page.locator('.print-root[data-ready="true"]')).toBeVisible();
  const sheets = page.locator('.paged-sheet');
  // The body first (portrait), its second page numbered 2; each annex on landscape sheets of its own.
  await expect(sheets.first()).toHaveClass(/portrait/);
  await expect(sheets.first()).toContainText('QUYẾT ĐỊNH');
  await expect(sheets.first()).toContainText('Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;');
  await expect(page.getByRole('region', { name: 'Quyết định, trang 2' }).locator('.paged-number')).toHaveText('2');
  await expect(page.getByRole('region', { name: 'Quyết định, trang 2' })).toContainText('Nông Thị Lan');
  await expect(page.getByRole('region', { name: 'Phụ lục I, trang 1' })).toHaveClass(/landscape/);
  await expect(page.getByRole('region', { name: 'Phụ lục I, trang 1' }).locator('.paged-number')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Phụ lục I, trang 2' }).locator('.paged-number')).toHaveText('2');
  // A document number is never cut at its slashes.
  const number = page.locator('.nobr', { hasText: '111/2024/QH15' }).first();
  await expect(number).toHaveCSS('white-space', 'nowrap');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'in-quyet-dinh-215.png') });

  // The same sheets printed: page sizes and numbers read back by poppler.
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const pdf = path.join(OUT_DIR, 'qd-215-toan-van.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '3', pdf], { encoding: 'utf8' });
  expect(info).toMatch(/Page\s+1 size:\s+59[45]\.\d+ x 841\.\d+ pts/);
  expect(info).toMatch(/Page\s+3 size:\s+841\.\d+ x 59[45]\.\d+ pts/);
  const text = collapse(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
  expect(text).toContain('(Kèm theo Quyết định số 215/QĐ-UBND ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân huyện Tràng Định)');

  // A draft's own wording, edited beside its preview, prints at once.
  const draft = await invoke(page, 'decisions.create', { year: 2024, kind: 'bo_sung', issuer: 'UBND', docDate: '2024-10-01' });
  await go(page, `#/in/${draft.header.id}`);
  await expect(page.locator('.print-root[data-ready="true"]')).toBeVisible();
  await page.getByRole('button', { name: 'Lời văn…' }).click();
  const panel = page.getByRole('complementary', { name: 'Lời văn của dự thảo' });
  await panel.getByLabel('Điều 2').fill('Giao Phòng Tài chính - Kế hoạch huyện hướng dẫn các xã thực hiện phần kinh phí bổ sung.');
  await panel.getByRole('button', { name: 'Lưu lời văn' }).click();
  await expect(panel).toContainText('Đang dùng: lời văn riêng của dự thảo này');
  await expect(page.locator('.print-root[data-ready="true"]')).toBeVisible();
  await expect(page.locator('.paged-sheet').first()).toContainText('hướng dẫn các xã thực hiện phần kinh phí bổ sung');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'in-du-thao-loi-van.png') });
});

test('Báo cáo & in lists the sample year and downloads each format', async ({ page, webHost }) => {
  await seeded(page, webHost.url);
  await go(page, '#/bao-cao/2024');
  const table = page.getByRole('table', { name: 'Văn bản năm 2024' });
  for (const title of ['Quyết định số 215/QĐ-UBND ngày 15/03/2024', 'Nghị quyết số 28/NQ-HĐND ngày 20/09/2024', 'Nghị quyết số 19/NQ-HĐND ngày 25/07/2024', 'Báo cáo giao và phân bổ vốn năm 2024', 'Báo cáo tiến độ giải ngân năm 2024', 'Báo cáo khó khăn, vướng mắc và nhiệm vụ', 'Gói trao đổi dữ liệu năm 2024']) {
    await expect(table).toContainText(title);
  }
  await expect(table).toContainText('Biểu dự toán chi thường xuyên theo đơn vị thực hiện (Nghị quyết số 19/NQ-HĐND)');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'bao-cao-va-in.png') });
  fs.mkdirSync(OUT_DIR, { recursive: true });

  // Every Word and Excel button gives a file that its reader opens.
  const buttons = page.getByRole('button', { name: /^(Word|Excel): / });
  const n = await buttons.count();
  expect(n).toBeGreaterThanOrEqual(10);
  for (let i = 0; i < n; i++) {
    const button = buttons.nth(i);
    const label = (await button.getAttribute('aria-label'))!;
    const download = page.waitForEvent('download');
    await button.click();
    const file = path.join(OUT_DIR, (await download).suggestedFilename());
    await (await download).saveAs(file);
    const zip = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' });
    expect(zip, label).toContain(label.startsWith('Word') ? 'word/document.xml' : 'xl/workbook.xml');
    if (label.startsWith('Word: Nghị quyết số 28')) {
      const script = 'import docx,sys; print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))';
      const text = execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
      expect(text).toContain('QUYẾT NGHỊ:');
      expect(text).toContain('Nghị quyết này đã được Hội đồng nhân dân huyện Tràng Định khóa');
    }
  }

  // Preview of a report carrying a signature: the signer's name and the report's number, not an empty title.
  await page.getByRole('button', { name: 'Xem trước: Báo cáo tiến độ giải ngân năm 2024' }).click();
  await expect(page.locator('.print-root[data-ready="true"]')).toBeVisible();
  await page.getByLabel('Người ký').selectOption({ label: 'Nông Thị Lan — Phó Chủ tịch UBND huyện' });
  await page.getByLabel('Số báo cáo').fill('12');
  await page.getByLabel('Số báo cáo').press('Tab');
  await expect(page.locator('.number-line')).toHaveText('Số: 12/BC-UBND');
  await expect(page.locator('.signature-block .signer')).toContainText('KT. CHỦ TỊCHPHÓ CHỦ TỊCH');
  await expect(page.locator('.signature-block .signer')).toContainText('Nông Thị Lan');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'bao-cao-giai-ngan-nguoi-ky.png') });
  await page.goBack();
  await page.getByRole('button', { name: 'Xem trước: Báo cáo khó khăn, vướng mắc và nhiệm vụ' }).click();
  await expect(page.locator('.print-root[data-ready="true"]')).toBeVisible();
  await expect(page.locator('.signature-block .signer')).toContainText('Hoàng Văn Minh');
});

test('Báo cáo & in: "Lưu PDF" in the browser downloads the whole decision printed by the web host', async ({ page, webHost }) => {
  await seeded(page, webHost.url);
  await go(page, '#/bao-cao/2024');
  const button = page.getByRole('button', { name: 'Lưu PDF: Quyết định số 215/QĐ-UBND ngày 15/03/2024' });
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await button.click();
  expect((await download).suggestedFilename()).toBe('215-QĐ-UBND.pdf');
  await expect(page.getByRole('status').first()).toContainText('Đã tạo tệp 215-QĐ-UBND.pdf');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'bao-cao-luu-pdf-web.png') });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, 'hub-215.pdf');
  await (await download).saveAs(file);
  const text = collapse(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
  expect(text).toContain('Số: 215/QĐ-UBND');
  expect(text).toContain('QUYẾT ĐỊNH');
  const doc = await invoke(page, 'print.decision', { id: 1, unit: 'trieu' });
  expect(text).toContain(collapse(doc.body!.summary));
  // Điều 1's amount in words, read back from the PDF, is the figure beside it.
  const words = [...text.matchAll(/(\d{1,3}(?:\.\d{3})*) đồng \(Bằng chữ: ([^)]+)\)/g)];
  expect(words.length).toBeGreaterThan(0);
  for (const m of words) expect(parseAmountInWords(m[2]!)).toBe(Number(m[1]!.replace(/\./g, '')));
  // The annexes follow the body in the same file.
  expect(text).toContain('(Kèm theo Quyết định số 215/QĐ-UBND ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân huyện Tràng Định)');
});

test('Báo cáo & in: the Biểu and the reports have "Lưu PDF" in the browser too, printed from their own views', async ({ page, webHost }) => {
  await seeded(page, webHost.url);
  await go(page, '#/bao-cao/2024');
  const table = page.getByRole('table', { name: 'Văn bản năm 2024' });
  await expect(table).toContainText('Báo cáo tiến độ giải ngân năm 2024');
  // The allocation report and the package are workbooks only: no print view, no PDF.
  await expect(page.getByRole('button', { name: 'Lưu PDF: Báo cáo giao và phân bổ vốn năm 2024' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lưu PDF: Gói trao đổi dữ liệu năm 2024' })).toHaveCount(0);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'bao-cao-luu-pdf-bao-cao.png') });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const disbursement = await invoke(page, 'disbursement.report', { year: 2024 });
  const followup = await invoke(page, 'followup.summary', {});
  const cases = [
    {
      title: 'Biểu dự toán chi thường xuyên theo đơn vị thực hiện (Nghị quyết số 19/NQ-HĐND)',
      file: /^phu-luc-19-NQ-H.*\.pdf$/,
      expected: ['DỰ TOÁN CHI THƯỜNG XUYÊN THỰC HIỆN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2024 THEO ĐƠN VỊ THỰC HIỆN', 'Nghị quyết số 19/NQ-HĐND'],
      pageSize: /Page\s+1 size:\s+841\.\d+ x 59[45]\.\d+ pts/,
    },
    {
      title: 'Báo cáo tiến độ giải ngân năm 2024',
      file: new RegExp(`^bao-cao-giai-ngan-${disbursement.asOf}\\.pdf$`),
      expected: ['BÁO CÁO TIẾN ĐỘ GIẢI NGÂN VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA', collapse(disbursement.subtitle), 'Hoàng Văn Minh'],
      pageSize: /Page\s+1 size:\s+59[45]\.\d+ x 841\.\d+ pts/,
    },
    {
      title: 'Báo cáo khó khăn, vướng mắc và nhiệm vụ',
      file: new RegExp(`^kho-khan-vuong-mac-${followup.asOf}\\.pdf$`),
      expected: ['KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ', 'Theo cấp có thẩm quyền giải quyết', 'Hoàng Văn Minh'],
      pageSize: /Page\s+1 size:\s+59[45]\.\d+ x 841\.\d+ pts/,
    },
  ];
  for (const c of cases) {
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: `Lưu PDF: ${c.title}` }).click();
    const name = (await download).suggestedFilename();
    expect(name, c.title).toMatch(c.file);
    await expect(page.getByRole('status').first()).toContainText(`Đã tạo tệp ${name}`);
    const file = path.join(OUT_DIR, `hub-${name}`);
    await (await download).saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1'), c.title).toBe('%PDF-');
    expect(execFileSync('pdfinfo', ['-f', '1', '-l', '1', file], { encoding: 'utf8' }), c.title).toMatch(c.pageSize);
    const text = collapse(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
    for (const e of c.expected) expect(text, `${c.title}: ${e}`).toContain(e);
  }
});

test('Cài đặt: the office edits the wording of a kind of decision; a draft of that kind prints it', async ({ page, webHost }) => {
  await seeded(page, webHost.url);
  await go(page, '#/cai-dat');
  const section = page.getByRole('region', { name: 'Mẫu lời văn quyết định' });
  await section.getByLabel('Loại quyết định').selectOption('thu_hoi');
  await section.getByLabel('Cơ quan ban hành').selectOption('HDND');
  await section.getByLabel('Khóa', { exact: true }).fill('XX');
  await section.getByLabel('Kỳ họp', { exact: true }).fill('thứ hai mươi');
  await section.getByRole('button', { name: 'Lưu lời văn' }).click();
  await expect(section.getByRole('status')).toContainText('Đã lưu mẫu lời văn');
  await section.scrollIntoViewIfNeeded();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cai-dat-mau-loi-van.png') });
  const draft = await invoke(page, 'decisions.create', { year: 2024, kind: 'thu_hoi', issuer: 'HDND', docDate: '2024-11-20' });
  const doc = await invoke(page, 'print.decision', { id: draft.header.id });
  expect(doc.body?.authority).toEqual(['HỘI ĐỒNG NHÂN DÂN HUYỆN TRÀNG ĐỊNH', 'KHÓA XX, KỲ HỌP THỨ HAI MƯƠI']);
});
