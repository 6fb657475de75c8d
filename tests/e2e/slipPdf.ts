import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { PaperFormat, SlipContent } from '../../shared/model/slip.ts';
import { receiptHeightFor } from '../../renderer/print/measure.ts';
import type { Reprint } from '../../renderer/print/SlipDocument.tsx';
import { renderSlipHtml } from '../../renderer/print/renderSlip.tsx';

// Slips on paper, the way Electron archives them (printToPDF with the slip's own page size) and read back with
// poppler: what pdfinfo and pdftotext see is what the printer gets.

export const PDF_DIR = join('test-results', 'slips');
const PX_PER_MM = 96 / 25.4;

/** The printable width: A4 less its 18 mm side margins, or the whole 80 mm roll. */
const PRINTABLE_MM: Record<PaperFormat, number> = { a4: 210 - 2 * 18, receipt80: 80 };

export interface SlipPdf {
  readonly file: string;
  readonly html: string;
  /** pdftotext -raw, whitespace removed (a line break may fall anywhere in Chinese text). */
  readonly text: string;
  readonly pages: number;
  readonly widthPt: number;
  readonly heightPt: number;
}

/** The same measurement the desk makes (renderer/print/measure.ts): the sheet's height, slack and page margins. */
async function measuredReceiptMm(page: Page, html: string): Promise<number> {
  await page.emulateMedia({ media: 'screen' });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  const px = await page.evaluate(() => document.querySelector('.sheet')?.getBoundingClientRect().height ?? 0);
  return receiptHeightFor(px);
}

/** The slip's final HTML for `format`, laid out in `page` as it will print. */
export async function layOutSlip(page: Page, content: SlipContent, format: PaperFormat, reprint?: Reprint) {
  let html = renderSlipHtml(content, { format, reprint });
  if (format === 'receipt80') {
    html = renderSlipHtml(content, { format, reprint, receiptHeightMm: await measuredReceiptMm(page, html) });
  }
  // Print layout at the printable width, so whatever overflows the paper overflows the viewport.
  await page.setViewportSize({ width: Math.ceil(PRINTABLE_MM[format] * PX_PER_MM), height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  return html;
}

/** Elements that stick out of the paper, or whose content is wider than they are (text cut or spilling). */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement | SVGElement>('.sheet, .sheet *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const what = `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '')} "${(el.textContent ?? '').slice(0, 30)}"`;
      if (box.left < -0.5 || box.right > width + 0.5) bad.push(`${what} spans ${box.left}–${box.right} of ${width}`);
      if (el instanceof HTMLElement && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        bad.push(`${what} holds ${el.scrollWidth}px in ${el.clientWidth}px`);
      }
    }
    return bad;
  });
}

/** The font families Chromium really drew `selector`'s text with (DevTools protocol), glyph counts included. */
export async function fontsUsedFor(
  page: Page,
  selector: string,
): Promise<{ familyName: string; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no ${selector} in the slip`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount }));
  } finally {
    await cdp.detach();
  }
}

/** Print the laid-out page to PDF as Electron's archive does, and read it back with poppler. */
export async function printPdf(page: Page, name: string, html: string): Promise<SlipPdf> {
  mkdirSync(PDF_DIR, { recursive: true });
  const file = join(PDF_DIR, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return {
    file,
    html,
    text: text.replace(/\s+/g, ''),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    widthPt: Number(size?.[1]),
    heightPt: Number(size?.[2]),
  };
}

/** A PNG of the first page, to look at (test-results/slips/<name>-1.png). */
export function pngOfFirstPage(pdf: SlipPdf, resolution = 110): void {
  mkdirSync(PDF_DIR, { recursive: true });
  execFileSync('pdftoppm', [
    '-r',
    String(resolution),
    '-f',
    '1',
    '-l',
    '1',
    '-png',
    pdf.file,
    pdf.file.replace(/\.pdf$/, ''),
  ]);
}

/** Whitespace-free, as the PDF text is compared. */
export const squeezed = (text: string) => text.replace(/\s+/g, '');
