import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { invoke } from '../api';
import { expect, test } from '../web-host-fixture';

// Issue 21: a commune office's 2026 year under the merged program, by keyboard at 1366×768 — the province's
// assignment typed on Vốn được giao, then a draft allocation to the commune's management board typed on the
// entry row, issued as the commune's QĐ-UBND.
test.use({ viewport: { width: 1366, height: 768 } });

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-results/screenshots');
const TYPING = { delay: 25 };

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `xa-2026-${name}.png`) });
}

const draftCell = (page: Page, colId: string) => page.locator(`.ag-row[row-id="draft"] [col-id="${colId}"]`).first();
const editorOf = (page: Page, rowSelector: string, colId: string) => page.locator(`${rowSelector} [col-id="${colId}"] input`);

async function typeInOpenEditor(page: Page, editor: ReturnType<Page['locator']>, text: string): Promise<void> {
  await expect(editor).toBeFocused();
  await page.waitForTimeout(150);
  await page.keyboard.type(text, TYPING);
}

test('commune office, 2026 by keyboard: the merged program assigned, allocated to the management board, issued', async ({ page, webHost }) => {
  test.setTimeout(180_000);
  await page.goto(webHost.url);
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
  await invoke(page, 'office.setup', { districtCode: '06046', signers: [{ name: 'Hoàng Văn Thắng', title: 'Chủ tịch UBND xã' }] });
  await invoke(page, 'organizations.create', { kind: 'investor', name: 'Ban Quản lý dự án đầu tư xây dựng xã Tràng Định' });
  await page.goto(`${webHost.url}#/von-duoc-giao/2026`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Vốn được giao' })).toBeVisible();
  await expect(page.getByLabel('Năm')).toHaveValue('2026');
  // A fresh office: the working-year select says 2026 has no data yet…
  const year2026 = page.getByRole('combobox', { name: 'Năm làm việc' }).locator('option[value="2026"]');
  await expect(year2026).toHaveText('2026 (chưa có số liệu)');

  // The province's decision on the entry row, then a line of the merged program, Enter after each cell.
  await draftCell(page, 'basisNumber').click();
  await page.keyboard.type('150/QĐ-UBND', TYPING);
  await page.keyboard.press('Enter');
  await typeInOpenEditor(page, editorOf(page, '.ag-row[row-id="draft"]', 'basisDate'), '20/01/2026');
  await page.keyboard.press('Enter');
  await typeInOpenEditor(page, editorOf(page, '.ag-row[row-id="draft"]', 'basisIssuer'), 'UBND tỉnh Lạng Sơn');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await draftCell(page, 'componentCode').click();
  await page.keyboard.type('nguon nhan luc', TYPING);
  await expect(page.locator('.picker-list li.active')).toContainText('Phát triển nguồn nhân lực và hỗ trợ tạo việc làm bền vững');
  await page.keyboard.press('Enter'); // the content; Nguồn vốn opens
  await page.keyboard.press('Enter'); // NSTW; Loại vốn opens
  await page.keyboard.type('dtpt', TYPING);
  await page.keyboard.press('Enter'); // ĐTPT; Năm nguồn opens
  await expect(editorOf(page, '.ag-row[row-id="draft"]', 'originYear')).toBeFocused();
  await page.keyboard.press('Enter'); // keeps 2026; Số tiền opens
  await typeInOpenEditor(page, editorOf(page, '.ag-row[row-id="draft"]', 'amount'), '2.000');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ag-row[row-id^="line-"]')).toHaveCount(1);
  // …and stops saying so once the first line is written, without a reload.
  await expect(year2026).toHaveText('2026');
  await shot(page, '01-von-duoc-giao');

  // A draft allocation dated after 1/7/2025: the commune decides it; one line typed on the entry row.
  await page.goto(`${webHost.url}#/quyet-dinh/2026`);
  await page.getByRole('button', { name: 'Lập dự thảo' }).click();
  await expect(page.getByRole('heading', { name: /Dự thảo/ })).toBeVisible();
  const dateInput = page.getByLabel('Ngày quyết định');
  await dateInput.fill('20/02/2026');
  await dateInput.press('Tab');
  await page.locator('.ag-row[row-id="entry"] [col-id="label"]').click();
  await page.keyboard.type('nguon nhan luc', TYPING);
  await expect(page.locator('.picker-list li.active')).toContainText('MTQG2635.HP1.ND04');
  await page.keyboard.press('Enter');
  await expect(page.locator('.picker-input')).toBeFocused();
  await page.keyboard.type('ban quan ly', TYPING);
  await expect(page.locator('.picker-list li.active')).toContainText('Ban Quản lý dự án');
  await page.keyboard.press('Enter');
  await typeInOpenEditor(page, editorOf(page, '.ag-row[row-id="entry"]', 'NSTW|DTPT'), '2.000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('remaining-total')).toHaveText('0');
  await shot(page, '02-du-thao');

  await page.getByRole('button', { name: 'Ban hành…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Căn cứ')).toHaveValue(/Quyết định số 150\/QĐ-UBND ngày 20\/01\/2026 của UBND tỉnh Lạng Sơn/);
  await expect(dialog.getByLabel('Căn cứ')).not.toHaveValue(/111\/2024\/QH15/);
  await dialog.getByRole('button', { name: 'Ban hành' }).click();
  await expect(dialog.getByLabel('Tóm tắt ban hành')).toContainText('Hoàng Văn Thắng — Chủ tịch UBND xã');
  await dialog.getByRole('button', { name: 'Xác nhận ban hành' }).click();
  await expect(page.getByRole('heading', { name: /Quyết định số 01\/QĐ-UBND/ })).toBeVisible();
  // The commune's own UBND, no "huyện"; the balance counts the money as issued once the decision is.
  await expect(page.getByText('Phân bổ · UBND (Quyết định)')).toBeVisible();
  const balanceRow = page.locator('tr', { hasText: 'MTQG2635 · NSTW · ĐTPT' });
  await expect(balanceRow.locator('td').nth(2)).toHaveText('2.000');
  await expect(balanceRow.locator('td').nth(3)).toHaveText('');
  await shot(page, '03-da-ban-hanh');

  const db = new Database(path.join(webHost.dataDir, 'so-von.sqlite'), { readonly: true });
  try {
    expect(
      db
        .prepare(
          `SELECT k.code AS component, o.name AS recipient, l.source_code AS source, l.capital_type AS type, l.amount_dong AS dong
           FROM decision_line l JOIN decision d ON d.id = l.decision_id JOIN component k ON k.id = l.component_id
           LEFT JOIN organization o ON o.id = l.recipient_org_id WHERE d.status = 'issued'`,
        )
        .all(),
    ).toEqual([{ component: 'MTQG2635.HP1.ND04', recipient: 'Ban Quản lý dự án đầu tư xây dựng xã Tràng Định', source: 'NSTW', type: 'DTPT', dong: 2_000_000_000 }]);
  } finally {
    db.close();
  }
});
