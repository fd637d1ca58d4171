/**
 * The desktop shell loads an Electron build of better-sqlite3 kept apart from the Node build (issue 15, point 17):
 * which file it picks, that the path really reaches better-sqlite3's nativeBinding, and what `npm start` says
 * where Electron cannot be downloaded.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { useSqliteBinding } from '../../../electron/core/db/sqlite';
import { electronSqliteBindingPath, pickSqliteBinding } from '../../../electron/native/sqlite-binding';
import { tempDir } from '../../support/helpers';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const NODE_BUILD = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

afterEach(() => useSqliteBinding(undefined));

describe('which better-sqlite3 the desktop shell loads', () => {
  const target = { electronVersion: '45.5.0', platform: 'win32', arch: 'x64' };

  it('in development: the Electron build in its own folder per Electron version, platform and architecture', () => {
    const file = electronSqliteBindingPath('C:/app', target);
    expect(file).toBe(path.join('C:/app', 'node_modules', '.cache', 'sovon-electron-sqlite', 'electron-45.5.0-win32-x64', 'better_sqlite3.node'));
    expect(file).not.toBe(path.join('C:/app', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(pickSqliteBinding({ packaged: false, projectRoot: 'C:/app', ...target, exists: (f) => f === file })).toEqual({ kind: 'file', path: file });
  });

  it('not built yet: says to run npm start, in Vietnamese and English', () => {
    const choice = pickSqliteBinding({ packaged: false, projectRoot: 'C:/app', ...target, exists: () => false });
    expect(choice.kind).toBe('missing');
    expect(choice.kind === 'missing' && choice.message).toMatch(/Chưa có better-sqlite3 dựng cho Electron 45\.5\.0.*npm start/);
  });

  it('a packaged app loads the module\'s own build (electron-builder rebuilt it for Electron)', () => {
    expect(pickSqliteBinding({ packaged: true, projectRoot: 'C:/app', ...target, exists: () => true })).toEqual({ kind: 'default' });
  });

  it('the path the shell passes reaches better-sqlite3\'s nativeBinding: a real binary opens, a wrong one is refused', () => {
    const elsewhere = path.join(tempDir('sovon-binding-'), 'better_sqlite3.node');
    fs.copyFileSync(NODE_BUILD, elsewhere);
    const core = openCore({ dataDir: tempDir(), actor: 'test', sqliteBinding: elsewhere });
    expect(core.invoke('office.setup', { districtCode: '180', signers: [] }).ok).toBe(true);
    core.close();
    expect(() => openCore({ dataDir: tempDir(), actor: 'test', sqliteBinding: path.join(tempDir(), 'missing.node') })).toThrow(/Không nạp được thư viện SQLite.*missing\.node.*Tệp dữ liệu không bị ảnh hưởng/);
  });
});

describe('npm start where Electron cannot be downloaded', () => {
  it('one Vietnamese/English line pointing to npm run web, exit 1, no stack trace', () => {
    // ELECTRON_OVERRIDE_DIST_PATH (the electron package's own override) pointing at an empty folder: no Electron here.
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start-desktop.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: tempDir('sovon-no-electron-') },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Không có Electron trên máy này');
    expect(lines[0]).toContain('npm run web');
    expect(lines[0]).toContain('Electron could not be downloaded here');
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at |Error:/);
  });
});
