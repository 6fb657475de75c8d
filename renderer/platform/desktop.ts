import type { DeskApi, PrintSlipRequest, PrintSlipResult } from '../../shared/ipc/contract.ts';
import type { Platform } from './types.ts';

/** Main's print, never throwing: a refused call or a crashed print window still tells the clerk what happened. */
async function printThroughMain(desk: DeskApi, request: PrintSlipRequest): Promise<PrintSlipResult> {
  try {
    return await desk.printSlip(request);
  } catch (error) {
    return {
      printed: false,
      failure: 'failed',
      failureReason: String(error instanceof Error ? error.message : error),
      pdfPath: null,
    };
  }
}

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
    printSlip: (html, options) =>
      printThroughMain(desk, {
        html,
        format: options.format,
        ...(options.format === 'receipt80' ? { receiptHeightMm: options.receiptHeightMm } : {}),
        ...(options.printerName ? { printerName: options.printerName } : {}),
        silent: Boolean(options.printerName),
        archive: { serial: options.serial, reprint: options.reprint },
      }),
    printDocument: (html, options) =>
      printThroughMain(desk, {
        html,
        format: options.format,
        ...(options.printerName ? { printerName: options.printerName } : {}),
        silent: Boolean(options.printerName),
        archive: options.guideSheet
          ? { guide: options.archiveName, sheet: options.guideSheet }
          : { report: options.archiveName },
      }),
    listPrinters: () => desk.listPrinters(),
    openRatingPad: () => desk.openPad(),
  };
}
