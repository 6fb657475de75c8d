// Pure (no electron, no I/O): how main prints a slip — the hidden window it uses, the options it hands to
// webContents.print and printToPDF, where the archived PDF goes, and what a printer's failure means for the clerk.
import path from 'node:path';
import type { PrinterInfo, PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import {
  GUIDE_ARCHIVE_RE,
  REPORT_ARCHIVE_RE,
  type GuideArchive,
  type PrintSlipRequest,
  type PrintSlipResult,
  type Printer,
  type ReportArchive,
  type SlipArchive,
} from '../../../shared/ipc/contract.ts';
import { receiptPageMm, SERIAL_RE } from '../../../shared/model/slip.ts';

type PathApi = Pick<typeof path, 'join'>;

/**
 * The in-memory session slips are printed in, apart from the desk's: its request guard and refusals touch nothing
 * the desk window needs (the HQ server), and nothing a slip did could linger in the desk's cookies or cache.
 */
export const SLIP_PRINT_PARTITION = 'slip-print';

/**
 * What the print window may load: its own data: document, nothing else. The slip carries a CSP of its own; this is
 * the guard behind it, in main, for a slip printed years later from content any desk could have written.
 */
export function isSlipPrintRequestAllowed(url: string): boolean {
  return url.slice(0, 5).toLowerCase() === 'data:';
}

/** The slip as a data: URL (base64, so no character of the HTML can end the URL early). */
export function slipDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

/**
 * userData/slips/2026/NYKJ-W7K2Q-2026-000127.pdf, or …-reprint2.pdf for the second reprint. The year folder is
 * the serial's year (the year of issue), so a reprint sits next to its original. The serial is checked again
 * here because it becomes a file name.
 */
export function slipArchivePath(userDataDir: string, archive: SlipArchive, pathApi: PathApi = path): string {
  if (!SERIAL_RE.test(archive.serial)) throw new Error(`not a slip serial: ${archive.serial}`);
  const year = archive.serial.split('-')[2] ?? '';
  const name = archive.reprint > 0 ? `${archive.serial}-reprint${archive.reprint}.pdf` : `${archive.serial}.pdf`;
  return pathApi.join(userDataDir, 'slips', year, name);
}

/**
 * userData/reports/2026-11-department-20261202T073012345Z.pdf: a 督查月报 (issue 15), each print kept under its own
 * name. The name is checked again here because it becomes a file name.
 */
export function reportArchivePath(userDataDir: string, archive: ReportArchive, pathApi: PathApi = path): string {
  if (!REPORT_ARCHIVE_RE.test(archive.report)) throw new Error(`not a report archive name: ${archive.report}`);
  return pathApi.join(userDataDir, 'reports', `${archive.report}.pdf`);
}

/** userData/guides/leaflet-<item>-v3-20261202T073012Z.pdf or poster-a3-…: a 明白纸 or 公示栏 poster (issue 16). */
export function guideArchivePath(userDataDir: string, archive: GuideArchive, pathApi: PathApi = path): string {
  if (!GUIDE_ARCHIVE_RE.test(archive.guide)) throw new Error(`not a guide archive name: ${archive.guide}`);
  return pathApi.join(userDataDir, 'guides', `${archive.guide}.pdf`);
}

/** Where this print's PDF is kept: a slip's, a report's, or a leaflet's or poster's. */
export function archivePath(
  userDataDir: string,
  archive: PrintSlipRequest['archive'],
  pathApi: PathApi = path,
): string {
  if ('guide' in archive) return guideArchivePath(userDataDir, archive, pathApi);
  return 'report' in archive
    ? reportArchivePath(userDataDir, archive, pathApi)
    : slipArchivePath(userDataDir, archive, pathApi);
}

const MICRONS_PER_MM = 1000;

/**
 * What webContents.print is told. Silent only with a named printer (otherwise the system dialog lets the clerk
 * choose); the paper is the slip's own: A4, or an 80 mm roll cut to the measured length; a poster may be A3.
 */
export function slipPrintOptions(request: PrintSlipRequest): WebContentsPrintOptions {
  const silent = request.silent && request.printerName !== undefined;
  return {
    silent,
    ...(request.printerName !== undefined ? { deviceName: request.printerName } : {}),
    printBackground: true,
    color: false,
    copies: 1,
    ...(request.format === 'a4'
      ? {
          pageSize: 'guide' in request.archive ? request.archive.sheet : 'A4',
          margins: { marginType: 'default' as const },
        }
      : {
          pageSize: {
            width: 80 * MICRONS_PER_MM,
            height: receiptPageMm(request.receiptHeightMm ?? 0) * MICRONS_PER_MM,
          },
          margins: { marginType: 'none' as const },
        }),
  };
}

/** The archive copy is made exactly as the e2e tests make theirs: the page size the slip's CSS names. */
export const SLIP_PDF_OPTIONS: PrintToPDFOptions = { preferCSSPageSize: true, printBackground: true };

/** Chromium's print callback → the result the desk shows: a cancelled dialog is not a broken printer. */
export function printOutcome(
  success: boolean,
  failureReason: string | undefined,
  pdfPath: string | null,
): PrintSlipResult {
  if (success) return { printed: true, pdfPath };
  const reason = (failureReason ?? '').slice(0, 500);
  const cancelled = /cancel/i.test(reason);
  return { printed: false, failure: cancelled ? 'cancelled' : 'failed', failureReason: reason || 'failed', pdfPath };
}

/** The printers as the settings list shows them. */
export function printerList(printers: readonly Pick<PrinterInfo, 'name' | 'displayName' | 'description'>[]): Printer[] {
  return printers
    .filter((p) => p.name.trim() !== '')
    .map((p) => ({
      name: p.name.slice(0, 300),
      displayName: (p.displayName || p.name).slice(0, 300),
      description: (p.description ?? '').slice(0, 500),
    }));
}
