// Issue 19, item 3: an intact so-von.sqlite beside a stray -wal from another copy. `info` applied the WAL, reported
// DB_DAMAGED and, on close, checkpointed the damage into the main file (deleting the WAL before would have recovered
// it). Now a read-only command never writes, a database that fails its check is never checkpointed, and the damaged
// state (main file + WAL, as found) is kept aside first.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../../electron/core/backup/backups';
import { openCore } from '../../../electron/core/core';
import { databaseFile } from '../../../electron/core/paths';
import { runCliProcess } from '../../reliability/web-host-process';
import { tempDir } from '../../support/helpers';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function office(dataDir: string): void {
  const core = openCore({ dataDir, actor: 'test' });
  const setup = core.invoke('office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
  core.close();
  if (!setup.ok) throw new Error(setup.error.message);
}

/** Rows that take new pages at the end of the file (their page numbers are the same in both copies). */
function grow(db: Database.Database, table: string, text: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY, body TEXT)`);
  const insert = db.prepare(`INSERT INTO ${table} (body) VALUES (?)`);
  db.transaction(() => {
    for (let i = 0; i < 300; i++) insert.run(`${text} ${i} ${'x'.repeat(400)}`);
  })();
}

/** The office's file, intact, with the WAL of a copy that went another way beside it (and no -shm). */
function intactFileWithStrayWal(): { dataDir: string; file: string; wal: string } {
  const dataDir = tempDir();
  office(dataDir);
  const file = databaseFile(dataDir);
  // Two small tables, one page each: each copy grows one of them, so both take the same new page numbers.
  const before = new Database(file);
  before.exec('CREATE TABLE t1 (id INTEGER PRIMARY KEY, body TEXT); CREATE TABLE t2 (id INTEGER PRIMARY KEY, body TEXT)');
  before.close();
  const otherDir = tempDir();
  fs.copyFileSync(file, databaseFile(otherDir));
  // The other copy: its writes stay in its WAL, copied while it is open (a copy taken by hand, a sync tool…).
  const other = new Database(databaseFile(otherDir));
  other.pragma('wal_autocheckpoint = 0');
  grow(other, 't2', 'bản khác');
  const strayWal = fs.readFileSync(`${databaseFile(otherDir)}-wal`);
  other.close();
  // The office's own file goes on, checkpointed and closed cleanly.
  const own = new Database(file);
  grow(own, 't1', 'bản chính');
  own.pragma('wal_checkpoint(TRUNCATE)');
  own.close();
  for (const side of [`${file}-wal`, `${file}-shm`]) fs.rmSync(side, { force: true });
  fs.writeFileSync(`${file}-wal`, strayWal);
  return { dataDir, file, wal: `${file}-wal` };
}

describe('read-only commands and a damaged state', () => {
  it('info beside a stray WAL: DB_DAMAGED, the main file and the WAL untouched, both kept aside; without the WAL the file is intact', async () => {
    const { dataDir, file, wal } = intactFileWithStrayWal();
    // The situation of the report: the main file alone is sound; with the stray WAL it is not.
    const alone = path.join(tempDir(), 'alone.sqlite');
    fs.copyFileSync(file, alone);
    expect(checkDatabaseFile(alone).ok).toBe(true);
    const mainBefore = sha(file);
    const walBefore = sha(wal);

    const info = await runCliProcess(['info', '--data', dataDir]);
    expect(info.code, info.err).toBe(1);
    expect(info.err).toContain('[DB_DAMAGED]');
    expect(sha(file)).toBe(mainBefore);
    expect(fs.existsSync(wal) && sha(wal)).toBe(walBefore);
    const keptDir = path.join(dataDir, 'backups', 'tep-hong');
    const kept = fs.readdirSync(keptDir).filter((n) => n.endsWith('.sqlite'));
    expect(kept).toHaveLength(1);
    expect(sha(path.join(keptDir, kept[0]!))).toBe(mainBefore);
    expect(sha(path.join(keptDir, `${kept[0]!}-wal`))).toBe(walBefore);
    expect(info.err).toContain(kept[0]!);

    // A second command (check) does not write either; the damage is still only in the WAL.
    const check = await runCliProcess(['check', '--data', dataDir]);
    expect(check.code).toBe(1);
    expect(sha(file)).toBe(mainBefore);
    // Deleting the stray WAL recovers the office's data, as it would have before the first command.
    fs.rmSync(wal);
    fs.rmSync(`${file}-shm`, { force: true });
    const recovered = await runCliProcess(['check', '--data', dataDir]);
    expect(recovered.code, recovered.err).toBe(0);
    expect((await runCliProcess(['info', '--data', dataDir])).code).toBe(0);
  }, 240_000);

  it('a read-only command leaves the data file byte for byte as it was (no journal mode, no checkpoint)', async () => {
    const dataDir = tempDir();
    office(dataDir);
    const file = databaseFile(dataDir);
    // A WAL with committed work, as a killed process leaves it: a read-only command reads it and leaves it there.
    const db = new Database(file);
    db.pragma('wal_autocheckpoint = 0');
    grow(db, 'them', 'thêm');
    const wal = fs.readFileSync(`${file}-wal`);
    db.close();
    fs.writeFileSync(`${file}-wal`, wal);
    fs.rmSync(`${file}-shm`, { force: true });
    const before = sha(file);
    for (const args of [['info'], ['decisions', 'list'], ['plan', '--year', '2024'], ['tasks', 'list'], ['backup']]) {
      const run = await runCliProcess([...args, '--data', dataDir]);
      expect(run.code, `${args.join(' ')}: ${run.err}`).toBe(0);
      expect(sha(file), args.join(' ')).toBe(before);
      expect(sha(`${file}-wal`), args.join(' ')).toBe(crypto.createHash('sha256').update(wal).digest('hex'));
    }
  }, 240_000);
});
