import type { BrowserWindowConstructorOptions } from 'electron';

/** Electron's BrowserWindow class, or a stand-in that records its options (the unit tests). */
export type WindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * The main window: sandboxed, isolated, no Node in the renderer, nothing but the preload's typed API.
 * The options are written inside the `new BrowserWindow({...})` expression so that static checkers
 * (electronegativity, `npm run security:electron`) read the real settings.
 */
export function createMainWindow<W>(BrowserWindow: WindowClass<W>, preloadPath: string): W {
  return new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Sổ vốn MTQG',
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click would open a link in a new window (denied anyway by the window-open handler).
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
