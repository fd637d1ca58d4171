// Benchmarks (not tests): measures and writes figures as JSON { "<name>": { value, unit } }.
// Usage: npm run bench -- [--out FILE] [--only GROUP,…]   (default bench-results.json, every group)
// Groups: core, ledger, disbursement, editor, print, import, reliability.
// Ledger figures (fold, plain GROUP BY, rules on a 5,000-line draft) come from ledger.ts; editor figures
// (open a 5,000-line draft, edit round trip) from editor.ts, in Chromium through the web host; the province-workbook
// import (50,000 detail lines, against LibreOffice) and the hostile corpus from import.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../../electron/core/core';
import { benchEditor } from './editor';
import { benchImport } from './import';
import { benchLedger } from './ledger';
import { benchPrint } from './print';
import { benchReliability } from './reliability';
import { benchDisbursement } from './disbursement';
import { figures, median, record, time } from './measure';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'bench-results.json' }, only: { type: 'string' } } });

/** Runs `fn` in a temporary folder removed afterwards. */
async function inTempDir(prefix: string, fn: (dir: string) => unknown): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Opening the data, and editing a year of 5,000 assignment lines. */
function benchCore(dataDir: string): void {
  let core = openCore({ dataDir, actor: 'bench' });
  core.close();
  record('core.open_ms', time(() => (core = openCore({ dataDir, actor: 'bench' }))), 'ms');
  core.invoke('office.setup', { districtCode: '180', signers: [] });

  const components = core.invoke('catalog.components', { year: 2024 });
  if (!components.ok) throw new Error(components.error.message);
  const codes = components.value.map((c) => c.code);
  const createTimes: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const t = time(() => {
      const r = core.invoke('assignments.create', {
        year: 2024,
        componentCode: codes[i % codes.length]!,
        sourceCode: i % 2 ? 'NSTW' : 'NST_DOIUNG',
        capitalType: i % 3 ? 'DTPT' : 'SN',
        amount: { text: `${(i % 997) + 1},5`, unit: 'trieu' },
      });
      if (!r.ok) throw new Error(r.error.message);
    });
    if (i >= 4950) createTimes.push(t); // the edit round trip on a year that already holds ~5,000 lines
  }
  record('assignments.create_at_5k_median_ms', median(createTimes), 'ms');
  record('assignments.list_5k_ms', median([0, 1, 2].map(() => time(() => core.invoke('assignments.list', { year: 2024 })))), 'ms');
  core.close();
  record('db.size_5k_lines_MB', fs.statSync(path.join(dataDir, 'so-von.sqlite')).size / 1024 / 1024, 'MB');
}

const GROUPS: Record<string, () => Promise<void>> = {
  core: () => inTempDir('sovon-bench-', benchCore),
  // The decision ledger: 100,000 issued lines (see ledger.ts).
  ledger: () =>
    inTempDir('sovon-bench-ledger-', (dir) => {
      const core = openCore({ dataDir: dir, actor: 'bench' });
      try {
        benchLedger(core);
      } finally {
        core.close();
      }
    }),
  // Disbursement on a year of 100,000 entries (see disbursement.ts).
  disbursement: () => inTempDir('sovon-bench-disbursement-', benchDisbursement),
  // The allocation editor in Chromium through the web host (a 5,000-line draft; see editor.ts).
  editor: () => inTempDir('sovon-bench-editor-', benchEditor),
  // Printing a 1,000-line annex to PDF and to a workbook (see print.ts).
  print: () => inTempDir('sovon-bench-print-', benchPrint),
  // The province-workbook import of 50,000 detail lines against LibreOffice, and the hostile corpus (see import.ts).
  import: () => inTempDir('sovon-bench-import-', benchImport),
  // Backup and restore of a 200 MB office, and the crash harness at full count (see reliability.ts).
  reliability: () => benchReliability({ killRuns: 1000 }),
};

const chosen = values.only ? values.only.split(',').map((g) => g.trim()) : Object.keys(GROUPS);
const unknown = chosen.filter((g) => !(g in GROUPS));
if (unknown.length) throw new Error(`Nhóm đo không có: ${unknown.join(', ')}. Các nhóm: ${Object.keys(GROUPS).join(', ')}.`);
for (const group of chosen) await GROUPS[group]!();
fs.writeFileSync(values.out!, JSON.stringify(figures, null, 2) + '\n');
console.log(`Đã ghi ${values.out}`);
