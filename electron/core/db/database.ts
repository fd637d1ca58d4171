import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { CoreError } from '../errors';
import { assertNotFromFuture, latestVersion, loadMigrations, migrate, schemaVersion, type MigrationOutcome } from './migrations';
import { notAFile, storageError } from './storage-errors';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  file: string;
  migrationsDir: string;
  backupDir: string;
  /** When false, a missing file is an error instead of a new empty database. */
  create: boolean;
  /**
   * Open for reading only (commands that only read): the file is never written, not even its journal mode. A schema
   * older than the app's still needs its upgrade first, so such a file is opened for writing as usual.
   */
  readOnly?: boolean;
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

/** A consistent copy of the live database (VACUUM INTO works with WAL and open readers). */
export function backupTo(db: Db, dir: string, label: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${label}-${timestamp()}.sqlite`);
  // Under a temporary name until complete: a failed or interrupted copy never sits among the backups.
  const partial = `${file}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fs.renameSync(partial, file);
  } catch (error) {
    throw storageError(error, file, 'sao lưu trước khi nâng cấp') ?? error;
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return file;
}

/** SQLite's own words for a file whose pages are damaged or that is not a database at all. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * A damaged data file as it was found — the main file and its write-ahead log — copied into backups/tep-hong/ before
 * anything else happens (a restore removes the WAL; the technicians may still recover from it). Null when it could
 * not be copied (the disk is full): the file itself is left untouched either way.
 */
export function keepDamagedState(file: string, backupDir: string): string | null {
  try {
    const dir = path.join(backupDir, 'tep-hong');
    fs.mkdirSync(dir, { recursive: true });
    let kept = path.join(dir, `${path.basename(file, '.sqlite')}-${timestamp()}.sqlite`);
    for (let n = 2; fs.existsSync(kept); n++) kept = path.join(dir, `${path.basename(file, '.sqlite')}-${timestamp()}-${n}.sqlite`);
    fs.copyFileSync(file, kept);
    const wal = `${file}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) fs.copyFileSync(wal, `${kept}-wal`);
    return kept;
  } catch {
    return null;
  }
}

/**
 * Checks an existing file through a read-only connection, before any connection that could write opens it: a
 * read-only connection never checkpoints, so a damaged state (a stray WAL from another copy beside an intact file) is
 * never written into the main file. A damaged file is kept aside as found and refused.
 */
function checkBeforeOpening(options: OpenDatabaseOptions, migrations: ReturnType<typeof loadMigrations>): number {
  const damagedFile = (problems: string[]): CoreError => {
    const keptAt = keepDamagedState(options.file, options.backupDir);
    return new CoreError('DB_DAMAGED', `Tệp dữ liệu ${options.file} bị hỏng.`, { file: options.file, problems: problems.slice(0, 10), keptAt });
  };
  let db: Db | null = null;
  try {
    db = openSqlite(options.file, { readonly: true, fileMustExist: true });
    const version = schemaVersion(db);
    // Refuse a newer database before anything (even the journal mode) touches the file.
    assertNotFromFuture(version, migrations);
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw damagedFile(problems);
    return version;
  } catch (error) {
    if (error instanceof CoreError) throw error;
    if (isCorruption(error)) throw damagedFile([String(error)]);
    throw storageError(error, options.file, 'mở dữ liệu') ?? openFailed(options.file, error);
  } finally {
    db?.close();
  }
}

function openFailed(file: string, cause: unknown): CoreError {
  return new CoreError('DB_OPEN_FAILED', `Không mở được tệp dữ liệu ${file}: tệp hỏng hoặc không phải cơ sở dữ liệu của Sổ vốn MTQG.`, { file, cause: String(cause) });
}

export function openDatabase(options: OpenDatabaseOptions): { db: Db; migration: MigrationOutcome } {
  const stat = fs.statSync(options.file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw notAFile(options.file);
  if (!options.create && !stat) {
    throw new CoreError('OFFICE_NOT_INITIALIZED', `Chưa có dữ liệu văn phòng tại ${options.file}. Hãy khởi tạo bằng lệnh "init --office <mã huyện>" hoặc mở ứng dụng để thiết lập lần đầu.`, {
      file: options.file,
    });
  }
  try {
    fs.mkdirSync(path.dirname(options.file), { recursive: true });
  } catch (error) {
    throw storageError(error, options.file, 'tạo thư mục dữ liệu') ?? error;
  }
  const migrations = loadMigrations(options.migrationsDir);
  const version = stat && stat.size > 0 ? checkBeforeOpening(options, migrations) : 0;
  const readOnly = options.readOnly === true && stat !== undefined && stat.size > 0 && version === latestVersion(migrations);
  let opening: Db | undefined;
  try {
    opening = openSqlite(options.file, readOnly ? { readonly: true, fileMustExist: true } : {});
    // Wait for another process's write to finish before giving up (SQLITE_BUSY, reported as "đang được dùng").
    opening.pragma('busy_timeout = 5000');
    if (!readOnly) opening.pragma('journal_mode = WAL');
    opening.pragma('foreign_keys = ON');
  } catch (cause) {
    opening?.close();
    if (cause instanceof CoreError) throw cause;
    throw storageError(cause, options.file, 'mở dữ liệu') ?? openFailed(options.file, cause);
  }
  const db = opening;
  if (readOnly) return { db, migration: { from: version, to: version, backupFile: null } };
  try {
    const migration = migrate(db, migrations, (from, to) => backupTo(db, options.backupDir, `truoc-nang-cap-v${from}-len-v${to}`));
    return { db, migration };
  } catch (error) {
    db.close();
    if (isCorruption(error)) throw new CoreError('DB_DAMAGED', `Tệp dữ liệu ${options.file} bị hỏng.`, { file: options.file, problems: [String(error)] });
    throw storageError(error, options.file, 'nâng cấp dữ liệu') ?? error;
  }
}
