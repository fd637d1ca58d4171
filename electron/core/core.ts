import path from 'node:path';
import type { CommandName, CommandOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { CoreContext } from './context';
import { openDatabase, type Db } from './db/database';
import type { MigrationOutcome } from './db/migrations';
import { dispatch, dispatchAsync } from './dispatch';
import { createHandlers } from './handlers';
import { silentLogger, type Logger } from './log';
import { backupDir, databaseFile, defaultResourcesDir } from './paths';
import { seedReferenceData } from './reference/seed';

export interface CoreOptions {
  dataDir: string;
  resourcesDir?: string;
  actor: string;
  log?: Logger;
  /** Create the database when missing (the app and web host do; most CLI commands do not). */
  create?: boolean;
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
    seedReferenceData(db, seedDir, now());
  } catch (error) {
    db.close();
    throw error;
  }
  const ctx: CoreContext = { db, actor: options.actor, now, log: options.log ?? silentLogger, dataFile: file };
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
