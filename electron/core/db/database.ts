import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { CoreError } from '../errors';
import { assertNotFromFuture, loadMigrations, migrate, schemaVersion, type MigrationOutcome } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  file: string;
  migrationsDir: string;
  backupDir: string;
  /** When false, a missing file is an error instead of a new empty database. */
  create: boolean;
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

export function openDatabase(options: OpenDatabaseOptions): { db: Db; migration: MigrationOutcome } {
  if (!options.create && !fs.existsSync(options.file)) {
    throw new CoreError('OFFICE_NOT_INITIALIZED', `Chưa có dữ liệu văn phòng tại ${options.file}. Hãy khởi tạo bằng lệnh "init --office <mã huyện>" hoặc mở ứng dụng để thiết lập lần đầu.`, {
      file: options.file,
    });
  }
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const migrations = loadMigrations(options.migrationsDir);
  let db: Db | undefined;
  try {
    db = openSqlite(options.file);
    // Refuse a newer database before anything (even the journal mode) touches the file.
    assertNotFromFuture(schemaVersion(db), migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (cause) {
    if (cause instanceof CoreError) {
      // db is unset when the library itself failed to load.
      db?.close();
      throw cause;
    }
    throw new CoreError('DB_OPEN_FAILED', `Không mở được tệp dữ liệu ${options.file}: tệp hỏng hoặc không phải cơ sở dữ liệu của Sổ vốn MTQG.`, {
      file: options.file,
      cause: String(cause),
    });
  }
  try {
    // A damaged file is refused before anything (an upgrade) writes to it; the caller adds the way out.
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw new CoreError('DB_DAMAGED', `Tệp dữ liệu ${options.file} bị hỏng.`, { file: options.file, problems: problems.slice(0, 10) });
    const migration = migrate(db, migrations, (from, to) =>
      backupTo(db, options.backupDir, `truoc-nang-cap-v${from}-len-v${to}`),
    );
    return { db, migration };
  } catch (error) {
    db.close();
    if (isCorruption(error)) throw new CoreError('DB_DAMAGED', `Tệp dữ liệu ${options.file} bị hỏng.`, { file: options.file, problems: [String(error)] });
    throw error;
  }
}
