import { z } from 'zod';
import { agencyIdSchema, contactIdSchema, eventIdSchema, slugSchema, ulidSchema } from './ids.ts';
import { envelopeShape } from './envelope.ts';
import { blankAsAbsent, LIMITS, listOf, multiLine } from './limits.ts';
import { serviceItemIdSchema } from './catalog.ts';
import { isoDateSchema } from './calendar.ts';
import { pauseReasonSchema } from './deadline.ts';
import { NOTIFY_CHANNELS } from './contactEvents.ts';

// 限时办结 (chapter 4): a case is opened from a contact for a catalog item and runs on a working-day clock.

export const caseIdSchema = ulidSchema.brand<'CaseId'>();
export type CaseId = z.infer<typeof caseIdSchema>;

const notifyChannel = z.enum(NOTIFY_CHANNELS);

export const caseOpenedPayload = z.object({
  contactId: contactIdSchema,
  serviceItemId: serviceItemIdSchema,
  /** The catalog version the desk used: slips and limits come from it, whatever changes later. */
  catalogRev: z.number().int().positive(),
});

export const MATERIAL_STATES = ['received', 'missing', 'nonConforming'] as const;
export const materialCheckSchema = z
  .object({
    materialId: slugSchema,
    state: z.enum(MATERIAL_STATES),
    note: blankAsAbsent(multiLine(LIMITS.materialNote)),
  })
  .refine((c) => c.state !== 'nonConforming' || Boolean(c.note), {
    message: 'nonConformingNoteRequired',
    path: ['note'],
  });

// art. 10–11: the clerk checks each material as received, missing or non-conforming.
export const caseMaterialsCheckedPayload = z.object({
  checks: listOf(materialCheckSchema, LIMITS.itemMaterials).min(1),
});

// art. 11: complete and conforming → accepted; the clock starts the working day after `acceptedOn`.
export const caseAcceptedPayload = z.object({
  acceptedOn: isoDateSchema,
  promisedLimitDays: z.number().int().min(1).max(365),
  statutoryLimitDays: z.number().int().min(1).max(365),
});

// art. 11: incomplete → tell the applicant once, exactly what to supplement; the clock does not start.
export const caseSupplementRequestedPayload = z.object({
  requestedOn: isoDateSchema,
  materialIds: listOf(slugSchema, LIMITS.itemMaterials).min(1, 'supplementNothingMissing'),
});

// art. 11: not acceptable → the reason and its legal basis.
export const caseRejectedPayload = z.object({
  reason: multiLine(LIMITS.explanation).min(1, 'rejectionReasonRequired'),
  legalBasis: multiLine(LIMITS.legalBasis).min(1, 'legalBasisRequired'),
  competentAgencyId: agencyIdSchema.optional(),
});

export const casePausedPayload = z.object({
  from: isoDateSchema,
  reason: pauseReasonSchema,
  note: multiLine(LIMITS.reason).min(1, 'pauseNoteRequired'),
});
export const caseResumedPayload = z.object({ on: isoDateSchema });

// art. 17: an extension needs a leader's approval, and the applicant is told the reason and the new limit.
export const caseExtensionRequestedPayload = z.object({
  days: z.number().int().min(1, 'extensionDaysRequired').max(60),
  reason: multiLine(LIMITS.reason).min(1, 'extensionReasonRequired'),
});
export const caseExtensionDecidedPayload = z.object({
  requestEventId: eventIdSchema,
  decision: z.enum(['approved', 'refused']),
  note: blankAsAbsent(multiLine(LIMITS.note)),
});
export const caseApplicantNotifiedPayload = z.object({
  /** What the applicant was told about: the extension, or the result (art. 18(3)). */
  about: z.enum(['extension', 'result']),
  how: notifyChannel,
  note: blankAsAbsent(multiLine(LIMITS.note)),
});

export const caseCompletedPayload = z.object({
  completedOn: isoDateSchema,
  outcome: z.enum(['granted', 'notGranted', 'done']),
  result: multiLine(LIMITS.explanation).min(1, 'resultRequired'),
});

export const casePayloadSchemas = {
  'case.opened': caseOpenedPayload,
  'case.materialsChecked': caseMaterialsCheckedPayload,
  'case.accepted': caseAcceptedPayload,
  'case.supplementRequested': caseSupplementRequestedPayload,
  'case.rejected': caseRejectedPayload,
  'case.paused': casePausedPayload,
  'case.resumed': caseResumedPayload,
  'case.extensionRequested': caseExtensionRequestedPayload,
  'case.extensionDecided': caseExtensionDecidedPayload,
  'case.applicantNotified': caseApplicantNotifiedPayload,
  'case.completed': caseCompletedPayload,
} as const;

const caseShape = { ...envelopeShape, aggregate: z.literal('case'), aggregateId: caseIdSchema };

export const caseEventSchema = z.discriminatedUnion('type', [
  z.object({ ...caseShape, type: z.literal('case.opened'), payload: caseOpenedPayload }),
  z.object({ ...caseShape, type: z.literal('case.materialsChecked'), payload: caseMaterialsCheckedPayload }),
  z.object({ ...caseShape, type: z.literal('case.accepted'), payload: caseAcceptedPayload }),
  z.object({ ...caseShape, type: z.literal('case.supplementRequested'), payload: caseSupplementRequestedPayload }),
  z.object({ ...caseShape, type: z.literal('case.rejected'), payload: caseRejectedPayload }),
  z.object({ ...caseShape, type: z.literal('case.paused'), payload: casePausedPayload }),
  z.object({ ...caseShape, type: z.literal('case.resumed'), payload: caseResumedPayload }),
  z.object({ ...caseShape, type: z.literal('case.extensionRequested'), payload: caseExtensionRequestedPayload }),
  z.object({ ...caseShape, type: z.literal('case.extensionDecided'), payload: caseExtensionDecidedPayload }),
  z.object({ ...caseShape, type: z.literal('case.applicantNotified'), payload: caseApplicantNotifiedPayload }),
  z.object({ ...caseShape, type: z.literal('case.completed'), payload: caseCompletedPayload }),
]);
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const CASE_EVENT_VERSIONS: Record<CaseEvent['type'], number> = {
  'case.opened': 1,
  'case.materialsChecked': 1,
  'case.accepted': 1,
  'case.supplementRequested': 1,
  'case.rejected': 1,
  'case.paused': 1,
  'case.resumed': 1,
  'case.extensionRequested': 1,
  'case.extensionDecided': 1,
  'case.applicantNotified': 1,
  'case.completed': 1,
};
