import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database';
import { loadMigrations } from '../../../electron/core/db/migrations';
import { CoreError } from '../../../electron/core/errors';
import { defaultResourcesDir } from '../../../electron/core/paths';
import { tempDir } from '../../support/helpers';

const MIGRATIONS_DIR = path.join(defaultResourcesDir(), 'migrations');
const LATEST = loadMigrations(MIGRATIONS_DIR).length;
const next = (offset: number) => String(LATEST + offset).padStart(4, '0');

/** A migrations folder holding only the real ones up to `version`. */
function migrationsUpTo(version: number): string {
  const dir = tempDir('sovon-migrations-');
  for (const file of fs.readdirSync(MIGRATIONS_DIR)) if (Number(file.slice(0, 4)) <= version) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
  return dir;
}

function open(dir: string, migrationsDir = MIGRATIONS_DIR) {
  return openDatabase({ file: path.join(dir, 'db.sqlite'), migrationsDir, backupDir: path.join(dir, 'backups'), create: true });
}

/** A migrations folder holding the real ones plus extra files. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = tempDir('sovon-migrations-');
  for (const file of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
  for (const [file, sql] of Object.entries(extra)) fs.writeFileSync(path.join(dir, file), sql);
  return dir;
}

describe('migration 0001_init', () => {
  it('creates the schema, sets user_version to the latest, WAL and foreign keys', () => {
    const { db, migration } = open(tempDir());
    expect(migration).toEqual({ from: 0, to: LATEST, backupFile: null });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['admin_unit', 'admin_unit_successor', 'assignment', 'audit_log', 'capital_type', 'component', 'component_level', 'funding_source', 'office', 'pilot_designation', 'program_period', 'signer']),
    );
    db.close();
  });

  it('stores money only as integer đồng', () => {
    const { db } = open(tempDir());
    db.exec(`INSERT INTO program_period VALUES ('P', 'p', 2021, 2025, 'b');
      INSERT INTO component_level VALUES ('P', 'program', 'Chương trình', 0);
      INSERT INTO component (id, period_code, code, program_code, level, name_vi, sort_order) VALUES (1, 'P', 'X', 'X', 'program', 'x', 0);
      INSERT INTO funding_source VALUES ('NSTW', 'n', 'n', 1, NULL, NULL);
      INSERT INTO capital_type VALUES ('SN', 's', 's', 1);`);
    const insert = db.prepare(
      "INSERT INTO assignment (year, component_id, source_code, capital_type, origin_year, amount_dong, created_at, updated_at) VALUES (2024, 1, 'NSTW', 'SN', 2024, ?, 'now', 'now')",
    );
    expect(() => insert.run(1.5)).toThrow(/CHECK/);
    expect(() => insert.run(-1)).toThrow(/CHECK/);
    expect(insert.run(100).changes).toBe(1);
    db.close();
  });

  it('is a no-op on a database already at the latest version', () => {
    const dir = tempDir();
    open(dir).db.close();
    const { db, migration } = open(dir);
    expect(migration).toEqual({ from: LATEST, to: LATEST, backupFile: null });
    db.close();
  });
});

describe('migration runner', () => {
  it('refuses a database written by a newer app version, leaving it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    const future = new Database(file);
    future.pragma('user_version = 42');
    future.close();
    const before = fs.readFileSync(file);
    try {
      open(dir);
      expect.unreachable('a database from the future must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(CoreError);
      expect((error as CoreError).code).toBe('DB_FROM_FUTURE');
      expect((error as CoreError).message).toContain('phiên bản Sổ vốn MTQG mới hơn');
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('backs up an existing database before applying pending migrations', () => {
    const dir = tempDir();
    open(dir).db.close();
    const migrationsDir = migrationsWith({ [`${next(1)}_add_remark.sql`]: 'ALTER TABLE signer ADD COLUMN remark TEXT;' });
    const { db, migration } = open(dir, migrationsDir);
    expect(migration.from).toBe(LATEST);
    expect(migration.to).toBe(LATEST + 1);
    expect(migration.backupFile).not.toBeNull();
    const backup = new Database(migration.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST);
    backup.close();
    expect(db.prepare("SELECT COUNT(*) AS n FROM pragma_table_info('signer') WHERE name = 'remark'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('applies all pending migrations in one transaction: a failing one leaves the schema as it was', () => {
    const dir = tempDir();
    open(dir).db.close();
    const migrationsDir = migrationsWith({
      [`${next(1)}_good.sql`]: 'CREATE TABLE extra (id INTEGER PRIMARY KEY);',
      [`${next(2)}_bad.sql`]: 'CREATE TABLE broken (;',
    });
    expect(() => open(dir, migrationsDir)).toThrow(expect.objectContaining({ code: 'DB_MIGRATION_FAILED' }));
    const db = new Database(path.join(dir, 'db.sqlite'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('rejects gaps in migration numbering', () => {
    const dir = migrationsWith({ [`${next(2)}_skipped.sql`]: 'SELECT 1;' });
    expect(() => loadMigrations(dir)).toThrow(/gap/);
  });
});

describe('migration 0002_decision_ledger', () => {
  it('upgrades a version-1 database with its data and adds the ledger tables', () => {
    const dir = tempDir();
    const v1 = open(dir, migrationsUpTo(1)).db;
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    v1.exec(`INSERT INTO signer (name, title, sort_order) VALUES ('Hoàng Văn Minh', 'Chủ tịch', 0);`);
    v1.close();
    const { db, migration } = open(dir, migrationsUpTo(2));
    expect(migration).toMatchObject({ from: 1, to: 2 });
    expect(migration.backupFile).not.toBeNull();
    expect(db.prepare('SELECT name FROM signer').get()).toEqual({ name: 'Hoàng Văn Minh' });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['decision', 'decision_line', 'draft_edit', 'investment_project', 'organization', 'delegation', 'component_target', 'rule_definition', 'reason_code', 'year_setting']));
    db.close();
  });

  it('makes an issued decision and its lines immutable at the database level', () => {
    const { db } = open(tempDir());
    db.exec(`INSERT INTO program_period VALUES ('P', 'p', 2021, 2025, 'b');
      INSERT INTO component_level VALUES ('P', 'program', 'Chương trình', 0);
      INSERT INTO component (id, period_code, code, program_code, level, name_vi, sort_order) VALUES (1, 'P', 'X', 'X', 'program', 'x', 0);
      INSERT INTO funding_source VALUES ('NSTW', 'n', 'n', 1, NULL, NULL);
      INSERT INTO capital_type VALUES ('SN', 's', 's', 1);
      INSERT INTO decision (id, year, kind, issuer, created_at, updated_at) VALUES (1, 2024, 'phan_bo', 'UBND', 'now', 'now');
      INSERT INTO decision_line (decision_id, position, component_id, source_code, capital_type, origin_year, amount_dong) VALUES (1, 1, 1, 'NSTW', 'SN', 2024, 100);
      UPDATE decision SET status = 'issued', number = 1, number_year = 2024, doc_date = '2024-03-01', signer_name = 'A' WHERE id = 1;`);
    expect(() => db.exec("UPDATE decision SET summary = 'x' WHERE id = 1")).toThrow(/ISSUED_DECISION_IMMUTABLE/);
    expect(() => db.exec('DELETE FROM decision WHERE id = 1')).toThrow(/ISSUED_DECISION_IMMUTABLE/);
    expect(() => db.exec('UPDATE decision_line SET amount_dong = 5')).toThrow(/ISSUED_DECISION_IMMUTABLE/);
    expect(() => db.exec('DELETE FROM decision_line')).toThrow(/ISSUED_DECISION_IMMUTABLE/);
    expect(() =>
      db.exec("INSERT INTO decision_line (decision_id, position, component_id, source_code, capital_type, origin_year, amount_dong) VALUES (1, 2, 1, 'NSTW', 'SN', 2024, 1)"),
    ).toThrow(/ISSUED_DECISION_IMMUTABLE/);
    expect(() => db.exec("UPDATE decision_line SET amount_dong = 1.5")).toThrow();
    expect(db.prepare('SELECT amount_dong FROM decision_line').get()).toEqual({ amount_dong: 100 });
    db.close();
  });
});

describe('migration 0003_followup', () => {
  it('upgrades a version-2 database with its decisions and adds the follow-up registers', () => {
    const dir = tempDir();
    const v2 = open(dir, migrationsUpTo(2)).db;
    v2.exec("INSERT INTO signer (name, title, sort_order) VALUES ('Lương Văn Hải', 'Chủ tịch HĐND huyện', 0);");
    v2.close();
    const { db, migration } = open(dir, migrationsUpTo(3));
    expect(migration).toMatchObject({ from: 2, to: 3 });
    expect(db.prepare('SELECT name FROM signer').get()).toEqual({ name: 'Lương Văn Hải' });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['obstacle', 'obstacle_escalation', 'notice', 'notice_task']));
    const insert = db.prepare(
      "INSERT INTO obstacle (description, category, raised_on, resolving_level, amount_at_risk_dong, created_at, updated_at) VALUES ('x', 'phap_ly', '2024-01-01', 'tinh', ?, 'now', 'now')",
    );
    expect(() => insert.run(1.5)).toThrow(/CHECK/);
    expect(() => insert.run(-1)).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO obstacle (description, category, raised_on, resolving_level, created_at, updated_at) VALUES ('x', 'phap_ly', '2024-01-01', 'thon', 'now', 'now')")).toThrow(/CHECK/);
    expect(insert.run(100).changes).toBe(1);
    db.close();
  });
});

describe('migration 0004_exchange', () => {
  it('upgrades a version-3 database, keeping its assignments, and adds the exchange history', () => {
    const dir = tempDir();
    const v3 = open(dir, migrationsUpTo(3)).db;
    v3.exec("INSERT INTO signer (name, title, sort_order) VALUES ('Lương Văn Hải', 'Chủ tịch HĐND huyện', 0);");
    v3.close();
    const { db, migration } = open(dir, migrationsUpTo(4));
    expect(migration).toMatchObject({ from: 3, to: 4 });
    expect(db.prepare('SELECT name FROM signer').get()).toEqual({ name: 'Lương Văn Hải' });
    const columns = (db.prepare('PRAGMA table_info(assignment)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('exchange_id');
    const insert = db.prepare(
      "INSERT INTO exchange_log (at, actor, direction, kind, file_name, sha256, total_dong, result) VALUES ('now', 'test', 'import', 'province_assignment', 'a.xlsx', 'abc', ?, ?)",
    );
    expect(() => insert.run(1.5, 'committed')).toThrow(/CHECK/);
    expect(() => insert.run(1, 'maybe')).toThrow(/CHECK/);
    expect(insert.run(1, 'committed').changes).toBe(1);
    db.close();
  });
});

describe('migration 0005_implementation_decision', () => {
  it('upgrades a version-4 database and allows one implementing decision per resolution', () => {
    const dir = tempDir();
    const v4 = open(dir, migrationsUpTo(4)).db;
    v4.exec("INSERT INTO signer (name, title, sort_order) VALUES ('Lương Văn Hải', 'Chủ tịch HĐND huyện', 0);");
    v4.close();
    const { db, migration } = open(dir, migrationsUpTo(5));
    expect(migration).toMatchObject({ from: 4, to: 5 });
    const insert = db.prepare("INSERT INTO decision (year, kind, issuer, implements_id, created_at, updated_at) VALUES (2024, 'phan_bo', ?, ?, 'now', 'now')");
    const resolution = Number(insert.run('HDND', null).lastInsertRowid);
    expect(insert.run('UBND', resolution).changes).toBe(1);
    expect(() => insert.run('UBND', resolution)).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('migration 0006_disbursement', () => {
  it('upgrades a version-5 database, keeping its data, and adds disbursement, extensions, pacing and benchmarks with integer đồng only', () => {
    const dir = tempDir();
    const v5 = open(dir, migrationsUpTo(5)).db;
    v5.exec("INSERT INTO signer (name, title, sort_order) VALUES ('Lương Văn Hải', 'Chủ tịch HĐND huyện', 0);");
    v5.close();
    const { db, migration } = open(dir, migrationsUpTo(6));
    expect(migration).toMatchObject({ from: 5, to: 6 });
    expect(migration.backupFile).not.toBeNull();
    expect(db.prepare('SELECT name FROM signer').get()).toEqual({ name: 'Lương Văn Hải' });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['disbursement', 'disbursement_import', 'extension', 'pacing_target', 'disbursement_benchmark', 'disbursement_template', 'disbursement_setting']));
    expect(db.prepare('SELECT warn_days FROM disbursement_setting').get()).toEqual({ warn_days: 30 });
    db.exec(`INSERT INTO program_period VALUES ('P', 'p', 2021, 2025, 'b');
      INSERT INTO component_level VALUES ('P', 'program', 'Chương trình', 0);
      INSERT INTO component (id, period_code, code, program_code, level, name_vi, sort_order) VALUES (1, 'P', 'X', 'X', 'program', 'x', 0);
      INSERT INTO funding_source VALUES ('NSTW', 'n', 'n', 1, NULL, NULL);
      INSERT INTO capital_type VALUES ('SN', 's', 's', 1);`);
    const insert = db.prepare(
      "INSERT INTO disbursement (year, cutoff_date, component_id, source_code, capital_type, origin_year, cumulative_dong, data_source, created_at, updated_at) VALUES (2024, ?, 1, 'NSTW', 'SN', 2024, ?, 'tu_bao_cao', 'now', 'now')",
    );
    expect(() => insert.run('2024-06-30', 1.5)).toThrow(/CHECK/);
    expect(() => insert.run('2024-06-30', -1)).toThrow(/CHECK/);
    expect(insert.run('2024-06-30', 100).changes).toBe(1);
    // One entry per key and cut-off, absent project and commune included.
    expect(() => insert.run('2024-06-30', 200)).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO pacing_target VALUES (2024, 13, 100, '')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO disbursement_benchmark (year, as_of, scope, rate_bp, source, created_at) VALUES (2024, '2024-06-30', 'huyen', 100, 'x', 'now')")).toThrow(/CHECK/);
    db.close();
  });
});
