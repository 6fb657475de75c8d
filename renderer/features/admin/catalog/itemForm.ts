import type { z } from 'zod';
import type {
  APPLICANT_KINDS,
  FaqEntry,
  GUIDE_FORM_KINDS,
  GuideFile,
  GuideForm,
  Material,
  ProcedureStep,
  RESULT_DELIVERIES,
  SERVICE_CATEGORIES,
  ServiceItem,
  serviceItemSchema,
  SpecialStep,
} from '../../../../shared/model/catalog.ts';

// The catalog editor's form state: what the admin types, kept as typed (blank optional fields, lists as one
// line per entry) and turned into the shared schema's input only on save, where the schema judges it.

export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export interface MaterialForm {
  id: string;
  name: string;
  originals: number | string;
  copies: number | string;
  format: string;
  requirement: Material['requirement'];
  condition: string;
  notes: string;
  sampleRef: string;
}

/** One step of the procedure (art. 16 环节时限): its name and, optionally, its limit in working days. */
export interface StepForm {
  /** Only for React: rows keep their identity while others are added or removed. */
  key: string;
  name: string;
  limitDays: number | string;
}

/** 特别程序 (expert review, hearing, public notice): its days, and whether they count in the item's limit. */
export interface SpecialStepForm {
  key: string;
  name: string;
  limitDays: number | string;
  countsInLimit: boolean;
}

export interface FaqForm {
  key: string;
  question: string;
  answer: string;
}

/** An attached form: its file is uploaded to HQ first (absent until then: the row cannot be saved without it). */
export interface GuideFormForm {
  key: string;
  kind: (typeof GUIDE_FORM_KINDS)[number];
  name: string;
  /** '' when the form belongs to no one material. */
  materialId: string;
  file?: GuideFile;
}

export interface ItemForm {
  id: string;
  name: string;
  category: ServiceCategory;
  legalBasis: string;
  /** 行政许可事项 (行政许可法 §32, §45 then apply); unticked is saved as absent: not a licence. */
  administrativeLicence: boolean;
  /** One condition per line. */
  conditions: string;
  /** In order; a row left wholly blank is dropped on save. */
  procedure: StepForm[];
  materials: MaterialForm[];
  /** '' where no law sets a limit (art. 16). */
  statutoryLimitDays: number | string;
  promisedLimitDays: number | string;
  feeKind: 'free' | 'charged';
  feeStandard: string;
  feeBasis: string;
  departmentId: string;
  submitAt: string;
  consultPhone: string;
  complaintPhone: string;
  active: boolean;
  // 办事指南 elements (issue 16 item 1)
  /** 事项编码 (the province's implementation code); blank: not stated. */
  code: string;
  applicants: (typeof APPLICANT_KINDS)[number][];
  address: string;
  hours: string;
  openOnHolidays: boolean;
  resultName: string;
  resultDelivery: (typeof RESULT_DELIVERIES)[number][];
  /** 到现场次数; '' not stated. */
  visits: number | string;
  /** An empty list states that there are none (无). */
  specialSteps: SpecialStepForm[];
  faq: FaqForm[];
  forms: GuideFormForm[];
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const number = (v: number | string): number | undefined => (typeof v === 'number' ? v : undefined);
const optional = (v: string): string | undefined => (v.trim() ? v : undefined);

function materialForm(m: Material): MaterialForm {
  return { ...m, condition: m.condition ?? '', notes: m.notes ?? '', sampleRef: m.sampleRef ?? '' };
}

let stepKeys = 0;
const rowKey = (kind: string) => `${kind}-${(stepKeys += 1)}`;

export function specialStepForm(step?: SpecialStep): SpecialStepForm {
  return {
    key: rowKey('special'),
    name: step?.name ?? '',
    limitDays: step?.limitDays ?? '',
    countsInLimit: step?.countsInLimit ?? false,
  };
}

export function faqForm(entry?: FaqEntry): FaqForm {
  return { key: rowKey('faq'), question: entry?.question ?? '', answer: entry?.answer ?? '' };
}

export function guideFormForm(form?: GuideForm): GuideFormForm {
  return {
    key: rowKey('form'),
    kind: form?.kind ?? 'blank',
    name: form?.name ?? '',
    materialId: form?.materialId ?? '',
    ...(form ? { file: form.file } : {}),
  };
}

/** The guide's elements as the form holds them (an item saved before issue 16 has none: blank fields). */
function guideForm(
  item: ServiceItem | undefined,
): Pick<
  ItemForm,
  | 'code'
  | 'applicants'
  | 'address'
  | 'hours'
  | 'openOnHolidays'
  | 'resultName'
  | 'resultDelivery'
  | 'visits'
  | 'specialSteps'
  | 'faq'
  | 'forms'
> {
  return {
    code: item?.code ?? '',
    applicants: [...(item?.applicants ?? [])],
    address: item?.address ?? '',
    hours: item?.hours ?? '',
    openOnHolidays: item?.openOnHolidays ?? false,
    resultName: item?.result?.name ?? '',
    resultDelivery: [...(item?.result?.delivery ?? [])],
    visits: item?.visits ?? '',
    specialSteps: (item?.specialSteps ?? []).map(specialStepForm),
    faq: (item?.faq ?? []).map(faqForm),
    forms: (item?.forms ?? []).map(guideFormForm),
  };
}

/** A blank step row (or one holding an existing step). */
export function stepForm(step?: ProcedureStep): StepForm {
  stepKeys += 1;
  return { key: `step-${stepKeys}`, name: step?.name ?? '', limitDays: step?.limitDays ?? '' };
}

/** A material id not used in the item yet: ids stay stable across edits, so a case's checklist survives. */
export function newMaterial(existing: readonly MaterialForm[]): MaterialForm {
  const used = new Set(existing.map((m) => m.id));
  let n = existing.length + 1;
  while (used.has(`material-${n}`)) n++;
  const blank = { name: '', format: '', condition: '', notes: '', sampleRef: '' };
  return { id: `material-${n}`, ...blank, originals: 1, copies: 0, requirement: 'required' };
}

/** The form for an existing item, or for a new one with the bureau's complaint phone filled in. */
export function toForm(item: ServiceItem | undefined, complaintPhone: string): ItemForm {
  if (!item) {
    const empty = { id: '', name: '', legalBasis: '', conditions: '', departmentId: '', submitAt: '' };
    return {
      ...empty,
      category: 'other',
      // Most of a science bureau's items are not licences; the admin ticks the few that are.
      administrativeLicence: false,
      procedure: [stepForm()],
      materials: [newMaterial([])],
      // art. 16: no statutory limit unless the admin enters the one a law sets.
      statutoryLimitDays: '',
      promisedLimitDays: 20,
      feeKind: 'free',
      feeStandard: '',
      feeBasis: '',
      consultPhone: '',
      complaintPhone,
      active: true,
      ...guideForm(undefined),
    };
  }
  const fee = item.fee.kind === 'charged' ? item.fee : { standard: '', basis: '' };
  // The publication stamp is HQ's, never the form's.
  const { publication: _stamp, ...fields } = item;
  return {
    ...fields,
    ...guideForm(item),
    administrativeLicence: item.administrativeLicence === true,
    conditions: item.conditions.join('\n'),
    procedure: item.procedure.map(stepForm),
    materials: item.materials.map(materialForm),
    statutoryLimitDays: item.statutoryLimitDays ?? '',
    feeKind: item.fee.kind,
    feeStandard: fee.standard,
    feeBasis: fee.basis,
  };
}

/** What the form says, as the shared schema's input (the schema, not the form, decides if it is valid). */
export function fromForm(form: ItemForm): z.input<typeof serviceItemSchema> {
  return {
    id: form.id.trim(),
    name: form.name,
    category: form.category,
    legalBasis: form.legalBasis,
    administrativeLicence: form.administrativeLicence || undefined,
    conditions: lines(form.conditions),
    procedure: form.procedure
      .filter((s) => s.name.trim() || s.limitDays !== '')
      .map((s) => ({ name: s.name.trim(), limitDays: number(s.limitDays) })),
    materials: form.materials.map((m) => ({
      id: m.id,
      name: m.name,
      originals: number(m.originals) as number,
      copies: number(m.copies) as number,
      format: m.format,
      requirement: m.requirement,
      // A required material has no condition: what was typed while it was conditional is dropped.
      condition: m.requirement === 'conditional' ? optional(m.condition) : undefined,
      notes: optional(m.notes),
      sampleRef: optional(m.sampleRef),
    })),
    statutoryLimitDays: number(form.statutoryLimitDays),
    promisedLimitDays: number(form.promisedLimitDays) as number,
    fee:
      form.feeKind === 'free'
        ? { kind: 'free' }
        : { kind: 'charged', standard: form.feeStandard, basis: form.feeBasis },
    departmentId: form.departmentId,
    submitAt: form.submitAt,
    consultPhone: form.consultPhone,
    complaintPhone: form.complaintPhone,
    active: form.active,
    code: optional(form.code)?.trim(),
    applicants: form.applicants.length > 0 ? form.applicants : undefined,
    address: optional(form.address),
    hours: optional(form.hours),
    openOnHolidays: form.openOnHolidays,
    result:
      form.resultName.trim() || form.resultDelivery.length > 0
        ? { name: form.resultName, delivery: form.resultDelivery }
        : undefined,
    visits: number(form.visits),
    // The editor always states these lists: an empty one says 无 on the guide.
    specialSteps: form.specialSteps
      .filter((s) => s.name.trim() || s.limitDays !== '')
      .map((s) => ({ name: s.name.trim(), limitDays: number(s.limitDays), countsInLimit: s.countsInLimit })),
    faq: form.faq
      .filter((f) => f.question.trim() || f.answer.trim())
      .map((f) => ({ question: f.question.trim(), answer: f.answer.trim() })),
    forms: form.forms.map((f) => ({
      kind: f.kind,
      name: f.name,
      materialId: f.materialId || undefined,
      file: f.file as GuideFile,
    })),
  };
}
