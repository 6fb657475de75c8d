import type { AppInfo, SyncWakeReason } from '../../shared/ipc/contract.ts';

/**
 * What the renderer needs from the machine it runs on. desktop.ts implements it over the Electron
 * preload bridge (window.desk), web.ts over plain browser APIs. Printing, printers, PDF archive and
 * device secrets join this contract with their issues.
 */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  appInfo(): Promise<AppInfo>;
  /** The HQ server this desk syncs with. */
  serverUrl(): Promise<string>;
  /** Wake-ups from outside the page (Electron: nightly timer, resume from sleep). */
  onSyncWake(listener: (reason: SyncWakeReason) => void): () => void;
}
