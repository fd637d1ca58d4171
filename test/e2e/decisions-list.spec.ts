import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { invoke } from './api';
import { expect, test } from './web-host-fixture';

test.use({ viewport: { width: 1366, height: 768 } });

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

function statuses(dataDir: string): string[] {
  const db = new Database(path.join(dataDir, 'so-von.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT status FROM decision ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

async function officeWithIssuedAllocation(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await invoke(page, 'office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
  await invoke(page, 'assignments.create', { year: 2024, componentCode: 'GNBV.DA2', sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 1_250_500_000 } });
  const draft = await invoke(page, 'decisions.create', { year: 2024, kind: 'phan_bo', issuer: 'UBND', docDate: '2024-03-15', summary: 'Về việc phân bổ vốn giảm nghèo năm 2024' });
  await invoke(page, 'decisions.lines.apply', {
    decisionId: draft.header.id,
    changes: [{ op: 'add', line: { componentCode: 'GNBV.DA2', recipient: { kind: 'commune', code: '06001' }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 1_250_500_000 } } }],
  });
  await invoke(page, 'decisions.issue', { id: draft.header.id, docDate: '2024-03-15', signerId: 1, basis: ['Quyết định số 2390/QĐ-UBND ngày 12/12/2023 của UBND tỉnh Lạng Sơn'] });
  await invoke(page, 'decisions.create', { year: 2024, kind: 'phan_bo', issuer: 'UBND', summary: 'Dự thảo hỗ trợ nhà ở' });
  await page.reload();
}

test('Quyết định phân bổ: search without diacritics, amounts in triệu, a draft deleted after confirmation, an issued one cannot be', async ({ page, webHost }) => {
  await officeWithIssuedAllocation(page, webHost.url);
  await page.goto(`${webHost.url}#/quyet-dinh/2024`);
  const list = page.getByRole('table', { name: 'Danh sách quyết định' });
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await expect(list.locator('thead')).toContainText('Tăng (triệu đồng)');
  await expect(list.locator('tbody tr').first()).toContainText('1.250,5');

  await page.getByLabel('Tìm quyết định').fill('giam ngheo');
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.locator('tbody tr').first()).toContainText('01/QĐ-UBND');
  await expect(list.getByRole('button', { name: /Xoá dự thảo/ })).toHaveCount(0); // issued: no delete
  await page.getByLabel('Tìm quyết định').fill('nha o');
  await expect(list.locator('tbody tr')).toHaveCount(1);

  // Declined, the draft stays; accepted, it goes.
  page.once('dialog', (d) => void d.dismiss());
  await list.getByRole('button', { name: /Xoá dự thảo/ }).click();
  await expect(list.locator('tbody tr')).toHaveCount(1);
  expect(statuses(webHost.dataDir)).toEqual(['issued', 'draft']);
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.accept();
  });
  await list.getByRole('button', { name: /Xoá dự thảo/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã xoá dự thảo' })).toBeVisible();
  expect(asked[0]).toContain('Không hoàn tác được');
  expect(statuses(webHost.dataDir)).toEqual(['issued']);
});

test('an adjustment names the decision it changes, in the list and in the editor', async ({ page, webHost }) => {
  await officeWithIssuedAllocation(page, webHost.url);
  await page.goto(`${webHost.url}#/quyet-dinh/2024`);
  await page.getByLabel('Loại quyết định mới').selectOption('dieu_chinh');
  await expect(page.getByLabel('Quyết định được điều chỉnh')).toHaveValue('1');
  await expect(page.getByLabel('Quyết định được điều chỉnh').locator('option:checked')).toHaveText('Điều chỉnh 01/QĐ-UBND');
  await page.getByRole('button', { name: 'Lập dự thảo' }).click();
  await expect(page.getByRole('heading', { name: /Dự thảo điều chỉnh/ })).toBeVisible();
  await expect(page.getByText('điều chỉnh 01/QĐ-UBND ngày 15/03/2024')).toBeVisible();
  await page.getByRole('button', { name: /Danh sách quyết định/ }).click();
  await expect(page.getByRole('table', { name: 'Danh sách quyết định' }).getByText('Điều chỉnh 01/QĐ-UBND ngày 15/03/2024')).toBeVisible();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'quyet-dinh-danh-sach.png') });
});
