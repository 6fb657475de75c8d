import { z } from 'zod';
import { departmentIdSchema, eventIdSchema, slugSchema, staffIdSchema } from './ids.ts';
import { phoneSchema } from '../rules/phone.ts';
import { LIMITS, listOf, multiLine, singleLine } from './limits.ts';

// 公开承诺 / 一次性告知 (chapters 3 and 5): what each service item requires, how long the bureau has,
// what it costs. The catalog is the single source for slips, leaflets and the desk.

export const serviceItemIdSchema = slugSchema.brand<'ServiceItemId'>();
export type ServiceItemId = z.infer<typeof serviceItemIdSchema>;

export const SERVICE_CATEGORIES = [
  'techContract',
  'enterprise',
  'project',
  'award',
  'platform',
  'talent',
  'other',
] as const;

// A field an admin must fill in: one line, or (legal basis) prose.
const line = (max: number) => singleLine(max).min(1);

export const materialSchema = z.object({
  /** Stable within the item, so a case's checklist survives catalog edits. */
  id: slugSchema,
  name: line(LIMITS.materialName),
  originals: z.number().int().min(0).max(20),
  copies: z.number().int().min(0).max(20),
  /** e.g. 纸质 A4，加盖单位公章 / 电子版 PDF */
  format: line(LIMITS.materialFormat),
  requirement: z.enum(['required', 'conditional']),
  /** When a conditional material is needed. */
  condition: line(LIMITS.condition).optional(),
  notes: line(LIMITS.note).optional(),
  /** Where the sample or template is (a document number, a web page, a counter). */
  sampleRef: line(LIMITS.sampleRef).optional(),
});
export type Material = z.infer<typeof materialSchema>;

const limitDays = z.number().int().min(1).max(365);

/**
 * art. 16 环节时限: one step of the procedure and the working days it may take. A catalog stored before steps had
 * limits holds plain strings; such a step still reads, as a step without a limit.
 */
export const procedureStepSchema = z.preprocess(
  (step) => (typeof step === 'string' ? { name: step } : step),
  z.object({ name: line(LIMITS.procedureStep), limitDays: limitDays.optional() }),
);
export type ProcedureStep = z.infer<typeof procedureStepSchema>;

/**
 * 办事指南 (issue 16 item 1): the national guide's elements a published item states besides the checklist's. Each is
 * optional in the schema, because versions stored before issue 16 lack them and still read; publication requires
 * them (shared/rules/catalogPublication.ts `guideGaps`), so every version published since states them all.
 */
export const APPLICANT_KINDS = ['natural', 'legal'] as const; // 自然人 / 法人（含其他组织）
export const RESULT_DELIVERIES = ['window', 'post', 'electronic'] as const; // 窗口领取 / 邮寄送达 / 电子送达
export const GUIDE_FORM_KINDS = ['blank', 'sample'] as const; // 空白表格 / 示例样表

export const guideResultSchema = z.object({
  /** What the applicant receives: 《技术合同登记证明》, 认定证书, 书面答复. */
  name: line(LIMITS.serviceItemName),
  delivery: listOf(z.enum(RESULT_DELIVERIES), RESULT_DELIVERIES.length).min(1),
});

/** 特别程序: expert review, a hearing, public notice; whether its days count in the item's limit (行政许可法 §45). */
export const specialStepSchema = z.object({
  name: line(LIMITS.specialStep),
  limitDays: limitDays.optional(),
  countsInLimit: z.boolean(),
});
export type SpecialStep = z.infer<typeof specialStepSchema>;

export const faqEntrySchema = z.object({
  question: line(LIMITS.faqQuestion),
  answer: multiLine(LIMITS.faqAnswer).min(1),
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;

/** A file uploaded to HQ, named by the SHA-256 of its bytes (hex): HQ serves it on the public site once published. */
export const GUIDE_FILE_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
] as const;
export const GUIDE_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** The extension a form's file name ends with, by its type: a visitor's computer opens the download by it. */
export const GUIDE_FILE_EXTENSIONS = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel': 'xls',
} as const satisfies Record<(typeof GUIDE_FILE_TYPES)[number], string>;

/** A name to save a download as, never a path, nor a hidden file (a leading dot): 申请表.pdf, not ../a.pdf or .pdf. */
export function isPlainFileName(name: string): boolean {
  return !/[/\\]/.test(name) && !name.startsWith('.');
}

/** Whether a file name ends with its type's extension (any case: 申请表.PDF), after a name of its own. */
export function fileNameFitsType(name: string, mediaType: (typeof GUIDE_FILE_TYPES)[number]): boolean {
  const ext = `.${GUIDE_FILE_EXTENSIONS[mediaType] as string | undefined}`;
  // Guarded: an object's refinement may see a type its enum has already refused.
  return (
    typeof name === 'string' &&
    mediaType in GUIDE_FILE_EXTENSIONS &&
    name.length > ext.length &&
    name.toLowerCase().endsWith(ext)
  );
}

export const guideFileSchema = z
  .object({
    sha256: z
      .string()
      .max(64)
      .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
    mediaType: z.enum(GUIDE_FILE_TYPES),
    bytes: z.number().int().min(1).max(GUIDE_FILE_MAX_BYTES),
    /** The name a download is saved as: 技术合同登记申请表.docx (the upload's X-File-Name, as HQ recorded it). */
    fileName: line(LIMITS.fileName).refine(isPlainFileName, 'must be a file name, not a path or a hidden file'),
  })
  // A PDF saved as 申请表.docx (or as noext) opens in the wrong program, or in none, on a visitor's computer.
  .refine((file) => fileNameFitsType(file.fileName, file.mediaType), {
    path: ['fileName'],
    message: 'must end with the extension of its type (.pdf, .docx, .doc, .xlsx, .xls)',
  });
export type GuideFile = z.infer<typeof guideFileSchema>;

export const guideFormSchema = z.object({
  kind: z.enum(GUIDE_FORM_KINDS),
  /** As the guide lists it: 技术合同认定登记申请表（空白）. */
  name: line(LIMITS.serviceItemName),
  /** The material this form is for, when it is one (its id in `materials`). */
  materialId: slugSchema.optional(),
  file: guideFileSchema,
});
export type GuideForm = z.infer<typeof guideFormSchema>;

export const publicationSchema = z.object({
  /** When HQ stored the approval: the version's date on every page, leaflet and poster. */
  publishedAt: z.iso.datetime({ offset: true }).max(LIMITS.isoDateTime),
  /** The catalog.itemSaved event that drafted this version, its author, and the second person who approved it. */
  draftEventId: eventIdSchema,
  draftedBy: staffIdSchema,
  approvedBy: staffIdSchema,
});
export type Publication = z.infer<typeof publicationSchema>;

export const feeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }),
  z.object({ kind: z.literal('charged'), standard: line(LIMITS.fee), basis: line(LIMITS.fee) }),
]);

export const serviceItemSchema = z
  .object({
    id: serviceItemIdSchema,
    name: line(LIMITS.serviceItemName),
    category: z.enum(SERVICE_CATEGORIES),
    legalBasis: multiLine(LIMITS.legalBasis).min(1),
    conditions: listOf(line(LIMITS.condition), LIMITS.itemLines).min(1),
    procedure: listOf(procedureStepSchema, LIMITS.itemLines).min(1),
    materials: listOf(materialSchema, LIMITS.itemMaterials).min(1),
    /**
     * 法定时限 in statutory working days (art. 19). Absent where no law sets one (art. 16): the promised limit then
     * stands alone, and no slip prints a statutory limit.
     */
    statutoryLimitDays: limitDays.optional(),
    /** 承诺时限: never longer than the statutory limit where there is one (art. 15). */
    promisedLimitDays: limitDays,
    fee: feeSchema,
    departmentId: departmentIdSchema,
    /** Where the applicant submits (the window, a department office). */
    submitAt: line(LIMITS.address),
    consultPhone: phoneSchema,
    complaintPhone: phoneSchema,
    active: z.boolean(),
    /**
     * 行政许可事项: the item is an administrative licence under 《中华人民共和国行政许可法》 (most of a science bureau's
     * items are not: recognitions, registrations, recommendations). Only then does the law itself say that an
     * application not told to supplement within five days counts as accepted (§32) and which periods do not count
     * (§45); for other items the same practice is the bureau's own rule, and the slips and the desk say so.
     * Absent means not a licence.
     */
    administrativeLicence: z.boolean().optional(),
    // --- 办事指南 elements (issue 16 item 1); see guideResultSchema above ---
    /** 事项编码: the item's code in the province's implementation list (国家政务服务平台 实施编码). */
    code: line(LIMITS.itemCode).optional(),
    /** 服务对象: who may apply. */
    applicants: listOf(z.enum(APPLICANT_KINDS), APPLICANT_KINDS.length).min(1).optional(),
    /** 办理地点: the full street address of `submitAt`. */
    address: line(LIMITS.address).optional(),
    /** 办理时间: 工作日 上午 9:00–12:00，下午 13:30–17:00. */
    hours: line(LIMITS.officeHours).optional(),
    /** Whether the office also receives on weekends and public holidays (节假日是否办理). */
    openOnHolidays: z.boolean().optional(),
    /** 办理结果 and 送达方式. */
    result: guideResultSchema.optional(),
    /** 到现场次数: how many times the applicant must come in person (0 = 全程网办). */
    visits: z.number().int().min(0).max(5).optional(),
    /** 特别程序; an empty list says there are none. */
    specialSteps: listOf(specialStepSchema, LIMITS.itemSpecialSteps).optional(),
    /** 常见问题. */
    faq: listOf(faqEntrySchema, LIMITS.itemFaq).optional(),
    /** 空白表格 and 示例样表, uploaded to HQ. */
    forms: listOf(guideFormSchema, LIMITS.itemForms).optional(),
    /**
     * 公开承诺 (art. 20–23, issue 16 item 2): set by HQ, never by a desk, when a second administrator approves a draft
     * (catalog.itemPublished): the version is then frozen and dated. A version without it was seeded or saved before
     * publication needed approval; it dates from its document's updatedAt.
     */
    publication: publicationSchema.optional(),
  })
  .refine((item) => item.statutoryLimitDays === undefined || item.promisedLimitDays <= item.statutoryLimitDays, {
    message: 'promisedAboveStatutory',
    path: ['promisedLimitDays'],
  })
  // art. 16: the steps are parts of the promised limit, so their limits together cannot exceed it.
  .refine((item) => stepLimitsTotal(item.procedure) <= item.promisedLimitDays, {
    message: 'stepLimitsAbovePromised',
    path: ['procedure'],
  })
  .refine((item) => new Set(item.materials.map((m) => m.id)).size === item.materials.length, {
    message: 'materialIdDuplicate',
    path: ['materials'],
  })
  .refine(
    (item) => (item.forms ?? []).every((f) => !f.materialId || item.materials.some((m) => m.id === f.materialId)),
    {
      message: 'formMaterialUnknown',
      path: ['forms'],
    },
  );
export type ServiceItem = z.infer<typeof serviceItemSchema>;

/** The working days the steps with a limit add up to. */
export function stepLimitsTotal(steps: readonly ProcedureStep[]): number {
  return steps.reduce((sum, step) => sum + (step.limitDays ?? 0), 0);
}

/**
 * A version of a catalog item as it was: every case keeps the version it was opened under (case.opened catalogRev),
 * and its slips are composed from that version whatever an admin changes later (issue 12). The server keeps each
 * version it replaces as a reference document of its own, `${itemId}@${rev}`, so every desk (one enrolled later
 * too) has them.
 */
export const catalogVersionSchema = z.object({ rev: z.number().int().positive(), item: serviceItemSchema });
export type CatalogVersionBody = z.infer<typeof catalogVersionSchema>;

const CATALOG_VERSION_RE = /^[a-z0-9][a-z0-9-]{1,63}@[1-9]\d{0,8}$/;
export const catalogVersionIdSchema = z
  .string()
  .max(LIMITS.slug + 10)
  .regex(CATALOG_VERSION_RE, 'must be an item id and a version: item-id@3');

export function catalogVersionId(itemId: string, rev: number): string {
  return `${itemId}@${rev}`;
}
