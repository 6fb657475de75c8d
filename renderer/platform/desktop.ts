import type { DeskApi } from '../../shared/ipc/contract.ts';
import type { Platform } from './types.ts';

/** The Electron desk: everything goes through the preload's one-function-per-capability bridge. */
export function desktopPlatform(desk: DeskApi): Platform {
  return {
    kind: 'electron',
    appInfo: () => desk.appInfo(),
    serverUrl: async () => (await desk.deskConfig()).serverUrl,
    onSyncWake: (listener) => desk.onSyncWake(listener),
  };
}
