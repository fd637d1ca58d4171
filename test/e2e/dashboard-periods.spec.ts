import path from 'node:path';
import { invoke } from './api';
import { expect, test } from './web-host-fixture';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/**
 * Issue 21, point 7: Tổng quan of 2026 with the 2021–2025 programs' money carried over (extended to 31/12/2026)
 * beside the 2026–2035 program's, each with its own rates. The data is typed through the API: the merged program's
 * 2026 money and the new-rural program's 2025 money, then the cumulative disbursement at 30/06/2026.
 */
test('Tổng quan 2026 shows the two program periods side by side, each with its own rate', async ({ page, webHost }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(webHost.url);
  await invoke(page, 'office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
  const assign = (componentCode: string, originYear: number, dong: number) =>
    invoke(page, 'assignments.create', { year: 2026, componentCode, sourceCode: 'NSTW', capitalType: 'SN', originYear, amount: { dong } });
  await assign('MTQG2635.HP1', 2026, 1_200_000_000);
  await assign('MTQG2635.HP2', 2026, 800_000_000);
  await assign('NTM.ND02', 2025, 2_000_000_000);
  const key = (componentCode: string, originYear: number) => ({ componentCode, projectCode: null, communeCode: null, sourceCode: 'NSTW', capitalType: 'SN' as const, originYear });
  await invoke(page, 'disbursement.save', {
    year: 2026,
    cutoffDate: '2026-06-30',
    partial: true,
    entries: [
      { key: key('MTQG2635.HP1', 2026), cumulative: { dong: 600_000_000 } },
      { key: key('MTQG2635.HP2', 2026), cumulative: { dong: 400_000_000 } },
      { key: key('NTM.ND02', 2025), cumulative: { dong: 300_000_000 } },
    ],
  });

  // The app read the office when it opened: reload it on the dashboard now that the office exists.
  await page.goto(`${webHost.url}#/tong-quan/2026?asOf=2026-06-30`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  const old = page.getByTestId('period-2021-2025');
  const merged = page.getByTestId('period-2026-2035');
  await expect(old).toBeVisible();
  await expect(merged).toBeVisible();
  await expect(old.getByRole('row', { name: /Vốn năm 2025 kéo dài sang năm 2026/ })).toContainText('15,0%');
  await expect(merged.getByRole('row', { name: /Vốn năm 2026/ })).toContainText('50,0%');
  // Side by side at 1366 px: the two cards share a row.
  const [a, b] = [await old.boundingBox(), await merged.boundingBox()];
  expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
  expect(a!.x + a!.width).toBeLessThanOrEqual(b!.x);
  // The two periods summed would read 1.300 / 4.000 = 32,5%: nowhere on the panel.
  await expect(page.locator('.period-split')).not.toContainText('32,5%');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'tong-quan-hai-giai-doan.png') });
});
