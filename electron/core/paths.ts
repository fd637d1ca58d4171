import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder name of the app's data under the user's application-data folder (no diacritics: safe on every FS). */
export const APP_DATA_FOLDER = 'SoVonMTQG';
export const DATABASE_FILE = 'so-von.sqlite';

/**
 * Where office data lives when no --data folder is given: %APPDATA%\SoVonMTQG on Windows,
 * ~/Library/Application Support/SoVonMTQG on macOS, $XDG_CONFIG_HOME/SoVonMTQG elsewhere —
 * the same folder the Electron shell uses, so the CLI sees the desktop app's data.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (env.SOVON_DATA_DIR) return env.SOVON_DATA_DIR;
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_DATA_FOLDER);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DATA_FOLDER);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), APP_DATA_FOLDER);
}

/** The project's resources/ folder (seed data, migrations); the packaged app passes its own. */
export function defaultResourcesDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources');
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export function logDir(dataDir: string): string {
  return path.join(dataDir, 'logs');
}
