// Main process. The rating pad (评价器): one window of the desk's page at #/pad, full-screen on the second display.
import { BrowserWindow, dialog, screen } from 'electron';
import { choosePadDisplay, PAD_ENTRY_URL, padWindowOptions } from './pure/pad-window.ts';

let padWindow: BrowserWindow | null = null;

/** Open the pad, or bring the open one forward: a second pad would show the applicant two screens to tap. */
export function openPadWindow(): void {
  if (padWindow && !padWindow.isDestroyed()) {
    padWindow.show();
    padWindow.focus();
    return;
  }
  const primaryId = screen.getPrimaryDisplay().id;
  const display = choosePadDisplay(screen.getAllDisplays(), primaryId);
  if (!display) return;
  const window = new BrowserWindow(padWindowOptions(display, display.id !== primaryId));
  padWindow = window;
  window.on('closed', () => {
    if (padWindow === window) padWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(PAD_ENTRY_URL).catch((error: unknown) => {
    dialog.showErrorBox('评价器无法打开 · The rating pad could not open', `${PAD_ENTRY_URL}\n${String(error)}`);
  });
}
