import { enGuide } from '../../i18n/en.guide.ts';
import { zhCNGuide } from '../../i18n/zh-CN.guide.ts';
import type { ProcedureStep, ServiceItem } from '../../model/catalog.ts';
import type { SlipMaterialRow } from '../../model/slip.ts';
import { beijingDate } from '../case.ts';
import type { IsoDate } from '../isoDate.ts';
import { excludedPeriods, fill, fillCount, materialRow, paperStrings, type SlipLanguage } from '../slips/paper.ts';
import { guideFilePath } from './link.ts';

// 公开承诺 (art. 20–23, issue 16): the 办事指南 of one published version of a catalog item, composed once for every
// paper and page — the public site, the 明白纸 and the poster take their sections from composeGuide, and the one-time
// checklist (art. 10) takes its fee, limits and place from the text functions below, so none of them can say a
// different thing about the same version (issue 16 item 5).

export type GuideLanguage = SlipLanguage;
export type GuideStrings = typeof zhCNGuide;

export function guideStrings(lang: GuideLanguage = 'zh-CN'): GuideStrings {
  return (lang === 'en' ? enGuide : zhCNGuide) as GuideStrings;
}

/** One published version of an item (or, before publication existed, a stored version dated by its doc). */
export interface GuideVersion {
  readonly item: ServiceItem;
  readonly rev: number;
  /** ISO timestamp: publication.publishedAt, else the doc's updatedAt. */
  readonly publishedAt: string;
}

export interface GuideBureau {
  readonly bureauName: string;
  readonly consultPhone: string;
  readonly complaintPhone: string;
  /** HQ's public address (settings.publicRatingBase): forms link to it on paper; absent → site-relative links. */
  readonly publicBase?: string | undefined;
  /** The handling department's name by id (承办机构), where the directory is known. */
  readonly departmentName?: ((departmentId: string) => string | undefined) | undefined;
}

export const GUIDE_SECTION_KEYS = [
  'basic',
  'legalBasis',
  'conditions',
  'materials',
  'procedure',
  'specialSteps',
  'limits',
  'fee',
  'result',
  'forms',
  'faq',
  'contact',
] as const;
export type GuideSectionKey = (typeof GUIDE_SECTION_KEYS)[number];

export type GuideRowKey = keyof GuideStrings['labels'];

export interface GuideRow {
  readonly key: GuideRowKey;
  readonly label: string;
  readonly value: string;
}

export interface GuideForm {
  readonly name: string;
  /** 空白表格 / 示例样表 */
  readonly kind: string;
  readonly fileName: string;
  readonly bytes: number;
  readonly href: string;
}

export interface GuideSection {
  readonly key: GuideSectionKey;
  readonly heading: string;
  readonly rows?: readonly GuideRow[];
  readonly list?: readonly string[];
  readonly ordered?: boolean;
  readonly paragraphs?: readonly string[];
  /** The checklist's own rows (materialRow), so guide and checklist list each material alike. */
  readonly materials?: readonly SlipMaterialRow[];
  readonly materialColumns?: {
    readonly no: string;
    readonly name: string;
    readonly copies: string;
    readonly format: string;
    readonly notes: string;
  };
  readonly faq?: readonly { readonly question: string; readonly answer: string }[];
  readonly forms?: readonly GuideForm[];
}

export interface GuideDocument {
  readonly lang: GuideLanguage;
  readonly bureauName: string;
  /** 《技术合同认定登记》办事指南 */
  readonly title: string;
  readonly itemId: string;
  readonly itemName: string;
  readonly code?: string | undefined;
  readonly rev: number;
  /** The Beijing day of publication. */
  readonly publishedOn: IsoDate;
  /** 第3版，2026年12月2日发布 */
  readonly versionLine: string;
  readonly sections: readonly GuideSection[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2026年12月2日 / December 2, 2026 */
export function guideDateText(day: IsoDate, lang: GuideLanguage = 'zh-CN'): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return fill(guideStrings(lang).date, { year, month, day: date, monthName: MONTHS[month - 1] ?? String(month) });
}

/** 第3版，2026年12月2日发布 */
export function versionLineText(rev: number, publishedAt: string, lang: GuideLanguage = 'zh-CN'): string {
  return fill(guideStrings(lang).versionLine, { rev, date: guideDateText(beijingDate(publishedAt), lang) });
}

/** 收费标准: "不收费" when free — never blank — else the standard and its basis. */
export function feeText(item: Pick<ServiceItem, 'fee'>, lang: GuideLanguage = 'zh-CN'): string {
  const words = guideStrings(lang).fee;
  return item.fee.kind === 'free' ? words.free : fill(words.charged, item.fee);
}

/** 承诺时限 (art. 15): 自受理之日起5个工作日. */
export function promisedLimitText(item: Pick<ServiceItem, 'promisedLimitDays'>, lang: GuideLanguage = 'zh-CN'): string {
  return fillCount(guideStrings(lang), 'limit', item.promisedLimitDays, { days: item.promisedLimitDays });
}

/** 法定时限 (art. 16, 19): the law's limit, or that no law sets one — never a made-up one. */
export function statutoryLimitText(
  item: Pick<ServiceItem, 'statutoryLimitDays'>,
  lang: GuideLanguage = 'zh-CN',
): string {
  const words = guideStrings(lang);
  return item.statutoryLimitDays === undefined
    ? words.statutoryNone
    : fillCount(words, 'limit', item.statutoryLimitDays, { days: item.statutoryLimitDays });
}

/** How the limits are counted and which periods do not count (行政许可法 §45, or the bureau's own rule). */
export function limitsNoteText(item: ServiceItem, lang: GuideLanguage = 'zh-CN'): string {
  return fill(guideStrings(lang).limitsNote, { excluded: excludedPeriods(paperStrings(lang), item) });
}

/** A procedure step with its own limit (art. 16 环节时限), as the checklist and the guide both list it. */
export function procedureStepText(step: ProcedureStep, lang: GuideLanguage = 'zh-CN'): string {
  return step.limitDays === undefined
    ? step.name
    : fillCount(paperStrings(lang).checklist, 'stepWithLimit', step.limitDays, {
        name: step.name,
        days: step.limitDays,
      });
}

/** 办理地点: the window, and its street address when the version states it. */
export function placeText(item: Pick<ServiceItem, 'submitAt' | 'address'>, lang: GuideLanguage = 'zh-CN'): string {
  return item.address
    ? fill(guideStrings(lang).place, { submitAt: item.submitAt, address: item.address })
    : item.submitAt;
}

/** 到现场次数: 0次（全程网上办理）/ 最多跑一次 / 2次. */
export function visitsText(item: Pick<ServiceItem, 'visits'>, lang: GuideLanguage = 'zh-CN'): string | undefined {
  const words = guideStrings(lang).visits;
  if (item.visits === undefined) return undefined;
  if (item.visits === 0) return words.none;
  return item.visits === 1 ? words.once : fill(words.many, { count: item.visits });
}

/** 服务对象: 自然人、法人（含其他组织）. */
export function applicantsText(
  item: Pick<ServiceItem, 'applicants'>,
  lang: GuideLanguage = 'zh-CN',
): string | undefined {
  const words = guideStrings(lang);
  return item.applicants?.map((a) => words.applicants[a]).join(words.separator);
}

/** 送达方式: 窗口领取、邮寄送达. */
export function deliveryText(item: Pick<ServiceItem, 'result'>, lang: GuideLanguage = 'zh-CN'): string | undefined {
  const words = guideStrings(lang);
  return item.result?.delivery.map((d) => words.delivery[d]).join(words.separator);
}

/** 办理时间, saying whether the office receives on public holidays. */
export function hoursText(
  item: Pick<ServiceItem, 'hours' | 'openOnHolidays'>,
  lang: GuideLanguage = 'zh-CN',
): string | undefined {
  if (!item.hours) return undefined;
  if (item.openOnHolidays === undefined) return item.hours;
  const words = guideStrings(lang).hours;
  return fill(item.openOnHolidays ? words.open : words.closed, { hours: item.hours });
}

/** 咨询电话 / 投诉电话: the item's own, else the bureau's (chapter 5). */
export function phonesOf(
  item: Pick<ServiceItem, 'consultPhone' | 'complaintPhone'>,
  bureau: Pick<GuideBureau, 'consultPhone' | 'complaintPhone'>,
): { consult: string; complaint: string } {
  return {
    consult: item.consultPhone || bureau.consultPhone,
    complaint: item.complaintPhone || bureau.complaintPhone,
  };
}

function specialStepText(step: NonNullable<ServiceItem['specialSteps']>[number], words: GuideStrings): string {
  const counts = step.countsInLimit ? words.countsInLimit : words.notInLimit;
  return step.limitDays === undefined
    ? fill(words.specialStep, { name: step.name, counts })
    : fillCount(words, 'specialStepWithLimit', step.limitDays, { name: step.name, days: step.limitDays, counts });
}

function row(words: GuideStrings, key: GuideRowKey, value: string | undefined): GuideRow[] {
  return value === undefined || value === '' ? [] : [{ key, label: words.labels[key], value }];
}

function formHref(sha256: string, base: string | undefined): string {
  return `${base ? base.replace(/\/+$/, '') : ''}${guideFilePath(sha256)}`;
}

/**
 * The whole guide of one version, in the order of the national guide's elements. An element a legacy version lacks
 * is left out (publication requires them all since issue 16); an empty list of special steps, FAQs or forms says 无.
 */
export function composeGuide(version: GuideVersion, bureau: GuideBureau, lang: GuideLanguage = 'zh-CN'): GuideDocument {
  const words = guideStrings(lang);
  const paper = paperStrings(lang);
  const { item } = version;
  const phones = phonesOf(item, bureau);
  const heading = (key: GuideSectionKey) => ({ key, heading: words.sections[key] });
  const sections: GuideSection[] = [
    {
      ...heading('basic'),
      rows: [
        ...row(words, 'itemName', item.name),
        ...row(words, 'code', item.code),
        ...row(words, 'applicants', applicantsText(item, lang)),
        ...row(words, 'agency', bureau.bureauName),
        ...row(words, 'department', bureau.departmentName?.(item.departmentId)),
        ...row(words, 'submitAt', placeText(item, lang)),
        ...row(words, 'hours', hoursText(item, lang)),
        ...row(words, 'visits', visitsText(item, lang)),
      ],
    },
    { ...heading('legalBasis'), paragraphs: item.legalBasis.split('\n').filter((p) => p.trim() !== '') },
    { ...heading('conditions'), list: [...item.conditions], ordered: true },
    {
      ...heading('materials'),
      materials: item.materials.map((m) => materialRow(paper, m)),
      materialColumns: { ...paper.materials },
    },
    { ...heading('procedure'), list: item.procedure.map((s) => procedureStepText(s, lang)), ordered: true },
    ...(item.specialSteps === undefined
      ? []
      : [
          item.specialSteps.length
            ? {
                ...heading('specialSteps'),
                list: item.specialSteps.map((s) => specialStepText(s, words)),
                ordered: false,
              }
            : { ...heading('specialSteps'), paragraphs: [words.none] },
        ]),
    {
      ...heading('limits'),
      rows: [
        ...row(words, 'promised', promisedLimitText(item, lang)),
        ...row(words, 'statutory', statutoryLimitText(item, lang)),
      ],
      paragraphs: [limitsNoteText(item, lang)],
    },
    { ...heading('fee'), rows: row(words, 'fee', feeText(item, lang)) },
    ...(item.result === undefined
      ? []
      : [
          {
            ...heading('result'),
            rows: [...row(words, 'result', item.result.name), ...row(words, 'delivery', deliveryText(item, lang))],
          },
        ]),
    ...(item.forms === undefined
      ? []
      : [
          item.forms.length
            ? {
                ...heading('forms'),
                forms: item.forms.map((f) => ({
                  name: f.name,
                  kind: words.formKinds[f.kind],
                  fileName: f.file.fileName,
                  bytes: f.file.bytes,
                  href: formHref(f.file.sha256, bureau.publicBase),
                })),
              }
            : { ...heading('forms'), paragraphs: [words.none] },
        ]),
    ...(item.faq === undefined
      ? []
      : [
          item.faq.length
            ? { ...heading('faq'), faq: item.faq.map((f) => ({ question: f.question, answer: f.answer })) }
            : { ...heading('faq'), paragraphs: [words.none] },
        ]),
    {
      ...heading('contact'),
      rows: [...row(words, 'consultPhone', phones.consult), ...row(words, 'complaintPhone', phones.complaint)],
      paragraphs: [words.contactNote],
    },
  ];
  return {
    lang,
    bureauName: bureau.bureauName,
    title: fill(words.title, { item: item.name }),
    itemId: item.id,
    itemName: item.name,
    code: item.code,
    rev: version.rev,
    publishedOn: beijingDate(version.publishedAt),
    versionLine: versionLineText(version.rev, version.publishedAt, lang),
    sections,
  };
}

/** A section of a composed guide by key (the leaflet picks its essentials this way). */
export function guideSection(doc: GuideDocument, key: GuideSectionKey): GuideSection | undefined {
  return doc.sections.find((s) => s.key === key);
}

/** A row's value anywhere in a composed guide. */
export function guideRowValue(doc: GuideDocument, key: GuideRowKey): string | undefined {
  for (const section of doc.sections) {
    const found = section.rows?.find((r) => r.key === key);
    if (found) return found.value;
  }
  return undefined;
}
