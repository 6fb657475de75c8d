import { z } from 'zod';
import {
  agencyIdSchema,
  contactIdSchema,
  departmentIdSchema,
  eventIdSchema,
  staffIdSchema,
  ulidSchema,
} from './ids.ts';
import { serviceItemIdSchema } from './catalog.ts';
import { envelopeShape } from './envelope.ts';
import { blankAsAbsent, LIMITS, listOf, multiLine, singleLine } from './limits.ts';
import { MASKED_ID_RE } from '../rules/idNumber.ts';
import { optionalPhoneSchema, phoneSchema } from '../rules/phone.ts';

// The first-inquiry register (chapter 2 of the regulation): the events of a contact.

export const CHANNELS = ['visit', 'call', 'letter', 'online'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const visitorSchema = z
  .object({
    name: blankAsAbsent(singleLine(LIMITS.personName)),
    organisation: blankAsAbsent(singleLine(LIMITS.organisation)),
    phone: optionalPhoneSchema,
    /** PIPL: only the masked form (first 6 + last 4) ever leaves the form; the desk checks the full number. */
    idNumberMasked: z
      .string()
      .max(LIMITS.idNumber, 'invalidIdNumber')
      .regex(MASKED_ID_RE, 'invalidIdNumber')
      .optional(),
  })
  .refine((v) => Boolean(v.name ?? v.organisation), { message: 'visitorRequired', path: ['name'] });
export type Visitor = z.infer<typeof visitorSchema>;

// art. 6–7: the contact is registered with its first-inquiry responsible person.
export const contactOpenedPayload = z.object({
  channel: channelSchema,
  visitor: visitorSchema,
  matter: multiLine(LIMITS.matter).min(1, 'matterRequired'),
  /** Materials the visitor handed over, and how many of each. */
  materials: listOf(
    z.object({
      name: singleLine(LIMITS.materialName).min(1, 'materialNameRequired'),
      count: z.number().int().min(1).max(999),
    }),
    LIMITS.visitorMaterials,
  ).optional(),
  /** Everyone who was asked together (art. 7); the responsible person is among them. */
  askedStaffIds: listOf(staffIdSchema, LIMITS.askedStaff).min(1),
  responsibleStaffId: staffIdSchema,
});

// art. 8(2): a matter within one's own duty is answered at once, on the basis of policy.
export const contactAnsweredPayload = z.object({
  answer: multiLine(LIMITS.answer).min(1, 'answerRequired'),
  basis: blankAsAbsent(multiLine(LIMITS.basis)),
});

// art. 8(3): transfer to the handler; the applicant is told department, handler and phone.
export const contactTransferredPayload = z.object({
  toDepartmentId: departmentIdSchema,
  toStaffId: staffIdSchema,
  /** What the applicant was told, as shown on screen: kept so the record proves it. */
  toldApplicant: z.object({
    departmentName: singleLine(LIMITS.organisation).min(1),
    handlerName: singleLine(LIMITS.personName).min(1),
    phone: phoneSchema,
  }),
  note: blankAsAbsent(multiLine(LIMITS.note)),
});

// art. 8(3): the handler accepts the transfer and takes over first-inquiry responsibility.
export const contactTransferAcceptedPayload = z.object({ transferEventId: eventIdSchema });

// A mis-routed transfer goes back to the sender's inbox, never silently: a reason is required.
export const contactTransferReturnedPayload = z.object({
  transferEventId: eventIdSchema,
  reason: multiLine(LIMITS.reason).min(1, 'returnReasonRequired'),
});

// art. 8(4): not the bureau's remit — explain, and give the competent agency's contact.
export const contactReferredPayload = z.object({
  agencyId: agencyIdSchema,
  toldApplicant: z.object({
    agencyName: singleLine(LIMITS.organisation).min(1),
    phone: phoneSchema,
    address: singleLine(LIMITS.address).min(1),
  }),
  explanation: multiLine(LIMITS.explanation).min(1, 'explanationRequired'),
});

// art. 8(4): jurisdiction unclear — ask a leader in time.
export const contactEscalatedPayload = z.object({
  toLeaderId: staffIdSchema,
  reason: multiLine(LIMITS.reason).min(1, 'escalationReasonRequired'),
});

// The leader decides who handles an escalated matter; that person becomes responsible.
export const contactAssignedPayload = z.object({
  toStaffId: staffIdSchema,
  note: blankAsAbsent(multiLine(LIMITS.note)),
});

// art. 8(2), 说"不"提级管理: a "no" needs a reason and its basis and is not final until a leader approves it.
export const contactRefusalProposedPayload = z.object({
  toLeaderId: staffIdSchema,
  reason: multiLine(LIMITS.reason).min(1, 'refusalReasonRequired'),
  basis: multiLine(LIMITS.basis).min(1, 'refusalBasisRequired'),
});

export const contactRefusalReviewedPayload = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approved'), note: blankAsAbsent(multiLine(LIMITS.note)) }),
  z.object({
    decision: z.literal('overruled'),
    note: multiLine(LIMITS.reason).min(1, 'overruleReasonRequired'),
    assignToStaffId: staffIdSchema,
  }),
]);

export const NOTIFY_CHANNELS = ['onSite', 'phone', 'sms', 'letter', 'online'] as const;
// The visitor is told the outcome (of a refusal review, a referral…), and the record proves how and when.
export const contactOutcomeNotifiedPayload = z.object({
  how: z.enum(NOTIFY_CHANNELS),
  note: blankAsAbsent(multiLine(LIMITS.note)),
});

// Nothing is edited in place: a correction is a new event with its reason.
export const contactCorrectedPayload = z
  .object({
    // The same rules as at registration: a corrected phone is still a phone.
    visitor: z
      .object({
        name: blankAsAbsent(singleLine(LIMITS.personName)),
        organisation: blankAsAbsent(singleLine(LIMITS.organisation)),
        phone: optionalPhoneSchema,
      })
      .optional(),
    matter: multiLine(LIMITS.matter).min(1, 'matterRequired').optional(),
    reason: multiLine(LIMITS.reason).min(1, 'correctionReasonRequired'),
  })
  .refine((c) => c.visitor !== undefined || c.matter !== undefined, { message: 'correctionEmpty', path: ['matter'] });

// Item 7: opening a case for the matter is the contact's disposition (受理/开办件). Appended in the same batch as
// case.opened. The case id is a plain ULID here: caseEvents.ts imports this file, so caseIdSchema would be a cycle.
export const contactCaseOpenedPayload = z.object({
  caseId: ulidSchema,
  serviceItemId: serviceItemIdSchema,
});

// art. 10: the one-time checklist (一次性告知) given at first inquiry, without opening a case; the record proves
// which item and catalog version the visitor was given, and how.
export const CHECKLIST_HOWS = ['printed', 'readOut', 'message'] as const;
export const checklistHowSchema = z.enum(CHECKLIST_HOWS);
export type ChecklistHow = z.infer<typeof checklistHowSchema>;
export const contactChecklistGivenPayload = z.object({
  serviceItemId: serviceItemIdSchema,
  catalogRev: z.number().int().positive(),
  how: checklistHowSchema,
});

export const contactPayloadSchemas = {
  'contact.opened': contactOpenedPayload,
  'contact.answered': contactAnsweredPayload,
  'contact.transferred': contactTransferredPayload,
  'contact.transferAccepted': contactTransferAcceptedPayload,
  'contact.transferReturned': contactTransferReturnedPayload,
  'contact.referred': contactReferredPayload,
  'contact.escalated': contactEscalatedPayload,
  'contact.assigned': contactAssignedPayload,
  'contact.refusalProposed': contactRefusalProposedPayload,
  'contact.refusalReviewed': contactRefusalReviewedPayload,
  'contact.outcomeNotified': contactOutcomeNotifiedPayload,
  'contact.corrected': contactCorrectedPayload,
  'contact.caseOpened': contactCaseOpenedPayload,
  'contact.checklistGiven': contactChecklistGivenPayload,
} as const;

const contactShape = { ...envelopeShape, aggregate: z.literal('contact'), aggregateId: contactIdSchema };

export const contactEventSchema = z.discriminatedUnion('type', [
  z.object({ ...contactShape, type: z.literal('contact.opened'), payload: contactOpenedPayload }),
  z.object({ ...contactShape, type: z.literal('contact.answered'), payload: contactAnsweredPayload }),
  z.object({ ...contactShape, type: z.literal('contact.transferred'), payload: contactTransferredPayload }),
  z.object({ ...contactShape, type: z.literal('contact.transferAccepted'), payload: contactTransferAcceptedPayload }),
  z.object({ ...contactShape, type: z.literal('contact.transferReturned'), payload: contactTransferReturnedPayload }),
  z.object({ ...contactShape, type: z.literal('contact.referred'), payload: contactReferredPayload }),
  z.object({ ...contactShape, type: z.literal('contact.escalated'), payload: contactEscalatedPayload }),
  z.object({ ...contactShape, type: z.literal('contact.assigned'), payload: contactAssignedPayload }),
  z.object({ ...contactShape, type: z.literal('contact.refusalProposed'), payload: contactRefusalProposedPayload }),
  z.object({ ...contactShape, type: z.literal('contact.refusalReviewed'), payload: contactRefusalReviewedPayload }),
  z.object({ ...contactShape, type: z.literal('contact.outcomeNotified'), payload: contactOutcomeNotifiedPayload }),
  z.object({ ...contactShape, type: z.literal('contact.corrected'), payload: contactCorrectedPayload }),
  z.object({ ...contactShape, type: z.literal('contact.caseOpened'), payload: contactCaseOpenedPayload }),
  z.object({ ...contactShape, type: z.literal('contact.checklistGiven'), payload: contactChecklistGivenPayload }),
]);
export type ContactEvent = z.infer<typeof contactEventSchema>;

/** Current schema version of each contact event type. */
export const CONTACT_EVENT_VERSIONS: Record<ContactEvent['type'], number> = {
  'contact.opened': 1,
  'contact.answered': 1,
  'contact.transferred': 1,
  'contact.transferAccepted': 1,
  'contact.transferReturned': 1,
  'contact.referred': 1,
  'contact.escalated': 1,
  'contact.assigned': 1,
  'contact.refusalProposed': 1,
  'contact.refusalReviewed': 1,
  'contact.outcomeNotified': 1,
  'contact.corrected': 1,
  'contact.caseOpened': 1,
  'contact.checklistGiven': 1,
};
