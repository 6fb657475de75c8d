// Main process. The tray icon: with its window closed the desk keeps running, so its queue still uploads and the
// nightly sync still wakes it. Closing hides the window (pure/tray.ts decides); 退出 really quits.
import { app, Menu, Tray, nativeImage, powerMonitor, type BrowserWindow } from 'electron';
import { TRAY_ICON_DATA_URL } from './pure/tray-icon.ts';
import { closeDecision, TRAY_TOOLTIP, trayMenuTemplate, type TrayActions } from './pure/tray.ts';

let tray: Tray | null = null;
let quitting = false;

/** After 'ready'. */
export function startTray(actions: TrayActions): void {
  // 退出 in the tray or the File menu, or the system logging out: from here on every window really closes.
  app.on('before-quit', () => {
    quitting = true;
  });
  // Linux and macOS shutting down: a window that refused to close would hold the shutdown up.
  powerMonitor.on('shutdown', () => {
    quitting = true;
  });
  try {
    const icon = nativeImage.createFromDataURL(TRAY_ICON_DATA_URL).resize({ width: 16, height: 16, quality: 'best' });
    tray = new Tray(icon);
    tray.setToolTip(TRAY_TOOLTIP);
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(actions)));
    tray.on('click', () => actions.open());
  } catch (error) {
    // A desktop without a status area: no tray, so closeDecision lets the window close (and the app quit) as before.
    tray = null;
    console.warn(`[tray] no tray icon, closing the window will quit: ${String(error)}`);
  }
}

/** Closing a desk window hides it to the tray instead, unless the app is quitting or there is no tray. */
export function hideToTrayOnClose(window: BrowserWindow): void {
  // Windows logging off or shutting down (it sends no before-quit): let the window close.
  window.on('session-end', () => {
    quitting = true;
  });
  window.on('close', (event) => {
    const trayReady = tray !== null && !tray.isDestroyed();
    if (closeDecision({ platform: process.platform, quitting, trayReady }) === 'hide') {
      event.preventDefault();
      window.hide();
    }
  });
}
