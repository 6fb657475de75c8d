import { readStoredCredentials, storeCredentials } from '../data/credentials.ts';
import type { DeskDb } from '../data/db.ts';
import { printInFrame } from './iframePrint.ts';
import { pageNightlyTimer } from './pageNightly.ts';
import type { Platform } from './types.ts';

/**
 * The desk in a plain browser, served by the HQ server itself: the server is this page's origin. Its device
 * credentials live in the desk's own IndexedDB, the one store a page has that outlasts the session.
 */
export function webPlatform(db: DeskDb): Platform {
  const nightly = pageNightlyTimer();
  return {
    kind: 'browser',
    appInfo: async () => ({
      name: 'FirstDesk',
      version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
      platform: navigator.userAgent,
      shell: 'browser',
      secretStorage: 'browser',
    }),
    serverUrl: async () => window.location.origin,
    setServerUrl: async () => {
      throw new Error('The browser desk always talks to the server that served it.');
    },
    loadDeviceCredentials: () => readStoredCredentials(db),
    saveDeviceCredentials: (credentials) => storeCredentials(db, credentials),
    onSyncWake: (listener) => nightly.onWake(listener),
    setNightlySync: async (request) => nightly.arm(request.at),
    printSlip: (html) => printInFrame(html),
    // The 督查月报 goes through the very same frame (its "Save as PDF" is the browser's archive).
    printDocument: (html) => printInFrame(html),
    listPrinters: async () => [],
    openRatingPad: async () => {
      // Same origin, so the pad shares this desk's IndexedDB and BroadcastChannel; a named window is reused.
      window.open(`${window.location.pathname}#/pad`, 'firstdesk-rating-pad', 'popup');
    },
  };
}
