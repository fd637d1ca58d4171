import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './web-host-fixture';

// An officer's first day, on the most common office laptop, from an empty data folder, by keyboard as a
// person types: setup with signers → assignment lines with Enter and with Tab → a draft → paste → issue with
// the confirmation → print preview → other screens and back → reload.
test.use({ viewport: { width: 1366, height: 768 } });

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const TYPING = { delay: 25 };

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `ngay-dau-${name}.png`) });
}

const draftCell = (page: Page, colId: string) => page.locator(`.ag-row[row-id="draft"] [col-id="${colId}"]`).first();
const savedLines = (page: Page) => page.locator('.ag-row[row-id^="line-"]');
const editorOf = (page: Page, rowSelector: string, colId: string) => page.locator(`${rowSelector} [col-id="${colId}"] input`);

/** Waits as a person would once an editor has opened (ag-grid selects its content just after focusing it). */
async function typeInOpenEditor(page: Page, editor: ReturnType<Page['locator']>, text: string): Promise<void> {
  await expect(editor).toBeFocused();
  await page.waitForTimeout(150);
  await page.keyboard.type(text, TYPING);
}

function database(dataDir: string) {
  return new Database(path.join(dataDir, 'so-von.sqlite'), { readonly: true });
}

async function paste(page: Page, rows: string[][]): Promise<void> {
  const text = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

test('first day at 1366×768: setup, lines typed with Enter and with Tab, draft, paste, issue with confirmation, print, switch screens, reload', async ({ page, webHost }) => {
  test.setTimeout(180_000);
  await page.goto(webHost.url);

  // 1. First run: the district and two signers, typed on the setup screen.
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
  await page.getByLabel('Huyện').selectOption('180');
  await page.getByLabel('Họ tên người ký 1').fill('Hoàng Văn Minh');
  await page.getByLabel('Họ tên người ký 2').fill('Nông Thị Lan');
  await shot(page, '01-thiet-lap');
  await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await expect(page.getByRole('heading', { name: 'Vốn được giao' })).toBeVisible();
  await page.goto(`${webHost.url}#/von-duoc-giao/2024`);
  await expect(page.getByLabel('Năm')).toHaveValue('2024');

  // 2a. The province's document on the entry row, Enter after each cell: Enter moves along the row, as Tab.
  await draftCell(page, 'basisNumber').click();
  await page.keyboard.type('2390/QĐ-UBND', TYPING);
  await page.keyboard.press('Enter');
  await typeInOpenEditor(page, editorOf(page, '.ag-row[row-id="draft"]', 'basisDate'), '12/12/2023');
  await page.keyboard.press('Enter');
  await typeInOpenEditor(page, editorOf(page, '.ag-row[row-id="draft"]', 'basisIssuer'), 'UBND tỉnh Lạng Sơn');
  await page.keyboard.press('Enter');
  await expect(editorOf(page, '.ag-row[row-id="draft"]', 'note')).toBeFocused();
  await page.keyboard.press('Escape');

  // 2b. A line entered with Enter only: "nuoc sinh hoat" highlights the content that can take money, not "Dự án 1".
  await draftCell(page, 'componentCode').click();
  await page.keyboard.type('nuoc sinh hoat', TYPING);
  await expect(page.locator('.picker-list li.active')).toHaveText(/Hỗ trợ nước sinh hoạt/);
  await expect(page.locator('.picker-list li.picker-parent').first()).toHaveText(/Dự án 1/);
  await page.keyboard.press('Enter'); // takes the content, opens Nguồn vốn
  await expect(page.locator('.picker-input')).toBeFocused();
  await page.keyboard.press('Enter'); // keeps NSTW, opens Loại vốn
  await expect(page.locator('.picker-input')).toBeFocused();
  await page.keyboard.type('sn', TYPING);
  await page.keyboard.press('Enter'); // SN, opens Năm nguồn
  await expect(editorOf(page, '.ag-row[row-id="draft"]', 'originYear')).toBeFocused();
  await page.keyboard.press('Enter'); // keeps 2024, opens Số tiền
  await typeInOpenEditor(page, editorOf(page, '.ag-row[row-id="draft"]', 'amount'), '500');
  await page.keyboard.press('Enter');
  await expect(savedLines(page)).toHaveCount(1);

  // 2c. A line entered with Tab only.
  await draftCell(page, 'componentCode').click();
  await page.keyboard.type('tda 1 giao duc nghe', TYPING);
  await expect(page.locator('.picker-list li.active')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('sn', TYPING);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await typeInOpenEditor(page, editorOf(page, '.ag-row[row-id="draft"]', 'amount'), '300');
  await page.keyboard.press('Tab');
  await expect(savedLines(page)).toHaveCount(2);
  await expect(page.getByTestId('total-grand')).toHaveText('800');

  // 2d. Nothing typed is dropped silently: a key on the totals row says where to type instead.
  await page.locator('.ag-row[row-id="total-grand"] [col-id="amount"]').click();
  await page.keyboard.type('7');
  await expect(page.getByRole('status')).toContainText('không nhập được');
  const assignments = database(webHost.dataDir);
  expect(assignments.prepare('SELECT k.code AS c, a.amount_dong AS a, a.basis_number AS n FROM assignment a JOIN component k ON k.id = a.component_id ORDER BY a.id').all()).toEqual([
    { c: 'DTTS.DA1.ND4', a: 500_000_000, n: '2390/QĐ-UBND' },
    { c: 'GNBV.DA4.TDA1', a: 300_000_000, n: '2390/QĐ-UBND' },
  ]);
  assignments.close();
  await shot(page, '02-von-duoc-giao');

  // 3. A draft allocation; empty, the rules panel says issuing would refuse it.
  await page.getByRole('link', { name: 'Quyết định phân bổ' }).click();
  await page.goto(`${webHost.url}#/quyet-dinh/2024`);
  await page.getByRole('button', { name: 'Lập dự thảo' }).click();
  await expect(page.getByRole('heading', { name: /Dự thảo/ })).toBeVisible();
  const dateInput = page.getByLabel('Ngày quyết định');
  await dateInput.fill('15/03/2024');
  await dateInput.press('Tab');
  await expect(page.locator('.findings')).toContainText('Dự thảo chưa có dòng nào');
  await expect(page.getByText('Không có lỗi hay cảnh báo')).toHaveCount(0);

  // A line by Enter on the entry row: component, commune, amount.
  await page.locator('.ag-row[row-id="entry"] [col-id="label"]').click();
  await page.keyboard.type('nuoc sinh hoat', TYPING);
  await expect(page.locator('.picker-list li.active')).toContainText('DTTS.DA1.ND4');
  await page.keyboard.press('Enter');
  await expect(page.locator('.picker-input')).toBeFocused();
  await page.keyboard.type('doan ket', TYPING);
  await expect(page.locator('.picker-list li.active')).toContainText('Đoàn Kết');
  await page.keyboard.press('Enter');
  await typeInOpenEditor(page, editorOf(page, '.ag-row[row-id="entry"]', 'NSTW|SN'), '500');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ag-row[row-id="c:DTTS.DA1.ND4"] [col-id="NSTW|SN"]')).toHaveText('500');
  // The row's last amount: Enter goes back to the row's first cell, ready for the next line (not into a saved line).
  await expect(page.locator('.ag-row[row-id="entry"] [col-id="label"]')).toHaveClass(/ag-cell-focus/);

  // 1.234.567 triệu (the unit slipped) asks first; declined, nothing is written.
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  const typed = page.locator('.ag-row[row-id^="l:DTTS.DA1.ND4"] [col-id="NSTW|SN"]').first();
  await typed.click();
  await page.keyboard.type('1.234.567', TYPING);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Chưa ghi');
  expect(questions[0]).toContain('lớn gấp 1.543 lần toàn bộ vốn NSTW · SN được giao năm 2024');
  await expect(typed).toHaveText('500');

  // 4. Paste a province-style block (ĐTPT and SN of NSTW and NS tỉnh) where only NSTW · SN is assigned.
  await page.locator('.ag-row[row-id="entry"] [col-id="label"]').click();
  await paste(page, [['GNBV.DA4.TDA1', 'Xã Đoàn Kết', '', '300', '0', '']]);
  const report = page.getByRole('status', { name: 'Kết quả dán' });
  await expect(report).toContainText('Đã dán 1 ô hợp lệ.');
  await expect(report).toContainText('đọc theo thứ tự cột của tỉnh');
  await expect(page.locator('.ag-row[row-id="c:GNBV.DA4.TDA1"] [col-id="NSTW|SN"]')).toHaveText('300');
  await page.getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByTestId('remaining-total')).toHaveText('0');
  await shot(page, '03-du-thao');

  // 5. Issue: trích yếu and căn cứ are proposed from the office's data, and required; then a confirmation.
  await page.getByRole('button', { name: 'Ban hành…' }).click();
  const dialog = page.getByRole('dialog');
  const basis = dialog.getByLabel('Căn cứ');
  await expect(basis).toHaveValue(/Quyết định số 2390\/QĐ-UBND ngày 12\/12\/2023 của UBND tỉnh Lạng Sơn/);
  await expect(basis).toHaveValue(/Nghị quyết số 111\/2024\/QH15/);
  await expect(dialog.getByLabel('Trích yếu ban hành')).toHaveValue('Về việc phân bổ chi tiết kế hoạch vốn thực hiện các Chương trình mục tiêu quốc gia năm 2024');
  const proposed = await basis.inputValue();
  await basis.fill('');
  await dialog.getByRole('button', { name: 'Ban hành' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Nhập ít nhất một căn cứ (mỗi dòng một văn bản).');
  await basis.fill(proposed);
  await dialog.getByRole('button', { name: 'Ban hành' }).click();
  const summary = dialog.getByLabel('Tóm tắt ban hành');
  await expect(summary).toContainText('01/QĐ-UBND ngày 15/03/2024');
  await expect(summary).toContainText('Hoàng Văn Minh — Chủ tịch UBND huyện');
  await expect(summary).toContainText('800 triệu đồng');
  await expect(summary.locator('dd').nth(4)).toHaveText('2');
  await shot(page, '04-xac-nhan-ban-hanh');
  const before = database(webHost.dataDir);
  expect(before.prepare("SELECT COUNT(*) FROM decision WHERE status = 'issued'").pluck().get()).toBe(0);
  before.close();
  await dialog.getByRole('button', { name: 'Xác nhận ban hành' }).click();
  await expect(page.getByRole('heading', { name: /Quyết định số 01\/QĐ-UBND/ })).toBeVisible();
  const issued = database(webHost.dataDir);
  const row = issued.prepare("SELECT summary, basis_json FROM decision WHERE status = 'issued'").get() as { summary: string; basis_json: string };
  issued.close();
  expect(row.summary).toContain('Về việc phân bổ');
  expect(JSON.parse(row.basis_json)).toContain('Quyết định số 2390/QĐ-UBND ngày 12/12/2023 của UBND tỉnh Lạng Sơn');

  // 6. Print preview of the annex.
  await page.getByRole('button', { name: 'In quyết định…' }).click();
  await expect(page.getByText('01/QĐ-UBND').first()).toBeVisible();
  await shot(page, '05-ban-in');

  // 7. Back from the print, other screens and back; the list finds the decision without diacritics and shows triệu.
  await page.getByRole('button', { name: '← Quay lại' }).click();
  await expect(page.getByRole('heading', { name: /Quyết định số 01\/QĐ-UBND/ })).toBeVisible();
  for (const name of ['Vốn được giao', 'Giải ngân', 'Tổng quan', 'Quyết định phân bổ']) {
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  await page.goto(`${webHost.url}#/quyet-dinh/2024`);
  await page.getByLabel('Tìm quyết định').fill('chi tiet ke hoach von');
  const list = page.getByRole('table', { name: 'Danh sách quyết định' });
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.locator('thead')).toContainText('Tăng (triệu đồng)');
  await expect(list.locator('tbody tr').first()).toContainText('800');
  await shot(page, '06-danh-sach');

  // Danh mục: the reference data, read-only and searchable, both periods, units with successors, rules with their basis.
  await page.getByRole('link', { name: 'Danh mục', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Danh mục', level: 1 })).toBeVisible();
  await expect(page.getByText('đang được xây dựng')).toHaveCount(0);
  await page.getByLabel('Tìm trong danh mục').fill('nuoc sinh hoat');
  await expect(page.getByRole('table', { name: 'Chương trình và hợp phần' })).toContainText('DTTS.DA1.ND4');
  await page.getByLabel('Giai đoạn').selectOption({ index: 1 });
  await page.getByLabel('Tìm trong danh mục').fill('');
  await expect(page.getByRole('table', { name: 'Chương trình và hợp phần' }).locator('tbody tr').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Đơn vị hành chính' }).click();
  await page.getByLabel('Tìm trong danh mục').fill('trang dinh');
  await expect(page.getByRole('table', { name: 'Đơn vị hành chính' })).toContainText('đến 30/06/2025');
  await page.getByRole('tab', { name: 'Quy tắc kiểm tra' }).click();
  await page.getByLabel('Tìm trong danh mục').fill('');
  await expect(page.getByRole('table', { name: 'Quy tắc kiểm tra' }).locator('thead')).toContainText('Căn cứ pháp lý');
  await shot(page, '07-danh-muc');

  // 8. Reload: what was issued is what is shown.
  await page.goto(`${webHost.url}#/quyet-dinh/2024`);
  await page.reload();
  await expect(page.getByRole('table', { name: 'Danh sách quyết định' }).locator('tbody tr').first()).toContainText('01/QĐ-UBND');
  await page.goto(`${webHost.url}#/von-duoc-giao/2024`);
  await expect(savedLines(page)).toHaveCount(2);
  await shot(page, '08-tai-lai');
});
