import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { CoreError } from '../errors';
import { storageError } from './storage-errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads numbered migrations (0001_init.sql, 0002_….sql); versions must run 1, 2, 3… without gaps. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .map((file) => ({ file, match: MIGRATION_FILE.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2]!,
      sql: fs.readFileSync(path.join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration numbering has a gap or duplicate at ${m.version}_${m.name}`);
  });
  return migrations;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: Migration[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

/** A database written by a newer app version is refused: this version cannot know what its schema means. */
export function assertNotFromFuture(current: number, migrations: Migration[]): void {
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new CoreError(
      'DB_FROM_FUTURE',
      `Tệp dữ liệu được tạo bởi phiên bản Sổ vốn MTQG mới hơn (lược đồ ${current}, phiên bản này hỗ trợ tới ${latest}). ` +
        'Hãy cập nhật ứng dụng lên phiên bản mới nhất; tệp dữ liệu không bị thay đổi.',
      { fileSchemaVersion: current, appSchemaVersion: latest },
    );
  }
}

export interface MigrationOutcome {
  from: number;
  to: number;
  backupFile: string | null;
}

/**
 * Brings the database to the latest schema: refuses a database from a newer app, copies the file
 * before touching an existing schema, then applies every pending migration in one transaction.
 */
export function migrate(
  db: Database.Database,
  migrations: Migration[],
  backup: (fromVersion: number, toVersion: number) => string,
): MigrationOutcome {
  const latest = latestVersion(migrations);
  const current = schemaVersion(db);
  assertNotFromFuture(current, migrations);
  if (current === latest) return { from: current, to: latest, backupFile: null };
  const backupFile = current > 0 ? backup(current, latest) : null;
  const pending = migrations.filter((m) => m.version > current);
  try {
    db.transaction(() => {
      for (const m of pending) db.exec(m.sql);
      db.pragma(`user_version = ${latest}`);
    })();
  } catch (cause) {
    const storage = storageError(cause, db.name, 'nâng cấp cấu trúc dữ liệu');
    if (storage) throw storage;
    throw new CoreError(
      'DB_MIGRATION_FAILED',
      `Không nâng cấp được cấu trúc dữ liệu từ phiên bản ${current} lên ${latest}; dữ liệu giữ nguyên như trước. ` +
        (backupFile ? `Bản sao lưu: ${backupFile}.` : ''),
      { from: current, to: latest, cause: String(cause) },
    );
  }
  return { from: current, to: latest, backupFile };
}
