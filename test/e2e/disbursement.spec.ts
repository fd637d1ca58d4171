import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { invoke, type LineChange, type NewLine } from './api';
import { expect, test } from './web-host-fixture';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const TYPING = { delay: 25 };

const go = (page: Page, hash: string) => page.goto(`${page.url().split('#')[0]}${hash}`);
/** The cumulative cell of the n-th data row (the center part of the grid; pinned columns hold no such cell). */
const cumulativeCell = (page: Page, index: number) => page.locator(`.ag-row[row-index="${index}"] [col-id="cumulative"]`).first();
const rate = (page: Page, program: string) => page.locator(`[data-testid="rate-${program}-ALL"] td`).last();

async function paste(page: Page, rows: string[][]): Promise<void> {
  const text = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

function entries(dataDir: string): { n: number; total: number } {
  const db = new Database(path.join(dataDir, 'so-von.sqlite'), { readonly: true });
  try {
    return db.prepare("SELECT COUNT(*) AS n, COALESCE(SUM(cumulative_dong), 0) AS total FROM disbursement WHERE cutoff_date = '2024-06-30'").get() as { n: number; total: number };
  } finally {
    db.close();
  }
}

test('June figures typed and pasted in the Giải ngân grid give the per-program rates computed by hand', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await invoke(page, 'office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
  const assign = (componentCode: string, dong: number) => invoke(page, 'assignments.create', { year: 2024, componentCode, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong } });
  await assign('DTTS.DA1.ND2', 1_000_000_000);
  await assign('GNBV.DA2', 500_000_000);
  await assign('NTM.ND05', 400_000_000);
  const draft = await invoke(page, 'decisions.create', { year: 2024, kind: 'phan_bo', issuer: 'UBND', docDate: '2024-03-15' });
  const line = (componentCode: string, dong: number, recipient: NewLine['recipient']): LineChange => ({ op: 'add', line: { componentCode, recipient, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong } } });
  await invoke(page, 'decisions.lines.apply', {
    decisionId: draft.header.id,
    changes: [
      line('DTTS.DA1.ND2', 600_000_000, { kind: 'commune', code: '06001' }),
      line('DTTS.DA1.ND2', 400_000_000, { kind: 'commune', code: '06004' }),
      line('GNBV.DA2', 500_000_000, { kind: 'district' }),
      line('NTM.ND05', 400_000_000, { kind: 'commune', code: '05995' }),
    ],
  });
  await invoke(page, 'decisions.issue', { id: draft.header.id, docDate: '2024-03-15', signerId: 1, summary: 'Về việc phân bổ kế hoạch vốn năm 2024', basis: ['Quyết định số 2390/QĐ-UBND ngày 12/12/2023 của UBND tỉnh Lạng Sơn'] });
  await page.reload();
  await page.getByRole('link', { name: 'Giải ngân' }).click();
  await expect(page.getByRole('heading', { name: 'Giải ngân', exact: true })).toBeVisible();
  await go(page, '#/giai-ngan/2024');
  // A past year opens at its last day.
  await expect(page.locator('.ag-header-cell[col-id="cumulative"]')).toContainText('Lũy kế đến 31/12/2024');
  const cutoff = page.getByLabel('Ngày chốt số liệu');
  await cutoff.fill('30/06/2024');
  await cutoff.press('Enter');
  await expect(page.locator('.ag-header-cell[col-id="cumulative"]')).toContainText('Lũy kế đến 30/06/2024');
  await expect(page.locator('.ag-row[row-index="3"] [col-id="plan"]').first()).toHaveText('400');

  // DTTS, commune 06001 then 06004: typed (triệu đồng), Enter moves down as in Excel.
  await cumulativeCell(page, 0).click();
  await page.keyboard.type('150', TYPING);
  await page.keyboard.press('Enter');
  await expect(cumulativeCell(page, 0)).toHaveText('150');
  await page.waitForTimeout(150);
  await page.keyboard.type('110', TYPING);
  await page.keyboard.press('Enter');
  await expect(cumulativeCell(page, 1)).toHaveText('110');
  // GNBV and NTM: a two-row block copied from Excel.
  await cumulativeCell(page, 2).click();
  await paste(page, [['112,5'], ['95,25']]);
  // Every amount of the sheet with one number of decimals once 95,25 is in it (issue 15, point 9).
  await expect(cumulativeCell(page, 3)).toHaveText('95,25');
  await expect(cumulativeCell(page, 2)).toHaveText('112,50');
  await expect(cumulativeCell(page, 0)).toHaveText('150,00');

  // By hand: DTTS (150 + 110) ÷ 1.000 = 26,0%; GNBV 112,5 ÷ 500 = 22,5%; NTM 95,25 ÷ 400 = 23,8125% → 23,8%;
  // all 467,75 ÷ 1.900 = 24,618…% → 24,6%.
  await expect(rate(page, 'DTTS')).toHaveText('26,0%');
  await expect(rate(page, 'GNBV')).toHaveText('22,5%');
  await expect(rate(page, 'NTM')).toHaveText('23,8%');
  await expect(page.locator('[data-testid="rate-ALL-ALL"] td').last()).toHaveText('24,6%');
  await expect(page.getByLabel('Mẫu số')).toHaveValue('ca_nam:2024');
  expect(entries(webHost.dataDir)).toEqual({ n: 4, total: 467_750_000 });

  // A figure below the previous report without a recovery is saved with rule 14's warning (certainty I), which stays
  // on the entry.
  await cutoff.fill('31/07/2024');
  await cutoff.press('Enter');
  await expect(page.locator('.ag-header-cell[col-id="cumulative"]')).toContainText('Lũy kế đến 31/07/2024');
  await cumulativeCell(page, 0).click();
  await page.keyboard.type('140', TYPING);
  await page.keyboard.press('Enter');
  await expect(cumulativeCell(page, 0)).toHaveText('140,00');
  // The note column is the last one: scroll the grid to it (columns out of view are not drawn).
  await page.locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const note = page.locator('.ag-row[row-index="0"] [col-id="note"].cell-warning');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('Quy tắc 14 — Lũy kế giải ngân không giảm');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'giai-ngan-canh-bao.png') });

  // The reload shows what was saved.
  await go(page, '#/giai-ngan/2024?cutoff=2024-06-30');
  await page.reload();
  await expect(cumulativeCell(page, 2)).toHaveText('112,50');
  await expect(rate(page, 'DTTS')).toHaveText('26,0%');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'giai-ngan.png'), fullPage: true });
});

async function julyStatement(): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-kbnn-')), 'sao-ke-kbnn-07-2024.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sao kê');
  ws.addRow(['KHO BẠC NHÀ NƯỚC TRÀNG ĐỊNH']);
  ws.addRow(['Đơn vị: đồng']);
  ws.addRow(['STT', 'Mã dự án', 'Tên dự án, nội dung', 'Nguồn vốn', 'Loại vốn', 'Năm nguồn vốn', 'Lũy kế giải ngân đến ngày 31/07/2024']);
  ws.addRow([1, 'TD-2024-01', 'Công trình nước sinh hoạt tập trung thôn Nà Lùng', 'NSTW', 'ĐTPT', '2024', 2_100_000_000]);
  ws.addRow([2, 'DTTS.DA4.TDA1', 'Đầu tư cơ sở hạ tầng thiết yếu', 'NSTW', 'ĐTPT', '2024', 5_900_000_000]);
  await wb.xlsx.writeFile(file);
  return file;
}

test('Tổng quan of the sample office at 30/06/2024: KPIs, charts drawn with their numbers a click away, alerts; a KBNN statement imported; the report printed', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await invoke(page, 'demo.seed', {});
  await go(page, '#/tong-quan/2024?asOf=2024-06-30');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await expect(page.getByTestId('kpi-disbursement')).toHaveText('25,0%');
  // Allocated at 30/06: QĐ 215's 67.585,5 tr (NQ 19 of 25/7 not yet in force) of the 68.059,05 tr of 2024 money = 99,304…%;
  // the 2023 money carried over is not mixed in.
  await expect(page.getByTestId('kpi-allocation')).toHaveText('99,3%');
  await expect(page.locator('.chart')).toHaveCount(5);
  await expect(page.locator('.chart[data-rendered="true"]')).toHaveCount(5);
  await expect(page.locator('.chart canvas')).toHaveCount(5);
  await expect(page.getByRole('list', { name: 'Cảnh báo' })).toContainText('Tháng 6: giải ngân đạt 25,0%, thấp hơn mục tiêu 30,0%');

  // The numbers behind a chart, one click away.
  const byProgram = page.getByRole('region', { name: 'Phân bổ và giải ngân theo chương trình, loại vốn' });
  await byProgram.getByRole('button', { name: 'Xem số liệu' }).click();
  const table = byProgram.getByRole('table');
  // GNBV · SN disbursed 318,58 + 434,034 = 752,614 of 1.540 + 1.120 + 450 + 154 = 3.264 tr → 23,06…%; DTTS · ĐTPT 7.530 of 37.415 tr → 20,13…%.
  await expect(table.locator('tr', { hasText: 'GNBV · SN' })).toContainText('23,1%');
  await expect(table.locator('tr', { hasText: 'DTTS · ĐTPT' })).toContainText('20,1%');
  const compare = page.getByRole('region', { name: 'So với cùng kỳ, bình quân tỉnh, cả nước và các đơn vị khác' });
  await compare.getByRole('button', { name: 'Xem số liệu' }).click();
  await expect(compare.getByRole('table')).toContainText('Bình quân cả nước35,0%');
  await expect(compare.getByRole('table')).toContainText('Huyện thí điểm NQ 11126,2%');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard.png'), fullPage: true });

  // The treasury's July statement through the file chooser: preview, then written.
  await go(page, '#/giai-ngan/2024?cutoff=2024-06-30');
  await page.locator('input[aria-label="Tệp sao kê KBNN"]').setInputFiles(await julyStatement());
  const panel = page.getByRole('region', { name: 'Nhập sao kê KBNN' });
  await expect(panel.getByTestId('kbnn-cutoff')).toHaveText('31/07/2024');
  await panel.getByRole('button', { name: 'Ghi 2 dòng vào sổ' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã nhập 2 dòng sao kê KBNN, lũy kế đến 31/07/2024: 8.000 triệu đồng.');
  await expect(page.locator('.ag-header-cell[col-id="cumulative"]')).toContainText('Lũy kế đến 31/07/2024');

  // Carried-over money: the 2023 money extended to 31/12/2024; an extension beyond 31/12 of the next year is refused
  // to a provincial authority (rule 13).
  await page.getByRole('tab', { name: 'Vốn kéo dài & thời hạn' }).click();
  const row2023 = page.getByTestId('deadline-2023-DTTS-NSTW-DTPT');
  await expect(row2023).toContainText('31/12/2024');
  await expect(row2023).toContainText('Còn hạn');
  const form = page.getByRole('group', { name: 'Quyết định kéo dài mới' });
  await form.getByLabel('Vốn từ năm').fill('2022');
  await form.getByLabel('Vốn đến năm').fill('2022');
  await form.getByLabel('Cơ quan quyết định').selectOption('UBND_TINH');
  await form.getByLabel('Số văn bản kéo dài').fill('QĐ 55/QĐ-UBND');
  await form.getByLabel('Ngày văn bản kéo dài').fill('20/12/2023');
  await form.getByLabel('Hạn giải ngân mới').fill('31/12/2024');
  await form.getByRole('button', { name: 'Ghi quyết định kéo dài' }).click();
  await expect(page.getByRole('alert')).toContainText('UBND tỉnh chỉ được kéo dài đến 31/12/2023');
  await form.getByLabel('Cơ quan quyết định').selectOption('QH');
  await form.getByLabel('Số văn bản kéo dài').fill('Nghị quyết số 108/2023/QH15');
  await form.getByRole('button', { name: 'Ghi quyết định kéo dài' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã ghi quyết định kéo dài Nghị quyết số 108/2023/QH15.');
  await expect(page.getByRole('table', { name: 'Quyết định kéo dài' })).toContainText('Quốc hội');

  // Pacing: the province's target for July edited; June's actual stays 25,0%.
  await page.getByRole('tab', { name: 'Tiến độ theo tháng' }).click();
  await expect(page.getByTestId('pacing-actual-6')).toHaveText('25,0%');
  await page.getByLabel('Mục tiêu tháng 7').fill('35');
  await page.getByRole('button', { name: 'Ghi mục tiêu' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã ghi mục tiêu giải ngân theo tháng.');
  await expect(page.getByLabel('Mục tiêu tháng 7')).toHaveValue('35,0');

  // The progress report printed through the print engine (A4, Tinos).
  await go(page, '#/in-giai-ngan/2024?asOf=2024-06-30');
  await expect(page.locator('.print-root[data-ready="true"]')).toBeVisible();
  await expect(page.locator('.annex-label')).toHaveText('BÁO CÁO TIẾN ĐỘ GIẢI NGÂN VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA');
  const first = page.getByRole('region', { name: 'Kế hoạch vốn năm 2024 (cả vốn ngân sách địa phương)' });
  await expect(first.locator('tr', { hasText: 'TỔNG SỐ' })).toContainText('25,0%');
  await expect(first.locator('tr.bold', { hasText: 'giảm nghèo bền vững' })).toContainText('22,1%');
  await expect(first.locator('tr.bold', { hasText: 'vùng đồng bào dân tộc thiểu số' })).toContainText('22,3%');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'bao-cao-giai-ngan.png'), fullPage: true });
});
