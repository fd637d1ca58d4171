import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './web-host-fixture';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

const TASKS = [
  ['2.1', 'Triển khai các nhiệm vụ, giải pháp của Báo cáo chung 06 tháng đầu năm 2024', 'UBND huyện', '31/12/2024'],
  ['2.2', 'Nắm tình hình, hướng dẫn, tháo gỡ khó khăn, vướng mắc', 'Các cơ quan chủ trì', '31/12/2024'],
  ['2.3', 'Kiểm tra thực tế tại các xã trong tháng 8 và tháng 9/2024', 'Sở NN&PTNT, Sở LĐTBXH, Ban Dân tộc', '30/09/2024'],
  ['2.4', 'Lãnh đạo, chỉ đạo, kiểm tra, đôn đốc tiến độ', 'Huyện ủy, HĐND huyện', '31/12/2024'],
  ['2.5', 'Khởi công các công trình, dự án trong tháng 7/2024', 'UBND huyện', '31/07/2024'],
  ['2.6', 'Ban hành văn bản giải đáp, hướng dẫn tháo gỡ khó khăn, vướng mắc', 'Các sở, ban, ngành', '15/07/2024'],
];

function counts(dataDir: string, sql: string): unknown {
  const db = new Database(path.join(dataDir, 'so-von.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).get();
  } finally {
    db.close();
  }
}

async function addObstacle(page: Page, text: string, level: string, due: string) {
  await page.getByRole('button', { name: 'Thêm khó khăn, vướng mắc' }).click();
  const form = page.getByRole('group', { name: 'Khó khăn, vướng mắc mới' });
  await form.getByLabel('Nội dung khó khăn').fill(text);
  await form.getByLabel('Cấp có thẩm quyền giải quyết').selectOption(level);
  await form.getByLabel('Ngày phát sinh').fill('01/07/2024');
  await form.getByLabel('Hạn giải quyết').fill(due);
  await form.getByLabel('Số vốn bị ảnh hưởng (triệu đồng)').fill('100');
  await form.getByRole('button', { name: 'Ghi' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã ghi khó khăn, vướng mắc.');
}

test('follow-up: the 11/7/2024 notice and its six tasks, five obstacles, one escalated to tỉnh and answered; the summary export read by LibreOffice', async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await page.getByLabel('Huyện').selectOption('180');
  await page.getByLabel('Họ tên người ký 1').fill('Hoàng Văn Minh');
  await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await page.getByRole('link', { name: 'Khó khăn, vướng mắc & nhiệm vụ' }).click();

  // The notice with a deadline before its date is refused, nothing written.
  await page.getByRole('button', { name: 'Nhập thông báo kết luận' }).click();
  const notice = page.getByRole('group', { name: 'Thông báo kết luận mới' });
  await notice.getByLabel('Số thông báo').fill('… /TB-UBND');
  await notice.getByLabel('Ngày thông báo').fill('11/07/2024');
  await notice.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Lạng Sơn');
  for (let i = 1; i < TASKS.length; i++) await notice.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  for (const [i, [item, text, owner, deadline]] of TASKS.entries()) {
    await notice.getByLabel(`Mục ${i + 1}`, { exact: true }).fill(item!);
    await notice.getByLabel(`Nhiệm vụ ${i + 1}`, { exact: true }).fill(text!);
    await notice.getByLabel(`Đơn vị thực hiện ${i + 1}`, { exact: true }).fill(owner!);
    await notice.getByLabel(`Hạn ${i + 1}`, { exact: true }).fill(i === 5 ? '10/07/2024' : deadline!);
  }
  await notice.getByRole('button', { name: 'Ghi thông báo' }).click();
  await expect(page.getByRole('alert')).toContainText('Nhiệm vụ 2.6: hạn 10/07/2024 đứng trước ngày thông báo 11/07/2024');
  expect(counts(webHost.dataDir, 'SELECT (SELECT COUNT(*) FROM notice) AS n, (SELECT COUNT(*) FROM notice_task) AS t')).toEqual({ n: 0, t: 0 });
  await notice.getByLabel('Hạn 6', { exact: true }).fill('15/07/2024');
  await notice.getByRole('button', { name: 'Ghi thông báo' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã ghi thông báo và các nhiệm vụ.');
  // Today is after 15/7/2024: task 2.6, not done, is overdue.
  await expect(page.getByTestId('task-2.6')).toContainText('quá hạn');
  await expect(page.getByTestId('task-2.6')).toHaveClass(/overdue-row/);

  // Five obstacles at different levels.
  await addObstacle(page, 'Hộ được hỗ trợ nhà ở đã chuyển đi', 'xa', '15/08/2024');
  await addObstacle(page, 'Chậm giải phóng mặt bằng công trình nước sinh hoạt', 'huyen', '31/07/2024');
  await addObstacle(page, 'Thiếu cán bộ theo dõi chương trình cấp xã', 'huyen', '30/09/2024');
  await addObstacle(page, 'Chưa có định mức hỗ trợ phát triển sản xuất cộng đồng', 'tinh', '15/07/2024');
  await addObstacle(page, 'Tiểu dự án không còn đối tượng thụ hưởng', 'trung_uong', '30/09/2024');

  // Escalate the provincial one: without a level it is refused, then sent to tỉnh and answered.
  const row = page.getByRole('table', { name: 'Danh sách khó khăn, vướng mắc' }).locator('tr', { hasText: 'Chưa có định mức hỗ trợ' });
  await row.getByRole('button', { name: 'Đề xuất lên cấp trên…' }).click();
  await row.getByLabel('Cơ quan nhận').fill('Sở Tài chính');
  await row.getByLabel('Văn bản đề xuất').fill('CV 45/UBND-TCKH');
  await row.getByLabel('Ngày gửi').fill('16/07/2024');
  await row.getByRole('button', { name: 'Gửi đề xuất' }).click();
  await expect(page.getByRole('alert')).toContainText('Chọn cấp nhận đề xuất');
  expect(counts(webHost.dataDir, 'SELECT COUNT(*) AS n FROM obstacle_escalation')).toEqual({ n: 0 });
  await row.getByLabel('Cấp nhận đề xuất').selectOption('tinh');
  await row.getByRole('button', { name: 'Gửi đề xuất' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã ghi đề xuất lên cấp trên.');
  await expect(row).toContainText('Đã đề xuất cấp trên');
  await row.getByLabel('Nội dung trả lời').fill('Sở đang trình UBND tỉnh ban hành định mức');
  await row.getByLabel('Ngày trả lời').fill('25/07/2024');
  await row.getByRole('button', { name: 'Ghi trả lời' }).click();
  await expect(row).toContainText('Trả lời 25/07/2024: Sở đang trình UBND tỉnh ban hành định mức');
  await expect(page.getByTestId('open-huyen')).toHaveText('2');

  // A task links to the obstacle it answers; a task done is no longer overdue.
  await page.getByLabel('Khó khăn liên quan nhiệm vụ 2.6').selectOption('4');
  await expect(page.getByRole('status')).toHaveText('Đã cập nhật nhiệm vụ.');
  await page.getByLabel('Tình trạng nhiệm vụ 2.5').selectOption('hoan_thanh');
  await expect(page.getByTestId('task-2.5')).not.toContainText('quá hạn');
  expect(counts(webHost.dataDir, "SELECT obstacle_id AS o FROM notice_task WHERE item = '2.6'")).toEqual({ o: 4 });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'kho-khan.png'), fullPage: true });

  // The summary export, read back by LibreOffice: the counts per level.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất tổng hợp (Excel)' }).click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-fu-')), 'tong-hop.xlsx');
  await (await download).saveAs(file);
  const outDir = path.dirname(file);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${outDir}/lo`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, file], { stdio: 'ignore', timeout: 120_000 });
  const csv = fs.readFileSync(path.join(outDir, 'tong-hop.csv'), 'utf8');
  expect(csv).toMatch(/Cấp xã,1,1,0,/);
  expect(csv).toMatch(/Cấp huyện,2,2,0,/);
  expect(csv).toMatch(/Cấp tỉnh,1,1,0,/);
  expect(csv).toMatch(/Trung ương,1,1,0,/);
  expect(csv).toMatch(/Cộng,5,5,0,/);

  // The same summary printed (the report's "khó khăn, vướng mắc và kiến nghị" section).
  await page.getByRole('button', { name: 'In tổng hợp…' }).click();
  await expect(page.locator('.print-root[data-ready="true"]')).toBeVisible();
  const pdf = path.join(outDir, 'tong-hop.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(printed).toContain('KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ');
  expect(printed).toMatch(/Cấp huyện\s+2\s+2\s+0/);
  expect(printed).toMatch(/Cộng\s+5\s+5\s+0/);
  expect(printed).toContain('Ban hành văn bản giải đáp');
  expect(printed).toContain('15/07/2024');
  expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).every((f) => f.includes('Tinos'))).toBe(true);
  await page.goBack();

  // An inspection visit in August 2024; its finding becomes an obstacle at the commune level.
  const plan = page.getByRole('group', { name: 'Đợt kiểm tra mới' });
  await plan.getByLabel('Tháng kiểm tra').fill('2024-08');
  await plan.getByLabel('Xã được kiểm tra').selectOption({ label: 'Xã Đào Viên' });
  await plan.getByLabel('Đoàn kiểm tra').fill('Phòng TC-KH, Phòng Dân tộc');
  await plan.getByLabel('Nội dung kiểm tra').fill('Hồ sơ hỗ trợ nhà ở');
  await plan.getByRole('button', { name: 'Thêm đợt kiểm tra' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã ghi đợt kiểm tra.');
  const visit = page.getByRole('table', { name: 'Kế hoạch kiểm tra' }).locator('tr', { hasText: 'Xã Đào Viên' }).filter({ has: page.getByLabel('Phát hiện', { exact: true }) });
  await visit.getByLabel('Phát hiện', { exact: true }).fill('3 hộ chưa khởi công làm nhà');
  await visit.getByRole('button', { name: 'Ghi kết quả' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã ghi kết quả kiểm tra.');
  await visit.getByRole('button', { name: 'Tạo khó khăn từ phát hiện' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã tạo khó khăn, vướng mắc từ phát hiện.');
  await expect(visit).toContainText('Khó khăn số 6');
  await expect(page.getByTestId('open-xa')).toHaveText('2');
});
