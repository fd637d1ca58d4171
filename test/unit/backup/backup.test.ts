import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsToPrune, DEFAULT_RETENTION, listBackups, type BackupFile } from '../../../electron/core/backup/backups';
import { EXIT } from '../../../electron/cli/cli';
import { openCore } from '../../../electron/core/core';
import { tempDir } from '../../support/helpers';
import { addLines, assign, call, draft, ISSUE_TEXT, officeCore } from '../../support/ledger-helpers';
import { cliRun as cli } from '../../support/cli-capture';


const plan = (data: string) => {
  const core = openCore({ dataDir: data, actor: 'test' });
  try {
    return JSON.stringify([call(core, 'ledger.plan', { year: 2024, asOf: '2024-12-31', groupBy: ['component', 'recipient', 'source', 'capitalType'] }), call(core, 'decisions.list', {})]);
  } finally {
    core.close();
  }
};

describe('backups', () => {
  it('backup then restore gives back the identical plan; the restore itself can be undone', () => {
    const data = tempDir();
    expect(cli(['seed-demo', '--data', data]).code).toBe(EXIT.ok);
    const before = plan(data);
    const out = path.join(data, 'sao-luu.sqlite');
    expect(cli(['backup', '--out', out, '--data', data])).toMatchObject({ code: EXIT.ok });
    // Change the data after the backup: a new issued decision.
    const core = openCore({ dataDir: data, actor: 'test' });
    const id = draft(core, { docDate: '2024-10-01' });
    assign(core, 2024, 'NTM.ND05', 'NSTW', 'SN', 1);
    addLines(core, id, [{ componentCode: 'NTM.ND05', recipient: { kind: 'district' }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 1 } }]);
    expect(core.invoke('decisions.issue', { id, docDate: '2024-10-01', signerId: 1, ...ISSUE_TEXT }).ok).toBe(true);
    core.close();
    expect(plan(data)).not.toBe(before);
    expect(listBackups(data).some((b) => b.reason === 'truoc-ban-hanh')).toBe(true);

    const restored = cli(['restore', out, '--data', data]);
    expect(restored.code).toBe(EXIT.ok);
    expect(plan(data)).toBe(before);
    const undo = listBackups(data).find((b) => b.reason === 'truoc-khoi-phuc')!;
    expect(restored.out).toContain(undo.file);
    expect(cli(['restore', undo.file, '--data', data]).code).toBe(EXIT.ok);
    expect(plan(data)).not.toBe(before);
  });

  it('check: a sound file passes; a truncated one exits 1 with a Vietnamese message naming the latest backup, and the core refuses to open it', () => {
    const data = tempDir();
    expect(cli(['seed-demo', '--data', data]).code).toBe(EXIT.ok);
    expect(cli(['backup', '--data', data]).code).toBe(EXIT.ok);
    expect(cli(['check', '--data', data])).toMatchObject({ code: EXIT.ok });
    const file = path.join(data, 'so-von.sqlite');
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 3));
    const damaged = cli(['check', '--data', data]);
    expect(damaged.code).toBe(EXIT.validation);
    expect(damaged.err).toMatch(/bị hỏng hoặc không đọc được/);
    expect(damaged.err).toContain('sovon restore');
    expect(cli(['info', '--data', data]).code).not.toBe(EXIT.ok);
  });

  it('a damaged backup is not restored and the current data is left alone', () => {
    const data = tempDir();
    expect(cli(['seed-demo', '--data', data]).code).toBe(EXIT.ok);
    const before = plan(data);
    const bad = path.join(data, 'hong.sqlite');
    fs.writeFileSync(bad, 'không phải cơ sở dữ liệu');
    const result = cli(['restore', bad, '--data', data]);
    expect(result.code).toBe(EXIT.validation);
    expect(result.err).toContain('bị hỏng, không khôi phục');
    expect(plan(data)).toBe(before);
  });

  it('retention keeps the recent ones, one a day for the period, and never more than the cap', () => {
    const at = (iso: string, i: number): BackupFile => ({ file: `b${i}-${iso}`, reason: 'x', takenAt: iso, sizeBytes: 1 });
    const now = new Date('2024-12-31T12:00:00Z');
    // 5 backups a day for 60 days, newest first.
    const backups: BackupFile[] = [];
    for (let d = 0; d < 60; d++) for (let h = 0; h < 5; h++) backups.push(at(new Date(now.getTime() - d * 86_400_000 - h * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'), d * 5 + h));
    const pruned = new Set(backupsToPrune(backups, DEFAULT_RETENTION, now).map((b) => b.file));
    const kept = backups.filter((b) => !pruned.has(b.file));
    expect(kept.slice(0, 10)).toEqual(backups.slice(0, 10));
    expect(new Set(kept.map((b) => b.takenAt.slice(0, 10))).size).toBeGreaterThanOrEqual(30);
    expect(kept.length).toBeLessThanOrEqual(DEFAULT_RETENTION.cap);
    expect(kept.every((b) => b.takenAt >= '2024-12-01')).toBe(true);
  });

  it('the first open of a day takes the daily backup when asked', () => {
    const core = officeCore();
    const data = (core as unknown as { dataDir: string }).dataDir;
    core.close();
    const reopened = openCore({ dataDir: data, actor: 'test', dailyBackup: true });
    reopened.close();
    expect(listBackups(data).filter((b) => b.reason === 'hang-ngay')).toHaveLength(1);
    openCore({ dataDir: data, actor: 'test', dailyBackup: true }).close();
    expect(listBackups(data).filter((b) => b.reason === 'hang-ngay')).toHaveLength(1);
  });
});
