// Issue 20: mutating commands pass through one queue in the core's dispatcher. A write asked for while an import is
// being written (the import awaits its file between steps) used to land in the middle of it; now it runs after it,
// a failing write does not hold the ones behind it, and reads do not wait.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { createWriteQueue } from '../../../electron/core/write-queue';
import type { ImportPreview } from '../../../shared/api/import';
import { testCore } from '../../support/helpers';

const workbook = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/excel/tinh-giao-von-2024.xlsx')).toString('base64');
const file = { fileName: 'tinh-giao-von-2024.xlsx', base64: workbook, year: 2024 };
const line = { year: 2024, componentCode: 'GNBV.DA2', sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 75_000_000 }, note: 'nhập tay' };

async function previewOf(core: Core): Promise<ImportPreview> {
  const result = await core.invokeAsync('import.analyze', file);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const commitInput = (p: ImportPreview) => ({ ...file, expectedSha256: p.sha256, expectedTotalDong: p.totalDong, expectedDigest: p.digest });
const auditedCommands = (core: Core) => (core.db.prepare("SELECT command FROM audit_log WHERE command IN ('import.commit', 'assignments.create', 'assignments.update') ORDER BY id").all() as { command: string }[]).map((r) => r.command);

/** Records the order in which the calls answer. */
function answered(order: string[], name: string) {
  return <T,>(result: T) => {
    order.push(name);
    return result;
  };
}

describe('the write queue of the core', () => {
  it('runs a write asked for during an import after the import, not in the middle of it', async () => {
    const core = testCore({ district: '180' });
    const p = await previewOf(core);
    const order: string[] = [];
    const commit = core.invokeAsync('import.commit', commitInput(p)).then(answered(order, 'import.commit'));
    const create = core.invokeAsync('assignments.create', line).then(answered(order, 'assignments.create'));
    const [committed, created] = await Promise.all([commit, create]);
    expect(committed).toMatchObject({ ok: true, value: { noop: false } });
    expect(created.ok).toBe(true);
    expect(order).toEqual(['import.commit', 'assignments.create']);
    expect(auditedCommands(core)).toEqual(['import.commit', 'assignments.create']);
  });

  it('answers reads at once while an import is being written', async () => {
    const core = testCore({ district: '180' });
    const p = await previewOf(core);
    const order: string[] = [];
    const commit = core.invokeAsync('import.commit', commitInput(p)).then(answered(order, 'import.commit'));
    const info = core.invokeAsync('app.info', {}).then(answered(order, 'app.info'));
    const list = core.invokeAsync('assignments.list', { year: 2024 }).then(answered(order, 'assignments.list'));
    await Promise.all([commit, info, list]);
    expect(order).toEqual(['app.info', 'assignments.list', 'import.commit']);
    // The list read before the import was written: it does not hold the file's lines yet.
    const listed = await list;
    expect(listed.ok && listed.value.lines.length).toBe(0);
  });

  it('refuses a synchronous write while a queued one runs (BUSY, nothing written) instead of slipping it in', async () => {
    const core = testCore({ district: '180' });
    const p = await previewOf(core);
    const commit = core.invokeAsync('import.commit', commitInput(p));
    expect(core.invoke('assignments.create', line)).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect((await commit).ok).toBe(true);
    expect(auditedCommands(core)).toEqual(['import.commit']);
    expect(core.invoke('assignments.create', line).ok).toBe(true);
  });

  it('goes on after a write that fails (a stale preview, a missing row)', async () => {
    const core = testCore({ district: '180' });
    const p = await previewOf(core);
    const order: string[] = [];
    const stale = core.invokeAsync('import.commit', { ...commitInput(p), expectedTotalDong: p.totalDong + 1 }).then(answered(order, 'import.commit'));
    const missing = core.invokeAsync('assignments.update', { id: 999, patch: { note: 'không có dòng này' } }).then(answered(order, 'assignments.update'));
    const create = core.invokeAsync('assignments.create', line).then(answered(order, 'assignments.create'));
    const [s, m, c] = await Promise.all([stale, missing, create]);
    expect(s).toMatchObject({ ok: false, error: { code: 'IMPORT_CHANGED' } });
    expect(m).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(c.ok).toBe(true);
    expect(order).toEqual(['import.commit', 'assignments.update', 'assignments.create']);
    expect(auditedCommands(core)).toEqual(['assignments.create']);
  });
});

describe('createWriteQueue', () => {
  it('runs queued work one at a time, in order, and past a failure', async () => {
    const queue = createWriteQueue();
    const log: string[] = [];
    const step = (name: string, fail = false) => async () => {
      log.push(`${name} bắt đầu`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`${name} xong`);
      if (fail) throw new Error(`${name} lỗi`);
      return name;
    };
    const a = queue.run(step('a', true));
    expect(queue.busy).toBe(true);
    const b = queue.run(step('b'));
    await expect(a).rejects.toThrow('a lỗi');
    await expect(b).resolves.toBe('b');
    expect(log).toEqual(['a bắt đầu', 'a xong', 'b bắt đầu', 'b xong']);
    expect(queue.busy).toBe(false);
  });
});
