import type { DeskApi } from '../../shared/ipc/contract.ts';
import type { DeskDb } from '../data/db.ts';
import { desktopPlatform } from './desktop.ts';
import type { Platform } from './types.ts';
import { webPlatform } from './web.ts';

declare global {
  interface Window {
    /** Present only inside the Electron desk (electron/preload). */
    desk?: DeskApi;
  }
}

/** Pick the implementation for where this renderer runs (the browser keeps its secrets in the desk db). */
export function detectPlatform(db: DeskDb): Platform {
  return window.desk ? desktopPlatform(window.desk) : webPlatform(db);
}
