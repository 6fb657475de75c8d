import type {
  AppInfo,
  NightlySyncRequest,
  NightlySyncSchedule,
  Printer,
  PrintSlipResult,
  SyncWakeReason,
} from '../../shared/ipc/contract.ts';
import type { PaperFormat, SlipSerial } from '../../shared/model/slip.ts';
import type { DeviceCredentials } from '../../shared/sync/enrolment.ts';

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
 * How a monthly report (督查月报, issue 15) — or a 明白纸 or poster (issue 16) — is printed: on sheets, to a printer
 * or through the dialog, archived by name.
 */
export interface DocumentPrintOptions {
  readonly format: 'a4';
  readonly printerName?: string | undefined;
  /** The archived PDF's name (renderer/print/report: reportArchiveName; renderer/print/guide: …ArchiveName). */
  readonly archiveName: string;
  /** A leaflet or poster (archived under guides/) on its sheet; absent: a report. */
  readonly guideSheet?: 'A4' | 'A3' | undefined;
}

/**
 * What the renderer needs from the machine it runs on. desktop.ts implements it over the Electron
 * preload bridge (window.desk), web.ts over plain browser APIs.
 */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  appInfo(): Promise<AppInfo>;
  /** The HQ server this desk syncs with. */
  serverUrl(): Promise<string>;
  /**
   * Point the desk at another HQ server (Electron only: saved in its config; the page must then reload, its
   * CSP names the server). The browser build is served by its server and cannot change it.
   */
  setServerUrl(url: string): Promise<void>;
  /** This desk's enrolment: device id and token. Electron: safeStorage; browser: the desk's IndexedDB. */
  loadDeviceCredentials(): Promise<DeviceCredentials | null>;
  saveDeviceCredentials(credentials: DeviceCredentials): Promise<void>;
  /** Wake-ups from outside the page (Electron: nightly timer, resume from sleep, the tray's 立即同步). */
  onSyncWake(listener: (reason: SyncWakeReason) => void): () => void;
  /**
   * Arm the nightly sync at the bureau's time (settings.nightlySyncAt); it arrives through onSyncWake('nightly').
   * Electron: main keeps the time and wakes the desk even hidden in the tray. The browser: only while the page is
   * open (a page cannot wake a closed tab); a night missed is synced at the next start.
   */
  setNightlySync(request: NightlySyncRequest): Promise<NightlySyncSchedule>;
  /**
   * Print a slip's HTML (renderer/print). Electron: silently to the printer when one is named, else the system
   * dialog, and archives a PDF; the browser: its own print dialog on a hidden frame (where "Save as PDF" is).
   * Never throws for a printer's failure: the result says what happened.
   */
  printSlip(html: string, options: SlipPrintOptions): Promise<PrintSlipResult>;
  /**
   * Print a monthly report's HTML (renderer/print/report) by the slips' very path: Electron prints it in the same
   * hidden window and archives the PDF under userData/reports/; the browser prints it in the same hidden frame.
   */
  printDocument(html: string, options: DocumentPrintOptions): Promise<PrintSlipResult>;
  /** The installed printers; the browser cannot know them and lists none. */
  listPrinters(): Promise<Printer[]>;
  /**
   * Open the rating pad (评价器, #/pad) facing the applicant. Electron: full-screen on the second display; the
   * browser: a second window of this page, for the clerk to drag to the screen that faces the applicant.
   */
  openRatingPad(): Promise<void>;
}
