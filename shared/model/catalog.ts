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
    procedure: listOf(line(LIMITS.procedureStep), LIMITS.itemLines).min(1),
    materials: listOf(materialSchema, LIMITS.itemMaterials).min(1),
    /** 法定时限 in statutory working days (art. 19). */
    statutoryLimitDays: z.number().int().min(1).max(365),
    /** 承诺时限: never longer than the statutory limit (art. 15). */
    promisedLimitDays: z.number().int().min(1).max(365),
    fee: feeSchema,
    departmentId: departmentIdSchema,
    /** Where the applicant submits (the window, a department office). */
    submitAt: line(LIMITS.address),
    consultPhone: phoneSchema,
    complaintPhone: phoneSchema,
    active: z.boolean(),
  })
  .refine((item) => item.promisedLimitDays <= item.statutoryLimitDays, {
    message: 'promisedAboveStatutory',
    path: ['promisedLimitDays'],
  })
  .refine((item) => new Set(item.materials.map((m) => m.id)).size === item.materials.length, {
    message: 'materialIdDuplicate',
    path: ['materials'],
  });
export type ServiceItem = z.infer<typeof serviceItemSchema>;
