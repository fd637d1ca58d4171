// Issue 15, point 9: on the sample office's Giải ngân screen, the 2023 money carried into 2024 shows its extended
// plan (4.120 triệu, the extension record QĐ 123/QĐ-TTg), named as its denominator, before and after any figure of it
// is reported; the row's rate divides by it. At 1366×768, screenshot looked at.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { invoke } from './api';
import { expect, test } from './web-host-fixture';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** The cell of a column in the grid row whose "Vốn năm" is the given year (the body's rows, not the pinned total). */
async function cellOfOriginYear(page: Page, originYear: number, colId: string) {
  const origin = page.locator('.ag-row [col-id="origin"]').getByText(String(originYear), { exact: true });
  await expect(origin).toHaveCount(1);
  const index = await origin.locator('xpath=ancestor::div[contains(@class, "ag-row")][1]').getAttribute('row-index');
  return page.locator(`.ag-row[row-index="${index}"] [col-id="${colId}"]`).first();
}

test('the carried-over 2023 money shows its extended plan, named, before and after its figures (1366×768)', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await invoke(page, 'demo.seed', {});
  await page.goto(`${webHost.url}#/giai-ngan/2024?cutoff=2024-06-30`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Giải ngân', exact: true })).toBeVisible();

  // After its figures: 1.648 of the extended 4.120 triệu = 40,0%, the plan named under the grid.
  await expect(await cellOfOriginYear(page, 2023, 'plan')).toHaveText('4.120,000');
  await expect(await cellOfOriginYear(page, 2023, 'cumulative')).toHaveText('1.648,000');
  await expect(await cellOfOriginYear(page, 2023, 'rate')).toHaveText('40,0%');
  const named = page.getByTestId('carried-plan-2023');
  await expect(named).toHaveText(
    'Các dòng vốn năm 2023: cột “Kế hoạch” là “Kế hoạch vốn năm 2023 kéo dài” (4.120,000 triệu đồng, vốn năm 2023 được kéo dài sang năm 2024); tỷ lệ của các dòng này chia cho kế hoạch đó.',
  );
  // The line quotes the plan exactly as the column shows it (same money format, same decimals).
  const planInColumn = await (await cellOfOriginYear(page, 2023, 'plan')).textContent();
  await expect(named).toContainText(`(${planInColumn ?? '?'} triệu đồng,`);
  // The plan cell names its plan on hover too.
  await (await cellOfOriginYear(page, 2023, 'plan')).hover();
  await expect(page.locator('.ag-tooltip')).toHaveText('Kế hoạch vốn năm 2023 kéo dài');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'giai-ngan-von-keo-dai.png') });

  // Before any figure of it is reported (the office that has not yet typed its first one): the row is there to type
  // into, with the same plan, because the extension record carries the money into 2024.
  const db = new Database(path.join(webHost.dataDir, 'so-von.sqlite'));
  try {
    db.prepare('DELETE FROM disbursement WHERE origin_year = 2023').run();
  } finally {
    db.close();
  }
  await page.reload();
  await expect(await cellOfOriginYear(page, 2023, 'plan')).toHaveText('4.120,000');
  await expect(await cellOfOriginYear(page, 2023, 'cumulative')).toHaveText('');
  await expect(await cellOfOriginYear(page, 2023, 'rate')).toHaveText('0,0%');
  await expect(named).toContainText('“Kế hoạch vốn năm 2023 kéo dài” (4.120,000 triệu đồng');
});
