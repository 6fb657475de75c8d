// Pure (electron types only): the tray icon's menu, and whether closing the desk window hides it or really closes.
import type { MenuItemConstructorOptions } from 'electron';

export interface TrayActions {
  open(): void;
  syncNow(): void;
  quit(): void;
}

/** 打开首问台 / 立即同步 / 退出 — what a clerk needs from a desk left running in the tray. */
export function trayMenuTemplate(actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: '打开首问台', click: () => actions.open() },
    { label: '立即同步', click: () => actions.syncNow() },
    { type: 'separator' },
    { label: '退出', click: () => actions.quit() },
  ];
}

export interface CloseFacts {
  platform: NodeJS.Platform;
  /** A real quit is under way (退出 in the tray or the File menu, the OS logging out): let every window close. */
  quitting: boolean;
  /** The tray icon exists; without it a hidden window could not be brought back. */
  trayReady: boolean;
}

/**
 * On Windows and Linux closing the window hides it to the tray, so the desk keeps its nightly sync and its queue
 * uploading; quitting is the tray's or the menu's 退出. macOS keeps its own convention (the app stays in the Dock
 * and a closed window is closed); a missed nightly sync is then run at the next start.
 */
export function closeDecision(facts: CloseFacts): 'hide' | 'close' {
  if (facts.quitting || !facts.trayReady || facts.platform === 'darwin') return 'close';
  return 'hide';
}

/** The tray's hover text: which app this is, and that it still syncs while hidden. */
export const TRAY_TOOLTIP = '首问台 FirstDesk（关闭窗口后仍在后台同步）';
