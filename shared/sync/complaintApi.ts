import { z } from 'zod';
import { isoDateSchema } from '../model/calendar.ts';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_GRAVITIES,
  COMPLAINT_GROUNDS,
  COMPLAINT_MEASURES,
  COMPLAINT_STAGES,
  complaintEventSchema,
  complaintIdSchema,
  complaintPayloadSchemas,
  complaintReceivedPayload,
  findingGroundSchema,
} from '../model/complaintEvents.ts';
import { departmentIdSchema, deviceIdSchema, eventIdSchema, staffIdSchema } from '../model/ids.ts';
import { LIMITS } from '../model/limits.ts';

// The HQ complaint API (issue 14, art. 5, 31–33). Complaints are confidential, so they never travel by the ordinary
// sync: a desk sends an intake to HQ and erases it on the answer; everything else is read and worked online at HQ
// with the person's own proven staff session (x-staff-session, issue 11), and HQ logs every read.
//
//   POST /complaints                 device token only (an intake may have been taken offline, by a clerk signed in
//                                    offline): body ComplaintIntake → 200 ComplaintAck. Idempotent on eventId: the
//                                    same intake again answers the same ack; another intake under the same eventId
//                                    or complaintId is 409 'conflict'.
//   GET  /complaints                 device + live staff session → ComplaintList: the complaints the caller may read
//                                    (leaders, supervisors, assigned investigators; never those who stand aside), and
//                                    the caller's own invitations to state their side (陈述申辩).
//   GET  /complaints/:id             device + session, the caller may read it → ComplaintDetail (logged as a read).
//                                    Anyone else, and an unknown id, get the same 404 'unknown-complaint'.
//   GET  /complaints/:id/statement   device + session, the caller is accused and invited → StatementViewWire (logged).
//   POST /complaints/:id/acts        device + session: body ComplaintAct → 200 ComplaintAck. HQ folds the log with
//                                    the act (shared/rules/complaint.ts) and stores it only if the fold applies it:
//                                    403 'not-allowed' / 'recused', 409 'out-of-order' / 'conflicting' /
//                                    'statement-pending' / 'statement-too-short' / 'not-accused'. Same eventId and
//                                    same act again → the same ack.
//   GET  /complaints/accountability  device + session of a leader or supervisor → AccountabilityList (logged).

export const COMPLAINT_ERROR_CODES = [
  'unknown-complaint',
  'not-allowed',
  'recused',
  'out-of-order',
  'conflicting',
  'statement-pending',
  'statement-too-short',
  'not-accused',
  'measures-required',
  'conflict',
] as const;
export type ComplaintErrorCode = (typeof COMPLAINT_ERROR_CODES)[number];

/** A desk's intake. staffId is the clerk who took it in (known and active at HQ, or refused). */
export const complaintIntakeSchema = z.strictObject({
  eventId: eventIdSchema,
  complaintId: complaintIdSchema,
  staffId: staffIdSchema,
  payload: complaintReceivedPayload,
});
export type ComplaintIntake = z.infer<typeof complaintIntakeSchema>;

/** HQ stored it (or had already stored this very act): `at` is HQ's clock, the stage clocks count from its day. */
export const complaintAckSchema = z.object({
  complaintId: complaintIdSchema,
  eventId: eventIdSchema,
  at: z.iso.datetime(),
});
export type ComplaintAck = z.infer<typeof complaintAckSchema>;

const actShape = <T extends Exclude<keyof typeof complaintPayloadSchemas, 'complaint.received'>>(type: T) =>
  z.strictObject({ eventId: eventIdSchema, type: z.literal(type), payload: complaintPayloadSchemas[type] });

/** Every act after the intake; the actor is the session's staff member, never a field of the body. */
export const complaintActSchema = z.discriminatedUnion('type', [
  actShape('complaint.dismissed'),
  actShape('complaint.investigationOrdered'),
  actShape('complaint.investigatorsChanged'),
  actShape('complaint.findingRecorded'),
  actShape('complaint.findingsClosed'),
  actShape('complaint.statementInvited'),
  actShape('complaint.statementGiven'),
  actShape('complaint.statementWaived'),
  actShape('complaint.decided'),
  actShape('complaint.complainantTold'),
  actShape('complaint.extensionDecided'),
  actShape('complaint.closed'),
  actShape('complaint.measureCorrected'),
]);
export type ComplaintActBody = z.infer<typeof complaintActSchema>;

export const COMPLAINT_STATUSES = [
  'received',
  'dismissed',
  'investigating',
  'findingsClosed',
  'decided',
  'told',
  'closed',
] as const;

/** A row of the list: no complainant, no account — those are read (and logged) one complaint at a time. */
export const complaintSummarySchema = z.object({
  complaintId: complaintIdSchema,
  channel: z.enum(COMPLAINT_CHANNELS),
  receivedOn: isoDateSchema,
  status: z.enum(COMPLAINT_STATUSES),
  accusedStaffIds: z.array(staffIdSchema),
  accusedDepartmentIds: z.array(departmentIdSchema),
  investigatorIds: z.array(staffIdSchema),
  /** The stage owed now (rules/complaintDeadlines.ts currentStage), absent once nothing is owed. */
  stage: z
    .object({
      stage: z.enum(COMPLAINT_STAGES),
      owedBy: z.enum(['leaders', 'investigators']),
      dueOn: isoDateSchema,
      state: z.enum(['running', 'dueToday', 'overdue', 'doneInTime', 'doneLate']),
    })
    .optional(),
  /** Stages done late or overdue: a breach stays on record. */
  breachCount: z.number().int().nonnegative(),
  /** The stage owed now is the caller's to do (a leader who may decide, or an assigned investigator). */
  owedByCaller: z.boolean(),
});
export type ComplaintSummary = z.infer<typeof complaintSummarySchema>;

/** The caller's own invitation to state their side (they are accused and were invited). */
export const statementInvitationSchema = z.object({
  complaintId: complaintIdSchema,
  receivedOn: isoDateSchema,
  invitedDueOn: isoDateSchema.optional(),
  given: z.boolean(),
  waived: z.boolean(),
  decided: z.boolean(),
});
export type StatementInvitation = z.infer<typeof statementInvitationSchema>;

export const complaintListSchema = z.object({
  complaints: z.array(complaintSummarySchema),
  statements: z.array(statementInvitationSchema),
});
export type ComplaintList = z.infer<typeof complaintListSchema>;

export const complaintReadSchema = z.object({
  at: z.iso.datetime(),
  staffId: staffIdSchema,
  deviceId: deviceIdSchema,
  what: z.enum(['detail', 'statement', 'accountability']),
});
export type ComplaintRead = z.infer<typeof complaintReadSchema>;

/**
 * One complaint: its whole log, which the desk folds with the same shared rules HQ judged it by, and (to leaders
 * and supervisors only; [] for an investigator) who read it when.
 */
export const complaintDetailSchema = z.object({
  events: z.array(complaintEventSchema),
  reads: z.array(complaintReadSchema),
  /**
   * The register is tamper-evident (server/src/storage/complaintChain.ts): whether the stored acts still follow their
   * SHA-256 chain, and its head, which leaders and supervisors can note down; for them only, like `reads`.
   */
  chain: z.object({ intact: z.boolean(), events: z.number().int().nonnegative(), head: z.string().max(64) }).optional(),
});
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;

/** shared/rules/complaintViews.ts StatementView on the wire. */
export const statementViewSchema = z.object({
  complaintId: complaintIdSchema,
  receivedOn: isoDateSchema,
  account: z.string().max(LIMITS.matter),
  findingsSummary: z.string().optional(),
  ground: findingGroundSchema.optional(),
  invitedDueOn: isoDateSchema.optional(),
  statement: z.string().optional(),
  waived: z.boolean(),
  outcome: z.enum(['unfounded', 'founded']).optional(),
  ownMeasures: z.array(z.enum(COMPLAINT_MEASURES)).optional(),
});

const accountabilityCorrectionSchema = z.object({
  on: isoDateSchema,
  by: staffIdSchema,
  measures: z.array(z.enum(COMPLAINT_MEASURES)),
  gravity: z.enum(COMPLAINT_GRAVITIES),
  reason: z.string(),
});

/** shared/rules/complaintViews.ts AccountabilityEntry on the wire. */
export const accountabilityEntrySchema = z.object({
  complaintId: complaintIdSchema,
  decidedOn: isoDateSchema,
  ground: z.enum(COMPLAINT_GROUNDS),
  measures: z.array(z.enum(COMPLAINT_MEASURES)),
  gravity: z.enum(COMPLAINT_GRAVITIES),
  decided: z.object({ measures: z.array(z.enum(COMPLAINT_MEASURES)), gravity: z.enum(COMPLAINT_GRAVITIES) }),
  corrections: z.array(accountabilityCorrectionSchema),
});

/** Every staff member with at least one founded complaint, with their record (art. 33). */
export const accountabilityListSchema = z.object({
  records: z.array(z.object({ staffId: staffIdSchema, entries: z.array(accountabilityEntrySchema) })),
});
export type AccountabilityList = z.infer<typeof accountabilityListSchema>;
