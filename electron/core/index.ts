/**
 * The core's public entry: what a host (electron/main, the web host, the CLI) may use. Hosts import from here only
 * (dependency-cruiser's `hosts-use-core-entry` rule), so the core's folders can move without touching the hosts.
 * Commands themselves go through `Core.invoke*`; what is exported here is what a host needs around them: opening
 * the data, paths, the log, the errors it must recognise and the file-level recovery done before a core opens.
 */
export { openCore, type Core, type CoreOptions } from './core';
export { CoreError } from './errors';
export { createFileLogger, type Logger } from './log';
export { APP_DATA_FOLDER, databaseFile, defaultDataDir, defaultResourcesDir, logDir } from './paths';
export { latestVersion, loadMigrations } from './db/migrations';
export { storageError } from './db/storage-errors';
export { checkDatabaseFile, createBackup, listBackups, restoreBackup, restoreLatestGoodBackup } from './backup/backups';
export { parseDecisionNumber } from './decisions/find';
export { DEFAULT_CONTAINER_LIMITS } from './excel/container';
export { writeWhole } from './local-files';
