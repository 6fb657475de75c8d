// Pure (electron types only): where the rating pad (评价器) opens and with which window options.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { DESK_ENTRY_URL } from './desk-origin.ts';

/** The desk's own page at #/pad: same origin, so it shares the desk's IndexedDB and BroadcastChannel. */
export const PAD_ENTRY_URL = `${DESK_ENTRY_URL}#/pad`;

export interface DisplayFacts {
  readonly id: number;
  readonly bounds: Rectangle;
}

/**
 * The screen facing the applicant: the first display that is not the primary one (the clerk's). With one display
 * only, the pad opens on it and the clerk turns or moves it; null only when the system reports no display at all.
 */
export function choosePadDisplay(displays: readonly DisplayFacts[], primaryId: number): DisplayFacts | null {
  return displays.find((d) => d.id !== primaryId) ?? displays[0] ?? null;
}

/**
 * Full-screen on that display, with the desk window's security settings. No preload: the pad needs only IndexedDB and
 * BroadcastChannel, so it gets no desktop bridge at all (and main's IPC refuses any call from it).
 */
export function padWindowOptions(display: DisplayFacts, ownDisplay: boolean): BrowserWindowConstructorOptions {
  return {
    title: '服务评价 · Service rating',
    x: display.bounds.x,
    y: display.bounds.y,
    width: display.bounds.width,
    height: display.bounds.height,
    // On a display of its own the pad fills it; sharing the clerk's display (no second screen), it stays a window
    // the clerk can move.
    fullscreen: ownDisplay,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
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
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
