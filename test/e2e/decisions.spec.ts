import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './web-host-fixture';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const TYPING = { delay: 25 };
const COMMUNES = ['Xã Khánh Long', 'Xã Đoàn Kết', 'Xã Quốc Khánh', 'Xã Cao Minh', 'Xã Chí Minh', 'Xã Tri Phương', 'Xã Tân Tiến', 'Xã Tân Yên', 'Xã Đội Cấn', 'Xã Tân Minh'];

/** Calls the core through the web host's API with the page's token (setup steps that are not under test). */
async function invoke<T = unknown>(page: Page, name: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([command, body]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="sovon-token"]')!.content;
      const response = await fetch('./api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sovon-Token': token }, body: JSON.stringify({ command, input: body }) });
      return response.json();
    },
    [name, input] as const,
  );
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

/** Goes to a screen of the app already open in the page. */
const go = (page: Page, hash: string) => page.goto(`${page.url().split('#')[0]}${hash}`);

async function setupOffice(page: Page, url: string, district: string): Promise<void> {
  await page.goto(url);
  await invoke(page, 'office.setup', {
    districtCode: district,
    signers: [
      { name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' },
      { name: 'Lương Văn Hải', title: 'Chủ tịch HĐND huyện' },
    ],
  });
  await page.reload();
  await expect(page.getByRole('navigation')).toBeVisible();
}

const assign = (page: Page, componentCode: string, dong: number) => invoke(page, 'assignments.create', { year: 2024, componentCode, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong } });

/** Opens a new draft from the list screen and dates it. */
async function newDraft(page: Page, kind: string, issuer: string, date: string): Promise<void> {
  await go(page, '#/quyet-dinh/2024');
  await page.getByLabel('Loại quyết định mới').selectOption(kind);
  await page.getByLabel('Cơ quan ban hành').selectOption(issuer);
  await page.getByRole('button', { name: 'Lập dự thảo' }).click();
  await expect(page.getByRole('heading', { name: /Dự thảo/ })).toBeVisible();
  const dateInput = page.getByLabel('Ngày quyết định');
  await dateInput.fill(date);
  await dateInput.press('Tab');
  await expect(page.locator('.header-form')).toBeVisible();
}

/** Puts text on the clipboard as Excel would and pastes it into the focused grid cell. */
async function paste(page: Page, rows: string[][]): Promise<void> {
  const text = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const remainingTotal = (page: Page) => page.getByTestId('remaining-total');

function decisionInDatabase(dataDir: string): { status: string; number: number; lines: number; total: number }[] {
  const db = new Database(path.join(dataDir, 'so-von.sqlite'), { readonly: true });
  try {
    return db
      .prepare('SELECT d.status, d.number, COUNT(l.id) AS lines, COALESCE(SUM(l.amount_dong), 0) AS total FROM decision d LEFT JOIN decision_line l ON l.decision_id = d.id GROUP BY d.id ORDER BY d.id')
      .all() as { status: string; number: number; lines: number; total: number }[];
  } finally {
    db.close();
  }
}

test('Tràng Định 2024: an allocation built by pasting a 20 × 3 block and by typing reaches 0 remaining, is issued and reopens read-only', async ({ page, webHost }) => {
  await setupOffice(page, webHost.url, '180');
  // Assigned: what the pasted block and the two typed lines add up to.
  await assign(page, 'DTTS.DA1.ND2', 10 * 150_500_000 + 200_000_000 + 99_000_000);
  await assign(page, 'GNBV.DA2', 10 * 120_000_000);
  await newDraft(page, 'phan_bo', 'UBND', '15/03/2024');

  // Paste 20 rows × (component, commune, amount in triệu) on the entry row's first cell.
  const block = [
    ...COMMUNES.map((c) => ['DTTS.DA1.ND2', c, '150,5']),
    ...COMMUNES.map((c) => ['Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', c.replace('Xã ', ''), '120']),
  ];
  await page.locator('.ag-row[row-id="entry"] [col-id="label"]').click();
  await paste(page, block);
  await expect(page.locator('.ag-row[row-id^="l:"] [col-id="total"]')).toHaveCount(20);
  await expect(page.locator('.ag-row[row-id="c:GNBV.DA2"] [col-id="NSTW|SN"]')).toHaveText('1.200');

  // Type two more lines on the entry row: component by a diacritics-free search, commune, amount.
  for (const [commune, amount] of [['hung viet', '200'], ['de tham', '99']] as const) {
    await page.locator('.ag-row[row-id="entry"] [col-id="label"]').click();
    await page.keyboard.type('ho tro nha o', TYPING);
    await expect(page.locator('.picker-list li.active')).toContainText('DTTS.DA1.ND2');
    await page.keyboard.press('Tab');
    await page.keyboard.type(commune, TYPING);
    await expect(page.locator('.picker-list li.active')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.locator('.ag-row[row-id="entry"] [col-id="NSTW|SN"] input')).toBeFocused();
    await page.waitForTimeout(150);
    await page.keyboard.type(amount, TYPING);
    await page.keyboard.press('Enter');
    await expect(page.locator('.ag-row[row-id^="l:DTTS.DA1.ND2"] [col-id="total"]')).toHaveCount(commune === 'hung viet' ? 11 : 12);
  }
  await expect(page.locator('.ag-row[row-id="total"] [col-id="total"]')).toHaveText('3.004');
  await expect(remainingTotal(page)).toHaveText('0');
  await expect(page.getByText('Không có lỗi hay cảnh báo')).toBeVisible();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'quyet-dinh-editor.png'), fullPage: true });
  await page.locator('.side-panel').screenshot({ path: path.join(SCREENSHOT_DIR, 'quyet-dinh-balance.png') });

  // A bad amount is refused at its cell and nothing is saved.
  await page.locator('.ag-row[row-id^="l:GNBV.DA2"] [col-id="NSTW|SN"]').first().dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12a', TYPING);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('12a');
  await expect(page.locator('.ag-row[row-id^="l:GNBV.DA2"] [col-id="NSTW|SN"]').first()).toHaveText('120');

  // Issue: the next free number is suggested.
  await page.getByRole('button', { name: 'Ban hành…' }).click();
  await expect(page.getByLabel('Số quyết định')).toHaveValue('1');
  await page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click();
  await expect(page.getByRole('heading', { name: /Quyết định số 01\/QĐ-UBND/ })).toBeVisible();
  expect(decisionInDatabase(webHost.dataDir)).toEqual([{ status: 'issued', number: 1, lines: 22, total: 3_004_000_000 }]);

  // Reopened, it is read-only: no entry row, no editor opens.
  await page.reload();
  await expect(page.getByText('Đã ban hành — chỉ xem')).toBeVisible();
  await expect(page.locator('.ag-row[row-id="entry"]')).toHaveCount(0);
  await page.locator('.ag-row[row-id^="l:GNBV.DA2"] [col-id="NSTW|SN"]').first().dblclick();
  await expect(page.locator('.ag-cell-inline-editing')).toHaveCount(0);
});
