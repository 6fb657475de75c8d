// Main process: printing slips (and the 督查月报, by the same path) and listing printers. The slip is archived as PDF first, so a printer that is
// missing, out of paper or cancelled still leaves the paper's exact copy on disk; the clerk is told either way.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { WebContents } from 'electron';
import { createPrintWindow } from '../window.ts';
import { z } from 'zod';
import { printSlipRequestSchema, type PrintSlipRequest, type PrintSlipResult } from '../../../shared/ipc/contract.ts';
import {
  archivePath,
  printerList,
  printOutcome,
  SLIP_PDF_OPTIONS,
  slipDataUrl,
  slipPrintOptions,
} from '../pure/print.ts';
import type { CapabilityHandlers } from './capabilities.ts';

async function archivePdf(contents: WebContents, file: string): Promise<void> {
  const pdf = await contents.printToPDF(SLIP_PDF_OPTIONS);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, pdf);
}

function print(contents: WebContents, request: PrintSlipRequest): Promise<{ success: boolean; reason: string }> {
  return new Promise((resolve) => {
    contents.print(slipPrintOptions(request), (success, reason) => resolve({ success, reason }));
  });
}

async function printSlip(userDataDir: string, request: PrintSlipRequest): Promise<PrintSlipResult> {
  const window = createPrintWindow();
  try {
    await window.loadURL(slipDataUrl(request.html));
    let pdfPath: string | null = archivePath(userDataDir, request.archive);
    let archiveError = '';
    try {
      await archivePdf(window.webContents, pdfPath);
    } catch (error) {
      pdfPath = null;
      archiveError = `PDF: ${error instanceof Error ? error.message : String(error)}`;
    }
    const { success, reason } = await print(window.webContents, request);
    const outcome = printOutcome(success, reason, pdfPath);
    return archiveError
      ? { ...outcome, failureReason: [outcome.failureReason, archiveError].filter(Boolean).join('; ') }
      : outcome;
  } finally {
    window.destroy();
  }
}

export function printHandlers(
  userDataDir: string,
  deskContents: () => WebContents | undefined,
): Pick<CapabilityHandlers, 'printSlip' | 'listPrinters'> {
  return {
    printSlip: { args: z.tuple([printSlipRequestSchema]), run: (request) => printSlip(userDataDir, request) },
    listPrinters: {
      args: z.tuple([]),
      run: async () => {
        const contents = deskContents();
        return contents ? printerList(await contents.getPrintersAsync()) : [];
      },
    },
  };
}
