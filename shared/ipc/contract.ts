import { z } from 'zod';
import { MAX_RECEIPT_PAGE_MM, paperFormatSchema, slipSerialSchema } from '../model/slip.ts';
import type { DeviceCredentials } from '../sync/enrolment.ts';
import { clockTimeSchema } from '../rules/nightly.ts';

/**
 * The desktop bridge: one function per capability, exposed by electron/preload as `window.desk`.
 * Main validates every argument with these schemas and refuses calls from frames it did not create.
 */
export const IPC_CHANNELS = {
  appInfo: 'desk:app-info',
  deskConfig: 'desk:config',
  setServerUrl: 'desk:set-server-url',
  syncWake: 'desk:sync-wake',
  setNightlySync: 'desk:set-nightly-sync',
  printSlip: 'desk:print-slip',
  listPrinters: 'desk:list-printers',
  deviceCredentials: 'desk:device-credentials',
  setDeviceCredentials: 'desk:set-device-credentials',
  openPad: 'pad:open',
} as const;

/**
 * How this desk keeps its device credentials on disk, told in the sync panel (issue 11): 'os-keychain' sealed by
 * the OS (DPAPI, Keychain, the Secret Service or KWallet); 'plain-text' when Linux's safeStorage fell back to its
 * basic_text backend, whose key is a constant (as good as clear text); 'unavailable' when it cannot encrypt at
 * all (enrolment is then refused); 'browser' for the browser build (its IndexedDB, not encrypted).
 */
export const secretStorageSchema = z.enum(['os-keychain', 'plain-text', 'unavailable', 'browser']);
export type SecretStorage = z.infer<typeof secretStorageSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  shell: z.enum(['electron', 'browser']),
  secretStorage: secretStorageSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const serverUrlSchema = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) address');

export const deskConfigSchema = z.object({ serverUrl: serverUrlSchema });
export type DeskConfig = z.infer<typeof deskConfigSchema>;

/** Why main asks the renderer to sync now ('manual': 立即同步 in the tray menu). */
export const syncWakeReasonSchema = z.enum(['nightly', 'resume', 'online', 'manual']);
export type SyncWakeReason = z.infer<typeof syncWakeReasonSchema>;

/** The bureau's nightly sync time (settings.nightlySyncAt, set by the admin at HQ), for whatever wakes the desk. */
export const nightlySyncRequestSchema = z.object({ at: clockTimeSchema });
export type NightlySyncRequest = z.infer<typeof nightlySyncRequestSchema>;

/** What was armed: the time of day, and the next moment it fires (ISO 8601). */
export const nightlySyncScheduleSchema = z.object({ at: clockTimeSchema, nextAt: z.iso.datetime({ offset: true }) });
export type NightlySyncSchedule = z.infer<typeof nightlySyncScheduleSchema>;

/** A printer as the operating system names it (the name to print to) and as people know it. */
export const printerSchema = z.object({
  name: z.string().min(1).max(300),
  displayName: z.string().max(300),
  description: z.string().max(500),
});
export type Printer = z.infer<typeof printerSchema>;

/**
 * A printed 督查月报's archive name (issue 15): its month, then what tells one print from another — the range when it
 * is not a calendar month, the grouping, the moment computed (renderer/print/report). It becomes a file name: no
 * dot, no slash, nothing but digits, letters, '-' and '_'.
 */
export const REPORT_ARCHIVE_RE = /^\d{4}-(0[1-9]|1[0-2])(-[0-9A-Za-z_-]{1,80})?$/;

/** Which slip print this is: the serial and the reprint number. */
export const slipArchiveSchema = z.strictObject({
  serial: slipSerialSchema,
  reprint: z.number().int().min(0).max(9999),
});
export type SlipArchive = z.infer<typeof slipArchiveSchema>;

/** Which monthly report this is. */
export const reportArchiveSchema = z.strictObject({ report: z.string().max(100).regex(REPORT_ARCHIVE_RE) });
export type ReportArchive = z.infer<typeof reportArchiveSchema>;

/**
 * A printed 明白纸 or 公示栏 poster's archive name (issue 16, art. 23): leaflet-<item id>-v<rev> or poster-a4 /
 * poster-a3, then the moment printed (renderer/print/guide). It becomes a file name: no dot, no slash.
 */
export const GUIDE_ARCHIVE_RE = /^(leaflet-[a-z0-9][a-z0-9-]{1,63}-v[1-9]\d{0,8}|poster-a[34])-\d{8}T\d{6}Z$/;

/** Which leaflet or poster this is, and its paper: a leaflet is A4, a poster A4 or A3 as its name says. */
export const guideArchiveSchema = z
  .strictObject({ guide: z.string().max(120).regex(GUIDE_ARCHIVE_RE), sheet: z.enum(['A4', 'A3']) })
  .refine((a) => (a.guide.startsWith('poster-a3-') ? a.sheet === 'A3' : a.sheet === 'A4'), {
    message: 'the paper is the one the name says',
    path: ['sheet'],
  });
export type GuideArchive = z.infer<typeof guideArchiveSchema>;

/**
 * Print one document of the desk's one print path and archive it as a PDF. The HTML is self-contained (a slip,
 * renderer/print; or the 督查月报, renderer/print/report): main shows it in a hidden window with no script and no
 * preload, prints it, and keeps the PDF under userData/slips/<year>/<serial>[-reprintN].pdf, for a report
 * userData/reports/<name>.pdf, for a leaflet or poster userData/guides/<name>.pdf.
 */
export const printSlipRequestSchema = z
  .object({
    html: z.string().min(1).max(5_000_000),
    format: paperFormatSchema,
    /** The 80 mm receipt's page height, measured from its content; required for a receipt. */
    receiptHeightMm: z.number().min(20).max(MAX_RECEIPT_PAGE_MM).optional(),
    /** The system name of the printer; absent → the system print dialog. */
    printerName: z.string().trim().min(1).max(300).optional(),
    /** No dialog: only meaningful with a printer. */
    silent: z.boolean(),
    /** Which slip print (or which report) this is, for the archived PDF's name. */
    archive: z.union([slipArchiveSchema, reportArchiveSchema, guideArchiveSchema]),
  })
  .refine((r) => !('report' in r.archive) || r.format === 'a4', {
    message: 'a report prints on A4',
    path: ['format'],
  })
  .refine((r) => !('guide' in r.archive) || r.format === 'a4', {
    message: 'a leaflet or poster prints on sheets (A4 or A3), never on the receipt roll',
    path: ['format'],
  })
  .refine((r) => r.format === 'a4' || r.receiptHeightMm !== undefined, {
    message: 'a receipt needs its measured page height',
    path: ['receiptHeightMm'],
  })
  .refine((r) => !r.silent || r.printerName !== undefined, {
    message: 'silent printing needs a printer',
    path: ['silent'],
  });
export type PrintSlipRequest = z.infer<typeof printSlipRequestSchema>;

/** 'cancelled': the clerk closed the print dialog; 'failed': the printer refused or is missing. */
export const printSlipResultSchema = z.object({
  printed: z.boolean(),
  failure: z.enum(['cancelled', 'failed']).optional(),
  /** The printer's own words, for the clerk and the log. */
  failureReason: z.string().max(500).optional(),
  /** Where the PDF was archived; null when archiving itself failed (the reason is in failureReason). */
  pdfPath: z.string().max(2000).nullable(),
});
export type PrintSlipResult = z.infer<typeof printSlipResultSchema>;

export interface DeskApi {
  appInfo(): Promise<AppInfo>;
  deskConfig(): Promise<DeskConfig>;
  setServerUrl(url: string): Promise<DeskConfig>;
  /** Subscribe to wake-ups from main (nightly timer, resume from sleep); returns the unsubscribe. */
  onSyncWake(listener: (reason: SyncWakeReason) => void): () => void;
  /** Wake this desk at the bureau's nightly time, even with the window hidden in the tray; main keeps the time. */
  setNightlySync(request: NightlySyncRequest): Promise<NightlySyncSchedule>;
  /** Print a slip or a monthly report (silently to `printerName`, or through the system dialog) and archive it as PDF. */
  printSlip(request: PrintSlipRequest): Promise<PrintSlipResult>;
  /** The printers installed on this machine, for the desk's print settings. */
  listPrinters(): Promise<Printer[]>;
  /** This desk's enrolment (device id + token), kept by main encrypted with safeStorage; null before enrolment. */
  deviceCredentials(): Promise<DeviceCredentials | null>;
  /** Keep the credentials the HQ server gave at enrolment; refused when the OS offers no encryption. */
  setDeviceCredentials(credentials: DeviceCredentials): Promise<void>;
  /** Open the rating pad (评价器) full-screen on the second display, or focus it when it is open already. */
  openPad(): Promise<void>;
}
