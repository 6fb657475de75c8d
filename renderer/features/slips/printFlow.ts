import type { PrintSlipResult } from '../../../shared/ipc/contract.ts';
import type { PaperFormat } from '../../../shared/model/slip.ts';
import type { SlipEvent } from '../../../shared/model/slipEvents.ts';
import type { Platform } from '../../platform/types.ts';
import { printableSlip, type PrintableSlip } from '../../print/measure.ts';

// After a slip.printed event is recorded, put it on paper. Separate from recording on purpose: a printer that
// fails leaves the record intact, and "print again" repeats only this step with the very same HTML.

export interface PaperJob {
  readonly event: SlipEvent;
  readonly format: PaperFormat;
  readonly printerName?: string | undefined;
  readonly printable: PrintableSlip;
}

/** The HTML of a recorded print: its content, and for a reprint the 补打（第N次） mark with the day of reprint. */
export async function paperJob(event: SlipEvent, printerName: string | undefined): Promise<PaperJob> {
  const { content, format, reprint } = event.payload;
  const printable = await printableSlip(
    content,
    format,
    reprint > 0 ? { n: reprint, on: event.occurredAt.slice(0, 10) } : undefined,
  );
  return { event, format, printerName, printable };
}

export function sendToPrinter(platform: Platform, job: PaperJob): Promise<PrintSlipResult> {
  return platform.printSlip(job.printable.html, {
    format: job.format,
    receiptHeightMm: job.printable.receiptHeightMm,
    printerName: job.printerName,
    serial: job.event.payload.serial,
    reprint: job.event.payload.reprint,
  });
}
