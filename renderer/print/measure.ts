import { receiptPageMm, type PaperFormat, type SlipContent } from '../../shared/model/slip.ts';
import type { Reprint } from './SlipDocument.tsx';
import { renderSlipHtml } from './renderSlip.tsx';
import { RECEIPT_PAGE_MARGIN_MM } from './styles.ts';

// A receipt roll has no page length: the slip's page is made exactly as long as its content, measured by laying
// the slip out in a hidden frame at 80 mm with its fonts loaded. CSS `@page { size: 80mm auto }` does not exist.

const PX_PER_MM = 96 / 25.4;
/** Slack below the content so rounding to PDF points never spills a last line onto a second page. */
const SLACK_MM = 3;

/** The page a receipt needs: its sheet, the slack, and the page's top and bottom margins. */
export function receiptHeightFor(sheetPx: number): number {
  return receiptPageMm(sheetPx / PX_PER_MM + SLACK_MM + 2 * RECEIPT_PAGE_MARGIN_MM);
}

/** The receipt page height in mm for the `.sheet` of a laid-out slip document. */
export function receiptPageHeightMm(doc: Document): number {
  const sheet = doc.querySelector('.sheet');
  if (!sheet) throw new Error('not a slip document');
  return receiptHeightFor(sheet.getBoundingClientRect().height);
}

/** A frame to lay a document out in: off screen but laid out (display:none would measure nothing), `widthMm` wide. */
export function offscreenFrame(widthMm: number): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  Object.assign(frame.style, {
    position: 'fixed',
    left: '-10000px',
    top: '0',
    width: `${widthMm}mm`,
    height: '100mm',
    border: '0',
  });
  return frame;
}

/** Lay out `html` in a hidden frame and measure its sheet. */
export async function measureSlipHeightMm(html: string): Promise<number> {
  // Wide enough for an 80 mm sheet.
  const frame = offscreenFrame(120);
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = html;
  document.body.appendChild(frame);
  try {
    await loaded;
    const doc = frame.contentDocument;
    if (!doc) throw new Error('the measuring frame has no document');
    await doc.fonts.ready;
    return receiptPageHeightMm(doc);
  } finally {
    frame.remove();
  }
}

export interface PrintableSlip {
  readonly html: string;
  /** The receipt's page height as printed; absent on A4. */
  readonly receiptHeightMm?: number;
}

/** The final HTML to print: on a receipt, with the page cut to the measured length of the content. */
export async function printableSlip(
  content: SlipContent,
  format: PaperFormat,
  reprint?: Reprint,
): Promise<PrintableSlip> {
  if (format === 'a4') return { html: renderSlipHtml(content, { format, reprint }) };
  const receiptHeightMm = await measureSlipHeightMm(renderSlipHtml(content, { format, reprint }));
  return { html: renderSlipHtml(content, { format, reprint, receiptHeightMm }), receiptHeightMm };
}
