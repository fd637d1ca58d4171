import path from 'node:path';
import type { CommandName, CommandOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { CoreContext } from './context';
import { openDatabase, type Db } from './db/database';
import type { MigrationOutcome } from './db/migrations';
import { dispatch, dispatchAsync } from './dispatch';
import { createHandlers } from './handlers';
import { silentLogger, type Logger } from './log';
import { dailyBackupIfDue, listBackups } from './backup/backups';
import { CoreError } from './errors';
import { backupDir, databaseFile, defaultResourcesDir } from './paths';
import { seedReferenceData } from './reference/seed';
import { createTaskRegistry } from './tasks';

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
}

export interface Core {
  readonly db: Db;
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

/** Opens the office database in a data folder, migrates it, loads reference data and returns the dispatcher. */
export function openCore(options: CoreOptions): Core {
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  const seedDir = path.join(resourcesDir, 'seed');
  const file = databaseFile(options.dataDir);
  const { db, migration } = openDatabase({
    file,
    migrationsDir: path.join(resourcesDir, 'migrations'),
    backupDir: backupDir(options.dataDir),
    create: options.create ?? true,
  });
  const now = options.now ?? (() => new Date().toISOString());
  try {
    // A damaged file is refused with the way out, before anything writes to it.
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) {
      const latest = listBackups(options.dataDir)[0];
      throw new CoreError(
        'DB_DAMAGED',
        `Tệp dữ liệu bị hỏng (${problems.slice(0, 2).join('; ')}). ${latest ? `Bản sao lưu gần nhất: ${path.basename(latest.file)} (${latest.takenAt.slice(0, 10)}); khôi phục bằng "sovon restore ${latest.file}".` : 'Không có bản sao lưu nào trong thư mục backups.'}`,
        { file, problems: problems.slice(0, 10), latestBackup: latest?.file ?? null },
      );
    }
    seedReferenceData(db, seedDir, now());
    if (options.dailyBackup) dailyBackupIfDue(db, options.dataDir);
  } catch (error) {
    db.close();
    throw error;
  }
  const ctx: CoreContext = { db, actor: options.actor, now, log: options.log ?? silentLogger, dataFile: file, tasks: createTaskRegistry() };
  const handlers = createHandlers(seedDir);
  const invokeUnknown = (name: unknown, input: unknown) => dispatch(handlers, ctx, name, input);
  const invokeUnknownAsync = (name: unknown, input: unknown) => dispatchAsync(handlers, ctx, name, input);
  return {
    db,
    migration,
    invoke: <K extends CommandName>(name: K, input: unknown) => invokeUnknown(name, input) as Result<CommandOutput<K>>,
    invokeUnknown,
    invokeAsync: <K extends CommandName>(name: K, input: unknown) => invokeUnknownAsync(name, input) as Promise<Result<CommandOutput<K>>>,
    invokeUnknownAsync,
    close: () => db.close(),
  };
}
