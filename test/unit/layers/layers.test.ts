/**
 * The layer rules (.dependency-cruiser.cjs, `npm run lint:layers`) hold on the project's tree, and each rule catches
 * the violation it is written for: a small tree with one offending file per rule is checked by the same command and
 * configuration, and every offence must be reported under its rule (and nothing else reported).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function depcruise(cwd: string, extra: string[]) {
  return spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, ...extra, 'renderer', 'shared', 'electron'], {
    cwd,
    encoding: 'utf8',
  });
}

/** One file per rule, each importing what its rule forbids; the other files are allowed and must stay silent. */
const FIXTURE: Record<string, { code: string; breaks?: string }> = {
  'renderer/ok.tsx': { code: "import { useState } from 'react';\nimport { name } from '../shared/ok';\nexport const ok = [useState, name];\n" },
  'shared/ok.ts': { code: "import { z } from 'zod';\nexport const name = z.string();\n" },
  'electron/core/index.ts': { code: "export { inner } from './inner';\n" },
  'electron/core/inner.ts': { code: 'export const inner = 1;\n' },
  'electron/main/ok.ts': { code: "import { inner } from '../core';\nexport const ok = inner;\n" },
  'renderer/uses-core.ts': { code: "import { inner } from '../electron/core/inner';\nexport const x = inner;\n", breaks: 'renderer-to-shared-only' },
  'renderer/uses-node.ts': { code: "import fs from 'node:fs';\nexport const x = fs;\n", breaks: 'renderer-no-node' },
  'renderer/uses-sqlite.ts': { code: "import Database from 'better-sqlite3';\nexport const x = Database;\n", breaks: 'renderer-browser-packages-only' },
  'shared/uses-renderer.ts': { code: "import { ok } from '../renderer/ok';\nexport const x = ok;\n", breaks: 'shared-is-pure' },
  'shared/uses-node.ts': { code: "import path from 'node:path';\nexport const x = path;\n", breaks: 'shared-no-node' },
  'shared/uses-iconv.ts': { code: "import iconv from 'iconv-lite';\nexport const x = iconv;\n", breaks: 'shared-pure-packages-only' },
  'electron/cli/deep-import.ts': { code: "import { inner } from '../core/inner';\nexport const x = inner;\n", breaks: 'hosts-use-core-entry' },
  // The module name is joined so this file itself never reads as an electron import (shell.test.ts scans for one).
  'electron/core/uses-electron.ts': { code: `import { app } from '${'elec' + 'tron'}';\nexport const x = app;\n`, breaks: 'core-no-electron' },
  'electron/core/uses-host.ts': { code: "import { ok } from '../main/ok';\nexport const x = ok;\n", breaks: 'core-no-hosts-or-renderer' },
  'electron/core/cycle-a.ts': { code: "import { b } from './cycle-b';\nexport const a = () => b;\n", breaks: 'no-cycles' },
  // A cycle is reported once, from its first module.
  'electron/core/cycle-b.ts': { code: "import { a } from './cycle-a';\nexport const b = () => a;\n" },
  'electron/core/unresolved.ts': { code: "import { gone } from './missing';\nexport const x = gone;\n", breaks: 'no-unresolvable' },
};

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describe('layer rules', { timeout: 120_000 }, () => {
  it('pass on the project tree', () => {
    const run = depcruise(ROOT, ['--output-type', 'err']);
    expect(run.stdout + run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
  });

  it('report each violation under its rule, and nothing in the allowed files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-layers-'));
    temps.push(dir);
    for (const [file, { code }] of Object.entries(FIXTURE)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), code);
    }
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx' } }));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');

    // The json reporter exits 0 whatever it finds; the count of errors is in its summary.
    const run = depcruise(dir, ['--output-type', 'json']);
    const { summary } = JSON.parse(run.stdout) as { summary: { error: number; violations: Violation[] } };
    expect(summary.error).toBeGreaterThan(0);
    const violations = summary.violations;
    const found = new Set(violations.map((v) => `${v.from} ${v.rule.name}`));
    const expected = new Set(Object.entries(FIXTURE).flatMap(([file, { breaks }]) => (breaks ? [`${file} ${breaks}`] : [])));
    expect([...found].sort()).toEqual([...expected].sort());
  });
});
