import { composeGuide, type GuideBureau, type GuideVersion } from '../../../shared/rules/guide/compose.ts';
import type { GuideSheet } from './guideCss.ts';
import { fitLeaflet, fitPoster, frameMeasurer } from './fit.ts';
import type { LeafletLevel } from './leaflet.ts';
import { composePoster } from './poster.ts';
import { leafletArchiveName, posterArchiveName } from './renderGuide.tsx';
import type { GuideLanguage } from '../../../shared/rules/guide/compose.ts';

// What the 公开承诺 screen prints, ready for the print path: the HTML laid out to fit, and the archive's name. Loaded
// only when a leaflet or poster is first printed (React's server renderer and the QR encoder come with it).

export interface PreparedGuidePaper {
  readonly html: string;
  readonly archiveName: string;
  readonly sheet: GuideSheet;
  /** The type's scale printed (1 = the design's sizes). */
  readonly scale: number;
  /** A leaflet's level of detail; a poster's is always whole. */
  readonly level?: LeafletLevel;
  /** False for a poster too long for one page at the smallest type. */
  readonly onePage: boolean;
}

/** The 明白纸 of one published version, fitted to one A4 page. */
export async function prepareLeaflet(
  version: GuideVersion,
  bureau: GuideBureau,
  lang: GuideLanguage,
  now: Date = new Date(),
): Promise<PreparedGuidePaper> {
  const doc = composeGuide(version, bureau, lang);
  const measurer = frameMeasurer('A4');
  try {
    const fitted = await fitLeaflet(doc, bureau.publicBase, measurer.measure);
    return {
      html: fitted.html,
      archiveName: leafletArchiveName(version.item.id, version.rev, now),
      sheet: 'A4',
      scale: fitted.scale,
      level: fitted.leaflet.level,
      onePage: true,
    };
  } finally {
    measurer.close();
  }
}

/** The 公示栏 poster of every active published item, on A4 or A3. */
export async function preparePoster(
  versions: readonly GuideVersion[],
  bureau: GuideBureau,
  lang: GuideLanguage,
  sheet: GuideSheet,
  now: Date = new Date(),
): Promise<PreparedGuidePaper> {
  const poster = composePoster(
    versions.map((v) => composeGuide(v, bureau, lang)),
    bureau,
    lang,
  );
  const measurer = frameMeasurer(sheet);
  try {
    const fitted = await fitPoster(poster, sheet, measurer.measure);
    return {
      html: fitted.html,
      archiveName: posterArchiveName(sheet, now),
      sheet,
      scale: fitted.scale,
      onePage: fitted.onePage,
    };
  } finally {
    measurer.close();
  }
}
