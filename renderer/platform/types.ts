import type { AppInfo, Printer, PrintSlipResult, SyncWakeReason } from '../../shared/ipc/contract.ts';
import type { PaperFormat, SlipSerial } from '../../shared/model/slip.ts';

/** How one slip is to be printed: the paper, the printer (none → the system dialog), and which print it is. */
export interface SlipPrintOptions {
  readonly format: PaperFormat;
  /** The 80 mm receipt's page height, measured from its content (renderer/print/measure.ts). */
  readonly receiptHeightMm?: number | undefined;
  readonly printerName?: string | undefined;
  readonly serial: SlipSerial;
  /** 0 for the first print, N for the N-th reprint: names the archived PDF. */
  readonly reprint: number;
}

/**
 * What the renderer needs from the machine it runs on. desktop.ts implements it over the Electron
 * preload bridge (window.desk), web.ts over plain browser APIs. Device secrets join this contract
 * with their issue.
 */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  appInfo(): Promise<AppInfo>;
  /** The HQ server this desk syncs with. */
  serverUrl(): Promise<string>;
  /** Wake-ups from outside the page (Electron: nightly timer, resume from sleep). */
  onSyncWake(listener: (reason: SyncWakeReason) => void): () => void;
  /**
   * Print a slip's HTML (renderer/print). Electron: silently to the printer when one is named, else the system
   * dialog, and archives a PDF; the browser: its own print dialog on a hidden frame (where "Save as PDF" is).
   * Never throws for a printer's failure: the result says what happened.
   */
  printSlip(html: string, options: SlipPrintOptions): Promise<PrintSlipResult>;
  /** The installed printers; the browser cannot know them and lists none. */
  listPrinters(): Promise<Printer[]>;
}
