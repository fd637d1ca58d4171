import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../shared/api/contract';
import { createHandlers } from '../../../electron/core/handlers';
import { testCore } from '../../support/helpers';
import { createIpcRouter, isNavigationAllowed, isPermissionAllowed, isTrustedSender, safeFileName } from '../../../electron/main/ipc-router';
import { createMainWindow, type WindowClass } from '../../../electron/main/window-options';
import { defaultDataDir } from '../../../electron/core/paths';
import { isNetworkPath, storageWarnings } from '../../../electron/core/storage-warnings';

const APP_URL = 'file:///C:/Program%20Files/So%20von%20MTQG/resources/app.asar/dist/renderer/index.html';

describe('Electron shell, pure parts', () => {
  it('opens a sandboxed, isolated window without Node in the renderer', () => {
    class RecordingWindow {
      constructor(readonly options: ConstructorParameters<WindowClass<unknown>>[0]) {}
    }
    const prefs = createMainWindow(RecordingWindow, '/app/preload.cjs').options.webPreferences!;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, webSecurity: true, preload: '/app/preload.cjs' });
    expect(prefs).toMatchObject({ nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, allowRunningInsecureContent: false, experimentalFeatures: false, disableBlinkFeatures: 'Auxclick' });
  });

  it('denies every permission but the clipboard write of the app page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${APP_URL}#/cai-dat`, APP_URL)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', APP_URL)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, APP_URL)).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen']) expect(isPermissionAllowed(permission, APP_URL, APP_URL), permission).toBe(false);
  });

  it('routes IPC only from the app page and validates every payload through the core', async () => {
    const calls: unknown[] = [];
    const route = createIpcRouter((name, input) => {
      calls.push([name, input]);
      return { ok: true, value: 'done' };
    }, APP_URL);
    expect(await route('https://evil.example/', 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await route(undefined, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await route('file:///tmp/other.html', 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls).toEqual([]);
    expect(await route(`${APP_URL}#/von-duoc-giao/2024`, 'app.info', {})).toEqual({ ok: true, value: 'done' });
    expect(isTrustedSender(APP_URL, APP_URL)).toBe(true);
    expect(isNavigationAllowed('https://example.com')).toBe(false);
  });

  it('answers every malformed IPC call with a Result, through the real core: nothing throws or rejects in the main process', async () => {
    const core = testCore({ district: '180' });
    const logged: unknown[] = [];
    const route = createIpcRouter(core.invokeUnknownAsync, APP_URL, (error) => logged.push(error));
    const hostile: [unknown, unknown, unknown][] = [
      [APP_URL, { toString: 1 }, {}],
      [APP_URL, { toString: () => { throw new Error('x'); } }, {}],
      [APP_URL, Object.create(null), {}],
      [APP_URL, Symbol('x'), {}],
      [APP_URL, 10n, {}],
      [APP_URL, 'app.info', { get x() { throw new Error('getter'); } }],
      [APP_URL, 'office.setup', { districtCode: { toString: 1 }, signers: 'x' }],
      [{ toString: 1 }, 'app.info', {}],
      [APP_URL, ['app.info'], {}],
    ];
    for (const [sender, name, input] of hostile) {
      const answer = await route(sender, name, input);
      expect(answer.ok, String(typeof name)).toBe(false);
    }
    // The router's own net: an invoke that throws (a bug in a host) is answered INTERNAL and reported.
    const throwing = createIpcRouter(() => { throw new TypeError('boom'); }, APP_URL, (error) => logged.push(error));
    expect(await throwing(APP_URL, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const rejecting = createIpcRouter(() => Promise.reject(new Error('later')), APP_URL, (error) => logged.push(error));
    expect(await rejecting(APP_URL, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged.length).toBe(2);
    expect((await route(APP_URL, 'app.info', {})).ok).toBe(true);
  });

  it('the one handler table covers every command of the contract', () => {
    expect(Object.keys(createHandlers('/nowhere')).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('puts data in the same folder for the desktop app and the CLI', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\an\\AppData\\Roaming' }, 'win32', 'C:\\Users\\an')).toBe('C:\\Users\\an\\AppData\\Roaming\\SoVonMTQG');
    expect(defaultDataDir({}, 'linux', '/home/an')).toBe('/home/an/.config/SoVonMTQG');
    expect(defaultDataDir({ SOVON_DATA_DIR: '/srv/so-von' }, 'linux', '/home/an')).toBe('/srv/so-von');
  });

  it('nothing outside the shell imports electron (core, shared, renderer, tests)', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const offenders: string[] = [];
    for (const dir of ['electron/core', 'electron/cli', 'electron/web-host', 'shared', 'renderer', 'test']) {
      for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(ts|tsx|mjs|js)$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        if (/from ['"]electron['"]|require\(['"]electron['"]\)/.test(fs.readFileSync(file, 'utf8')) && !file.endsWith('shell.test.ts')) offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('PDF file names suggested by the renderer', () => {
  it('keeps a plain name, strips paths and reserved characters, ends in .pdf', () => {
    expect(safeFileName('phu-luc-215-QĐ-UBND.pdf')).toBe('phu-luc-215-QĐ-UBND.pdf');
    expect(safeFileName('..\\..\\Windows\\system32\\x.pdf')).toBe('x.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd.pdf');
    expect(safeFileName('a<b>c:"d|e?f*.pdf')).toBe('abcdef.pdf');
    expect(safeFileName(42)).toBe('phu-luc.pdf');
  });
});


describe('data folder on a network share', () => {
  it('recognises UNC and smb paths, not local ones', () => {
    for (const p of ['\\\\server\\share\\SoVonMTQG\\so-von.sqlite', '//nas/phong-tckh/so-von.sqlite', '\\\\?\\UNC\\server\\share\\x.sqlite', 'smb://nas/share/x.sqlite']) expect(isNetworkPath(p), p).toBe(true);
    for (const p of ['C:\\Users\\lan\\AppData\\Roaming\\SoVonMTQG\\so-von.sqlite', '/home/lan/.config/SoVonMTQG/so-von.sqlite', 'D:\\du-lieu\\so-von.sqlite']) expect(isNetworkPath(p), p).toBe(false);
    expect(storageWarnings('\\\\server\\share\\so-von.sqlite')[0]).toContain('ổ mạng');
    expect(storageWarnings('/home/lan/so-von.sqlite')).toEqual([]);
  });
});
