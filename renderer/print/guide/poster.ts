import { guideDateText, guideRowValue, type GuideDocument } from '../../../shared/rules/guide/compose.ts';
import { commitmentsLink } from '../../../shared/rules/guide/link.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import { fill } from '../../../shared/rules/slips/paper.ts';
import { publicLinkOf } from './links.ts';
import { guidePaperWords, type GuidePaperWords } from './words.ts';

// 公示栏 (art. 23, issue 16 item 4): the bureau's poster — every active published item with its promised and
// statutory limits, fee and enquiry phone, taken from each item's composed guide (so the poster, the leaflets and
// the public pages say the same), the commitments in brief (art. 6, 10, 14, 19, 22), the complaint hotline, and a
// QR code to the public commitments page.

export interface PosterRow {
  readonly itemId: string;
  readonly itemName: string;
  readonly code?: string | undefined;
  readonly promised: string;
  readonly statutory: string;
  readonly fee: string;
  readonly consult: string;
}

export interface Poster {
  readonly lang: GuideDocument['lang'];
  readonly bureauName: string;
  readonly title: string;
  /** 以下为各事项已发布的最新版本，截至 the newest publication's day. */
  readonly asOf?: string | undefined;
  readonly columns: GuidePaperWords['posterColumns'];
  readonly rows: readonly PosterRow[];
  readonly commitmentsHeading: string;
  readonly commitments: readonly string[];
  /** 投诉电话：… (art. 22 投诉方式) */
  readonly hotline: string;
  readonly consult: string;
  readonly qr?: { readonly payload: string; readonly caption: string };
  readonly footer: readonly string[];
}

export interface PosterBureau {
  readonly bureauName: string;
  readonly consultPhone: string;
  readonly complaintPhone: string;
  readonly publicBase?: string | undefined;
}

/** The poster of `guides` (the active published items, composed), in the guides' language. */
export function composePoster(
  guides: readonly GuideDocument[],
  bureau: PosterBureau,
  lang: GuideDocument['lang'] = guides[0]?.lang ?? 'zh-CN',
): Poster {
  const words = guidePaperWords(lang);
  const newest = guides.reduce<IsoDate | undefined>(
    (max, g) => (max === undefined || g.publishedOn > max ? g.publishedOn : max),
    undefined,
  );
  const link = publicLinkOf(bureau.publicBase, commitmentsLink);
  return {
    lang,
    bureauName: bureau.bureauName,
    title: words.posterTitle,
    ...(newest ? { asOf: fill(words.posterAsOf, { date: guideDateText(newest, lang) }) } : {}),
    columns: words.posterColumns,
    rows: guides.map((g) => ({
      itemId: g.itemId,
      itemName: g.itemName,
      code: g.code,
      promised: guideRowValue(g, 'promised') ?? '—',
      statutory: guideRowValue(g, 'statutory') ?? '—',
      fee: guideRowValue(g, 'fee') ?? '—',
      consult: guideRowValue(g, 'consultPhone') ?? bureau.consultPhone,
    })),
    commitmentsHeading: words.commitmentsHeading,
    commitments: [...words.commitments],
    hotline: fill(words.hotline, { phone: bureau.complaintPhone }),
    consult: fill(words.consultLine, { phone: bureau.consultPhone }),
    ...(link ? { qr: { payload: link, caption: words.qrCaptionCommitments } } : {}),
    footer: link ? [fill(words.commitmentsAddress, { link })] : [],
  };
}
