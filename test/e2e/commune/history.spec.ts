import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asFormatTwo } from '../../support/old-package';
import { invoke } from '../api';
import { expect, test } from '../web-host-fixture';

// Issue 21, point 4: the former district's package (the Tràng Định 2024 sample, written by the CLI's `export package`
// with its disbursement) imported on Trao đổi dữ liệu of Xã Tràng Định at 1366×768: the money of Đề Thám shown as
// allocated, disbursed and still open with its 31/12/2026 deadline, and the district's decisions read-only.
test.use({ viewport: { width: 1366, height: 768 } });

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');

/** The district sample's 2024 package, made by the real CLI in a district office of its own. */
function districtPackage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-huyen-'));
  const cli = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args, '--data', dir], { cwd: ROOT, stdio: 'pipe' });
  cli('init', '--office', '180');
  cli('seed-demo');
  const file = path.join(dir, 'goi-trao-doi-180-nam-2024.xlsx');
  cli('export', 'package', '--year', '2024', '--out', file);
  return file;
}

test('the former district as history on a commune office: allocated, disbursed and open at 1366×768', async ({ page, webHost }) => {
  test.setTimeout(180_000);
  const pkg = districtPackage();
  await page.goto(webHost.url);
  await invoke(page, 'office.setup', { districtCode: '06046', signers: [{ name: 'Lý Văn Hòa', title: 'Chủ tịch UBND xã' }] });
  await page.reload();
  await page.goto(`${webHost.url}#/trao-doi`);
  const panel = page.getByRole('region', { name: 'Lịch sử của huyện cũ' });
  await expect(panel).toContainText('Chưa có lịch sử của huyện cũ');
  await panel.locator('input[aria-label="Tệp gói của huyện cũ"]').setInputFiles(pkg);
  await expect(page.getByRole('status')).toContainText('Số giải ngân của huyện: 102 dòng (mọi kỳ số liệu), 6 dòng của các xã cũ');

  const open = panel.getByRole('table', { name: 'Vốn còn phải giải ngân' });
  const row = open.locator('tbody tr', { hasText: 'Xã Đề Thám' });
  await expect(row.locator('td')).toHaveText(['2024', /NTM\.ND05/, 'Xã Đề Thám', 'NSTW SN', '500.000.000', /^200\.000\.000\s*đến 30\/06\/2024$/, '300.000.000', '31/12/2026', /Còn hạn|Sắp hết hạn|Quá hạn/]);
  await expect(open.locator('tfoot')).toContainText('500.000.000200.000.000300.000.000');
  await expect(panel.getByRole('table', { name: 'Quyết định của huyện cũ' })).toContainText('215/QĐ-UBND');
  await expect(panel).toContainText('Xã Tràng Định gồm các xã cũ: Xã Đề Thám, Xã Hùng Sơn, Xã Hùng Việt.');
  await expect(panel).toContainText('có số giải ngân');
  await expect(panel).not.toContainText('không mang số giải ngân');

  // Nothing wider than the window at 1366×768.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-lich-su-huyen-cu.png') });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-lich-su-huyen-cu-ca-trang.png'), fullPage: true });
});

test('a package made before format 3 shows its open money as the allocation, said plainly', async ({ page, webHost }) => {
  test.setTimeout(180_000);
  const pkg = await asFormatTwo(districtPackage());
  await page.goto(webHost.url);
  await invoke(page, 'office.setup', { districtCode: '06046', signers: [{ name: 'Lý Văn Hòa', title: 'Chủ tịch UBND xã' }] });
  await page.reload();
  await page.goto(`${webHost.url}#/trao-doi`);
  const panel = page.getByRole('region', { name: 'Lịch sử của huyện cũ' });
  await panel.locator('input[aria-label="Tệp gói của huyện cũ"]').setInputFiles(pkg);
  await expect(page.getByRole('status')).toContainText('không mang số giải ngân của huyện');
  await expect(panel.getByRole('note')).toContainText('không mang số giải ngân của huyện (gói tạo trước định dạng 3): số còn phải giải ngân của các dòng từ gói đó là số huyện đã phân bổ');
  const row = panel.getByRole('table', { name: 'Vốn còn phải giải ngân' }).locator('tbody tr', { hasText: 'Xã Đề Thám' });
  await expect(row.locator('td').nth(5)).toHaveText('không có số');
  await expect(row.locator('td').nth(6)).toHaveText('500.000.000');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-lich-su-goi-cu.png'), fullPage: true });
});
