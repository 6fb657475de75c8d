import { renderToStaticMarkup } from 'react-dom/server';
import type { PaperFormat, SlipContent } from '../../shared/model/slip.ts';
import { SlipDocument, type Reprint } from './SlipDocument.tsx';
import { slipCss } from './styles.ts';

/** A receipt whose height has not been measured yet prints on pages this long (never clipped, just cut more). */
export const UNMEASURED_RECEIPT_MM = 297;

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
  const body = renderToStaticMarkup(
    <SlipDocument content={content} format={options.format} reprint={options.reprint} />,
  );
  const title = `${content.title} ${content.serial}`;
  return (
    `<!doctype html><html lang="${content.lang}"><head><meta charset="utf-8">` +
    `<title>${escapeText(title)}</title><style>${css}</style></head><body>${body}</body></html>`
  );
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
