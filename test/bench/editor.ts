// Benchmarks of the allocation editor in Debian's Chromium, through the web host over a real core:
//   editor.open_5k_ms              from navigating to a 5,000-line draft to its grid and totals on screen
//   editor.edit_roundtrip_median_ms one amount typed + Enter → saved by the core → cell and grand total repainted (median of 50)
// Figures only; nothing asserts a time. Each edit is checked to have been saved (a fast wrong editor is worthless).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { LineChange } from '../../shared/api/decisions';
import { formatAmount, toDong } from '../../shared/money/dong';
import { openCore } from '../../electron/core/core';
import { median, record } from './measure';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['NSTW', 'NST_DOIUNG', 'NSH'] as const;
const CAPITALS = ['DTPT', 'SN'] as const;
const MILLION = 1_000_000;

/** Office 180, a generous assignment and a 5,000-line allocation draft (leaf × commune × source × capital type). */
function seed(dataDir: string): { draftId: number; total: number } {
  const core = openCore({ dataDir, actor: 'bench' });
  try {
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    must(core.invoke('office.setup', { districtCode: '180', signers: [{ name: 'A', title: 'Chủ tịch UBND huyện' }] }));
    const components = must(core.invoke('catalog.components', { year: 2024 }));
    const leaves = components.filter((c) => !components.some((o) => o.parentCode === c.code) && c.depth > 0);
    for (const program of new Set(leaves.map((l) => l.programCode)))
      for (const sourceCode of SOURCES)
        for (const capitalType of CAPITALS) must(core.invoke('assignments.create', { year: 2024, componentCode: leaves.find((l) => l.programCode === program)!.code, sourceCode, capitalType, amount: { dong: 9_000_000 * MILLION } }));
    const communes = core.db
      .prepare("SELECT code FROM admin_unit WHERE dataset = '2024-11' AND parent_code = '180' AND (valid_to IS NULL OR valid_to >= '2024-03-15') ORDER BY code")
      .pluck()
      .all() as string[];
    const changes: LineChange[] = [];
    let total = 0;
    outer: for (const leaf of leaves)
      for (const code of communes)
        for (const sourceCode of SOURCES)
          for (const capitalType of CAPITALS) {
            const dong = (1 + ((changes.length * 7919) % 500)) * MILLION;
            total += dong;
            changes.push({ op: 'add', line: { componentCode: leaf.code, recipient: { kind: 'commune', code }, sourceCode, capitalType, amount: { dong } } });
            if (changes.length === 5000) break outer;
          }
    const draft = must(core.invoke('decisions.create', { year: 2024, kind: 'phan_bo', issuer: 'UBND', docDate: '2024-03-15' }));
    must(core.invoke('decisions.lines.apply', { decisionId: draft.header.id, changes }));
    return { draftId: draft.header.id, total };
  } finally {
    core.close();
  }
}

function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web-host/main.ts', '--data', dataDir, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
  });
}

export async function benchEditor(dataDir: string): Promise<void> {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const { draftId, total } = seed(dataDir);
  const host = await startHost(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    await page.waitForSelector('nav');
    // Open: a cold navigation to the draft until the grid shows rows and the grand total (triệu đồng).
    const expectedTotal = formatAmount(toDong(total), 'trieu');
    await page.evaluate(() => localStorage.setItem('sovon.decisions.unit', 'trieu'));
    const start = Date.now();
    await page.goto(`${host.url}#/quyet-dinh/2024/${draftId}`);
    await page.waitForFunction((text) => document.querySelector('.ag-row[row-id="total"] [col-id="total"]')?.textContent === text && document.querySelectorAll('.ag-row[row-id^="l:"]').length > 10, expectedTotal, { polling: 'raf', timeout: 60_000 });
    record('editor.open_5k_ms', Date.now() - start, 'ms');

    // 50 edits of one cell, alternating values, each timed until the core has saved it and the totals show it.
    const cell = page.locator('.ag-row[row-id^="l:"] [col-id="NSTW|SN"]').first();
    const rowId = await page.locator('.ag-row[row-id^="l:"]', { has: page.locator('[col-id="NSTW|SN"]') }).first().getAttribute('row-id');
    const before = Number((await cell.textContent())!.replace(/\./g, '').replace(',', '.'));
    const times: number[] = [];
    let current = total;
    for (let i = 0; i < 50; i++) {
      const value = 1000 + i;
      current += (value - (i === 0 ? before : 1000 + i - 1)) * MILLION;
      await page.locator(`.ag-row[row-id="${rowId}"] [col-id="NSTW|SN"]`).click();
      const t0 = Date.now();
      await page.keyboard.type(String(value));
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        ([id, text, totalText]) =>
          document.querySelector(`.ag-row[row-id="${id}"] [col-id="NSTW|SN"]`)?.textContent === text && document.querySelector('.ag-row[row-id="total"] [col-id="total"]')?.textContent === totalText,
        [rowId!, formatAmount(toDong(value * MILLION), 'trieu'), formatAmount(toDong(current), 'trieu')] as const,
        { polling: 'raf', timeout: 10_000 },
      );
      times.push(Date.now() - t0);
    }
    record('editor.edit_roundtrip_median_ms', median(times), 'ms');
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
  }
}
