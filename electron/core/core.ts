import path from 'node:path';
import type { CommandName, CommandOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { CoreContext } from './context';
import { openDatabase, type Db } from './db/database';
import { useSqliteBinding } from './db/sqlite';
import type { MigrationOutcome } from './db/migrations';
import { dispatch, dispatchAsync } from './dispatch';
import { createHandlers } from './handlers';
import { silentLogger, type Logger } from './log';
import { checkDatabaseFile, dailyBackupIfDue, listBackups } from './backup/backups';
import { CoreError } from './errors';
import { backupDir, databaseFile, defaultResourcesDir } from './paths';
import { seedReferenceData } from './reference/seed';
import { createTaskRegistry } from './tasks';
import { formatDateVi } from '../../shared/format/date';
import { vietnamDate } from '../../shared/format/today';

export interface CoreOptions {
  dataDir: string;
  resourcesDir?: string;
  actor: string;
  log?: Logger;
  /** Create the database when missing (the app and web host do; most CLI commands do not). */
  create?: boolean;
  /** Take the day's backup on the first open of the day (the app and the web host do). */
  dailyBackup?: boolean;
  now?: () => string;
  /** The compiled better-sqlite3 to load (the desktop shell's Electron build); the module's own when absent. */
  sqliteBinding?: string;
}

export interface Core {
  /** The open database; another connection after a restore (read it each time, do not keep it). */
  readonly db: Db;
  /** What the last open did to the schema (the first open, or the reopen after a restore). */
  readonly migration: MigrationOutcome;
  /** Runs one command: validates its raw input and answers with a Result. Never throws. */
  invoke<K extends CommandName>(name: K, input: unknown): Result<CommandOutput<K>>;
  /** For hosts that receive untrusted command names (IPC, HTTP). */
  invokeUnknown(name: unknown, input: unknown): Result<unknown>;
  /** Also waits for the commands that finish asynchronously (file exports); what the hosts call. */
  invokeAsync<K extends CommandName>(name: K, input: unknown): Promise<Result<CommandOutput<K>>>;
  invokeUnknownAsync(name: unknown, input: unknown): Promise<Result<unknown>>;
  close(): void;
}

interface OpenedDatabase {
  db: Db;
  migration: MigrationOutcome;
}

/** A damaged data file, refused with the way out: the newest sound backup and how to restore it. */
function damaged(file: string, dataDir: string, problems: string[]): CoreError {
  const latest = listBackups(dataDir).find((b) => checkDatabaseFile(b.file).ok);
  return new CoreError(
    'DB_DAMAGED',
    `Tệp dữ liệu bị hỏng (${problems.slice(0, 2).join('; ')}). ${latest ? `Bản sao lưu gần nhất: ${path.basename(latest.file)} (${formatDateVi(vietnamDate(latest.takenAt))}); khôi phục bằng "sovon restore ${latest.file}".` : 'Không có bản sao lưu nào trong thư mục backups.'}`,
    { file, problems: problems.slice(0, 10), latestBackup: latest?.file ?? null },
  );
}

/** Opens (and upgrades) the database file, refuses a damaged one with the way out, loads the reference data. */
function openChecked(file: string, dataDir: string, resourcesDir: string, create: boolean, now: () => string): OpenedDatabase {
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase({ file, migrationsDir: path.join(resourcesDir, 'migrations'), backupDir: backupDir(dataDir), create });
  } catch (error) {
    if (error instanceof CoreError && error.code === 'DB_DAMAGED') throw damaged(file, dataDir, (error.details?.problems as string[] | undefined) ?? []);
    // A file SQLite cannot read at all (cut short, overwritten) is damaged too, with the same way out.
    const cause = error instanceof CoreError ? String(error.details?.cause ?? '') : '';
    if (error instanceof CoreError && error.code === 'DB_OPEN_FAILED' && /SQLITE_NOTADB|SQLITE_CORRUPT|malformed|not a database/i.test(cause)) throw damaged(file, dataDir, [cause]);
    throw error;
  }
  const { db, migration } = opened;
  try {
    seedReferenceData(db, path.join(resourcesDir, 'seed'), now());
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, migration };
}

/** Opens the office database in a data folder, migrates it, loads reference data and returns the dispatcher. */
export function openCore(options: CoreOptions): Core {
  if (options.sqliteBinding !== undefined) useSqliteBinding(options.sqliteBinding);
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  const seedDir = path.join(resourcesDir, 'seed');
  const file = databaseFile(options.dataDir);
  const now = options.now ?? (() => new Date().toISOString());
  const log = options.log ?? silentLogger;
  let { db, migration } = openChecked(file, options.dataDir, resourcesDir, options.create ?? true, now);
  if (options.dailyBackup) {
    try {
      dailyBackupIfDue(db, options.dataDir);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  const reopen = () => {
    const opened = openChecked(file, options.dataDir, resourcesDir, false, now);
    db = opened.db;
    migration = opened.migration;
    ctx.db = db;
  };
  // Commands run one at a time and synchronously, so nothing uses the connection while it is swapped.
  function replaceDatabase<T>(replace: () => T, undo: (value: T) => void): { value: T; migration: MigrationOutcome } {
    db.close();
    let value: T;
    try {
      value = replace();
    } catch (error) {
      reopen();
      throw error;
    }
    try {
      reopen();
    } catch (error) {
      log.error('Không mở được dữ liệu vừa thay; đặt lại dữ liệu trước đó', error);
      undo(value);
      reopen();
      throw error;
    }
    log.info('Đã thay tệp dữ liệu và mở lại', { file, schemaVersion: migration.to });
    return { value, migration };
  }

  const ctx: CoreContext = { db, actor: options.actor, now, log, dataFile: file, tasks: createTaskRegistry(), replaceDatabase };
  const handlers = createHandlers(seedDir);
  const invokeUnknown = (name: unknown, input: unknown) => dispatch(handlers, ctx, name, input);
  const invokeUnknownAsync = (name: unknown, input: unknown) => dispatchAsync(handlers, ctx, name, input);
  return {
    get db() {
      return db;
    },
    get migration() {
      return migration;
    },
    invoke: <K extends CommandName>(name: K, input: unknown) => invokeUnknown(name, input) as Result<CommandOutput<K>>,
    invokeUnknown,
    invokeAsync: <K extends CommandName>(name: K, input: unknown) => invokeUnknownAsync(name, input) as Promise<Result<CommandOutput<K>>>,
    invokeUnknownAsync,
    close: () => db.close(),
  };
}
