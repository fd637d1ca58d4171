// Benchmarks (not tests): measures and writes figures as JSON { "<name>": { value, unit } }.
// Usage: npm run bench -- [--out FILE]   (default bench-results.json)
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

const { values } = parseArgs({ options: { out: { type: 'string', default: 'bench-results.json' } } });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-bench-'));
try {
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
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// The decision ledger in its own folder (100,000 issued lines; see ledger.ts).
const ledgerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-bench-ledger-'));
try {
  const core = openCore({ dataDir: ledgerDir, actor: 'bench' });
  try {
    benchLedger(core);
  } finally {
    core.close();
  }
} finally {
  fs.rmSync(ledgerDir, { recursive: true, force: true });
}
// Disbursement on a year of 100,000 entries (see disbursement.ts).
const disbursementDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-bench-disbursement-'));
try {
  benchDisbursement(disbursementDir);
} finally {
  fs.rmSync(disbursementDir, { recursive: true, force: true });
}
// The allocation editor in Chromium through the web host (a 5,000-line draft; see editor.ts).
const editorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-bench-editor-'));
try {
  await benchEditor(editorDir);
} finally {
  fs.rmSync(editorDir, { recursive: true, force: true });
}
// Printing a 1,000-line annex to PDF and to a workbook (see print.ts).
const printDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-bench-print-'));
try {
  await benchPrint(printDir);
} finally {
  fs.rmSync(printDir, { recursive: true, force: true });
}
// The province-workbook import of 50,000 detail lines against LibreOffice, and the hostile corpus (see import.ts).
const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-bench-import-'));
try {
  await benchImport(importDir);
} finally {
  fs.rmSync(importDir, { recursive: true, force: true });
}
// Backup and restore of a 200 MB office, and the crash harness at full count (see reliability.ts).
await benchReliability({ killRuns: 1000 });
fs.writeFileSync(values.out!, JSON.stringify(figures, null, 2) + '\n');
console.log(`Đã ghi ${values.out}`);
