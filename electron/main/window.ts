// Main process. The desk window, locked down, and the set of windows IPC will accept calls from.
import { BrowserWindow, Menu, dialog } from 'electron';
import { contextMenuTemplate } from './pure/menus.ts';
import { DESK_ENTRY_URL } from './pure/desk-origin.ts';
import { slipPrintSession } from './printSession.ts';
import { hideToTrayOnClose } from './tray.ts';

const deskWindows = new Map<number, BrowserWindow>();

/** The web contents ids of the windows this app created and has not closed. */
export function deskWebContentsIds(): ReadonlySet<number> {
  return new Set(deskWindows.keys());
}

export function openDeskWindows(): BrowserWindow[] {
  return [...deskWindows.values()].filter((window) => !window.isDestroyed());
}

export function createDeskWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    title: '首问台 FirstDesk',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle click would open a new window; those are denied anyway, this just keeps them from being attempted.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const id = window.webContents.id;
  deskWindows.set(id, window);
  window.on('closed', () => deskWindows.delete(id));
  hideToTrayOnClose(window);
  window.once('ready-to-show', () => window.show());
  window.webContents.on('context-menu', (_event, params) => {
    const items = contextMenuTemplate(params);
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window });
  });
  window.loadURL(DESK_ENTRY_URL).catch((error: unknown) => {
    // A blank window tells the clerk nothing: say what failed (usually a missing renderer build).
    dialog.showErrorBox('首问台无法打开 · FirstDesk could not open', `${DESK_ENTRY_URL}\n${String(error)}`);
  });
  return window;
}

/** A second launch brings the open desk to the front instead of starting a second desk on the same data. */
export function focusDeskWindow(preloadPath: string): void {
  const [window] = openDeskWindows();
  if (window === undefined) {
    createDeskWindow(preloadPath);
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * The hidden window a slip is printed from: no preload, no scripts, sandboxed, in its own session that lets no
 * request out (printSession.ts). Constructed here, next to the desk window, with every option spelled out so the
 * security scan checks it like the desk window.
 */
export function createPrintWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 800,
    height: 1100,
    webPreferences: {
      session: slipPrintSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      images: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
