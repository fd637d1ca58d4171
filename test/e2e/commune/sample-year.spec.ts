import fs from 'node:fs';
import path from 'node:path';
import { clippedColumns } from '../layout-checks';
import { expect, test } from '../web-host-fixture';

// The commune sample as a new officer opens it at 1366×768: the carried-over 2021–2025 money is not called overdue
// (NQ 257/2025/QH15 runs it to 31/12/2026), the recurrent breakdown asks no district-pilot delegation and names the
// commune council, and Cài đặt describes a commune, not a district.
test.use({ viewport: { width: 1366, height: 768 } });

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

test('commune sample: no false overdue, no district delegation form, commune wording on Cài đặt', async ({ page, webHost }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.goto(webHost.url);
  await page.getByLabel('Huyện hoặc xã, phường').selectOption('06046');
  await page.getByRole('button', { name: 'Tạo dữ liệu mẫu (Xã Tràng Định 2026)' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Tổng quan', exact: true }).click();
  await expect(page.getByTestId('period-2021-2025')).toBeVisible();
  await expect(page.locator('.content')).not.toContainText('quá hạn');

  await page.getByRole('navigation').getByRole('link', { name: 'Giải ngân', exact: true }).click();
  // The merged program's code (MTQG2635) is whole in the CT column, as DTTS is for a district.
  await expect(page.locator('.ag-row').first()).toBeVisible();
  expect(await clippedColumns(page, ['program', 'plan', 'cumulative', 'rate'])).toEqual([]);
  await page.getByRole('tab', { name: 'Vốn kéo dài & thời hạn' }).click();
  const deadlines = page.getByRole('table', { name: 'Vốn theo năm nguồn và thời hạn giải ngân' });
  await expect(deadlines.locator('tbody tr').first()).toContainText('31/12/2026');
  await expect(deadlines).not.toContainText('Quá hạn');

  await page.getByRole('navigation').getByRole('link', { name: 'Dự toán chi thường xuyên', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Dự toán chi thường xuyên', level: 1 })).toBeVisible();
  await expect(page.locator('.content .help').first()).toContainText('HĐND xã phân bổ chi tiết');
  await expect(page.locator('.delegation-form')).toHaveCount(0);
  await expect(page.locator('.content')).not.toContainText('HĐND huyện');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-du-toan-thuong-xuyen.png') });

  await page.getByRole('navigation').getByRole('link', { name: 'Cài đặt & sao lưu', exact: true }).click();
  const office = page.getByRole('table', { name: 'Thông tin văn phòng' });
  await expect(office).toContainText('Xã, phường, tỉnh');
  await expect(office).toContainText('Xã Tràng Định (mã 06046), Tỉnh Lạng Sơn');
  await expect(office).not.toContainText('Thí điểm phân cấp');
  await expect(page.getByLabel('Chủ thể quyết định').locator('option')).toHaveText(['Ủy ban nhân dân xã (TM. Ủy ban nhân dân)', 'Chủ tịch Ủy ban nhân dân xã']);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-cai-dat.png') });
});
