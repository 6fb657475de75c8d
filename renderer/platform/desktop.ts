import type { DeskApi } from '../../shared/ipc/contract.ts';
import type { Platform } from './types.ts';

/** The Electron desk: everything goes through the preload's one-function-per-capability bridge. */
export function desktopPlatform(desk: DeskApi): Platform {
  return {
    kind: 'electron',
    appInfo: () => desk.appInfo(),
    serverUrl: async () => (await desk.deskConfig()).serverUrl,
    setServerUrl: async (url) => {
      await desk.setServerUrl(url);
    },
    loadDeviceCredentials: () => desk.deviceCredentials(),
    saveDeviceCredentials: (credentials) => desk.setDeviceCredentials(credentials),
    onSyncWake: (listener) => desk.onSyncWake(listener),
    setNightlySync: (request) => desk.setNightlySync(request),
    printSlip: async (html, options) => {
      try {
        return await desk.printSlip({
          html,
          format: options.format,
          ...(options.format === 'receipt80' ? { receiptHeightMm: options.receiptHeightMm } : {}),
          ...(options.printerName ? { printerName: options.printerName } : {}),
          silent: Boolean(options.printerName),
          archive: { serial: options.serial, reprint: options.reprint },
        });
      } catch (error) {
        // A refused call or a crashed print window: the slip is recorded, the clerk must still be told.
        return {
          printed: false,
          failure: 'failed',
          failureReason: String(error instanceof Error ? error.message : error),
          pdfPath: null,
        };
      }
    },
    listPrinters: () => desk.listPrinters(),
    openRatingPad: () => desk.openPad(),
  };
}
