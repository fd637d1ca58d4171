// Issue 17, point 6: plans never mix money years. The screens show the year's money and the money carried over from
// an earlier year as separate groups with their own rates, and they agree with `plan --year 2024 --json` run by the
// command line on the same data file. Rule 11's counterpart warnings of the sample year are on both screens.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { invoke } from './api';
import { expect, test } from './web-host-fixture';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const ROOT = path.resolve(import.meta.dirname, '../..');
const go = (page: Page, hash: string) => page.goto(`${page.url().split('#')[0]}${hash}`);

interface Group {
  originYear: number;
  assignedDong: number;
  replannedDong: number;
  allocatedDong: number;
  remainingDong: number;
  rateText: string;
}

/** `plan --year 2024 --json` through the real command line, over the web host's data folder. */
function planJson(dataDir: string): { groups: Group[]; counterpart: { programCode: string; capitalType: string; ratioText: string; warning: unknown }[] } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'plan', '--year', '2024', '--data', dataDir, '--json'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

/** "68.059,05" (triệu, as the screens print) → đồng. */
const trieuToDong = (text: string) => Math.round(Number(text.replace(/\./g, '').replace(',', '.')) * 1_000_000);

test('sample year 2024: the 2024 money and the 2023 money carried over are separate groups on Vốn được giao and in the balance panel, as plan --json says', async ({ page, webHost }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(webHost.url);
  await invoke(page, 'demo.seed', {});
  const plan = planJson(webHost.dataDir);
  const own = plan.groups.find((g) => g.originYear === 2024)!;
  const carried = plan.groups.find((g) => g.originYear === 2023)!;
  expect([own.rateText, carried.rateText]).toEqual(['100,0%', '0,0%']);

  // The decision editor's balance panel: one group per money year, each with its subtotal and its own rate.
  await go(page, '#/quyet-dinh/2024/1');
  await page.reload();
  const own2024 = page.getByTestId('balance-subtotal-2024');
  const carried2023 = page.getByTestId('balance-subtotal-2023');
  await expect(own2024).toBeVisible();
  await expect(page.getByTestId('balance-group-2024')).toContainText('Vốn năm 2024');
  await expect(page.getByTestId('balance-group-2023')).toContainText('Vốn năm 2023 kéo dài sang năm 2024');
  await expect(page.getByTestId('rate-2024')).toHaveText(own.rateText);
  await expect(page.getByTestId('rate-2023')).toHaveText(carried.rateText);
  await expect(page.getByTestId('remaining-total-2023')).toHaveText(/\d/);
  expect(trieuToDong((await page.getByTestId('remaining-total-2023').innerText()).trim())).toBe(carried.remainingDong);
  expect(trieuToDong((await own2024.locator('td').nth(0).innerText()).trim())).toBe(own.assignedDong + own.replannedDong);
  expect(trieuToDong((await carried2023.locator('td').nth(0).innerText()).trim())).toBe(carried.assignedDong);
  // No mixed total (94,3%) anywhere on the panel.
  await expect(page.getByRole('table', { name: 'Cân đối vốn' })).not.toContainText('94,3%');
  // Rule 11 in the balance panel.
  await expect(page.getByTestId('counterpart-GNBV-SN').first()).toHaveText('4,95%');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator('.side-panel').screenshot({ path: path.join(SCREENSHOT_DIR, 'quyet-dinh-balance-years.png') });

  // Vốn được giao: the year's totals and the carried-over totals apart, and the counterpart ratios with their warnings.
  await go(page, '#/von-duoc-giao/2024');
  await expect(page.getByRole('heading', { name: /Vốn năm 2024: tổng hợp/ })).toBeVisible();
  await expect(page.getByTestId('carried-over-2023')).toContainText('Vốn năm 2023 kéo dài sang năm 2024');
  await expect(page.getByTestId('counterpart-GNBV-SN')).toHaveText('4,95%');
  await expect(page.getByTestId('counterpart-GNBV-DTPT')).toHaveText('0%');
  await expect(page.getByTestId('counterpart-NTM-SN')).toHaveText('10%');
  await expect(page.locator('.counterpart-matrix .counterpart-low')).toHaveCount(plan.counterpart.filter((c) => c.warning).length);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'von-duoc-giao-years.png'), fullPage: true });
});
