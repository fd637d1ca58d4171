import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openCore, type Core } from '../../electron/core/core';

const made: string[] = [];
const opened: Core[] = [];

/** A fresh temp folder, removed after the test. */
export function tempDir(prefix = 'sovon-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A real core over a real SQLite file in a temp folder; optionally with the office set up. */
export function testCore(options: { district?: string } = {}): Core & { dataDir: string } {
  const dataDir = tempDir();
  const core = openCore({ dataDir, actor: 'test', now: () => '2024-03-01T08:00:00.000Z' });
  opened.push(core);
  if (options.district) {
    const result = core.invoke('office.setup', { districtCode: options.district, signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
    if (!result.ok) throw new Error(result.error.message);
  }
  return Object.assign(core, { dataDir });
}

export function count(core: Core, table: string): number {
  return (core.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

afterEach(() => {
  for (const core of opened.splice(0)) if (core.db.open) core.close();
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
