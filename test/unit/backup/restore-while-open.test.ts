// Issue 19, item 2: a restore from the CLI while the web host had the same data folder open succeeded, and the host
// went on answering ok:true to writes that went to the file put aside — lost. Now a restore is refused while another
// process has the data open (naming it), and a process whose file was swapped anyway (by an older version, by hand)
// refuses the next write and opens the new file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../electron/core/backup/backups';
import { openCore } from '../../../electron/core/core';
import { holdersDir, otherHolders } from '../../../electron/core/db/holders';
import { databaseFile } from '../../../electron/core/paths';
import { invokeHost, runCliProcess, spawnWebHost, type WebHostProcess } from '../../reliability/web-host-process';
import { tempDir } from '../../support/helpers';

const hosts: WebHostProcess[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

/** An office (Tràng Định) with a manual backup; the backup's path. */
function officeWithBackup(dataDir: string): string {
  const core = openCore({ dataDir, actor: 'test' });
  try {
    const setup = core.invoke('office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
    if (!setup.ok) throw new Error(setup.error.message);
    const backup = core.invoke('backups.create', {});
    if (!backup.ok) throw new Error(backup.error.message);
    return path.join(dataDir, 'backups', backup.value.name);
  } finally {
    core.close();
  }
}

const assignment = (n: number) => ({ year: 2024, componentCode: 'DTTS.DA1', sourceCode: 'NSTW', capitalType: 'DTPT', amount: { dong: 1_000_000 * n }, basisNumber: `QĐ thử ${n}` });

/** The assignment rows on disk, read by a connection of this process (what the next process would see). */
function assignmentsOnDisk(dataDir: string): number {
  const db = new Database(databaseFile(dataDir), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM assignment').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('restore while another process has the data open', () => {
  it('a holder file of a process that died, or from before the machine started, does not block a restore', () => {
    const dataDir = tempDir();
    const backup = officeWithBackup(dataDir);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.mkdirSync(holdersDir(dataDir), { recursive: true });
    const write = (name: string, pid: number, startedAt: string) =>
      fs.writeFileSync(path.join(holdersDir(dataDir), name), JSON.stringify({ pid, host: os.hostname(), actor: 'web:an', startedAt }));
    write('chet.json', dead, new Date().toISOString());
    // pid 1 is alive, but a file older than the machine's start names whatever has that number now.
    write('truoc-khi-bat-may.json', 1, new Date(Date.now() - os.uptime() * 1000 - 60_000).toISOString());
    expect(otherHolders(dataDir)).toEqual([]);
    expect(fs.readdirSync(holdersDir(dataDir))).toEqual([]);
    write('dang-chay.json', 1, new Date().toISOString());
    expect(otherHolders(dataDir).map((h) => h.pid)).toEqual([1]);
    expect(() => restoreBackup(databaseFile(dataDir), dataDir, backup)).toThrow(/tiến trình 1 /);
  });

  it('the CLI restore is refused while the web host runs, naming it; every write the host acknowledged is on disk', async () => {
    const dataDir = tempDir();
    const backup = officeWithBackup(dataDir);
    const h = await spawnWebHost(dataDir);
    hosts.push(h);
    const restore = await runCliProcess(['restore', backup, '--data', dataDir]);
    expect(restore.code, restore.err).toBe(4);
    expect(restore.err).toContain('[DATA_IN_USE]');
    expect(restore.err).toContain('máy chủ web');
    expect(restore.err).toContain(`tiến trình ${h.child.pid}`);
    for (let n = 1; n <= 5; n++) expect((await invokeHost(h, 'assignments.create', assignment(n))).ok).toBe(true);
    expect(assignmentsOnDisk(dataDir)).toBe(5);
    // Once the host is closed, the same restore goes through.
    await h.stop();
    hosts.length = 0;
    const again = await runCliProcess(['restore', backup, '--data', dataDir]);
    expect(again.code, again.err).toBe(0);
    expect(assignmentsOnDisk(dataDir)).toBe(0);
  }, 240_000);

  it('a restore inside one host is refused while a second host has the same folder open', async () => {
    const dataDir = tempDir();
    const backup = officeWithBackup(dataDir);
    const a = await spawnWebHost(dataDir);
    const b = await spawnWebHost(dataDir);
    hosts.push(a, b);
    const refused = await invokeHost(a, 'backups.restore', { file: path.basename(backup) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DATA_IN_USE' } });
    expect(refused.error!.message).toContain(`tiến trình ${b.child.pid}`);
    expect((await invokeHost(b, 'assignments.create', assignment(1))).ok).toBe(true);
    expect(assignmentsOnDisk(dataDir)).toBe(1);
  }, 240_000);

  it('a file swapped under a running host (no restore of ours): the next write is refused, the new file opened', async () => {
    const dataDir = tempDir();
    const backup = officeWithBackup(dataDir);
    const h = await spawnWebHost(dataDir);
    hosts.push(h);
    expect((await invokeHost(h, 'assignments.create', assignment(1))).ok).toBe(true);
    // What an older version's restore or a copy by hand does: a file renamed over the data, the WAL removed.
    const file = databaseFile(dataDir);
    fs.copyFileSync(backup, `${file}.tmp`);
    for (const side of [`${file}-wal`, `${file}-shm`]) fs.rmSync(side, { force: true });
    fs.renameSync(`${file}.tmp`, file);
    const refused = await invokeHost(h, 'assignments.create', assignment(2));
    expect(refused).toMatchObject({ ok: false, error: { code: 'DB_REPLACED' } });
    const written = await invokeHost(h, 'assignments.create', assignment(3));
    expect(written.ok, JSON.stringify(written.error)).toBe(true);
    expect(assignmentsOnDisk(dataDir)).toBe(1);
  }, 240_000);
});
