import { enPublicCommitment } from '../../i18n/en.publicCommitment.ts';
import { enSlips } from '../../i18n/en.slips.ts';
import { zhCNPublicCommitment } from '../../i18n/zh-CN.publicCommitment.ts';
import { zhCNSlips } from '../../i18n/zh-CN.slips.ts';
import type { Material, ServiceItem } from '../../model/catalog.ts';
import type { SlipBlock, SlipContent, SlipKind, SlipMaterialRow, SlipSection, SlipSerial } from '../../model/slip.ts';
import { guideLink } from '../guide/link.ts';
import type { IsoDate } from '../isoDate.ts';
import { maskPhone } from '../phone.ts';
import { ratingLinkPrefix } from './ratingLink.ts';

// What every slip shares: the words of the paper in one language, the bureau, the clerk, the applicant (PIPL:
// phone masked, name masked on the stub the desk keeps), the QR code, the stub. The kind-specific composers
// (checklist.ts, supplement.ts, …) add their sections.

export type PaperStrings = typeof zhCNSlips.paper;
export type SlipLanguage = SlipContent['lang'];

/** The slip's words. Official slips are printed in Chinese; English exists for the English desk UI's tests. */
export function paperStrings(lang: SlipLanguage): PaperStrings {
  return lang === 'en' ? enSlips.paper : zhCNSlips.paper;
}

/** `{{name}}` placeholders, as in the UI's i18next strings (no escaping: the template escapes). */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );
}

/** 一、设定依据 — the headings of a slip are numbered in order. */
export function numbered(strings: PaperStrings, index: number, heading: string): string {
  return fill(strings.numbering, { n: strings.numerals[index] ?? String(index + 1), heading });
}

/** Sections in order, their headings numbered (一、二、… on a Chinese slip). */
export function numberedSections(
  strings: PaperStrings,
  sections: readonly (readonly [heading: string, blocks: SlipBlock[]])[],
): SlipSection[] {
  return sections.map(([heading, blocks], i) => ({ heading: numbered(strings, i, heading), blocks }));
}

/** PIPL: a person's name where the applicant is not the reader (the stub the desk keeps): 张*三, 李*. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

export interface SlipApplicant {
  readonly name?: string | undefined;
  readonly organisation?: string | undefined;
  readonly phone?: string | undefined;
}

/** Everything about one issue of a slip that is not the subject: who, when, which number, for whom. */
export interface SlipIssue {
  readonly serial: SlipSerial;
  /** The day of printing, in the bureau's local time. */
  readonly issuedOn: IsoDate;
  readonly settings: { readonly bureauName: string; readonly consultPhone: string; readonly complaintPhone: string };
  /** The clerk issuing the slip; `phone` is theirs, or their department's when they have none. */
  readonly staff: { readonly name: string; readonly phone: string };
  readonly applicant: SlipApplicant;
  /**
   * 好差评 by QR (issue 13): HQ's public address (settings.publicRatingBase). The content's QR holds
   * `${base}/r/${serial}`; the printing desk adds its own token to it on paper (renderer/data/slipTokens.ts), so
   * the synced log never holds a link to rate with. Without it the QR code carries the serial alone.
   */
  readonly rating?: { readonly base: string } | undefined;
  /**
   * 公开承诺 (issue 16 item 3): HQ's public address again, for a slip without a rating link: its QR code then opens
   * the public guide of the slip's catalog item (a slip without an item keeps the serial).
   */
  readonly guide?: { readonly base: string } | undefined;
  readonly lang?: SlipLanguage | undefined;
}

/** The catalog item a slip is composed from, at the version the desk has. */
export interface CatalogVersion {
  readonly item: ServiceItem;
  readonly rev: number;
}

/**
 * The periods that do not count towards the limit: for an administrative licence the law's (行政许可法 §45, only
 * the reasons a case can record: hearing, inspection, testing, expert review — not an on-site check, which counts,
 * §34); for any other item the bureau applies the same as its own rule and says so.
 */
export function excludedPeriods(strings: PaperStrings, item: ServiceItem): string {
  return item.administrativeLicence ? strings.excludedPeriods.licence : strings.excludedPeriods.bureau;
}

function applicantOf(strings: PaperStrings, applicant: SlipApplicant) {
  const person = applicant.name?.trim();
  const organisation = applicant.organisation?.trim();
  const name =
    organisation && person
      ? fill(strings.applicantWithPerson, { organisation, name: person })
      : organisation || person || '—';
  const nameOnStub =
    organisation && person
      ? fill(strings.applicantWithPerson, { organisation, name: maskName(person) })
      : organisation || maskName(person || '—');
  const addressee =
    organisation && person
      ? fill(strings.addresseeWithPerson, { organisation, name: person })
      : fill(strings.addressee, { name });
  return {
    addressee,
    applicant: { name, nameOnStub, ...(applicant.phone ? { phoneMasked: maskPhone(applicant.phone) } : {}) },
  };
}

export type SlipBody = Pick<SlipContent, 'intro' | 'sections' | 'closing'>;

/**
 * What the slip's QR code opens: its rating page when the bureau rates by QR (issue 13); else the public guide of
 * its catalog item (issue 16 item 3: the guide the checklist was composed from, art. 10 and 22); else it is the
 * serial alone, for the desk's scanner.
 */
function slipQr(issue: SlipIssue, catalog: CatalogVersion | undefined, strings: PaperStrings): SlipContent['qr'] {
  if (issue.rating)
    return { payload: ratingLinkPrefix(issue.rating.base, issue.serial), caption: strings.qrCaptionRating };
  if (issue.guide && catalog) {
    const caption = (issue.lang === 'en' ? enPublicCommitment : zhCNPublicCommitment).paper.qrCaptionGuide;
    return { payload: guideLink(issue.guide.base, catalog.item.id), caption };
  }
  return { payload: issue.serial, caption: strings.qrCaption };
}

/** The whole slip: the shared frame around a kind's body. */
export function composeSlipContent(
  kind: SlipKind,
  title: string,
  issue: SlipIssue,
  catalog: CatalogVersion | undefined,
  body: SlipBody,
  stubSubject?: { label: string; value: string },
): SlipContent {
  const lang = issue.lang ?? 'zh-CN';
  const strings = paperStrings(lang);
  const { addressee, applicant } = applicantOf(strings, issue.applicant);
  const subjectLine = stubSubject ?? (catalog ? { label: strings.labels.item, value: catalog.item.name } : undefined);
  return {
    layout: 1,
    kind,
    lang,
    serial: issue.serial,
    issuedOn: issue.issuedOn,
    bureauName: issue.settings.bureauName,
    title,
    addressee,
    applicant,
    ...(catalog ? { catalog: { itemId: catalog.item.id, itemName: catalog.item.name, rev: catalog.rev } } : {}),
    ...body,
    staff: { name: issue.staff.name, phone: issue.staff.phone },
    // Chapter 5: each item publishes its own consult and complaint channels; otherwise the bureau's.
    consultPhone: catalog?.item.consultPhone ?? issue.settings.consultPhone,
    complaintPhone: catalog?.item.complaintPhone ?? issue.settings.complaintPhone,
    qr: slipQr(issue, catalog, strings),
    stub: {
      heading: strings.stub.heading,
      fields: [
        { label: strings.labels.serial, value: issue.serial },
        { label: strings.stub.document, value: title },
        ...(subjectLine ? [subjectLine] : []),
        { label: strings.labels.applicant, value: applicant.nameOnStub },
      ],
      acknowledgement: fill(strings.stub.acknowledgement, { title, serial: issue.serial }),
      sign: strings.stub.sign,
    },
    labels: { ...strings.labels },
  };
}

/**
 * A template with a count: for exactly 1, the language's `<key>_one` form when it has one (i18next's plural suffix:
 * English "1 copy" / "2 copies"); otherwise `<key>` itself (Chinese has no plural: 复印件 1 份 / 2 份).
 */
export function fillCount<S extends object, K extends keyof S & string>(
  strings: S,
  key: K,
  count: number,
  values: Readonly<Record<string, string | number>>,
): string {
  const one: unknown = count === 1 ? (strings as Record<string, unknown>)[`${key}_one`] : undefined;
  return fill(typeof one === 'string' ? one : String(strings[key]), values);
}

/** 原件 1 份，复印件 1 份 */
export function copiesText(strings: PaperStrings, material: Pick<Material, 'originals' | 'copies'>): string {
  const parts = [
    ...(material.originals > 0
      ? [fillCount(strings, 'originals', material.originals, { count: material.originals })]
      : []),
    ...(material.copies > 0 ? [fillCount(strings, 'copies', material.copies, { count: material.copies })] : []),
  ];
  return parts.length ? parts.join(strings.listSeparator) : strings.noCopies;
}

/** One material as the checklist lists it: whether it applies, how many, in what form, and any notes. */
export function materialRow(strings: PaperStrings, material: Material): SlipMaterialRow {
  return {
    name: material.name,
    requirement:
      material.requirement === 'required'
        ? strings.required
        : fill(strings.conditional, { condition: material.condition ?? '—' }),
    copies: copiesText(strings, material),
    format: material.format,
    notes: [
      ...(material.notes ? [material.notes] : []),
      ...(material.sampleRef ? [fill(strings.sample, { ref: material.sampleRef })] : []),
    ],
  };
}

/** The calendar day of a local ISO timestamp (2026-11-28T09:30:00+08:00 → 2026-11-28). */
export function dayOfTimestamp(iso: string): IsoDate {
  return iso.slice(0, 10) as IsoDate;
}
