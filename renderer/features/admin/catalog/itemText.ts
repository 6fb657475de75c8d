import type { TFunction } from 'i18next';
import type { GuideFile, ServiceItem } from '../../../../shared/model/catalog.ts';
import { beijingDate } from '../../../../shared/rules/case.ts';
import { shortSha } from '../../../data/catalogFiles.ts';

// How the review of a draft shows each field of an item, side by side with the version in force: one plain text
// per field, so what differs is seen at a glance and compared by value.

/** The fields of an item the review compares, in the editor's order (the publication stamp is HQ's, not a field). */
export const REVIEW_FIELDS = [
  'name',
  'code',
  'category',
  'departmentId',
  'administrativeLicence',
  'legalBasis',
  'applicants',
  'conditions',
  'materials',
  'procedure',
  'specialSteps',
  'statutoryLimitDays',
  'promisedLimitDays',
  'fee',
  'submitAt',
  'address',
  'hours',
  'openOnHolidays',
  'visits',
  'result',
  'forms',
  'faq',
  'consultPhone',
  'complaintPhone',
  'active',
] as const satisfies readonly (keyof ServiceItem)[];
export type ReviewField = (typeof REVIEW_FIELDS)[number];

/** The fields whose values differ (all of them against no version: a new item). */
export function changedFields(before: ServiceItem | undefined, after: ServiceItem): ReviewField[] {
  return REVIEW_FIELDS.filter((k) => !before || JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** A day as the admin reads it: 2026年12月2日 (the Beijing day of an HQ time). */
export function publicationDay(iso: string, t: TFunction): string {
  const [y, m, d] = beijingDate(iso).split('-').map(Number);
  return t('admin.catalog.day', { y, m, d });
}

/** 24 KB, 1.2 MB: a form's size as the admin reads it (a one-page form is often a few KB). */
export function fileSizeText(bytes: number): string {
  return bytes < 100 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A form's file as the review shows it: name, size and the start of its SHA-256 — a file swapped under the same
 * name reads as a changed value (art. 20–23: approval publishes exactly these bytes).
 */
export function fileFactsText(file: GuideFile, t: TFunction): string {
  return t('admin.guide.fileFacts', {
    name: file.fileName,
    size: fileSizeText(file.bytes),
    sha: shortSha(file.sha256),
  });
}

/** 技术合同认定登记申请表（空白表格） */
export function formHeading(form: NonNullable<ServiceItem['forms']>[number], t: TFunction): string {
  return `${form.name}（${t(`admin.guide.formKinds.${form.kind}`)}）`;
}

/** One field of an item as text ('' when the version does not state it). */
export function fieldText(
  item: ServiceItem,
  field: ReviewField,
  t: TFunction,
  departmentName: (id: string) => string,
): string {
  const yesNo = (v: boolean | undefined) => (v === undefined ? '' : t(v ? 'admin.publish.yes' : 'admin.publish.no'));
  const none = t('admin.guide.none');
  switch (field) {
    case 'category':
      return t(`admin.catalog.categories.${item.category}`);
    case 'departmentId':
      return departmentName(item.departmentId);
    case 'administrativeLicence':
      return yesNo(item.administrativeLicence === true);
    case 'active':
    case 'openOnHolidays':
      return yesNo(item[field]);
    case 'applicants':
      return (item.applicants ?? []).map((a) => t(`admin.guide.applicantKinds.${a}`)).join('、');
    case 'conditions':
      return item.conditions.join('\n');
    case 'materials':
      return item.materials
        .map((m, i) => {
          const when =
            m.requirement === 'conditional' ? t('admin.publish.materialWhen', { condition: m.condition ?? '' }) : '';
          return `${i + 1}. ${m.name}（${t('admin.publish.materialCounts', { originals: m.originals, copies: m.copies })}）${m.format ? `，${m.format}` : ''}${when}`;
        })
        .join('\n');
    case 'procedure':
      return item.procedure
        .map((s, i) => `${i + 1}. ${s.name}${s.limitDays ? t('admin.publish.days', { days: s.limitDays }) : ''}`)
        .join('\n');
    case 'specialSteps':
      if (!item.specialSteps) return '';
      if (item.specialSteps.length === 0) return none;
      return item.specialSteps
        .map(
          (s) =>
            `${s.name}${s.limitDays ? t('admin.publish.days', { days: s.limitDays }) : ''}（${t(s.countsInLimit ? 'admin.guide.counts' : 'admin.guide.notCounts')}）`,
        )
        .join('\n');
    case 'statutoryLimitDays':
      return item.statutoryLimitDays === undefined ? t('admin.publish.noStatutory') : String(item.statutoryLimitDays);
    case 'promisedLimitDays':
      return String(item.promisedLimitDays);
    case 'fee':
      return item.fee.kind === 'free'
        ? t('admin.item.feeFree')
        : `${item.fee.standard}（${t('admin.item.feeBasis')}：${item.fee.basis}）`;
    case 'visits':
      return item.visits === undefined ? '' : t('admin.publish.visits', { count: item.visits });
    case 'result':
      return item.result
        ? `${item.result.name}（${item.result.delivery.map((d) => t(`admin.guide.deliveries.${d}`)).join('、')}）`
        : '';
    case 'forms':
      if (!item.forms) return '';
      if (item.forms.length === 0) return none;
      return item.forms.map((f) => `${formHeading(f, t)}（${fileFactsText(f.file, t)}）`).join('\n');
    case 'faq':
      if (!item.faq) return '';
      if (item.faq.length === 0) return none;
      return item.faq.map((f) => `${t('admin.publish.q')}${f.question}\n${t('admin.publish.a')}${f.answer}`).join('\n');
    default:
      return item[field] ?? '';
  }
}
