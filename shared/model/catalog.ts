import { z } from 'zod';
import { departmentIdSchema, slugSchema } from './ids.ts';
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
  });
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
