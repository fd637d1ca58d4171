import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { invoke } from './api';
import { expect, test } from './web-host-fixture';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/excel');
const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Picks a file the way an officer does: the button opens the system file chooser. */
async function chooseFile(page: Page, name: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn tệp Excel của tỉnh…' }).click();
  await (await chooser).setFiles(path.join(FIXTURES, name));
}

/** What the app's own EventSource received: every event it opens is recorded in the page (before the app's scripts run). */
async function recordPushedEvents(page: Page) {
  await page.addInitScript(() => {
    const Native = window.EventSource;
    const seen: unknown[] = [];
    Object.assign(window, { __pushedEvents: seen });
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('progress', (event) => seen.push(JSON.parse((event as MessageEvent<string>).data)));
      }
    };
  });
}

/** The commands the page sent, with their input. */
function recordInvokes(page: Page): { command: string; input: Record<string, unknown> }[] {
  const sent: { command: string; input: Record<string, unknown> }[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/api/invoke')) sent.push(request.postDataJSON() as { command: string; input: Record<string, unknown> });
  });
  return sent;
}

test('province workbook: chosen, previewed beside the file, confirmed, seen on Vốn được giao; the same file again is a no-op', async ({ page, webHost }) => {
  await recordPushedEvents(page);
  const sent = recordInvokes(page);
  await page.goto(webHost.url);
  await invoke(page, 'office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
  await page.goto(`${webHost.url}#/von-duoc-giao/2024`);
  await page.reload();
  // The screen subscribes to the host's pushed progress (server-sent events) as it opens.
  const stream = page.waitForRequest((request) => new URL(request.url()).pathname.endsWith('/api/events'));
  await page.getByRole('button', { name: 'Nhập từ Excel…' }).click();
  await expect(page.getByRole('heading', { name: 'Trao đổi dữ liệu' })).toBeVisible();
  // With the same per-start token as the API (the one written into the page).
  const token = await page.locator('meta[name="sovon-token"]').getAttribute('content');
  expect(token).toMatch(/^[0-9a-f]{48}$/);
  expect(new URL((await stream).url()).searchParams.get('token')).toBe(token);

  // A file whose subtotal disagrees: the finding names the cell and shows it in the file; nothing can be committed.
  await chooseFile(page, 'tong-lech-chi-tiet.xlsx');
  const findings = page.getByRole('region', { name: 'Kết quả kiểm tra' });
  await expect(findings).toContainText('Ô E17: Dòng II "Chương trình MTQG giảm nghèo bền vững" ghi 900 triệu đồng nhưng các dòng chi tiết cộng lại 750 triệu đồng');
  await findings.getByRole('button', { name: 'Biểu 01!E17' }).click();
  await expect(page.getByText('Đang xem ô E17')).toBeVisible();
  await expect(page.locator('.ag-row[row-id="17"] [col-id="E"].cell-selected')).toHaveText('900');
  await expect(page.getByRole('region', { name: 'Tệp gốc' }).locator('.ag-row[row-id="8"] [col-id="C"]')).toHaveText('15.970,75');
  await expect(page.getByRole('button', { name: 'Nhập vào sổ vốn được giao' })).toBeDisabled();

  // The good file: recognized, previewed, confirmed.
  await chooseFile(page, 'tinh-giao-von-2024.xlsx');
  await expect(page.getByTestId('import-total')).toHaveText('9 dòng chi tiết, tổng 15.970,75 triệu đồng → 13 dòng vốn được giao');
  await expect(page.getByRole('region', { name: 'Thay đổi so với sổ' })).toContainText('GNBV.DA5');
  await expect(page.getByRole('region', { name: 'Bảng nhận dạng' }).locator('.ag-row[row-id="20"]')).toContainText('Hợp phần: GNBV.DA4.TDA2');
  // Its reading was a job whose progress the page received pushed, to the end; nothing polled for it.
  const jobId = sent.filter((c) => c.command === 'import.analyze').at(-1)?.input.jobId;
  expect(jobId).toMatch(/^job-/);
  const pushed = () => page.evaluate((id) => (window as unknown as { __pushedEvents: { jobId: string; done: number; total: number | null; ended: boolean }[] }).__pushedEvents.filter((e) => e.jobId === id), jobId);
  await expect.poll(async () => (await pushed()).some((e) => e.ended)).toBe(true);
  expect((await pushed()).some((e) => e.total !== null && e.total > 0 && e.done === e.total)).toBe(true);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'import-preview.png'), fullPage: true });
  await page.getByRole('button', { name: 'Nhập vào sổ vốn được giao' }).click();
  await expect(page.getByRole('status')).toContainText('Đã nhập 9 dòng chi tiết, tổng 15.970,75 triệu đồng: 13 dòng vốn mới, 0 dòng thay đổi.');
  expect(sent.filter((c) => c.command === 'import.commit').at(-1)?.input.jobId).toMatch(/^job-/);
  expect(sent.filter((c) => /^(tasks|jobs)\.status$/.test(c.command))).toEqual([]);

  await page.getByRole('link', { name: 'Xem vốn được giao năm 2024' }).click();
  await expect(page.locator('.ag-row[row-id^="line-"]')).toHaveCount(13);
  await expect(page.locator('.ag-row[row-id="total-grand"]').first()).toContainText('15.970,75');

  // The same file again changes nothing, and says so.
  await page.getByRole('button', { name: 'Nhập từ Excel…' }).click();
  await chooseFile(page, 'tinh-giao-von-2024.xlsx');
  await expect(page.getByRole('status')).toContainText('Tệp này đã được nhập lúc');
  await expect(page.getByRole('button', { name: 'Nhập vào sổ vốn được giao' })).toBeDisabled();
});

test('exchange package and allocation report downloaded from the screen, each recorded in the history', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await invoke(page, 'demo.seed', {});
  await page.goto(`${webHost.url}#/trao-doi/2024`);
  await page.reload();
  const files = page.getByRole('region', { name: 'Xuất và gói trao đổi' });
  await expect(files).toContainText('Chưa có tệp nào được nhập hoặc xuất cho năm này.');

  const packageDownload = page.waitForEvent('download');
  await files.getByRole('button', { name: 'Xuất gói trao đổi năm 2024' }).click();
  const saved = await packageDownload;
  expect(saved.suggestedFilename()).toMatch(/\.xlsx$/);
  const packagePath = path.join(webHost.dataDir, saved.suggestedFilename());
  await saved.saveAs(packagePath);
  expect(fs.statSync(packagePath).size).toBeGreaterThan(5000);
  await expect(page.getByRole('status')).toContainText('Đã xuất gói trao đổi năm 2024');

  const reportDownload = page.waitForEvent('download');
  await files.getByRole('button', { name: 'Xuất báo cáo Excel' }).click();
  expect((await reportDownload).suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(files.locator('.history-table tbody tr')).toHaveCount(2);
  await expect(files.locator('.history-table')).toContainText('Gói trao đổi');
  await expect(files.locator('.history-table')).toContainText('Báo cáo phân bổ');

  // The same office already holds 2024: importing its own package back is refused with the reason.
  const chooser = page.waitForEvent('filechooser');
  await files.getByRole('button', { name: 'Nhập gói trao đổi…' }).click();
  await (await chooser).setFiles(packagePath);
  await expect(page.getByRole('alert')).toContainText('2024');
});
