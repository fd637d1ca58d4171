/**
 * `npm start`: the desktop app from a fresh `npm install`. It makes sure Electron is there (downloading it the
 * way the electron package does when its install step did not), builds better-sqlite3 for Electron's ABI into its
 * own folder (electron/native/sqlite-binding.ts) — leaving the Node build that the tests use untouched — builds
 * the renderer and the shell, then runs Electron. Where Electron cannot be had (no network, as on the build
 * machines), it says so in one line and points to `npm run web`, instead of a stack trace.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileLogger } from '../electron/core/log';
import { electronSqliteBindingPath } from '../electron/native/sqlite-binding';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const log = createFileLogger(path.join(root, 'node_modules', '.cache', 'sovon-start-logs'));

export const NO_ELECTRON_MESSAGE =
  'Không có Electron trên máy này (không tải được — cần mạng khi cài), nên không mở được ứng dụng máy tính; hãy dùng giao diện trong trình duyệt: npm run web  /  Electron could not be downloaded here; run the same UI in a browser: npm run web';

function fail(message: string, detail?: unknown): never {
  if (detail !== undefined) log.error(message, detail);
  console.error(message);
  process.exit(1);
}

/** The Electron executable, as the electron package finds it (path.txt under dist, or ELECTRON_OVERRIDE_DIST_PATH). */
function electronExecutable(): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const executable = process.env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative) : path.join(electronDir, 'dist', relative);
  return fs.existsSync(executable) ? executable : null;
}

function ensureElectron(): string {
  const found = electronExecutable();
  if (found) return found;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) fail(NO_ELECTRON_MESSAGE);
  console.log('Đang tải Electron… / Downloading Electron…');
  const download = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, encoding: 'utf8', timeout: 10 * 60_000 });
  if (download.status !== 0) fail(NO_ELECTRON_MESSAGE, `${download.stdout ?? ''}\n${download.stderr ?? ''}`);
  return electronExecutable() ?? fail(NO_ELECTRON_MESSAGE);
}

/** Builds better-sqlite3 for this Electron in a scratch copy of the module and keeps only its binary. */
async function ensureElectronSqlite(electronVersion: string): Promise<string> {
  const target = electronSqliteBindingPath(root, { electronVersion, platform: process.platform, arch: process.arch });
  if (fs.existsSync(target)) return target;
  console.log(`Đang dựng better-sqlite3 cho Electron ${electronVersion} (một lần)… / Building better-sqlite3 for Electron (once)…`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-electron-sqlite-'));
  try {
    const moduleDir = path.join(scratch, 'node_modules', 'better-sqlite3');
    fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), moduleDir, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`) });
    const version = (JSON.parse(fs.readFileSync(path.join(moduleDir, 'package.json'), 'utf8')) as { version: string }).version;
    fs.writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'sovon-electron-sqlite', private: true, dependencies: { 'better-sqlite3': version } }));
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: scratch, electronVersion, arch: process.arch, force: true, onlyModules: ['better-sqlite3'] });
    const built = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Copied under a temporary name and renamed: an interrupted build never leaves a half binary to load.
    fs.copyFileSync(built, `${target}.partial`);
    fs.renameSync(`${target}.partial`, target);
    return target;
  } catch (error) {
    fail(
      `Không dựng được better-sqlite3 cho Electron ${electronVersion} (cần mạng, hoặc Visual Studio Build Tools trên Windows); chi tiết trong ${path.join('node_modules', '.cache', 'sovon-start-logs')}. Trong lúc đó: npm run web  /  Could not build better-sqlite3 for Electron; meanwhile: npm run web`,
      error,
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`Lệnh thất bại: node ${args.join(' ')}`);
}

async function main(): Promise<void> {
  const executable = ensureElectron();
  const electronVersion = (JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
  await ensureElectronSqlite(electronVersion);
  run([path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error']);
  run([path.join(root, 'electron', 'build-shell.mjs')]);
  const app = spawnSync(executable, ['.'], { cwd: root, stdio: 'inherit' });
  process.exit(app.status ?? 1);
}

main().catch((error: unknown) => fail(`Không mở được ứng dụng máy tính: ${(error as Error).message}. Dùng: npm run web`, error));
