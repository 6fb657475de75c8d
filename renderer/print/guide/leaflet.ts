import type { SlipMaterialRow } from '../../../shared/model/slip.ts';
import {
  guideSection,
  type GuideDocument,
  type GuideRow,
  type GuideRowKey,
  type GuideSectionKey,
} from '../../../shared/rules/guide/compose.ts';
import { guideLink } from '../../../shared/rules/guide/link.ts';
import { fill, numbered, paperStrings } from '../../../shared/rules/slips/paper.ts';
import { publicLinkOf } from './links.ts';
import { guidePaperWords } from './words.ts';

// 明白纸 (art. 23, issue 16 item 4): one A4 page of what a visitor needs, picked by key from the item's composed
// 办事指南 — never written again here, so the leaflet, the public page and the one-time checklist say the same
// (issue 16 item 5). How much of it fits one page is decided by measuring (fit.ts): the whole of it, then the
// materials without their notes, then only the essentials with "详见办事指南" and the guide's address.

/** How much of the guide a leaflet prints, most first. */
export const LEAFLET_LEVELS = ['full', 'compact', 'essentials'] as const;
export type LeafletLevel = (typeof LEAFLET_LEVELS)[number];

/** The basic rows a leaflet prints: the item's name is its title and the bureau its header. */
const BASIC_ROWS: readonly GuideRowKey[] = ['code', 'applicants', 'department', 'submitAt', 'hours', 'visits'];

export interface LeafletSection {
  readonly key: GuideSectionKey;
  /** Numbered: 一、基本信息 */
  readonly heading: string;
  /** A line before the section's content. */
  readonly lead?: string;
  readonly rows?: readonly GuideRow[];
  readonly list?: readonly string[];
  readonly materials?: readonly SlipMaterialRow[];
  readonly notes?: readonly string[];
}

export interface Leaflet {
  readonly lang: GuideDocument['lang'];
  readonly level: LeafletLevel;
  readonly bureauName: string;
  readonly kicker: string;
  readonly itemName: string;
  readonly versionLine: string;
  readonly sections: readonly LeafletSection[];
  readonly materialColumns: { no: string; name: string; copies: string; format: string; notes: string };
  /** Materials left off the page (essentials only, when even their names do not fit). */
  readonly materialsLeftOff: number;
  /** The guide's address and the QR code's caption; absent when the bureau has no public address. */
  readonly qr?: { readonly payload: string; readonly caption: string };
  /** 详见办事指南, with the address when there is one: printed whenever anything was left out. */
  readonly more?: string;
  readonly footer: readonly string[];
}

export interface LeafletOptions {
  readonly level: LeafletLevel;
  /** On 'essentials', how many materials to print (all by default). */
  readonly materialsShown?: number | undefined;
  /** HQ's public address (settings.publicRatingBase); absent → no QR code and no address. */
  readonly publicBase?: string | undefined;
}

/** The leaflet of one composed guide at one level of detail. */
export function composeLeaflet(doc: GuideDocument, options: LeafletOptions): Leaflet {
  const words = guidePaperWords(doc.lang);
  const paper = paperStrings(doc.lang);
  const { level } = options;
  const link = publicLinkOf(options.publicBase, (base) => guideLink(base, doc.itemId));
  const section = (key: GuideSectionKey) => guideSection(doc, key);
  const rowsOf = (key: GuideSectionKey) => [...(section(key)?.rows ?? [])];

  const materials = section('materials')?.materials ?? [];
  const shown = Math.max(0, Math.min(materials.length, options.materialsShown ?? materials.length));
  const leftOff = level === 'essentials' ? materials.length - shown : 0;
  const conditions = section('conditions')?.list ?? [];
  const limits = section('limits');
  const contact = section('contact');

  const parts: (Omit<LeafletSection, 'heading'> & { title: string })[] = [];
  const push = (key: GuideSectionKey, part: Omit<LeafletSection, 'heading' | 'key'>) => {
    const from = section(key);
    if (from) parts.push({ key, title: from.heading, ...part });
  };
  push('basic', { rows: rowsOf('basic').filter((r) => BASIC_ROWS.includes(r.key)) });
  push('conditions', level === 'essentials' ? { notes: [words.conditionsMore] } : { list: conditions });
  // Past 'full', a material's notes are left to the guide, and 必须提供 is said once above the list, not per row.
  const required = paper.required;
  push('materials', {
    ...(level === 'full' ? {} : { lead: words.allRequired }),
    materials: (level === 'essentials' ? materials.slice(0, shown) : materials).map((m) =>
      level === 'full' ? m : { ...m, notes: [], requirement: m.requirement === required ? '' : m.requirement },
    ),
    ...(leftOff > 0 ? { notes: [fill(words.moreMaterials, { shown, count: materials.length })] } : {}),
  });
  push('limits', {
    rows: [...(limits?.rows ?? [])],
    ...(level === 'full' ? { notes: [...(limits?.paragraphs ?? [])] } : {}),
  });
  push('fee', { rows: rowsOf('fee') });
  if (section('result')) push('result', { rows: rowsOf('result') });
  push('contact', { rows: [...(contact?.rows ?? [])] });

  const more = level === 'full' ? undefined : link ? fill(words.moreAt, { link }) : words.more;
  return {
    lang: doc.lang,
    level,
    bureauName: doc.bureauName,
    kicker: words.leafletKicker,
    itemName: doc.itemName,
    versionLine: doc.versionLine,
    sections: parts.map(({ title, ...part }, i) => ({ ...part, heading: numbered(paper, i, title) })),
    materialColumns: { ...paper.materials },
    materialsLeftOff: leftOff,
    ...(link ? { qr: { payload: link, caption: words.qrCaptionGuide } } : {}),
    ...(more ? { more } : {}),
    footer: [...(link ? [fill(words.guideAddress, { link })] : []), words.footnote],
  };
}
