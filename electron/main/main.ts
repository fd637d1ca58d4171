import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import fs from 'node:fs';
import { API_INVOKE_CHANNEL, PRINT_PDF_CHANNEL } from '../../shared/api/channels';
import { RENDERER_CSP } from '../../shared/security/csp';
import { openCore, CoreError, createFileLogger, restoreLatestGoodBackup, latestVersion, loadMigrations, APP_DATA_FOLDER, databaseFile, logDir, type Core } from '../core';
import { recoveryOffer } from './damaged-data';
import { createMainErrorReporter } from './crash-report';
import { createIpcRouter, forwardJobEvents, isNavigationAllowed, isPermissionAllowed, isTrustedSender, safeFileName } from './ipc-router';
import { createMainWindow } from './window-options';
import { pickSqliteBinding } from '../native/sqlite-binding';

// Bundled to dist-electron/main/main.js; the renderer is built to dist/renderer.
const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '../..');
const rendererIndex = path.join(projectRoot, 'dist', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
const preloadPath = path.join(here, '..', 'preload', 'preload.cjs');
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(projectRoot, 'resources');

app.setPath('userData', path.join(app.getPath('appData'), APP_DATA_FOLDER));
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

const dataDir = app.getPath('userData');
const log = createFileLogger(logDir(dataDir));
let core: Core | null = null;

// What nothing caught: the stack to the rotating log, a Vietnamese dialog saying what to do.
const reportError = createMainErrorReporter({ log, showErrorBox: (title, content) => dialog.showErrorBox(title, content), logFolder: logDir(dataDir) });
process.on('uncaughtException', (error) => reportError('uncaughtException', error));
process.on('unhandledRejection', (reason) => reportError('unhandledRejection', reason));

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('window-all-closed', () => {
  core?.close();
  app.quit();
});

// better-sqlite3 built for Electron's ABI, kept apart from the Node build the tests and the CLI use.
const sqliteBinding = pickSqliteBinding({ packaged: app.isPackaged, projectRoot, electronVersion: process.versions.electron, platform: process.platform, arch: process.arch });
const openOfficeData = () =>
  openCore({ dataDir, resourcesDir, actor: os.userInfo().username, log, create: true, dailyBackup: true, ...(sqliteBinding.kind === 'file' ? { sqliteBinding: sqliteBinding.path } : {}) });

/** Opens the data; a damaged file is offered the newest sound backup instead of a crash. */
function openOrRecover(): Core | null {
  try {
    return openOfficeData();
  } catch (error) {
    log.error('Không mở được dữ liệu', error);
    const offer = recoveryOffer(error);
    if (offer && dialog.showMessageBoxSync({ type: 'error', title: offer.title, message: offer.message, detail: offer.detail, buttons: offer.buttons, defaultId: 0, cancelId: 1 }) === 0) {
      try {
        const restored = restoreLatestGoodBackup(databaseFile(dataDir), dataDir, { maxSchemaVersion: latestVersion(loadMigrations(path.join(resourcesDir, 'migrations'))) });
        if (restored) {
          const opened = openOfficeData();
          // Which backup came back tells the officer what must be entered again since then.
          dialog.showMessageBoxSync({ type: 'info', title: offer.title, message: `Đã khôi phục dữ liệu từ bản sao lưu ${path.basename(restored.restoredFrom)}.`, detail: 'Các thay đổi sau thời điểm sao lưu đó cần được nhập lại.' });
          return opened;
        }
        dialog.showErrorBox(offer.title, `Không có bản sao lưu nào còn tốt trong thư mục sao lưu. ${offer.detail}`);
        return null;
      } catch (restoreError) {
        log.error('Khôi phục bản sao lưu thất bại', restoreError);
        dialog.showErrorBox('Sổ vốn MTQG — không khôi phục được', restoreError instanceof CoreError ? restoreError.message : String(restoreError));
        return null;
      }
    }
    if (!offer) dialog.showErrorBox('Sổ vốn MTQG — không mở được dữ liệu', error instanceof CoreError ? error.message : String(error));
    return null;
  }
}

void app.whenReady().then(() => {
  if (sqliteBinding.kind === 'missing') {
    log.error(sqliteBinding.message);
    dialog.showErrorBox('Sổ vốn MTQG — thiếu thư viện SQLite cho Electron', sqliteBinding.message);
    app.quit();
    return;
  }
  core = openOrRecover();
  if (!core) {
    app.quit();
    return;
  }
  const openedCore = core;
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, 'requestingUrl' in details ? details.requestingUrl : contents.getURL(), rendererUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? contents?.getURL(), rendererUrl),
  );
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  const route = createIpcRouter(openedCore.invokeUnknownAsync, rendererUrl, (error) => log.error('IPC: lỗi khi trả lời một yêu cầu', error));
  ipcMain.handle(API_INVOKE_CHANNEL, (event, name: unknown, input: unknown) => route(event.senderFrame?.url, name, input));
  // The print view saved as PDF: the page's own @page rules (A4, margins, page numbers) decide the layout.
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event, suggestedName: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, rendererUrl)) return { saved: false, path: null, error: 'Yêu cầu không hợp lệ.' };
    const owner = BrowserWindow.fromWebContents(event.sender);
    const choice = await dialog.showSaveDialog(owner!, { defaultPath: safeFileName(suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (choice.canceled || !choice.filePath) return { saved: false, path: null, error: null };
    try {
      const pdf = await event.sender.printToPDF({ preferCSSPageSize: true, printBackground: true });
      fs.writeFileSync(choice.filePath, pdf);
      return { saved: true, path: choice.filePath, error: null };
    } catch (error) {
      log.error('printToPDF', error);
      return { saved: false, path: null, error: 'Không lưu được tệp PDF; xem tệp nhật ký.' };
    }
  });

  const window = createMainWindow(BrowserWindow, preloadPath);
  window.once('ready-to-show', () => window.show());
  // Background jobs' progress is pushed to the page (the preload's onProgress), never polled.
  const stopProgress = forwardJobEvents(openedCore.onJobEvent, window.webContents, rendererUrl);
  window.once('closed', stopProgress);
  void window.loadFile(rendererIndex);
});
