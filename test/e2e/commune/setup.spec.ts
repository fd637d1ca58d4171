import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '../web-host-fixture';

// Issue 21, point 1: the setup screen of a commune office after 1/7/2025 at 1366×768, by keyboard: Xã Tràng Định
// (06046) chosen from the 2025 communes with what it was formed from, the office name and the signer titles follow
// the commune level, and the frame then names the commune.
test.use({ viewport: { width: 1366, height: 768 } });

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

test('setup of a commune office at 1366×768: Xã Tràng Định with its former communes, commune titles, the frame', async ({ page, webHost }) => {
  test.setTimeout(120_000);
  await page.goto(webHost.url);
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
  const unit = page.getByLabel('Huyện hoặc xã, phường');
  await unit.focus();
  await unit.selectOption('06046');
  await expect(unit.locator('option[value="06046"]')).toHaveText('Xã Tràng Định (06046) — từ Đề Thám, Hùng Sơn, Hùng Việt');
  await expect(page.getByTestId('level-note')).toContainText('Cấp xã, hoạt động từ 01/07/2025; hình thành từ Đề Thám, Hùng Sơn, Hùng Việt');
  await expect(page.getByLabel('Tên văn phòng')).toHaveValue('Phòng Kinh tế xã Tràng Định');
  await expect(page.getByLabel('Chức danh người ký 1')).toHaveValue('Chủ tịch UBND xã');
  await expect(page.getByLabel('Chức danh người ký 3')).toHaveValue('Chủ tịch HĐND xã');
  await page.getByLabel('Họ tên người ký 1').fill('Hoàng Văn Thắng');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Triệu Thị Hoa', { delay: 20 });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-01-thiet-lap.png') });
  // Nothing of the card is cut off at 1366×768: the start button is reachable on the page.
  await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).press('Enter');
  await expect(page.locator('.brand-office')).toHaveText('Phòng Kinh tế xã Tràng Định');
  await expect(page.getByTestId('office-level')).toHaveText('Cấp xã · từ 01/07/2025');
  await expect(page.locator('.badge-pilot')).toHaveCount(0);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-02-khung.png') });

  const db = new Database(path.join(webHost.dataDir, 'so-von.sqlite'), { readonly: true });
  try {
    expect(db.prepare('SELECT o.level_code, u.code, u.dataset FROM office o JOIN admin_unit u ON u.id = o.district_unit_id').get()).toEqual({ level_code: 'xa', code: '06046', dataset: '2025-07' });
    expect(db.prepare('SELECT name, title FROM signer ORDER BY id').all()).toEqual([
      { name: 'Hoàng Văn Thắng', title: 'Chủ tịch UBND xã' },
      { name: 'Triệu Thị Hoa', title: 'Phó Chủ tịch UBND xã' },
    ]);
  } finally {
    db.close();
  }
});
