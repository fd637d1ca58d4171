// Issue 19, items 5 and 8: the CLI restored a file with user_version 999 (after which every command failed) and
// another office's backup (district 188 over 180) without a word; and a restore over a damaged file left a stray
// 0-byte truoc-khoi-phuc-….sqlite-wal in backups/.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { databaseFile } from '../../../electron/core/paths';
import { runCliProcess } from '../../reliability/web-host-process';
import { tempDir } from '../../support/helpers';

/** An office of a district with a manual backup (returns the backup's path). */
function officeBackup(dataDir: string, districtCode: string): string {
  const core = openCore({ dataDir, actor: 'test' });
  try {
    const setup = core.invoke('office.setup', { districtCode, signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
    if (!setup.ok) throw new Error(setup.error.message);
    const backup = core.invoke('backups.create', {});
    if (!backup.ok) throw new Error(backup.error.message);
    return path.join(dataDir, 'backups', backup.value.name);
  } finally {
    core.close();
  }
}

function districtOf(dataDir: string): string {
  const db = new Database(databaseFile(dataDir), { readonly: true });
  try {
    return (db.prepare('SELECT u.code FROM office o JOIN admin_unit u ON u.id = o.district_unit_id').get() as { code: string }).code;
  } finally {
    db.close();
  }
}

describe('what a restore refuses', () => {
  it('a backup of a newer version (user_version 999): refused by the CLI, the data left working', async () => {
    const dataDir = tempDir();
    const backup = officeBackup(dataDir, '180');
    const future = path.join(tempDir(), 'tuong-lai.sqlite');
    fs.copyFileSync(backup, future);
    const db = new Database(future);
    db.pragma('user_version = 999');
    db.close();
    const run = await runCliProcess(['restore', future, '--data', dataDir]);
    expect(run.code, run.err).toBe(1);
    expect(run.err).toContain('[DB_FROM_FUTURE]');
    expect(run.err).toContain('phiên bản Sổ vốn MTQG mới hơn');
    const info = await runCliProcess(['info', '--data', dataDir]);
    expect(info.code, info.err).toBe(0);
  }, 240_000);

  it("another office's backup (188 over 180): the CLI names both and needs --force", async () => {
    const dataDir = tempDir();
    officeBackup(dataDir, '180');
    const other = officeBackup(tempDir(), '188');
    const refused = await runCliProcess(['restore', other, '--data', dataDir]);
    expect(refused.code, refused.err).toBe(1);
    expect(refused.err).toContain('[RESTORE_OTHER_OFFICE]');
    expect(refused.err).toMatch(/Lộc Bình.*mã 188/);
    expect(refused.err).toMatch(/Tràng Định.*mã 180/);
    expect(refused.err).toContain('--force');
    expect(districtOf(dataDir)).toBe('180');
    const forced = await runCliProcess(['restore', other, '--data', dataDir, '--force']);
    expect(forced.code, forced.err).toBe(0);
    expect(districtOf(dataDir)).toBe('188');
  }, 240_000);

  it("another office's backup in the app: refused naming both offices until the officer confirms", () => {
    const dataDir = tempDir();
    officeBackup(dataDir, '180');
    const other = officeBackup(tempDir(), '188');
    fs.copyFileSync(other, path.join(dataDir, 'backups', 'thu-cong-20240101T000000.sqlite'));
    const core = openCore({ dataDir, actor: 'test' });
    try {
      const refused = core.invoke('backups.restore', { file: 'thu-cong-20240101T000000.sqlite' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'RESTORE_OTHER_OFFICE' } });
      expect(!refused.ok && refused.error.message).toMatch(/Lộc Bình[\s\S]*Tràng Định/);
      expect(core.invoke('app.info', {})).toMatchObject({ ok: true, value: { office: { districtCode: '180' } } });
      const confirmed = core.invoke('backups.restore', { file: 'thu-cong-20240101T000000.sqlite', confirmOtherOffice: true });
      expect(confirmed.ok, JSON.stringify(confirmed)).toBe(true);
      expect(core.invoke('app.info', {})).toMatchObject({ ok: true, value: { office: { districtCode: '188' } } });
    } finally {
      core.close();
    }
  });

  it('restoring over a damaged file leaves no 0-byte -wal in backups/; the damaged file is kept as found', async () => {
    const dataDir = tempDir();
    const backup = officeBackup(dataDir, '180');
    const file = databaseFile(dataDir);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3));
    const run = await runCliProcess(['restore', backup, '--data', dataDir]);
    expect(run.code, run.err).toBe(0);
    const backups = path.join(dataDir, 'backups');
    const names = fs.readdirSync(backups);
    const empty = names.filter((n) => fs.statSync(path.join(backups, n)).isFile() && fs.statSync(path.join(backups, n)).size === 0);
    expect(empty).toEqual([]);
    expect(names.some((n) => /^truoc-khoi-phuc-.*\.sqlite$/.test(n))).toBe(true);
    expect((await runCliProcess(['check', '--data', dataDir])).code).toBe(0);
  }, 240_000);
});
