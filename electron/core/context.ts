import type { Db } from './db/database';
import type { MigrationOutcome } from './db/migrations';
import type { Logger } from './log';
import type { JobRegistry } from './jobs/registry';

/** What every command handler gets: the open database and who is acting. */
export interface CoreContext {
  /** The open database; replaced (never while a command runs) when a backup is restored: read it, do not keep it. */
  db: Db;
  /** Who is acting, for the audit trail (the OS user on the desktop, "cli" or "web" otherwise). */
  actor: string;
  now: () => string;
  log: Logger;
  dataFile: string;
  /** Progress and cancellation of long commands (imports), pushed to the hosts. */
  jobs: JobRegistry;
  /** Whether commands may name a local file by path (CoreOptions.readsFilePaths). */
  readsFilePaths?: boolean;
  /**
   * Closes the database, runs `replace` on the closed file (a restore), reopens, checks and upgrades it, and
   * swaps `db` for every later command. When the new file cannot be opened, `undo` puts the previous file back
   * and the previous data is reopened before the error is thrown.
   */
  replaceDatabase<T>(replace: () => T, undo: (value: T) => void): { value: T; migration: MigrationOutcome };
}

/** Writes one audit row; callers run it inside the transaction of the change it records. */
export function writeAudit(
  ctx: CoreContext,
  command: string,
  entity: string,
  entityId: number | null,
  before: unknown,
  after: unknown,
): void {
  ctx.db
    .prepare(
      'INSERT INTO audit_log (at, actor, command, entity, entity_id, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      ctx.now(),
      ctx.actor,
      command,
      entity,
      entityId,
      before === null || before === undefined ? null : JSON.stringify(before),
      after === null || after === undefined ? null : JSON.stringify(after),
    );
}
