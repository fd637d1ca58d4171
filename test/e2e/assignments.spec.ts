import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './web-host-fixture';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

function cell(page: Page, rowSelector: string, colId: string) {
  return page.locator(`${rowSelector} [col-id="${colId}"]`).first();
}

const draftCell = (page: Page, colId: string) => cell(page, '.ag-row[row-id="draft"]', colId);
const savedLines = (page: Page) => page.locator('.ag-row[row-id^="line-"]');

// Keys 25 ms apart: still several times faster than a fast typist, but not the 0 ms of a script, which can
// land before the grid has moved the focus into the editor it just opened.
const TYPING = { delay: 25 };

/** Enters one line from the entry row, by keyboard only: component, (source, capital type), amount. */
async function enterLine(page: Page, line: { component: string; capital?: string; amount: string }) {
  await draftCell(page, 'componentCode').click();
  await page.keyboard.type(line.component, TYPING);
  await expect(page.locator('.picker-list li.active')).toBeVisible();
  await page.keyboard.press('Tab'); // takes the highlighted component, moves to Nguồn vốn
  await expect(page.getByRole('status')).toHaveText('Nhập số tiền để lưu dòng mới.');
  await page.keyboard.press('Tab'); // keeps NSTW, moves to Loại vốn
  if (line.capital) {
    await expect(page.locator('.picker-input')).toBeFocused();
    await page.keyboard.type(line.capital, TYPING);
  }
  await page.keyboard.press('Tab'); // moves to Năm nguồn
  await page.keyboard.press('Tab'); // moves to Số tiền
  await expect(page.locator('.ag-row[row-id="draft"] [col-id="amount"] input')).toBeFocused();
  // ag-grid selects the editor's content just after focusing it; on a loaded machine a key sent in that
  // instant is selected and overwritten. A person never types that fast; the script waits as a person would.
  await page.waitForTimeout(150);
  await page.keyboard.type(line.amount, TYPING);
  await page.keyboard.press('Enter');
}

function linesInDatabase(dataDir: string): { count: number; total: number } {
  const db = new Database(path.join(dataDir, 'so-von.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) AS count, COALESCE(SUM(amount_dong), 0) AS total FROM assignment').get() as { count: number; total: number };
  } finally {
    db.close();
  }
}

test('first-run setup, three assignment lines by keyboard, reload keeps values and totals; "12a" is refused', async ({ page, webHost }) => {
  await page.goto(webHost.url);

  // First-run setup for Tràng Định: the pilot flag comes from the reference data.
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
  await page.getByLabel('Huyện').selectOption('180');
  await expect(page.getByTestId('pilot-flag')).toContainText('Huyện thí điểm phân cấp theo NQ 111/2024/QH15');
  await expect(page.getByLabel('Tên văn phòng')).toHaveValue('Phòng Tài chính - Kế hoạch huyện Tràng Định');
  await page.getByLabel('Họ tên người ký 1').fill('Hoàng Văn Minh');
  await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();

  await expect(page.getByRole('heading', { name: 'Vốn được giao' })).toBeVisible();
  await expect(page.getByText('Huyện thí điểm NQ 111')).toBeVisible();
  await page.goto(`${webHost.url}#/von-duoc-giao/2024`);
  await expect(page.getByLabel('Năm')).toHaveValue('2024');

  await enterLine(page, { component: 'nha o', amount: '1.234,5' }); // DTTS DA1 Hỗ trợ nhà ở, NSTW ĐTPT
  await expect(savedLines(page)).toHaveCount(1);
  await enterLine(page, { component: 'tda 1 giao duc nghe', capital: 'sn', amount: '850' }); // GNBV DA4 TDA1, NSTW SN
  await expect(savedLines(page)).toHaveCount(2);
  await enterLine(page, { component: 'noi dung thanh phan 2', capital: 'dt', amount: '2.000,25' }); // NTM ND02, NSTW ĐTPT (the entry row kept SN from the line before)
  await expect(savedLines(page)).toHaveCount(3);
  const amounts = await savedLines(page).locator('[col-id="amount"]').allTextContents();
  const components = await savedLines(page).locator('[col-id="componentCode"]').allTextContents();
  expect(components.map((c) => c.split(' — ')[0])).toEqual(['DA1.ND2', 'DA4.TDA1', 'ND02']);
  // One number of decimals in the column (issue 15, point 9).
  expect(amounts).toEqual(['1.234,50', '850,00', '2.000,25']);

  await expect(page.getByTestId('total-grand')).toHaveText('4.084,75');
  await expect(page.getByTestId('total-NSTW-DTPT')).toHaveText('3.234,75');
  await expect(page.getByTestId('total-NSTW-SN')).toHaveText('850');
  expect(linesInDatabase(webHost.dataDir)).toEqual({ count: 3, total: 4_084_750_000 });

  // Reload (and restart the host): what was saved is what is shown.
  await webHost.restart();
  await page.goto(`${webHost.url}#/von-duoc-giao/2024`);
  await expect(savedLines(page)).toHaveCount(3);
  await expect(page.getByTestId('total-grand')).toHaveText('4.084,75');
  await expect(page.locator('.ag-row[row-id="total-DTTS"] [col-id="amount"]')).toHaveText('1.234,50');
  await expect(page.locator('.ag-row[row-id="total-GNBV"] [col-id="amount"]')).toHaveText('850,00');
  await expect(page.locator('.ag-row[row-id="total-NTM"] [col-id="amount"]')).toHaveText('2.000,25');

  // A malformed amount: Vietnamese error naming the field, nothing written.
  const firstAmount = savedLines(page).first().locator('[col-id="amount"]');
  await firstAmount.click();
  await page.keyboard.type('12a', TYPING);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Số tiền: "12a" không phải là số tiền');
  await expect(firstAmount).toHaveText('1.234,50');
  await expect(page.getByTestId('total-grand')).toHaveText('4.084,75');
  expect(linesInDatabase(webHost.dataDir)).toEqual({ count: 3, total: 4_084_750_000 });

  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'von-duoc-giao.png'), fullPage: true });
});

test('an implausible assignment amount (1.234.567 triệu) is asked about; declined, nothing is written (issue 15, point 13)', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await page.getByLabel('Huyện').selectOption('180');
  await page.getByLabel('Họ tên người ký 1').fill('Hoàng Văn Minh');
  await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await expect(page.getByRole('heading', { name: 'Vốn được giao' })).toBeVisible();
  await page.goto(`${webHost.url}#/von-duoc-giao/2024`);
  await expect(page.getByLabel('Năm')).toHaveValue('2024');

  const questions: string[] = [];
  let answer = false;
  page.on('dialog', (dialog) => {
    questions.push(dialog.message());
    void (answer ? dialog.accept() : dialog.dismiss());
  });

  await enterLine(page, { component: 'nha o', amount: '850' });
  await expect(savedLines(page)).toHaveCount(1);
  expect(questions).toEqual([]); // an ordinary amount is not asked about

  // A new line of 1.234.567 triệu: asked, declined, nothing written.
  await enterLine(page, { component: 'tda 1 giao duc nghe', amount: '1.234.567' });
  await expect(page.getByRole('alert')).toContainText('Chưa ghi: số tiền vừa nhập lớn bất thường');
  expect(questions[0]).toContain('Số tiền 1.234.567 triệu đồng lớn gấp 1.452 lần tất cả các dòng vốn khác được giao năm 2024 cộng lại (850 triệu đồng)');
  await expect(savedLines(page)).toHaveCount(1);
  expect(linesInDatabase(webHost.dataDir)).toEqual({ count: 1, total: 850_000_000 });

  // The saved line changed to 1.234.567: with no other line in the year, asked too; declined, unchanged.
  const saved = savedLines(page).first().locator('[col-id="amount"]');
  await saved.click();
  await page.keyboard.type('1.234.567', TYPING);
  await page.keyboard.press('Enter');
  await expect.poll(() => questions.length).toBe(2);
  expect(questions[1]).toContain('rất lớn, trong khi năm 2024 chưa có dòng vốn nào khác được giao');
  await expect(saved).toHaveText('850');
  expect(linesInDatabase(webHost.dataDir)).toEqual({ count: 1, total: 850_000_000 });

  // Confirmed, it is written as typed (the question is a guard against a unit slip, not a refusal).
  // The entry row kept the component of the declined line; only its amount was cleared.
  answer = true;
  await expect(draftCell(page, 'amount')).toHaveText('');
  await draftCell(page, 'amount').click();
  await page.keyboard.type('1.234.567', TYPING);
  await page.keyboard.press('Enter');
  await expect(savedLines(page)).toHaveCount(2);
  expect(questions).toHaveLength(3);
  expect(linesInDatabase(webHost.dataDir)).toEqual({ count: 2, total: 850_000_000 + 1_234_567_000_000 });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'von-duoc-giao-so-lon.png') });
});
