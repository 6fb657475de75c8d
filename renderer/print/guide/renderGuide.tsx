import { renderToStaticMarkup } from 'react-dom/server';
import { escapeHtml } from '../escape.ts';
import { SLIP_CSP } from '../renderSlip.tsx';
import { leafletCss, posterCss, type GuideSheet } from './guideCss.ts';
import type { Leaflet } from './leaflet.ts';
import { LeafletDocument } from './LeafletDocument.tsx';
import type { Poster } from './poster.ts';
import { PosterDocument } from './PosterDocument.tsx';

// The 明白纸 and the poster as self-contained HTML documents — inline CSS, the QR code as inline SVG, no script, no
// request, under the slips' own CSP — which the preview frame shows, the browser's print frame prints and Electron
// prints and archives as PDF: the slips' one print path (art. 23: 公告栏, 明白纸).

function shell(lang: string, title: string, css: string, body: string): string {
  // Every word reaches the CSS as a number; a `<` here could only close the style element early.
  if (css.includes('<')) throw new Error('guide CSS holds markup');
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(SLIP_CSP)}">` +
    `<title>${escapeHtml(title)}</title><style>${css}</style></head><body>${body}</body></html>`
  );
}

/** The leaflet at `scale` (1 = the design's type sizes). */
export function renderLeafletHtml(leaflet: Leaflet, scale = 1): string {
  const body = renderToStaticMarkup(<LeafletDocument leaflet={leaflet} />);
  return shell(leaflet.lang, `${leaflet.itemName} ${leaflet.kicker}`, leafletCss(scale), body);
}

/** The poster on `sheet` at `scale`. */
export function renderPosterHtml(poster: Poster, sheet: GuideSheet, scale = 1): string {
  const body = renderToStaticMarkup(<PosterDocument poster={poster} />);
  return shell(poster.lang, `${poster.bureauName} ${poster.title}`, posterCss(sheet, scale), body);
}

/** 20261202T073012Z: what tells one print from another in an archived file's name. */
function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** userData/guides/leaflet-<item>-v<rev>-<when>.pdf (the name is checked again in main: GUIDE_ARCHIVE_RE). */
export function leafletArchiveName(itemId: string, rev: number, at: Date): string {
  return `leaflet-${itemId}-v${rev}-${stamp(at)}`;
}

/** userData/guides/poster-a4-<when>.pdf or poster-a3-… */
export function posterArchiveName(sheet: GuideSheet, at: Date): string {
  return `poster-${sheet.toLowerCase()}-${stamp(at)}`;
}
