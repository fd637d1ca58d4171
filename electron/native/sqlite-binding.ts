/**
 * Which compiled better-sqlite3 the desktop shell loads. `npm install` builds better-sqlite3 for Node (the tests,
 * the CLI and the web host use it); Electron needs a build for its own ABI. That build is kept apart, in its own
 * folder per Electron version, platform and architecture (made by `npm start`: scripts/start-desktop.ts), and the
 * shell hands its path to better-sqlite3's `nativeBinding` option — so neither run swaps the other's binary.
 * A packaged app needs nothing: electron-builder rebuilt the module in place for Electron when packaging.
 * No `electron` import here: the shell passes in what it knows (packaged or not, versions, paths).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The folder, under the project's node_modules, of the Electron builds of better-sqlite3. */
export const ELECTRON_SQLITE_CACHE = path.join('node_modules', '.cache', 'sovon-electron-sqlite');

/** Where the Electron build of better-sqlite3 for one Electron version, platform and architecture lives. */
export function electronSqliteBindingPath(projectRoot: string, target: { electronVersion: string; platform: string; arch: string }): string {
  return path.join(projectRoot, ELECTRON_SQLITE_CACHE, `electron-${target.electronVersion}-${target.platform}-${target.arch}`, 'better_sqlite3.node');
}

export type BindingChoice =
  /** The module's own build/Release binary (a packaged app, rebuilt for Electron by electron-builder). */
  | { kind: 'default' }
  | { kind: 'file'; path: string }
  | { kind: 'missing'; path: string; message: string };

/** Picks the binding the shell should load. */
export function pickSqliteBinding(options: {
  packaged: boolean;
  projectRoot: string;
  electronVersion: string;
  platform: string;
  arch: string;
  exists?: (file: string) => boolean;
}): BindingChoice {
  if (options.packaged) return { kind: 'default' };
  const exists = options.exists ?? fs.existsSync;
  const file = electronSqliteBindingPath(options.projectRoot, options);
  if (exists(file)) return { kind: 'file', path: file };
  return {
    kind: 'missing',
    path: file,
    message: `Chưa có better-sqlite3 dựng cho Electron ${options.electronVersion} (${file}). Hãy chạy "npm start" (tự dựng bản này) thay vì gọi electron trực tiếp. / The Electron build of better-sqlite3 is missing: run "npm start".`,
  };
}
