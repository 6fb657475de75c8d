import { z } from 'zod';
import { agencyIdSchema, contactIdSchema, eventIdSchema, slugSchema, staffIdSchema, ulidSchema } from './ids.ts';
import { envelopeShape } from './envelope.ts';
import { blankAsAbsent, LIMITS, listOf, multiLine } from './limits.ts';
import { serviceItemIdSchema } from './catalog.ts';
import { isoDateSchema } from './calendar.ts';
import { legacyPauseReasonSchema } from './deadline.ts';
import { NOTIFY_CHANNELS } from './contactEvents.ts';

// 限时办结 (chapter 4): a case is opened from a contact for a catalog item and runs on a working-day clock.

export const caseIdSchema = ulidSchema.brand<'CaseId'>();
export type CaseId = z.infer<typeof caseIdSchema>;

const notifyChannel = z.enum(NOTIFY_CHANNELS);

const limitDays = z.number().int().min(1).max(365);

/** art. 15: the promised limit is never longer than the statutory one (when a law sets one, art. 16). */
const promisedWithinStatutory = <T extends { promisedLimitDays?: number; statutoryLimitDays?: number }>(p: T) =>
  p.promisedLimitDays === undefined ||
  p.statutoryLimitDays === undefined ||
  p.promisedLimitDays <= p.statutoryLimitDays;

/**
 * How the materials came in. inPerson: checked at the window with the applicant there, so anything missing is told
 * at once, in the same sitting (art. 11 立即告知). leftForReview: left, posted or sent for review later (留件审查):
 * the legal outer limit applies (行政许可法 §32: within five days; if not told in time, the application counts as
 * accepted from the day the materials were received).
 */
export const INTAKES = ['inPerson', 'leftForReview'] as const;
export const intakeSchema = z.enum(INTAKES);
export type Intake = z.infer<typeof intakeSchema>;

export const caseOpenedPayload = z
  .object({
    contactId: contactIdSchema,
    serviceItemId: serviceItemIdSchema,
    /** The catalog version the desk used: slips and limits come from it, whatever changes later. */
    catalogRev: z.number().int().positive(),
    /** The day the materials were received; absent on cases opened before it was recorded (then: the day opened). */
    receivedOn: isoDateSchema.optional(),
    /** Absent on older cases: inPerson. */
    intake: intakeSchema.optional(),
    /** The limits of that catalog version, so a deemed acceptance (§32) can start the clock from receipt. */
    promisedLimitDays: limitDays.optional(),
    /** Absent when no law sets one (art. 16): the promised limit then stands alone. */
    statutoryLimitDays: limitDays.optional(),
  })
  .refine(promisedWithinStatutory, { message: 'promisedAboveStatutory', path: ['promisedLimitDays'] });

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
// art. 15: promised ≤ statutory, checked here so the server refuses a case that breaks it without any state.
export const caseAcceptedPayload = z
  .object({
    acceptedOn: isoDateSchema,
    promisedLimitDays: limitDays,
    /** Absent when no law sets a limit for the item (art. 16). */
    statutoryLimitDays: limitDays.optional(),
    /**
     * 视为受理 (行政许可法 §32): the supplement notice was not given within the legal limit, so the application counts
     * as accepted from the day the materials were received; `acceptedOn` is then that day.
     */
    deemed: z.boolean().optional(),
  })
  .refine(promisedWithinStatutory, { message: 'promisedAboveStatutory', path: ['promisedLimitDays'] });

// art. 11: incomplete → tell the applicant once, exactly what to supplement; the clock does not start.
export const caseSupplementRequestedPayload = z.object({
  requestedOn: isoDateSchema,
  materialIds: listOf(slugSchema, LIMITS.itemMaterials).min(1, 'supplementNothingMissing'),
});

// art. 11: not acceptable → the reason and its legal basis. LEGACY: a final 不予受理 in one step. Desks no longer
// record it (art. 8(二) 说"不"提级管理: see case.rejectionProposed); only a leader's proven session may still push one.
export const caseRejectedPayload = z.object({
  reason: multiLine(LIMITS.explanation).min(1, 'rejectionReasonRequired'),
  legalBasis: multiLine(LIMITS.legalBasis).min(1, 'legalBasisRequired'),
  competentAgencyId: agencyIdSchema.optional(),
});

// art. 8(二) + art. 11: 不予受理 is a "no": proposed with reason and basis to a leader, final only when approved.
export const caseRejectionProposedPayload = caseRejectedPayload.extend({ toLeaderId: staffIdSchema });

// The leader approves (the rejection is final and its notice printable) or overrules (the case goes back to checking).
export const caseRejectionReviewedPayload = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approved'), note: blankAsAbsent(multiLine(LIMITS.note)) }),
  z.object({ decision: z.literal('overruled'), note: multiLine(LIMITS.reason).min(1, 'overruleReasonRequired') }),
]);

/** How the applicant withdrew the application (撤回申请). */
export const WITHDRAWAL_MEANS = ['written', 'onSite', 'phone', 'online'] as const;

// The applicant withdraws (撤回申请): the case ends at the applicant's wish, before or after acceptance.
export const caseWithdrawnPayload = z.object({
  on: isoDateSchema,
  how: z.enum(WITHDRAWAL_MEANS),
  reason: blankAsAbsent(multiLine(LIMITS.reason)),
});

/**
 * Why a case ended without acceptance and without a rejection (办件终结): the applicant never brought what the
 * supplement notice asked for, cannot be reached, or the application duplicates another. No legal effect is claimed
 * (the regulation has no 视为撤回): the applicant may apply again.
 */
export const CLOSURE_REASONS = ['supplementNotProvided', 'applicantUnreachable', 'duplicate', 'other'] as const;
export const caseClosedPayload = z.object({
  on: isoDateSchema,
  reason: z.enum(CLOSURE_REASONS),
  note: multiLine(LIMITS.reason).min(1, 'closureNoteRequired'),
});

// art. 16 环节时限: the running case moves to step `toStep` (0 is the first step, begun at acceptance) on `on`.
export const caseStepAdvancedPayload = z.object({
  toStep: z
    .number()
    .int()
    .min(1)
    .max(LIMITS.itemLines - 1),
  on: isoDateSchema,
});

// Only what the law excludes from the limit (hearing, expert review, inspection, testing). Version 1 also allowed
// 'supplement', a second supplement request in disguise (art. 10–11): still read, refused from version 2 on.
export const casePausedPayload = z.object({
  from: isoDateSchema,
  reason: legacyPauseReasonSchema,
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
  'case.rejectionProposed': caseRejectionProposedPayload,
  'case.rejectionReviewed': caseRejectionReviewedPayload,
  'case.withdrawn': caseWithdrawnPayload,
  'case.closed': caseClosedPayload,
  'case.stepAdvanced': caseStepAdvancedPayload,
} as const;

const caseShape = { ...envelopeShape, aggregate: z.literal('case'), aggregateId: caseIdSchema };

export const caseEventSchema = z.discriminatedUnion('type', [
  z.object({ ...caseShape, type: z.literal('case.opened'), payload: caseOpenedPayload }),
  z.object({ ...caseShape, type: z.literal('case.materialsChecked'), payload: caseMaterialsCheckedPayload }),
  z.object({ ...caseShape, type: z.literal('case.accepted'), payload: caseAcceptedPayload }),
  z.object({ ...caseShape, type: z.literal('case.supplementRequested'), payload: caseSupplementRequestedPayload }),
  z.object({ ...caseShape, type: z.literal('case.rejected'), payload: caseRejectedPayload }),
  z
    .object({ ...caseShape, type: z.literal('case.paused'), payload: casePausedPayload })
    // art. 10–11: from version 2 'supplement' is not a pause reason (a v1 event already stored still reads).
    .refine((e) => e.v < 2 || e.payload.reason !== 'supplement', {
      message: 'supplementIsNotAPause',
      path: ['payload', 'reason'],
    }),
  z.object({ ...caseShape, type: z.literal('case.resumed'), payload: caseResumedPayload }),
  z.object({ ...caseShape, type: z.literal('case.extensionRequested'), payload: caseExtensionRequestedPayload }),
  z.object({ ...caseShape, type: z.literal('case.extensionDecided'), payload: caseExtensionDecidedPayload }),
  z.object({ ...caseShape, type: z.literal('case.applicantNotified'), payload: caseApplicantNotifiedPayload }),
  z.object({ ...caseShape, type: z.literal('case.completed'), payload: caseCompletedPayload }),
  z.object({ ...caseShape, type: z.literal('case.rejectionProposed'), payload: caseRejectionProposedPayload }),
  z.object({ ...caseShape, type: z.literal('case.rejectionReviewed'), payload: caseRejectionReviewedPayload }),
  z.object({ ...caseShape, type: z.literal('case.withdrawn'), payload: caseWithdrawnPayload }),
  z.object({ ...caseShape, type: z.literal('case.closed'), payload: caseClosedPayload }),
  z.object({ ...caseShape, type: z.literal('case.stepAdvanced'), payload: caseStepAdvancedPayload }),
]);
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const CASE_EVENT_VERSIONS: Record<CaseEvent['type'], number> = {
  'case.opened': 1,
  'case.materialsChecked': 1,
  'case.accepted': 1,
  'case.supplementRequested': 1,
  'case.rejected': 1,
  'case.paused': 2, // 2: 'supplement' is no longer a pause reason
  'case.resumed': 1,
  'case.extensionRequested': 1,
  'case.extensionDecided': 1,
  'case.applicantNotified': 1,
  'case.completed': 1,
  'case.rejectionProposed': 1,
  'case.rejectionReviewed': 1,
  'case.withdrawn': 1,
  'case.closed': 1,
  'case.stepAdvanced': 1,
};
