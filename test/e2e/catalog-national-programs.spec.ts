// Issue 21, point 2: the five national target programs funded for 2026–2030 by NQ 27/2026/QH16 are catalog data; the
// Danh mục screen lists them with their period and funding, searchable like every catalog. At 1366×768, screenshot
// looked at.
import fs from 'node:fs';
import path from 'node:path';
import { invoke } from './api';
import { clippedTableCells, seriousViolations } from './layout-checks';
import { expect, test } from './web-host-fixture';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

test('Danh mục lists the 2026–2030 national target programs with period and funding, searchable (1366×768)', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await invoke(page, 'office.setup', { districtCode: '06046', signers: [{ name: 'Hoàng Văn Thắng', title: 'Chủ tịch UBND xã' }] });
  await page.goto(`${webHost.url}#/danh-muc`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Danh mục', exact: true })).toBeVisible();

  // From the merged program's catalog, a pointer to the other programs of 2026–2030.
  await page.getByLabel('Giai đoạn').selectOption('2026-2035');
  await page.getByRole('button', { name: 'thẻ “CTMTQG 2026 - 2030”' }).click();
  await expect(page.getByRole('tab', { name: 'CTMTQG 2026 - 2030' })).toHaveAttribute('aria-selected', 'true');

  const table = page.getByRole('table', { name: 'Chương trình mục tiêu quốc gia 2026 - 2030' });
  await expect(table.locator('tbody tr')).toHaveCount(5);
  const education = page.getByTestId('national-GDDT2635');
  await expect(education).toContainText('Chương trình mục tiêu quốc gia hiện đại hóa, nâng cao chất lượng giáo dục và đào tạo giai đoạn 2026 - 2035');
  await expect(education).toContainText('2026-2035');
  await expect(education).toContainText('NQ 249/2025/QH15');
  await expect(education.locator('td.num')).toHaveText('85.000');
  await expect(page.getByTestId('national-total')).toHaveText('Cộng 5 chương trình: 254.027 tỷ đồng vốn NSTW ĐTPT 2026 - 2030.');
  await expect(table).not.toContainText(/\b(high|medium|low)\b/);
  // Accessible and whole at 1366×768, like every screen (screens.spec checks the first tab only).
  expect(await seriousViolations(page)).toEqual([]);
  expect(await clippedTableCells(page, 'table[aria-label="Chương trình mục tiêu quốc gia 2026 - 2030"]')).toEqual([]);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'danh-muc-ctmtqg-2026-2030.png') });

  // Searchable without diacritics: the culture program alone.
  await page.getByLabel('Tìm trong danh mục').fill('van hoa');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  const culture = page.getByTestId('national-VH2535');
  await expect(culture).toContainText('Chương trình mục tiêu quốc gia về phát triển văn hóa giai đoạn 2025 - 2035');
  await expect(culture).toContainText('2025-2035');
  await expect(culture.locator('td.num')).toHaveText('50.000');
  await expect(page.getByRole('status', { name: 'Số dòng Chương trình mục tiêu quốc gia 2026 - 2030' })).toHaveText('1 / 5 dòng khớp “van hoa”');
});
