// Issue 19, item 4: a held lock, a full disk, a read-only folder and a directory named so-von.sqlite got "tệp hỏng" or
// a bare INTERNAL. Each now has its own Vietnamese message and the README's exit code (4: the data cannot be used now,
// nothing written; 1 for a directory in the file's place), nothing half-written is left, an intact file is never
// called damaged.
//
// A full disk is simulated two ways: SQLite's max_page_count (the seam, always run), and a small tmpfs mounted for the
// test when the process may mount one (root on this machine and in CI); read-only folders by remounting it read-only
// (root ignores file permissions, so chmod would prove nothing).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { databaseFile } from '../../../electron/core/paths';
import { runCliProcess } from '../../reliability/web-host-process';
import { count, tempDir, testCore } from '../../support/helpers';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function office(dataDir: string): void {
  const core = openCore({ dataDir, actor: 'test' });
  const setup = core.invoke('office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
  core.close();
  if (!setup.ok) throw new Error(setup.error.message);
}

const children: ChildProcess[] = [];
const mounts: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const m of mounts.splice(0)) spawnSync('umount', ['-l', m]);
});

/** Another process holding the write lock (BEGIN IMMEDIATE) until it is killed. */
async function holdWriteLock(file: string): Promise<void> {
  const script = `const D=require(${JSON.stringify(path.join(ROOT, 'node_modules/better-sqlite3'))});const d=new D(${JSON.stringify(file)});d.exec('BEGIN IMMEDIATE');console.log('locked');setInterval(()=>{},1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
}

/** A tmpfs of `kb` KB mounted on a temp folder, or null when this process may not mount one. */
function smallDisk(kb: number): string | null {
  const dir = tempDir('sovon-tmpfs-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]);
  if (mounted.status !== 0) return null;
  mounts.push(dir);
  return dir;
}
const canMount = (() => {
  const probe = smallDisk(64);
  if (probe) spawnSync('umount', [probe]);
  mounts.length = 0;
  return probe !== null;
})();

/** Fills the disk of `dir` until at most `leaveKb` KB stay free. */
function fill(dir: string, leaveKb: number): void {
  const filler = path.join(dir, 'filler.bin');
  const free = () => {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  };
  const take = free() - leaveKb * 1024;
  if (take > 0) fs.writeFileSync(filler, Buffer.alloc(take));
}

const NEVER_DAMAGED = /hỏng|DB_DAMAGED|INTERNAL/;

describe('busy and failing disks', () => {
  it('another process holding the write lock: DB_LOCKED, "đang được dùng", exit 4, the log says it in Vietnamese', async () => {
    const dataDir = tempDir();
    office(dataDir);
    await holdWriteLock(databaseFile(dataDir));
    const run = await runCliProcess(['seed-demo', '--data', dataDir]);
    expect(run.code, run.err).toBe(4);
    expect(run.err).toContain('[DB_LOCKED]');
    expect(run.err).toContain('đang được dùng');
    expect(run.err).not.toMatch(NEVER_DAMAGED);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'so-von.log'), 'utf8')).toContain('Dữ liệu đang được dùng');
    // The province workbook's import: the same words and exit code, nothing written.
    const imported = await runCliProcess(['import', path.join(ROOT, 'test/fixtures/excel/tinh-giao-von-2024.xlsx'), '--data', dataDir]);
    expect(imported.code, imported.err).toBe(4);
    expect(imported.err).toContain('[DB_LOCKED]');
    for (const c of children.splice(0)) c.kill('SIGKILL');
    expect((await runCliProcess(['check', '--data', dataDir])).code).toBe(0);
  }, 240_000);

  it('a commit that finds no room (SQLite max_page_count): DISK_FULL in Vietnamese, nothing written', () => {
    const core = testCore({ district: '180' });
    core.db.pragma(`max_page_count = ${Number(core.db.pragma('page_count', { simple: true }))}`);
    const result = core.invoke('demo.seed', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect(!result.ok && result.error.message).toContain('Ổ đĩa đầy');
    expect(count(core, 'assignment')).toBe(0);
    expect(count(core, 'decision')).toBe(0);
  });

  it('a directory named so-von.sqlite: its own message, exit 1, never "tệp hỏng"', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(databaseFile(dataDir));
    for (const args of [['info'], ['check'], ['seed-demo']]) {
      const run = await runCliProcess([...args, '--data', dataDir]);
      expect(run.code, `${args[0]}: ${run.err}`).toBe(1);
      expect(run.err).toContain('[DB_PATH_NOT_FILE]');
      expect(run.err).toContain('là một thư mục');
      expect(run.err).not.toMatch(NEVER_DAMAGED);
    }
  }, 240_000);

  it.skipIf(!canMount)('disk full before a backup: DISK_FULL, exit 4, no .partial left in backups/', async () => {
    const disk = smallDisk(4096)!;
    const dataDir = path.join(disk, 'data');
    office(dataDir);
    fill(disk, 200);
    const run = await runCliProcess(['backup', '--data', dataDir]);
    expect(run.code, run.err).toBe(4);
    expect(run.err).toContain('[DISK_FULL]');
    expect(run.err).toContain('Ổ đĩa đầy');
    const backups = path.join(dataDir, 'backups');
    expect(fs.existsSync(backups) ? fs.readdirSync(backups).filter((n) => !fs.statSync(path.join(backups, n)).isDirectory()) : []).toEqual([]);
  }, 240_000);

  it.skipIf(!canMount)('disk full during a commit: DISK_FULL, exit 4, the log kept when it can be, nothing half-written', async () => {
    const disk = smallDisk(4096)!;
    const dataDir = path.join(disk, 'data');
    office(dataDir);
    fill(disk, 160);
    const run = await runCliProcess(['seed-demo', '--data', dataDir]);
    expect(run.code, run.err).toBe(4);
    expect(run.err).toContain('[DISK_FULL]');
    expect(run.err).not.toMatch(NEVER_DAMAGED);
    fs.rmSync(path.join(disk, 'filler.bin'));
    const db = new Database(databaseFile(dataDir), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare('SELECT COUNT(*) AS n FROM assignment').get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  }, 240_000);

  it.skipIf(!canMount)('under 16 KB free: an intact file is never called damaged (check, info)', async () => {
    const disk = smallDisk(4096)!;
    const dataDir = path.join(disk, 'data');
    office(dataDir);
    fill(disk, 8);
    for (const args of [['check'], ['info']]) {
      const run = await runCliProcess([...args, '--data', dataDir]);
      expect(run.err, args[0]).not.toMatch(NEVER_DAMAGED);
      if (run.code !== 0) {
        expect(run.code, `${args[0]}: ${run.err}`).toBe(4);
        expect(run.err).toContain('[DISK_FULL]');
      }
    }
  }, 240_000);

  it.skipIf(!canMount)('a read-only folder: DB_READ_ONLY "không có quyền ghi", exit 4, never "tệp hỏng"', async () => {
    const disk = smallDisk(4096)!;
    const dataDir = path.join(disk, 'data');
    office(dataDir);
    expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
    for (const args of [['seed-demo'], ['info'], ['check']]) {
      const run = await runCliProcess([...args, '--data', dataDir]);
      expect(run.err, args[0]).not.toMatch(NEVER_DAMAGED);
      expect(run.code, `${args[0]}: ${run.err}`).toBe(4);
      expect(run.err).toContain('[DB_READ_ONLY]');
      expect(run.err).toContain('Không có quyền ghi');
    }
  }, 240_000);
});
