import { z } from 'zod';
import { isoDateSchema } from './calendar.ts';
import { caseIdSchema } from './caseEvents.ts';
import {
  contactIdSchema,
  departmentIdSchema,
  deviceIdSchema,
  eventIdSchema,
  staffIdSchema,
  ulidSchema,
} from './ids.ts';
import { blankAsAbsent, LIMITS, listOf, multiLine, singleLine } from './limits.ts';
import { ratingKeySchema } from './ratingEvents.ts';
import { followUpMeansSchema } from './satisfaction.ts';
import { slipSerialSchema } from './slip.ts';
import { optionalPhoneSchema } from '../rules/phone.ts';

// Chapter 8 过错追究 (art. 5, 31–33; issue 14). Complaints are CONFIDENTIAL (issue 14, point 3), so they are NOT desk
// events: not in envelope.ts's AGGREGATES, not in deskEventSchema, never pushed or pulled by the ordinary sync. They
// live in their own log at HQ, one ComplaintEvent per act, stamped by HQ: `at` is HQ's clock when it stored the act,
// `staffId` the actor HQ proved (an intake names the clerk who took it), `deviceId` where it was taken. A desk that
// takes a complaint (offline too) queues it in a desk-only outbox and erases it once HQ acknowledges it.

/** Lists of a complaint, bounded like every other list (shared/model/limits.ts): generous for a real complaint. */
export const COMPLAINT_LIMITS = {
  accusedStaff: 20,
  accusedDepartments: 10,
  links: 50, // records a complaint or a finding refers to
  investigators: 10,
  workOrderNo: 40, // a 12345 hotline work order number as it is printed
} as const;

/** art. 5: the published hotline; the other ways a complaint reaches the bureau; a follow-up or bad rating it grew from. */
export const COMPLAINT_CHANNELS = [
  'hotline',
  'letter',
  'visit',
  'online',
  'referral12345',
  'followUp',
  'rating',
] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** art. 32 (一)–(四), as the investigation finds it; 'none' when none applies. */
export const COMPLAINT_GROUNDS = ['art32_1', 'art32_2', 'art32_3', 'art32_4'] as const;
export type ComplaintGround = (typeof COMPLAINT_GROUNDS)[number];
export const findingGroundSchema = z.enum([...COMPLAINT_GROUNDS, 'none']);
export type FindingGround = z.infer<typeof findingGroundSchema>;

/** art. 33 (一) 批评教育、公开检讨 (二) 责令挽回损失或影响 (三) 行政处理 (四) 组织处理. */
export const COMPLAINT_MEASURES = ['criticism', 'remedy', 'administrative', 'organisational'] as const;
export type ComplaintMeasure = (typeof COMPLAINT_MEASURES)[number];

/** 一般 / 严重 / 特别严重. */
export const COMPLAINT_GRAVITIES = ['ordinary', 'serious', 'verySerious'] as const;
export type ComplaintGravity = (typeof COMPLAINT_GRAVITIES)[number];

/** The limited stages (settings.complaints) an extension may lengthen. */
export const COMPLAINT_STAGES = ['acceptance', 'investigation', 'decision', 'telling'] as const;
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];

export const complaintIdSchema = ulidSchema.brand<'ComplaintId'>();
export type ComplaintId = z.infer<typeof complaintIdSchema>;

const line = (max: number) => singleLine(max).min(1);
const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;

/** A record the complaint concerns, linked by its id, never copied (its own log is the evidence). */
export const complaintLinkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), id: contactIdSchema }),
  z.object({ kind: z.literal('case'), id: caseIdSchema }),
  z.object({ kind: z.literal('slip'), id: slipSerialSchema }),
  z.object({ kind: z.literal('rating'), id: ratingKeySchema }),
  // A follow-up is filed under its subject's id (the case's or the contact's ULID).
  z.object({ kind: z.literal('followUp'), id: ulidSchema }),
]);
export type ComplaintLink = z.infer<typeof complaintLinkSchema>;
const links = listOf(complaintLinkSchema, COMPLAINT_LIMITS.links).refine(
  (ls) => unique(ls.map((l) => `${l.kind}:${l.id}`)),
  'linkRepeated',
);

/** Anonymous, or named: a named complainant's identity is seen only by those working the complaint. */
export const complainantSchema = z.discriminatedUnion('anonymous', [
  z.object({ anonymous: z.literal(true) }),
  z.object({
    anonymous: z.literal(false),
    name: line(LIMITS.personName),
    phone: optionalPhoneSchema,
    organisation: blankAsAbsent(singleLine(LIMITS.organisation)),
  }),
]);
export type Complainant = z.infer<typeof complainantSchema>;

const staffIds = (max: number) => listOf(staffIdSchema, max).refine(unique, 'staffRepeated');
const investigatorIds = staffIds(COMPLAINT_LIMITS.investigators).min(1, 'investigatorRequired');

export const complaintReceivedPayload = z
  .object({
    channel: z.enum(COMPLAINT_CHANNELS),
    receivedOn: isoDateSchema,
    complainant: complainantSchema,
    accusedStaffIds: staffIds(COMPLAINT_LIMITS.accusedStaff),
    accusedDepartmentIds: listOf(departmentIdSchema, COMPLAINT_LIMITS.accusedDepartments).refine(
      unique,
      'departmentRepeated',
    ),
    account: multiLine(LIMITS.matter).min(1, 'complaintAccountRequired'),
    links,
    /** A 12345 referral's work order number. */
    referenceNo: blankAsAbsent(singleLine(COMPLAINT_LIMITS.workOrderNo)),
  })
  .refine((p) => p.accusedStaffIds.length + p.accusedDepartmentIds.length > 0, {
    message: 'complaintAccusedRequired',
    path: ['accusedStaffIds'],
  })
  .refine((p) => p.referenceNo === undefined || p.channel === 'referral12345', {
    message: 'workOrderFor12345Only',
    path: ['referenceNo'],
  });

// art. 31 局领导研究确定: a leader dismisses (不予立案) with the reason …
export const complaintDismissedPayload = z.object({
  reason: multiLine(LIMITS.reason).min(1, 'dismissalReasonRequired'),
});
// … or orders an investigation (立案调查) by investigators the recusal rule allows.
export const complaintInvestigationOrderedPayload = z.object({
  investigatorIds,
  note: blankAsAbsent(multiLine(LIMITS.note)),
});
export const complaintInvestigatorsChangedPayload = z.object({
  investigatorIds,
  reason: multiLine(LIMITS.reason).min(1, 'investigatorChangeReasonRequired'),
});

// 调查核实: each finding with the records that prove it (the register is the evidence).
export const complaintFindingRecordedPayload = z.object({
  text: multiLine(LIMITS.matter).min(1, 'findingTextRequired'),
  evidenceLinks: links,
});
export const complaintFindingsClosedPayload = z.object({
  summary: multiLine(LIMITS.explanation).min(1, 'findingsSummaryRequired'),
  ground: findingGroundSchema,
});

// 陈述申辩: the accused is invited to state their side by a day, states it, or declines in writing.
export const complaintStatementInvitedPayload = z.object({ staffId: staffIdSchema, dueOn: isoDateSchema });
export const complaintStatementGivenPayload = z.object({
  text: multiLine(LIMITS.matter).min(1, 'statementTextRequired'),
});
export const complaintStatementWaivedPayload = z.object({
  staffId: staffIdSchema,
  note: multiLine(LIMITS.note).min(1, 'waiverNoteRequired'),
});

export const measureEntrySchema = z.object({
  staffId: staffIdSchema,
  measures: listOf(z.enum(COMPLAINT_MEASURES), COMPLAINT_MEASURES.length)
    .min(1, 'measureRequired')
    .refine(unique, 'measureRepeated'),
  gravity: z.enum(COMPLAINT_GRAVITIES),
});
export type MeasureEntry = z.infer<typeof measureEntrySchema>;

// 处理决定 (art. 31, 33), in writing: unfounded, or founded on an art. 32 ground with the measures per person.
export const complaintDecidedPayload = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('unfounded'),
    reason: multiLine(LIMITS.explanation).min(1, 'decisionReasonRequired'),
  }),
  z.object({
    outcome: z.literal('founded'),
    ground: z.enum(COMPLAINT_GROUNDS),
    measures: listOf(measureEntrySchema, COMPLAINT_LIMITS.accusedStaff).refine(
      (ms) => unique(ms.map((m) => m.staffId)),
      'staffRepeated',
    ),
    reason: multiLine(LIMITS.explanation).min(1, 'decisionReasonRequired'),
  }),
]);
export type ComplaintDecision = z.infer<typeof complaintDecidedPayload>;

export const complaintComplainantToldPayload = z.object({
  on: isoDateSchema,
  how: followUpMeansSchema,
  note: blankAsAbsent(multiLine(LIMITS.note)),
});

export const complaintExtensionDecidedPayload = z.object({
  stage: z.enum(COMPLAINT_STAGES),
  days: z.number().int().min(1).max(90),
  reason: multiLine(LIMITS.reason).min(1, 'extensionReasonRequired'),
  approved: z.boolean(),
});

export const complaintClosedPayload = z.object({ note: blankAsAbsent(multiLine(LIMITS.note)) });

/** The accountability record is corrected by a new entry with its reason, never edited. */
export const complaintMeasureCorrectedPayload = measureEntrySchema.extend({
  reason: multiLine(LIMITS.reason).min(1, 'correctionReasonRequired'),
});

export const complaintPayloadSchemas = {
  'complaint.received': complaintReceivedPayload,
  'complaint.dismissed': complaintDismissedPayload,
  'complaint.investigationOrdered': complaintInvestigationOrderedPayload,
  'complaint.investigatorsChanged': complaintInvestigatorsChangedPayload,
  'complaint.findingRecorded': complaintFindingRecordedPayload,
  'complaint.findingsClosed': complaintFindingsClosedPayload,
  'complaint.statementInvited': complaintStatementInvitedPayload,
  'complaint.statementGiven': complaintStatementGivenPayload,
  'complaint.statementWaived': complaintStatementWaivedPayload,
  'complaint.decided': complaintDecidedPayload,
  'complaint.complainantTold': complaintComplainantToldPayload,
  'complaint.extensionDecided': complaintExtensionDecidedPayload,
  'complaint.closed': complaintClosedPayload,
  'complaint.measureCorrected': complaintMeasureCorrectedPayload,
} as const;
export type ComplaintEventType = keyof typeof complaintPayloadSchemas;

export const COMPLAINT_EVENT_VERSIONS: Record<ComplaintEventType, number> = {
  'complaint.received': 1,
  'complaint.dismissed': 1,
  'complaint.investigationOrdered': 1,
  'complaint.investigatorsChanged': 1,
  'complaint.findingRecorded': 1,
  'complaint.findingsClosed': 1,
  'complaint.statementInvited': 1,
  'complaint.statementGiven': 1,
  'complaint.statementWaived': 1,
  'complaint.decided': 1,
  'complaint.complainantTold': 1,
  'complaint.extensionDecided': 1,
  'complaint.closed': 1,
  'complaint.measureCorrected': 1,
};

const complaintShape = {
  eventId: eventIdSchema,
  complaintId: complaintIdSchema,
  v: z.number().int().positive(),
  /** HQ's clock when it stored the act (UTC): the stage clocks count from its Beijing day. */
  at: z.iso.datetime().max(LIMITS.isoDateTime),
  /** The actor HQ proved. */
  staffId: staffIdSchema,
  /** The desk (or HQ's own device id) where the act was taken. */
  deviceId: deviceIdSchema,
};

const ev = <T extends ComplaintEventType>(type: T) =>
  z.object({ ...complaintShape, type: z.literal(type), payload: complaintPayloadSchemas[type] });

export const complaintEventSchema = z.discriminatedUnion('type', [
  ev('complaint.received'),
  ev('complaint.dismissed'),
  ev('complaint.investigationOrdered'),
  ev('complaint.investigatorsChanged'),
  ev('complaint.findingRecorded'),
  ev('complaint.findingsClosed'),
  ev('complaint.statementInvited'),
  ev('complaint.statementGiven'),
  ev('complaint.statementWaived'),
  ev('complaint.decided'),
  ev('complaint.complainantTold'),
  ev('complaint.extensionDecided'),
  ev('complaint.closed'),
  ev('complaint.measureCorrected'),
]);
export type ComplaintEvent = z.infer<typeof complaintEventSchema>;
