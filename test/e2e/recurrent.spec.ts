import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { invoke } from './api';
import { expect, test } from './web-host-fixture';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const TYPING = { delay: 25 };
const UNITS = [
  'Phòng Giáo dục và Đào tạo',
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Nông nghiệp và Phát triển nông thôn',
  'Phòng Văn hóa và Thông tin',
  'Phòng Dân tộc',
  'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên',
  'Trung tâm Văn hóa, Thể thao và Truyền thông',
  'Ban Quản lý dự án đầu tư xây dựng',
];

const cell = (page: Page, row: string, col: string) => page.locator(`.ag-row[row-id="${row}"] [col-id="${col}"]`).first();

async function pasteRow(page: Page, values: string[]): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), values.join('\t') + '\r\n');
  await page.keyboard.press('Control+V');
}

test('recurrent breakdown: 3 programs × 8 units by keyboard and paste, remaining zero, issued as NQ-HĐND; a mid-year move refused without reason and targets, issued with them', async ({ page, webHost }) => {
  test.setTimeout(120_000); // four issue dialogs, each now with its confirmation step
  await page.goto(webHost.url);
  await invoke(page, 'office.setup', {
    districtCode: '180',
    signers: [
      { name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' },
      { name: 'Lương Văn Hải', title: 'Chủ tịch HĐND huyện' },
    ],
  });
  for (const [componentCode, dong] of [
    ['DTTS.DA5.TDA1', 800_000_000],
    ['GNBV.DA2', 400_000_000],
    ['GNBV.DA4.TDA2', 400_000_000],
    ['NTM.ND05', 800_000_000],
  ] as const) {
    await invoke(page, 'assignments.create', { year: 2024, componentCode, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong } });
  }
  const units: number[] = [];
  for (const name of UNITS) units.push((await invoke(page, 'organizations.create', { kind: 'unit', name })).id);
  const col = (i: number) => `u:unit:${units[i]}`;
  await page.goto(`${webHost.url}#/du-toan-thuong-xuyen/2024`);
  await page.reload();

  // The delegation is recorded on the screen (without it the resolution cannot be issued).
  const delegation = page.getByRole('group', { name: /Chưa có văn bản phân cấp/ });
  await delegation.getByLabel('Số văn bản').fill('12/2024/NQ-HĐND');
  await delegation.getByLabel('Ngày').fill('10/07/2024');
  await delegation.getByRole('button', { name: 'Ghi văn bản phân cấp' }).click();
  await expect(page.getByText('Phân cấp: 12/2024/NQ-HĐND ngày 10/07/2024')).toBeVisible();

  await page.getByRole('button', { name: 'Tạo dự thảo nghị quyết' }).click();
  await expect(page.getByLabel('Nghị quyết phân bổ')).toHaveValue(/\d+/);

  // DTTS by keyboard: 100 triệu to each of the eight units.
  await page.getByRole('tab', { name: 'DTTS' }).click();
  for (let i = 0; i < 8; i++) {
    await cell(page, 'DTTS.DA5.TDA1', col(i)).click();
    await page.keyboard.type('100', TYPING);
    await page.keyboard.press('Enter');
    await expect(cell(page, 'DTTS.DA5.TDA1', col(i))).toHaveText('100');
  }
  await expect(page.getByTestId('recurrent-summary')).toContainText('NSTW còn lại 0 triệu');

  // GNBV and NTM by pasting rows copied from Excel, from the first unit column as displayed.
  await page.getByRole('tab', { name: 'GNBV' }).click();
  const headers = await page
    .locator('.ag-header-cell[col-id^="u:"]')
    .evaluateAll((cells) => cells.map((c) => ({ id: c.getAttribute('col-id')!, at: Number(c.getAttribute('aria-colindex')) })));
  const firstUnit = headers.sort((a, b) => a.at - b.at)[0]!.id;
  await cell(page, 'GNBV.DA2', firstUnit).click();
  await pasteRow(page, Array(8).fill('50'));
  await expect(cell(page, 'GNBV.DA2', 'total')).toHaveText('400');
  await cell(page, 'GNBV.DA4.TDA2', firstUnit).click();
  await pasteRow(page, Array(8).fill('50'));
  await expect(cell(page, 'GNBV.DA4.TDA2', 'remaining')).toHaveText('0');
  await expect(page.getByTestId('recurrent-summary')).toContainText('NSTW còn lại 0 triệu');
  await page.getByRole('tab', { name: 'NTM' }).click();
  await cell(page, 'NTM.ND05', firstUnit).click();
  await pasteRow(page, ['100', '100', '100', '100', '100', '100', '100', '100']);
  await expect(cell(page, 'NTM.ND05', 'remaining')).toHaveText('0');
  await expect(page.getByTestId('recurrent-summary')).toContainText('NSTW còn lại 0 triệu');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'du-toan-thuong-xuyen.png'), fullPage: true });

  // Issued as a resolution of the district HĐND.
  await page.getByRole('button', { name: 'Kiểm tra và ban hành…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Ngày ban hành').fill('25/07/2024');
  await expect(dialog.getByLabel('Người ký')).toHaveValue('2');
  await dialog.getByRole('button', { name: 'Ban hành' }).click();
  await dialog.getByRole('button', { name: 'Xác nhận ban hành' }).click(); // after the summary
  await expect(page.getByRole('status')).toHaveText('Đã ban hành Nghị quyết 01/NQ-HĐND.');

  // A mid-year move of 50 triệu from GNBV.DA4.TDA2 to GNBV.DA2 (same program, same unit).
  await invoke(page, 'targets.save', { year: 2024, componentCode: 'GNBV.DA4', indicator: 'Người lao động đi làm việc ở nước ngoài', unit: 'người', targetValue: '10', actualValue: '6', complete: false });
  await page.getByRole('button', { name: 'Điều chỉnh giữa các hợp phần…' }).click();
  await expect(page.getByRole('heading', { name: /Dự thảo/ })).toBeVisible();
  const dateInput = page.getByLabel('Ngày quyết định');
  await dateInput.fill('20/09/2024');
  await dateInput.press('Tab');
  const rowOf = async (componentCode: string) => {
    const row = page.locator('.ag-row', { has: page.locator('[col-id="component"]', { hasText: componentCode }) }).first();
    return `.ag-row[row-id="${await row.getAttribute('row-id')}"]`;
  };
  const source = await rowOf('GNBV.DA4.TDA2');
  const target = await rowOf('GNBV.DA2');
  await page.locator(`${source} [col-id="decrease"]`).click();
  await page.keyboard.type('50', TYPING);
  await page.keyboard.press('Enter');
  await page.locator(`${target} [col-id="increase"]`).click();
  await page.keyboard.type('50', TYPING);
  await page.keyboard.press('Enter');
  const rule7 = page.locator('.finding-E', { hasText: 'Quy tắc 7' });
  await expect(rule7.filter({ hasText: 'phải ghi lý do' })).toHaveCount(1);
  await expect(rule7.filter({ hasText: 'chưa hoàn thành' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Ban hành…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận ban hành' }).click(); // after the summary
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('Chưa thể ban hành');
  await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();

  // With the reason and the targets complete, it issues.
  await page.locator(`${source} [col-id="reason"]`).click();
  await page.keyboard.type('khong con doi tuong', TYPING);
  await page.keyboard.press('Enter');
  await expect(page.locator(`${source} [col-id="reason"]`)).toHaveText('Không còn đối tượng thụ hưởng');
  const targets = await invoke(page, 'targets.list', { year: 2024 });
  await invoke(page, 'targets.save', { id: targets[0]!.id, year: 2024, componentCode: 'GNBV.DA4', indicator: 'Người lao động đi làm việc ở nước ngoài', unit: 'người', targetValue: '10', actualValue: '10', complete: true });
  await page.reload();
  await expect(page.locator('.finding-E', { hasText: 'Quy tắc 7' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Ban hành…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận ban hành' }).click(); // after the summary
  await expect(page.getByRole('heading', { name: /Nghị quyết số 02\/NQ-HĐND/ })).toBeVisible();

  // The UBND's decision assigning the resolution to the units: issued, then shown in print preview.
  await page.goto(`${webHost.url}#/du-toan-thuong-xuyen/2024`);
  await expect(page.getByLabel('Nghị quyết phân bổ')).toHaveValue(/\d+/);
  await page.getByRole('button', { name: 'Lập quyết định giao dự toán…' }).click();
  const ubnd = page.getByRole('dialog');
  await ubnd.getByLabel('Ngày ban hành').fill('30/07/2024');
  await expect(ubnd.getByLabel('Người ký')).toHaveValue('1');
  await ubnd.getByRole('button', { name: 'Ban hành' }).click();
  await ubnd.getByRole('button', { name: 'Xác nhận ban hành' }).click(); // after the summary
  await expect(page.getByText('Số: 01/QĐ-UBND')).toBeVisible();
  await expect(page.getByText('DỰ TOÁN CHI THƯỜNG XUYÊN THỰC HIỆN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2024 THEO ĐƠN VỊ THỰC HIỆN')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'giao-du-toan-in.png'), fullPage: true });
});
