import { renderToStaticMarkup } from 'react-dom/server';
import type { PaperFormat, SlipContent } from '../../shared/model/slip.ts';
import { escapeHtml } from './escape.ts';
import { SlipDocument, type Reprint } from './SlipDocument.tsx';
import { slipCss } from './styles.ts';

/** A receipt whose height has not been measured yet prints on pages this long (never clipped, just cut more). */
export const UNMEASURED_RECEIPT_MM = 297;

/**
 * The printed document's own policy: it needs its inline <style> and nothing else (the QR code is inline SVG, the
 * fonts are the system's). Electron prints it from a data: URL, which no server policy covers, and a reprint shows
 * content another desk wrote: were anything ever to slip through the escaping, it still could not load, send or run.
 */
export const SLIP_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'none'",
  "font-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export interface RenderSlipOptions {
  readonly format: PaperFormat;
  readonly reprint?: Reprint | undefined;
  /** The 80 mm receipt's page height, from measureSlipHeightMm; ignored on A4. */
  readonly receiptHeightMm?: number | undefined;
}

/**
 * The slip as one self-contained HTML document: inline CSS and an inline SVG QR code, no script, no request —
 * what the preview frame shows, the browser's print iframe prints, and Electron prints and archives as PDF.
 */
export function renderSlipHtml(content: SlipContent, options: RenderSlipOptions): string {
  const css = slipCss(options.format, {
    serial: content.serial,
    pageLabel: content.labels.page,
    receiptHeightMm: options.receiptHeightMm ?? UNMEASURED_RECEIPT_MM,
  });
  // Every word in the CSS went through cssString; a `<` here could only close the style element early.
  if (css.includes('<')) throw new Error('slip CSS holds markup');
  const body = renderToStaticMarkup(
    <SlipDocument content={content} format={options.format} reprint={options.reprint} />,
  );
  const title = `${content.title} ${content.serial}`;
  // The policy comes first in <head>: a meta CSP governs only what is parsed after it.
  return (
    `<!doctype html><html lang="${escapeHtml(content.lang)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(SLIP_CSP)}">` +
    `<title>${escapeHtml(title)}</title><style>${css}</style></head><body>${body}</body></html>`
  );
}
