import type { DeskApi } from '../../shared/ipc/contract.ts';
import { desktopPlatform } from './desktop.ts';
import type { Platform } from './types.ts';
import { webPlatform } from './web.ts';

declare global {
  interface Window {
    /** Present only inside the Electron desk (electron/preload). */
    desk?: DeskApi;
  }
}

/** Pick the implementation for where this renderer runs. */
export function detectPlatform(): Platform {
  return window.desk ? desktopPlatform(window.desk) : webPlatform();
}
