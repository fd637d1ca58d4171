import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { invoke } from '../api';
import { expect, test } from '../web-host-fixture';

// Issue 21, point 4: the former communes' 2021–2025 money, re-assigned to the commune in 2026 with its origin year
// kept, is allocated by the commune on screen — the entry row takes "vốn năm 2025" and its picker offers the
// 2021–2025 catalog that money belongs to (rule 15), by keyboard at 1366×768.
test.use({ viewport: { width: 1366, height: 768 } });

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-results/screenshots');
const TYPING = { delay: 25 };
const entryEditor = (page: Page, colId: string) => page.locator(`.ag-row[row-id="entry"] [col-id="${colId}"] input`);

test('commune, 2026 draft: carried-over 2025 money typed on the entry row against the 2021–2025 catalog', async ({ page, webHost }) => {
  test.setTimeout(180_000);
  await page.goto(webHost.url);
  await page.getByLabel('Huyện hoặc xã, phường').selectOption('06046');
  await page.getByRole('button', { name: 'Tạo dữ liệu mẫu (Xã Tràng Định 2026)' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
  const board = await invoke(page, 'organizations.create', { kind: 'investor', name: 'Ban Quản lý dự án đầu tư xây dựng xã Tràng Định' });

  await page.getByRole('navigation').getByRole('link', { name: 'Quyết định phân bổ', exact: true }).click();
  await page.getByRole('button', { name: 'Lập dự thảo' }).click();
  await expect(page.getByRole('heading', { name: /Dự thảo/ })).toBeVisible();
  await page.getByLabel('Ngày quyết định').fill('10/03/2026');
  await page.getByLabel('Ngày quyết định').press('Tab');

  // The entry row is 2026 money by default; the 2025 money is chosen, and the row says so.
  const origin = page.getByLabel('Vốn năm của dòng nhập mới');
  await expect(origin).toHaveValue('2026');
  await origin.selectOption('2025');
  await expect(page.locator('.ag-row[row-id="entry"] [col-id="label"]')).toContainText('(vốn năm 2025)');

  await page.locator('.ag-row[row-id="entry"] [col-id="label"]').click();
  await page.keyboard.type('nuoc sinh hoat', TYPING);
  await expect(page.locator('.picker-list li.active')).toContainText('DTTS.DA1.ND4');
  await page.keyboard.press('Enter');
  await expect(page.locator('.picker-input')).toBeFocused();
  await page.keyboard.type('ban quan ly', TYPING);
  await page.keyboard.press('Enter');
  await expect(entryEditor(page, 'NSTW|DTPT')).toBeFocused();
  await page.waitForTimeout(150);
  await page.keyboard.type('500', TYPING);
  await page.keyboard.press('Enter');

  // The line is 2025 money in the core, and the 2025 group of the balance counts it: 960 assigned − 500 = 460 left.
  await expect(page.getByTestId('remaining-DTTS-NSTW-DTPT-2025')).toHaveText('460');
  const decisions = await invoke(page, 'decisions.list', { year: 2026 });
  const draft = decisions.find((d) => d.status === 'draft')!;
  const doc = await invoke(page, 'decisions.get', { id: draft.id });
  expect(doc.lines.map((l) => ({ component: l.componentCode, origin: l.originYear, amount: l.amountDong, recipient: l.recipient.id }))).toEqual([
    { component: 'DTTS.DA1.ND4', origin: 2025, amount: 500_000_000, recipient: board.id },
  ]);
  const check = await invoke(page, 'decisions.check', { id: draft.id });
  expect(check.findings.filter((f) => f.ruleId === 15)).toEqual([]);
  await expect(page.locator('.side-panel')).not.toContainText('chưa có dòng nào');
  await expect(page.locator('.side-panel')).not.toContainText('Quy tắc 15');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-2026-von-keo-dai-du-thao.png') });

  // Back on 2026 money, the infrastructure content takes money itself: its one listed child (operation and
  // maintenance) does not cover it, so the picker takes the content, not a heading.
  await origin.selectOption('2026');
  await page.locator('.ag-row[row-id="entry"] [col-id="label"]').click();
  await page.keyboard.type('ha tang kinh te', TYPING);
  await expect(page.locator('.picker-list li.active')).toContainText('MTQG2635.HP1.ND02');
  await page.keyboard.press('Enter');
  await expect(page.locator('.picker-input')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ag-row[row-id="entry"] [col-id="label"]')).toContainText('MTQG2635.HP1.ND02 — Phát triển hạ tầng kinh tế');
});
