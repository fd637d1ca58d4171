import fs from 'node:fs';
import path from 'node:path';
import { invoke } from './api';
import { clippedColumns, clippedTableCells, seriousViolations, wrappedToolbars } from './layout-checks';
import { expect, test } from './web-host-fixture';

const DIR = path.resolve(import.meta.dirname, '../../test-results/explore');
test('explore', async ({ page, webHost }) => {
  test.setTimeout(300_000);
  fs.mkdirSync(DIR, { recursive: true });
  await page.goto(webHost.url);
  await page.getByRole('button', { name: /Tạo dữ liệu mẫu/ }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
  const decisions = await invoke<{ id: number; kind: string; numberText: string | null; issuer: string }[]>(page, 'decisions.list', { year: 2024 });
  console.log(JSON.stringify(decisions.map((d) => [d.id, d.kind, d.numberText, d.issuer])));
  const adj = decisions.find((d) => d.kind === 'dieu_chinh');
  const alloc = decisions.find((d) => d.kind === 'phan_bo' && d.issuer === 'UBND');
  const base = webHost.url;
  const screens: [string, string][] = [
    ['tong-quan', '#/tong-quan'], ['von-duoc-giao', '#/von-duoc-giao'], ['quyet-dinh', '#/quyet-dinh'],
    ['qd-phan-bo', `#/quyet-dinh/2024/${alloc?.id}`], ['qd-dieu-chinh', `#/quyet-dinh/2024/${adj?.id}`],
    ['du-toan', '#/du-toan-thuong-xuyen'], ['du-an', '#/du-an'], ['giai-ngan', '#/giai-ngan'], ['giai-ngan-keo-dai', '#/giai-ngan/2024?tab=keo-dai'],
    ['kho-khan', '#/kho-khan'], ['trao-doi', '#/trao-doi'], ['cai-dat', '#/cai-dat'],
  ];
  for (const [name, hash] of screens) {
    await page.goto(`${base}${hash}`);
    await page.waitForTimeout(2500);
    await page.screenshot({ path: path.join(DIR, `${name}.png`) });
    console.log(`== ${name} ${page.url()}`);
    console.log(' clipped grid:', JSON.stringify(await clippedColumns(page, ['*'])).slice(0, 1500));
    console.log(' clipped tables:', JSON.stringify(await clippedTableCells(page, '.content')).slice(0, 800));
    console.log(' toolbars:', JSON.stringify(await wrappedToolbars(page)));
    console.log(' axe:', JSON.stringify(await seriousViolations(page)).slice(0, 2000));
  }
});
