import { printInFrame } from './iframePrint.ts';
import type { Platform } from './types.ts';

/** The desk in a plain browser, served by the HQ server itself: the server is this page's origin. */
export function webPlatform(): Platform {
  return {
    kind: 'browser',
    appInfo: async () => ({
      name: 'FirstDesk',
      version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
      platform: navigator.userAgent,
      shell: 'browser',
    }),
    serverUrl: async () => window.location.origin,
    onSyncWake: () => () => undefined,
    printSlip: (html) => printInFrame(html),
    listPrinters: async () => [],
  };
}
