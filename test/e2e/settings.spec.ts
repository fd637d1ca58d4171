import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { invoke } from './api';
import { expect, test } from './web-host-fixture';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

test('Cài đặt & sao lưu: back up now, change the data, restore the backup from the screen; the change is gone and the pre-restore backup is listed', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await invoke(page, 'demo.seed', {});
  await page.reload();
  await page.getByRole('link', { name: 'Cài đặt & sao lưu' }).click();
  await expect(page.getByRole('heading', { name: 'Cài đặt & sao lưu' })).toBeVisible();
  const office = page.getByRole('table', { name: 'Thông tin văn phòng' });
  await expect(office).toContainText('Tràng Định');
  await expect(page.getByRole('table', { name: 'Người ký' }).getByLabel('Họ tên người ký Lương Văn Hải')).toHaveValue('Lương Văn Hải');
  await expect(page.getByTestId('data-file')).toHaveText(path.join(webHost.dataDir, 'so-von.sqlite'));

  await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
  await expect(page.getByRole('status')).toContainText('Đã sao lưu lúc');
  const manual = (await invoke(page, 'backups.list', {})).backups.find((b) => b.reason === 'thu-cong')!;
  const manualRow = page.getByTestId(`backup-${manual.name}`);
  await expect(manualRow).toContainText('Thủ công');
  await expect(manualRow).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
  await expect(manualRow).toContainText(/\d+(,\d)? (KB|MB)/);

  // A change after the backup, made through the API as another window would.
  const before = await invoke(page, 'assignments.list', { year: 2024 });
  await invoke(page, 'assignments.create', { year: 2024, componentCode: 'NTM.ND05', sourceCode: 'HUY_DONG', capitalType: 'SN', amount: { dong: 123_000_000 } });
  expect((await invoke(page, 'assignments.list', { year: 2024 })).lines).toHaveLength(before.lines.length + 1);

  await page.getByRole('button', { name: `Khôi phục bản sao lưu ${manual.name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Khôi phục dữ liệu' });
  await expect(dialog).toContainText('Thủ công');
  await expect(dialog).toContainText('dữ liệu hiện tại được sao lưu (bản “Trước khi khôi phục”), nên có thể hoàn tác');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cai-dat-khoi-phuc.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Khôi phục' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Đã khôi phục dữ liệu từ bản sao lưu');
  await expect(page.getByRole('status')).toContainText('khôi phục bản đó nếu muốn hoàn tác');

  // The pre-restore backup is listed; the data is as it was at the backup, and the host goes on serving.
  const undo = (await invoke(page, 'backups.list', {})).backups.find((b) => b.reason === 'truoc-khoi-phuc')!;
  await expect(page.getByTestId(`backup-${undo.name}`)).toContainText('Trước khi khôi phục');
  const after = await invoke(page, 'assignments.list', { year: 2024 });
  expect(after.lines).toEqual(before.lines);
  expect(after.lines.some((l) => l.sourceCode === 'HUY_DONG')).toBe(false);

  await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
  await expect(page.getByTestId('integrity')).toContainText('Tệp dữ liệu nguyên vẹn');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cai-dat.png'), fullPage: true });

});

test("another office's backup: the app names both offices and restores it only when the officer confirms", async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await invoke(page, 'demo.seed', {});
  // A backup of Lộc Bình (188) among this office's backups, as a copy from another machine would land there.
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-188-'));
  const init = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'init', '--office', '188', '--data', other], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
  const name = 'thu-cong-20240101T000000.sqlite';
  fs.copyFileSync(path.join(other, 'so-von.sqlite'), path.join(webHost.dataDir, 'backups', name));
  fs.rmSync(other, { recursive: true, force: true });
  await page.reload();
  await page.getByRole('link', { name: 'Cài đặt & sao lưu' }).click();
  const office = page.getByRole('table', { name: 'Thông tin văn phòng' });
  await expect(office).toContainText('Tràng Định');

  const asked: string[] = [];
  page.once('dialog', (question) => {
    asked.push(question.message());
    void question.dismiss();
  });
  await page.getByRole('button', { name: `Khôi phục bản sao lưu ${name}` }).click();
  await page.getByRole('dialog', { name: 'Khôi phục dữ liệu' }).getByRole('button', { name: 'Khôi phục' }).click();
  await expect(page.getByRole('alert')).toContainText('Lộc Bình');
  expect(asked[0]).toMatch(/Lộc Bình[\s\S]*Tràng Định/);
  await expect(office).toContainText('Tràng Định');

  page.once('dialog', (question) => void question.accept());
  await page.getByRole('button', { name: `Khôi phục bản sao lưu ${name}` }).click();
  await page.getByRole('dialog', { name: 'Khôi phục dữ liệu' }).getByRole('button', { name: 'Khôi phục' }).click();
  await expect(page.getByRole('status')).toContainText('Đã khôi phục dữ liệu từ bản sao lưu');
  await expect(office).toContainText('Lộc Bình');
});

test('error net: an uncaught error and an unhandled rejection show the Vietnamese dialog; "Sao chép chi tiết" copies the details, "Tải lại" reloads', async ({ page, context, webHost }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(webHost.url).origin });
  await page.goto(webHost.url);
  await invoke(page, 'demo.seed', {});
  await page.reload();
  await page.getByRole('link', { name: 'Cài đặt & sao lưu' }).click();
  await expect(page.getByRole('heading', { name: 'Cài đặt & sao lưu' })).toBeVisible();

  await page.evaluate(() => {
    // What a bug in an event handler looks like to the window: an ErrorEvent nobody handled.
    const error = new Error('Lỗi thử nghiệm từ e2e');
    window.dispatchEvent(new ErrorEvent('error', { message: error.message, error }));
  });
  const dialog = page.getByRole('alertdialog', { name: 'Đã xảy ra lỗi' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Hãy bấm Tải lại');
  await expect(dialog).not.toContainText('Lỗi thử nghiệm từ e2e');
  await dialog.getByRole('button', { name: 'Sao chép chi tiết' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Đã sao chép chi tiết lỗi vào bộ nhớ tạm.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Thông báo: Error: Lỗi thử nghiệm từ e2e');
  expect(copied).toMatch(/Phiên bản: \d+\.\d+\.\d+/);
  expect(copied).toContain('Màn hình: Cài đặt & sao lưu (#/cai-dat)');
  expect(copied).toMatch(/Thời điểm: \d{4}-\d{2}-\d{2}T/);
  expect(copied).toMatch(/Stack:\nError: Lỗi thử nghiệm từ e2e\n\s+at /);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'loi-giao-dien.png') });
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await expect(dialog).toBeHidden();

  // A rejected promise nobody awaited.
  await page.evaluate(() => {
    void Promise.reject(new Error('Promise bị từ chối trong e2e'));
  });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Sao chép chi tiết' }).click();
  await expect(dialog.getByRole('status')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('unhandledrejection');
  await dialog.getByRole('button', { name: 'Tải lại' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Cài đặt & sao lưu' })).toBeVisible();
});

test('Cài đặt: an office set up without names gets its signers here — add, change title and role, retire, bring back', async ({ page, webHost }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(webHost.url);
  await invoke(page, 'office.setup', { districtCode: '180', signers: [] });
  await page.reload();
  await page.getByRole('link', { name: 'Cài đặt & sao lưu' }).click();
  const table = page.getByRole('table', { name: 'Người ký' });
  await expect(table).toContainText('Chưa có người ký');

  const form = page.getByRole('form', { name: 'Thêm người ký' });
  await form.getByLabel('Họ tên người ký mới').fill('Lương Văn Hải');
  await form.getByLabel('Vai trò ký của người ký mới').selectOption({ label: 'Chủ tịch HĐND' });
  // The role proposes its usual title.
  await expect(form.getByLabel('Chức danh người ký mới')).toHaveValue('Chủ tịch HĐND huyện');
  await form.getByRole('button', { name: 'Thêm người ký' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã thêm người ký Lương Văn Hải' })).toBeVisible();

  await form.getByLabel('Họ tên người ký mới').fill('Nông Thị Lan');
  await form.getByLabel('Vai trò ký của người ký mới').selectOption({ label: 'Phó Chủ tịch UBND' });
  await form.getByRole('button', { name: 'Thêm người ký' }).click();
  await expect(table).toContainText('Đang ký (Phó Chủ tịch UBND)');

  // Promoted: a new title and role.
  await table.getByLabel('Chức danh của Nông Thị Lan').fill('Chủ tịch UBND huyện');
  await table.getByLabel('Vai trò ký của Nông Thị Lan').selectOption({ label: 'Chủ tịch UBND' });
  await table.getByRole('row', { name: /Nông Thị Lan/ }).getByRole('button', { name: 'Lưu' }).click();
  await expect(table).toContainText('Đang ký (Chủ tịch UBND)');
  const signers = await invoke(page, 'signers.list', {});
  expect(signers.signers.map((s) => [s.name, s.title, s.roleCode])).toEqual([
    ['Lương Văn Hải', 'Chủ tịch HĐND huyện', 'hdnd_chu_tich'],
    ['Nông Thị Lan', 'Chủ tịch UBND huyện', 'ubnd_chu_tich'],
  ]);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cai-dat-nguoi-ky-1366.png'), fullPage: true });

  await table.getByRole('row', { name: /Lương Văn Hải/ }).getByRole('button', { name: 'Thôi ký' }).click();
  await expect(table.getByRole('row', { name: /Lương Văn Hải/ })).toContainText('Thôi ký từ');
  const info = await invoke(page, 'app.info', {});
  expect(info.office?.signers.map((s) => s.name)).toEqual(['Nông Thị Lan']);
  await table.getByRole('row', { name: /Lương Văn Hải/ }).getByRole('button', { name: 'Cho ký lại' }).click();
  await expect(table.getByRole('row', { name: /Lương Văn Hải/ })).toContainText('Đang ký (Chủ tịch HĐND)');
});
