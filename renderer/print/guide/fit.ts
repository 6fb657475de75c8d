import type { GuideDocument } from '../../../shared/rules/guide/compose.ts';
import { offscreenFrame } from '../measure.ts';
import { printableHeightMm, SHEET_MM, type GuideSheet } from './guideCss.ts';
import { composeLeaflet, LEAFLET_LEVELS, type Leaflet } from './leaflet.ts';
import type { Poster } from './poster.ts';
import { renderLeafletHtml, renderPosterHtml } from './renderGuide.tsx';

// A 明白纸 is one A4 page (issue 16 item 4), whatever the item: it is laid out and measured, as the receipt's page is
// (print/measure.ts), and its type made smaller step by step down to a floor still easy to read; when even that
// is too long, less of the guide is printed (the materials without their notes, then only the essentials with
// 详见办事指南 and the guide's address), and at the last the list of materials is cut with "共 N 项，详见办事指南".

/** The height of a rendered document's `.page` in mm, laid out at its paper's width with its fonts loaded. */
export type MeasureMm = (html: string) => Promise<number>;

/** Type sizes tried, largest first; the last is the floor (8 pt body text on the leaflet, 7.2 pt its notes). */
export const LEAFLET_SCALES = [1, 0.92, 0.84, 0.76] as const;
export const POSTER_SCALES = [1, 0.9, 0.8, 0.72] as const;

/** Room left below the content, so rounding to PDF points never spills a last line onto a second page. */
const SLACK_MM = 2;

export interface FittedLeaflet {
  readonly html: string;
  readonly leaflet: Leaflet;
  readonly scale: number;
}

export interface FittedPoster {
  readonly html: string;
  readonly scale: number;
  /** False when even the floor needs more than one page (the table then runs on, its header repeated). */
  readonly onePage: boolean;
}

/** The leaflet of `doc` that fits one A4 page, with as much of the guide and as large a type as fit. */
export async function fitLeaflet(
  doc: GuideDocument,
  publicBase: string | undefined,
  measure: MeasureMm,
): Promise<FittedLeaflet> {
  const limit = printableHeightMm('A4') - SLACK_MM;
  const floor = LEAFLET_SCALES[LEAFLET_SCALES.length - 1]!;
  const fits = async (leaflet: Leaflet, scale: number) => {
    const html = renderLeafletHtml(leaflet, scale);
    return (await measure(html)) <= limit ? html : null;
  };
  for (const level of LEAFLET_LEVELS) {
    const leaflet = composeLeaflet(doc, { level, publicBase });
    // Most items fit the whole guide at full size: try that first. Past it, a level that does not fit even at the
    // floor is left at once for the next one.
    const atFloor = level === 'full' ? undefined : await fits(leaflet, floor);
    if (atFloor === null) continue;
    for (const scale of LEAFLET_SCALES) {
      if (scale === floor && atFloor) return { html: atFloor, leaflet, scale };
      const html = await fits(leaflet, scale);
      if (html) return { html, leaflet, scale };
    }
  }
  // Even the essentials are too long: print as many materials as fit (the most that do, found by halving).
  const total = composeLeaflet(doc, { level: 'essentials' }).sections.find((s) => s.key === 'materials')?.materials
    ?.length;
  let lo = 0;
  let hi = Math.max(0, (total ?? 0) - 1);
  let best: FittedLeaflet | null = null;
  while (lo <= hi) {
    const shown = Math.floor((lo + hi) / 2);
    const leaflet = composeLeaflet(doc, { level: 'essentials', materialsShown: shown, publicBase });
    const html = await fits(leaflet, floor);
    if (html) {
      best = { html, leaflet, scale: floor };
      lo = shown + 1;
    } else hi = shown - 1;
  }
  if (best) return best;
  const leaflet = composeLeaflet(doc, { level: 'essentials', materialsShown: 0, publicBase });
  return { html: renderLeafletHtml(leaflet, floor), leaflet, scale: floor };
}

/** The poster on `sheet` at the largest type that fits one page, or at the floor over several. */
export async function fitPoster(poster: Poster, sheet: GuideSheet, measure: MeasureMm): Promise<FittedPoster> {
  const limit = printableHeightMm(sheet) - SLACK_MM;
  for (const scale of POSTER_SCALES) {
    const html = renderPosterHtml(poster, sheet, scale);
    if ((await measure(html)) <= limit) return { html, scale, onePage: true };
  }
  const floor = POSTER_SCALES[POSTER_SCALES.length - 1]!;
  return { html: renderPosterHtml(poster, sheet, floor), scale: floor, onePage: false };
}

const PX_PER_MM = 96 / 25.4;

/** A measurer over one hidden frame wide enough for the sheet, reused for every try. Close it when done. */
export function frameMeasurer(sheet: GuideSheet): { measure: MeasureMm; close: () => void } {
  const frame = offscreenFrame(SHEET_MM[sheet].width + 20);
  document.body.appendChild(frame);
  const measure: MeasureMm = async (html) => {
    const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
    frame.srcdoc = html;
    await loaded;
    const doc = frame.contentDocument;
    if (!doc) throw new Error('the measuring frame has no document');
    await doc.fonts.ready;
    const page = doc.querySelector('.page');
    if (!page) throw new Error('not a guide document');
    return page.getBoundingClientRect().height / PX_PER_MM;
  };
  return { measure, close: () => frame.remove() };
}
