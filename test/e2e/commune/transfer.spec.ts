import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { invoke } from '../api';
import { expect, test } from '../web-host-fixture';

// Issue 21, point 5: on the commune sample (Xã Tràng Định, 2026), a transfer under NQ 257/2025/QH15 khoản 7 điểm b
// typed by keyboard at 1366×768: too much is refused with what is still open, a commune approval warns with its
// basis and certainty, the decision is recorded and listed.
test.use({ viewport: { width: 1366, height: 768 } });

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

test('a transfer of 2021–2025 money into a 2026–2030 content at 1366×768', async ({ page, webHost }) => {
  test.setTimeout(120_000);
  await page.goto(webHost.url);
  await invoke(page, 'office.setup', { districtCode: '06046', signers: [{ name: 'Lý Văn Hòa', title: 'Chủ tịch UBND xã' }] });
  await invoke(page, 'demo.seed', {});
  await page.reload();
  await page.goto(`${webHost.url}#/quyet-dinh/2026`);
  await page.getByText('Chuyển nhiệm vụ 2021–2025 sang nội dung 2026–2030').click();
  const from = page.getByLabel('Nhiệm vụ 2021–2025', { exact: true });
  await from.selectOption((await from.locator('option', { hasText: 'GNBV.DA2' }).getAttribute('value'))!);
  await page.getByLabel('Nội dung 2026–2035').selectOption('MTQG2635.HP2.ND02');
  const amount = page.getByLabel('Số tiền chuyển (đồng)');
  await amount.focus();
  await page.keyboard.type('300.000.000');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('41/QĐ-UBND');
  await page.getByLabel('Ngày quyết định chuyển').fill('2026-04-15');
  await page.getByLabel('Cơ quan chấp thuận').fill('UBND xã Tràng Định');
  await page.getByLabel('Căn cứ chấp thuận').fill('Văn bản số 512/UBND-KT ngày 02/4/2026');
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  const result = page.getByLabel('Kết quả kiểm tra chuyển nhiệm vụ');
  await expect(result).toContainText('Còn lại trên nhiệm vụ 2021–2025: 215.000.000 đồng');
  await expect(result).toContainText('Lỗi: Số chuyển 300.000.000 đồng vượt số còn lại 215.000.000 đồng');
  await expect(result).toContainText('Cảnh báo: Cơ quan chấp thuận "UBND xã Tràng Định" không phải cấp tỉnh');
  await expect(result).toContainText('độ chắc chắn: chưa tìm thấy quy định');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-chuyen-nhiem-vu-kiem-tra.png'), fullPage: true });

  await amount.fill('');
  await amount.focus();
  await page.keyboard.type('150.000.000');
  await page.getByRole('button', { name: 'Ghi quyết định chuyển' }).click();
  await expect(page.getByText('Đã ghi quyết định chuyển nhiệm vụ 41/QĐ-UBND: 150.000.000 đồng từ GNBV.DA2 (vốn năm 2025) sang MTQG2635.HP2.ND02, kèm cảnh báo đã ghi.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Quyết định chuyển nhiệm vụ đã ghi' });
  await expect(table).toContainText('150.000.000');
  await expect(table).toContainText('Có 1 cảnh báo khi ghi');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-chuyen-nhiem-vu-da-ghi.png'), fullPage: true });

  const db = new Database(path.join(webHost.dataDir, 'so-von.sqlite'), { readonly: true });
  try {
    expect(db.prepare('SELECT number, amount_dong, origin_year, approved_by FROM content_transfer').all()).toEqual([
      { number: '41/QĐ-UBND', amount_dong: 150_000_000, origin_year: 2025, approved_by: 'UBND xã Tràng Định' },
    ]);
  } finally {
    db.close();
  }
});
