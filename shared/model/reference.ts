import { z } from 'zod';
import { agencyIdSchema, departmentIdSchema, staffIdSchema } from './ids.ts';
import { phoneSchema } from '../rules/phone.ts';
import {
  catalogVersionId,
  catalogVersionIdSchema,
  catalogVersionSchema,
  serviceItemIdSchema,
  serviceItemSchema,
} from './catalog.ts';
import { calendarYearSchema } from './calendar.ts';
import { LIMITS, listOf, multiLine, singleLine } from './limits.ts';
import { APPLICANT_STAFF_ID } from './hqAuthor.ts';
import { publicRatingBaseSchema } from '../rules/slips/ratingLink.ts';

/**
 * Position ranks, lowest first. Art. 7: when several staff were asked together, the
 * highest-ranked of them is first-inquiry responsible, so the order here is the rule.
 */
export const RANKS = [
  'clerk', // 科员
  'principalStaff', // 四级/三级主任科员
  'deputySectionChief', // 副科长
  'sectionChief', // 科长
  'deputyDirector', // 副局长
  'director', // 局长
] as const;
export const rankSchema = z.enum(RANKS);
export type Rank = z.infer<typeof rankSchema>;

export function rankOrder(rank: Rank): number {
  return RANKS.indexOf(rank);
}

export const ROLES = ['clerk', 'handler', 'deptHead', 'leader', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

const line = (max: number) => singleLine(max).min(1);

export const departmentSchema = z.object({
  id: departmentIdSchema,
  name: line(LIMITS.organisation),
  phone: phoneSchema,
  address: line(LIMITS.address),
  /** Sort order in directories. */
  order: z.number().int(),
});
export type Department = z.infer<typeof departmentSchema>;

export const staffSchema = z.object({
  // Reserved for the applicant who rates by a slip's QR code (hqAuthor.ts): no staff member may be them.
  id: staffIdSchema.refine((id) => id !== APPLICANT_STAFF_ID, 'reservedStaffId'),
  name: line(LIMITS.personName),
  departmentId: departmentIdSchema,
  rank: rankSchema,
  /** The title the visitor sees, e.g. 科长, 四级主任科员. */
  title: line(LIMITS.jobTitle),
  phone: phoneSchema.optional(),
  roles: listOf(roleSchema, ROLES.length).min(1),
  // No secret or verifier here: this doc reaches every desk. Verifiers live on the server (staff_credentials)
  // and, for everyday staff who signed in online there, on that desk alone (issue 11). An older doc that still
  // carries `pinHash` parses and loses it (zod strips unknown keys).
  active: z.boolean(),
});
export type Staff = z.infer<typeof staffSchema>;

export const agencySchema = z.object({
  id: agencyIdSchema,
  name: line(LIMITS.organisation),
  phone: phoneSchema,
  address: line(LIMITS.address),
  remit: multiLine(LIMITS.remit).min(1),
  contactPerson: line(LIMITS.personName).optional(),
});
export type Agency = z.infer<typeof agencySchema>;

/**
 * art. 30: when a follow-up counts as 反映强烈 beyond an overall 非常不满意 (which always does): overall — nothing
 * more; anyVeryDissatisfied — any aspect 非常不满意 (e.g. 廉洁自律); anyDissatisfied — any aspect 不满意 or worse.
 */
export const STRONG_RULES = ['overall', 'anyVeryDissatisfied', 'anyDissatisfied'] as const;
export type StrongRule = (typeof STRONG_RULES)[number];

export const settingsSchema = z.object({
  bureauName: line(LIMITS.organisation),
  /** Prefix of slip serial numbers, e.g. NYKJ. */
  bureauCode: z
    .string()
    .max(LIMITS.bureauCode)
    .regex(/^[A-Z]{2,8}$/),
  consultPhone: phoneSchema,
  complaintPhone: phoneSchema,
  /** Minutes without input before the desk locks and asks for the PIN again. */
  idleLockMinutes: z.number().int().min(1).max(120),
  /**
   * Days a desk may go without contacting HQ before its token expires and it must enrol again (issue 11);
   * absent: DEFAULT_DEVICE_TOKEN_MAX_SILENCE_DAYS (90). At least a week, so a holiday never strands a desk.
   */
  deviceTokenMaxSilenceDays: z.number().int().min(7).max(3650).optional(),
  /**
   * art. 12: working days within which a leader answers an escalated matter and the applicant is told;
   * absent (settings saved before issue 12): DEFAULT_ESCALATION_ANSWER_DAYS.
   */
  escalationAnswerDays: z.number().int().min(1).max(60).optional(),
  /** Complaints and accountability (art. 31; issue 14): stage limits in working days; absent: DEFAULT_COMPLAINT_SETTINGS. */
  complaints: z
    .object({
      /** A leader decides whether to investigate (立案), and decides after the findings, within these. */
      decideDays: z.number().int().min(1).max(90),
      investigateDays: z.number().int().min(1).max(90),
      /** The least time an accused person is given to state their side (陈述申辩). */
      statementDays: z.number().int().min(1).max(90),
      /** The complainant is told within these after the decision or dismissal. */
      tellDays: z.number().int().min(1).max(90),
      /** Everyone of a department concerned stands aside, not only its head (回避). */
      recuseSameDepartment: z.boolean(),
    })
    .optional(),
  /** Chapter 7 follow-ups and 好差评 rectification (issue 13); absent: DEFAULT_FOLLOW_UP_SETTINGS. */
  followUp: z
    .object({
      /** Working days after a matter ends within which it is followed up (art. 27 及时). */
      dueDays: z.number().int().min(1).max(60),
      /** Whose inbox a task goes to: the supervisors' follow-up team, or the department whose work it was. */
      owner: z.enum(['supervisors', 'department']),
      /** Share of contacts ended without a case that are followed up, 0–1 (a case always is). */
      contactSampleRate: z.number().min(0).max(1),
      /** Working days after a bad rating within which it is verified, rectified and the applicant told. */
      rectifyDays: z.number().int().min(1).max(60),
      /**
       * art. 30 反映强烈: the bureau's rule, beyond what the person following up marks and an overall 非常不满意
       * (always strong): also any aspect 非常不满意, or any aspect 差评. Absent: nothing more.
       */
      strongWhen: z.enum(STRONG_RULES).optional(),
    })
    .optional(),
  /**
   * Where applicants' phones reach HQ (issue 13): each slip's QR code then opens HQ's public rating page,
   * `${publicRatingBase}/r/${serial}/${token}`; absent: the QR code carries the serial alone.
   */
  publicRatingBase: publicRatingBaseSchema.optional(),
  /**
   * 公开承诺 (art. 20, issue 16 item 3): the bureau's duties as its public commitments page states them (职能职责, one
   * paragraph per line); absent: the page lists the service items and the regulation's commitments only.
   */
  publicDuties: multiLine(LIMITS.legalBasis * 2).optional(),
  /** Local time of the nightly sync, HH:MM. */
  nightlySyncAt: z
    .string()
    .max(LIMITS.clockTime)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export type Settings = z.infer<typeof settingsSchema>;

export const SETTINGS_ID = 'bureau';

/** art. 12: the bureau's answer limit for escalated matters when its settings do not name one. */
export const DEFAULT_ESCALATION_ANSWER_DAYS = 5;

export type FollowUpSettings = NonNullable<Settings['followUp']>;
/** Chapter 7: the follow-up and rectification limits when the bureau's settings do not name them. */
export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = {
  dueDays: 5,
  owner: 'supervisors',
  contactSampleRate: 0.2,
  rectifyDays: 5,
};

export type ComplaintSettings = NonNullable<Settings['complaints']>;
/** Issue 14: the complaint stage limits when the bureau's settings do not name them (DOMAIN: ~3, 20, ~2 days). */
export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = {
  decideDays: 3,
  investigateDays: 20,
  statementDays: 5,
  tellDays: 2,
  recuseSameDepartment: true,
};

/**
 * Reference documents are versioned: each write raises `rev`; the server is authoritative,
 * desks keep the highest rev they have seen (last writer wins by rev, then HLC).
 */
const docBase = {
  rev: z.number().int().positive(),
  hlc: singleLine(LIMITS.hlc).min(1),
  updatedAt: z.iso.datetime().max(LIMITS.isoDateTime),
};
export const referenceDocSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('department'), id: departmentIdSchema, body: departmentSchema, ...docBase }),
  z.object({ kind: z.literal('staff'), id: staffIdSchema, body: staffSchema, ...docBase }),
  z.object({ kind: z.literal('agency'), id: agencyIdSchema, body: agencySchema, ...docBase }),
  z.object({ kind: z.literal('settings'), id: z.literal(SETTINGS_ID), body: settingsSchema, ...docBase }),
  // The catalog (chapter 5): `rev` is the item's version, shown on every case and slip that used it.
  z.object({ kind: z.literal('serviceItem'), id: serviceItemIdSchema, body: serviceItemSchema, ...docBase }),
  // A version of an item that a newer one replaced, kept for the cases opened under it (issue 12): `${itemId}@${rev}`.
  z
    .object({
      kind: z.literal('serviceItemVersion'),
      id: catalogVersionIdSchema,
      body: catalogVersionSchema,
      ...docBase,
    })
    .refine((doc) => doc.id === catalogVersionId(doc.body.item.id, doc.body.rev), {
      message: 'catalogVersionIdMismatch',
      path: ['id'],
    }),
  // A year's working-day schedule; only a confirmed one (second person) takes effect.
  z.object({
    kind: z.literal('calendarYear'),
    id: z
      .string()
      .max(LIMITS.year)
      .regex(/^\d{4}$/),
    body: calendarYearSchema,
    ...docBase,
  }),
]);
export type ReferenceDoc = z.infer<typeof referenceDocSchema>;
export type ReferenceKind = ReferenceDoc['kind'];

/** Which of two versions of one document wins. */
export function newerReferenceDoc<T extends { rev: number; hlc: string }>(a: T, b: T): T {
  if (a.rev !== b.rev) return a.rev > b.rev ? a : b;
  return a.hlc >= b.hlc ? a : b;
}
