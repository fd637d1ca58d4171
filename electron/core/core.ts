import path from 'node:path';
import type { SyncCommandName } from '../../shared/api/command-kinds';
import type { CommandName, CommandOutput } from '../../shared/api/contract';
import { err, type Result } from '../../shared/api/result';
import type { CoreContext } from './context';
import fs from 'node:fs';
import { openDatabase, type Db } from './db/database';
import { registerHolder } from './db/holders';
import { storageError } from './db/storage-errors';
import { useSqliteBinding } from './db/sqlite';
import type { MigrationOutcome } from './db/migrations';
import { createDispatcher } from './dispatch';
import { createHandlers } from './handlers';
import { silentLogger, type Logger } from './log';
import { checkDatabaseFile, dailyBackupIfDue, listBackups } from './backup/backups';
import { CoreError } from './errors';
import { backupDir, databaseFile, defaultResourcesDir } from './paths';
import { seedReferenceData } from './reference/seed';
import { createJobRegistry, type JobListener } from './jobs/registry';
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
  /** Open the data for reading only (CLI commands that only read): the file is never written. */
  readOnly?: boolean;
  now?: () => string;
  /**
   * Commands may name a file on this machine by path (the CLI, the desktop app), so the core reads a large workbook
   * itself rather than receiving it as base64. Off for the web host: a page must not make the core read local files.
   */
  readsFilePaths?: boolean;
  /** The compiled better-sqlite3 to load (the desktop shell's Electron build); the module's own when absent. */
  sqliteBinding?: string;
}

export interface Core {
  /** The open database; another connection after a restore (read it each time, do not keep it). */
  readonly db: Db;
  /** What the last open did to the schema (the first open, or the reopen after a restore). */
  readonly migration: MigrationOutcome;
  /**
   * Runs one synchronous command at once: validates its raw input and answers with a Result. Never throws. An async
   * command (shared/api/command-kinds.ts) does not compile here, and is refused unstarted when named at run time; a
   * write while a queued write runs is refused BUSY.
   */
  invoke<K extends SyncCommandName>(name: K, input: unknown): Result<CommandOutput<K>>;
  /** The synchronous path for a name not known at compile time (tests of the validation). */
  invokeUnknown(name: unknown, input: unknown): Result<unknown>;
  /** Any command, awaited, writes one after the other through the core's queue: what every host calls. */
  invokeAsync<K extends CommandName>(name: K, input: unknown): Promise<Result<CommandOutput<K>>>;
  /** For hosts that receive untrusted command names (IPC, HTTP). */
  invokeUnknownAsync(name: unknown, input: unknown): Promise<Result<unknown>>;
  /** The background jobs' progress as it happens (the hosts push it to the page); returns the unsubscribe. */
  onJobEvent(listener: JobListener): () => void;
  close(): void;
}

interface OpenedDatabase {
  db: Db;
  migration: MigrationOutcome;
}

/** A damaged data file, refused with the way out: the newest sound backup and how to restore it. */
function damaged(file: string, dataDir: string, problems: string[], keptAt: string | null = null): CoreError {
  const latest = listBackups(dataDir).find((b) => checkDatabaseFile(b.file).ok);
  return new CoreError(
    'DB_DAMAGED',
    `Tệp dữ liệu bị hỏng (${problems.slice(0, 2).join('; ')}). ${keptAt ? `Tệp như lúc phát hiện (kèm nhật ký ghi -wal) được giữ ở ${keptAt}. ` : ''}${latest ? `Bản sao lưu gần nhất: ${path.basename(latest.file)} (${formatDateVi(vietnamDate(latest.takenAt))}); khôi phục bằng "sovon restore ${latest.file}".` : 'Không có bản sao lưu nào trong thư mục backups.'}`,
    { file, problems: problems.slice(0, 10), latestBackup: latest?.file ?? null, keptAt },
  );
}

/** Opens (and upgrades) the database file, refuses a damaged one with the way out, loads the reference data. */
function openChecked(file: string, dataDir: string, resourcesDir: string, create: boolean, now: () => string, readOnly = false): OpenedDatabase {
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase({ file, migrationsDir: path.join(resourcesDir, 'migrations'), backupDir: backupDir(dataDir), create, readOnly });
  } catch (error) {
    if (error instanceof CoreError && error.code === 'DB_DAMAGED') {
      throw damaged(file, dataDir, (error.details?.problems as string[] | undefined) ?? [], (error.details?.keptAt as string | null | undefined) ?? null);
    }
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
    // Reference data newer than the file's needs writing once: a read-only open gives way to an ordinary one.
    if (db.readonly && /^SQLITE_READONLY/.test(String((error as { code?: unknown }).code))) return openChecked(file, dataDir, resourcesDir, create, now, false);
    throw storageError(error, file, 'nạp dữ liệu tham chiếu') ?? error;
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
  let { db, migration } = openChecked(file, options.dataDir, resourcesDir, options.create ?? true, now, options.readOnly ?? false);
  if (options.dailyBackup) {
    try {
      dailyBackupIfDue(db, options.dataDir);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  const release = registerHolder(options.dataDir, options.actor);
  let identity = fileIdentity(file);
  const reopen = () => {
    const opened = openChecked(file, options.dataDir, resourcesDir, false, now, options.readOnly ?? false);
    db = opened.db;
    migration = opened.migration;
    ctx.db = db;
    identity = fileIdentity(file);
  };
  /**
   * The file under the data's name is no longer the one this connection has open (another process restored a backup
   * or copied a file over it): writing on would go to the file put aside and be lost. The command is refused, the
   * new file opened for the next one.
   */
  const replacedElsewhere = (): Result<unknown> | null => {
    const current = fileIdentity(file);
    if (current === identity) return null;
    log.error('Tệp dữ liệu đã bị thay bởi một tiến trình khác; mở lại tệp mới', { file, was: identity, now: current });
    try {
      db.close();
      reopen();
    } catch (error) {
      // The file now under the name cannot be opened (damaged, gone): said as such, with its own way out.
      log.error('Không mở được tệp dữ liệu mới', error);
      if (error instanceof CoreError) return err(error.code, `Tệp dữ liệu vừa được thay bởi một chương trình khác và không mở được: ${error.message}`, error.details);
      return err('DB_REPLACED', 'Tệp dữ liệu vừa được thay bởi một chương trình khác và không mở được; không có gì được ghi. Chi tiết đã được ghi vào tệp nhật ký.', { file });
    }
    return err(
      'DB_REPLACED',
      'Tệp dữ liệu vừa được thay bởi một chương trình khác (khôi phục hoặc chép đè), nên thao tác này không được ghi. Dữ liệu mới đã được mở: hãy tải lại trang (F5), kiểm tra lại rồi làm lại thao tác.',
      { file },
    );
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

  const ctx: CoreContext = { db, actor: options.actor, now, log, dataFile: file, jobs: createJobRegistry(), replaceDatabase, readsFilePaths: options.readsFilePaths ?? false };
  const dispatcher = createDispatcher(createHandlers(seedDir), ctx, replacedElsewhere);
  const invokeUnknown = (name: unknown, input: unknown) => dispatcher.invoke(name, input);
  const invokeUnknownAsync = (name: unknown, input: unknown) => dispatcher.invokeAsync(name, input);
  return {
    get db() {
      return db;
    },
    get migration() {
      return migration;
    },
    invoke: <K extends SyncCommandName>(name: K, input: unknown) => invokeUnknown(name, input) as Result<CommandOutput<K>>,
    invokeUnknown,
    invokeAsync: <K extends CommandName>(name: K, input: unknown) => invokeUnknownAsync(name, input) as Promise<Result<CommandOutput<K>>>,
    invokeUnknownAsync,
    onJobEvent: (listener) => ctx.jobs.subscribe(listener),
    close: () => {
      db.close();
      release();
    },
  };
}

/** Which file a path names now (device and inode): a rename over it gives another. Null when there is none. */
function fileIdentity(file: string): string | null {
  const stat = fs.statSync(file, { throwIfNoEntry: false, bigint: true });
  return stat ? `${stat.dev}:${stat.ino}` : null;
}
