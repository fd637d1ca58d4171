import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { invoke } from '../api';
import { expect, test } from '../web-host-fixture';

// Issue 21, point 5: on the commune sample (Xã Tràng Định, 2026), a transfer under NQ 257/2025/QH15 khoản 7 điểm b
// typed by keyboard at 1366×768: too much is refused with what is still open, a commune approval warns with its
// basis and certainty, the decision is recorded and listed, and the money is seen moved: on a new draft's balance
// (the content's own row of 2025 money) and on Vốn được giao (the two legs).
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
  // Typed dd/mm/yyyy as every date of the app (a native date field shows mm/dd/yyyy on an English Windows).
  await page.getByLabel('Ngày quyết định chuyển').fill('15/04/2026');
  await page.getByLabel('Ngày quyết định chuyển').press('Tab');
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
  await expect(page.getByText('Đã ghi quyết định chuyển nhiệm vụ 41/QĐ-UBND: 150.000.000 đồng từ GNBV.DA2 (vốn năm 2025) sang MTQG2635.HP2.ND02, kèm cảnh báo đã ghi. Số tiền đã chuyển trong cân đối: MTQG2635.HP2.ND02 được phân bổ 150.000.000 đồng vốn năm 2025.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Quyết định chuyển nhiệm vụ đã ghi' });
  await expect(table).toContainText('150.000.000');
  // The approver warning and the two questions the law leaves open (deadline, ceiling) are kept with it.
  await expect(table).toContainText('Có 3 cảnh báo khi ghi');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-chuyen-nhiem-vu-da-ghi.png'), fullPage: true });

  // The money moved: a new draft's balance shows the content's own row of 2025 money, what the 2021–2025 task
  // gave, and the decision it came from.
  await page.getByRole('button', { name: 'Lập dự thảo' }).click();
  await expect(page.getByRole('heading', { name: /Dự thảo/ })).toBeVisible();
  const carried = page.getByTestId('balance-group-2025');
  await expect(carried.getByTestId('balance-row-MTQG2635-NSTW-SN-2025')).toContainText('MTQG2635 · NSTW · SN');
  await expect(carried.getByTestId('balance-row-MTQG2635-NSTW-SN-2025').locator('td').nth(1)).toHaveText(/^150(\.000\.000)?†$/);
  await expect(carried.getByTestId('remaining-MTQG2635-NSTW-SN-2025')).toHaveText(/^150(\.000\.000)?$/);
  await expect(carried.getByTestId('remaining-GNBV-NSTW-SN-2025')).toHaveText(/^65(\.000\.000)?$/);
  await expect(carried.getByTestId('transfer-note-MTQG2635-NSTW-SN-2025')).toHaveText(
    '† Nhận chuyển theo NQ 257/2025/QH15 Điều 1 khoản 7 điểm b (vốn năm 2025): 41/QĐ-UBND ngày 15/04/2026',
  );
  await expect(carried.getByTestId('transfer-note-GNBV-NSTW-SN-2025')).toContainText('Đã chuyển đi theo NQ 257/2025/QH15');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-chuyen-nhiem-vu-can-doi.png'), fullPage: true });

  // Vốn được giao lists the two legs under the province's assignment, each with its origin year.
  await page.goto(`${webHost.url}#/von-duoc-giao/2026`);
  const moved = page.getByRole('table', { name: 'Vốn chuyển theo NQ 257/2025/QH15 khoản 7 điểm b' });
  await expect(moved.getByTestId('movement-out-GNBV.DA2')).toContainText('Chuyển đi từ GNBV.DA2');
  await expect(moved.getByTestId('movement-out-GNBV.DA2')).toContainText('2025');
  await expect(moved.getByTestId('movement-in-MTQG2635.HP2.ND02')).toContainText('Nhận vào MTQG2635.HP2.ND02');
  await expect(moved.getByTestId('movement-in-MTQG2635.HP2.ND02')).toContainText('41/QĐ-UBND ngày 15/04/2026');
  await moved.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xa-chuyen-nhiem-vu-von-duoc-giao.png') });

  const db = new Database(path.join(webHost.dataDir, 'so-von.sqlite'), { readonly: true });
  try {
    expect(db.prepare('SELECT number, amount_dong, origin_year, approved_by FROM content_transfer').all()).toEqual([
      { number: '41/QĐ-UBND', amount_dong: 150_000_000, origin_year: 2025, approved_by: 'UBND xã Tràng Định' },
    ]);
    expect(db.prepare('SELECT m.leg, c.code, m.origin_year, m.amount_dong FROM assignment_movement m JOIN component c ON c.id = m.component_id ORDER BY m.id').all()).toEqual([
      { leg: 'out', code: 'GNBV.DA2', origin_year: 2025, amount_dong: -150_000_000 },
      { leg: 'in', code: 'MTQG2635.HP2.ND02', origin_year: 2025, amount_dong: 150_000_000 },
    ]);
  } finally {
    db.close();
  }
});
