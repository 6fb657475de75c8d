import { z } from 'zod';
import { contactIdSchema, staffIdSchema, ulidSchema } from '../model/ids.ts';
import { blankAsAbsent, LIMITS, listOf, multiLine, singleLine } from '../model/limits.ts';
import { isLowLevel, LOW_RATING_REASONS, lowRatingReasonSchema, ratingLevelSchema } from '../model/satisfaction.ts';
import { deviceLabelSchema, deviceTokenSchema } from './enrolment.ts';

// The rating pad on a tablet (issue 13 item 3): a tablet is another machine, so the desk and its tablet talk
// through HQ. The desk pairs a tablet with a one-time 8-digit code; the tablet then holds a pad token bound to
// that desk. HQ only relays: the applicant's answer goes back to the desk, which records the rating itself.

/**
 * The one-time pairing code: 8 digits (a tablet's on-screen keypad; read aloud in two groups of four), valid 5
 * minutes, used once. 10^8 values, so HQ's budget of wrong codes (server/src/http/padRelay.ts) makes guessing one
 * hopeless within its life.
 */
export const PAD_PAIRING_CODE_LENGTH = 8;
export const PAD_PAIRING_CODE_TTL_MS = 5 * 60_000;
/** A tablet not heard from for this long must be paired again (a tablet left in a drawer is no longer vouched for). */
export const PAD_TOKEN_MAX_SILENCE_DAYS = 30;
/** The longest a tablet's poll is held open before it is answered "nothing yet" (under common proxies' 30 s). */
export const PAD_POLL_MAX_MS = 25_000;
/** Tablets one desk may have paired at once: one or two face an applicant; the bound keeps the table small. */
export const PAD_MAX_TABLETS_PER_DESK = 4;

const codeDigits = new RegExp(`^\\d{${PAD_PAIRING_CODE_LENGTH}}$`);

/** The code as typed: spaces and dashes are ignored ("1234 5678", "1234-5678"). */
export const padPairingCodeSchema = z
  .string()
  .max(24, 'padCodeFormat')
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(codeDigits, 'padCodeFormat'));

/** The code as the desk shows it: "1234 5678", easier to read aloud and to type than eight digits in a row. */
export function formatPadPairingCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/** POST /pad/pairing-codes → */
export const padPairingCodeIssuedSchema = z.object({ code: z.string().regex(codeDigits), expiresAt: z.iso.datetime() });
export type PadPairingCodeIssued = z.infer<typeof padPairingCodeIssuedSchema>;

/** POST /pad/pair {code, label} (the tablet, no sign-in) → its token, shown once. */
export const padPairRequestSchema = z.object({ code: padPairingCodeSchema, label: deviceLabelSchema });
export const padPairedSchema = z.object({
  tabletId: ulidSchema,
  token: deviceTokenSchema,
  /** The desk's label, so the tablet can say which window it serves. */
  deskLabel: z.string().max(LIMITS.deviceLabel).nullable(),
});
export type PadPaired = z.infer<typeof padPairedSchema>;

export const pairedTabletSchema = z.object({
  tabletId: ulidSchema,
  label: z.string().max(LIMITS.deviceLabel),
  pairedAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
});
export type PairedTablet = z.infer<typeof pairedTabletSchema>;
export const pairedTabletListSchema = z.object({ tablets: z.array(pairedTabletSchema).max(PAD_MAX_TABLETS_PER_DESK) });

/** What the tablet shows of the person rated: name, title, department. Nothing of the applicant. */
const shownStaff = {
  staffName: singleLine(LIMITS.personName).min(1),
  staffTitle: singleLine(LIMITS.jobTitle),
  departmentName: singleLine(LIMITS.organisation),
};

/** POST /pad/requests (desk): rate this service on my tablet. Supersedes the desk's previous request. */
export const padRateRequestSchema = z.object({
  requestId: ulidSchema,
  contactId: contactIdSchema,
  ratedStaffId: staffIdSchema,
  ...shownStaff,
});
export type PadRateRequest = z.infer<typeof padRateRequestSchema>;

/** The applicant's answer, with the same bounds and rules as rating.given's (model/ratingEvents.ts). */
export const padAnswerSchema = z
  .object({
    /** null: 不评价 → 未评. */
    level: ratingLevelSchema.nullable(),
    reasons: listOf(lowRatingReasonSchema, LOW_RATING_REASONS.length),
    comment: blankAsAbsent(multiLine(LIMITS.note)),
  })
  .refine((p) => p.reasons.length === 0 || isLowLevel(p.level), {
    message: 'reasonsForLowRatingOnly',
    path: ['reasons'],
  })
  .refine((p) => new Set(p.reasons).size === p.reasons.length, { message: 'reasonRepeated', path: ['reasons'] })
  .refine((p) => p.level !== null || p.comment === undefined, {
    message: 'declinedHasNoComment',
    path: ['comment'],
  });
export type PadAnswerBody = z.infer<typeof padAnswerSchema>;
export type PadAnswerInput = z.input<typeof padAnswerSchema>;

/** GET /pad/tablet/request (tablet long-poll) → the desk's open request, or null. */
export const padTabletRequestSchema = z.object({
  request: z.object({ requestId: ulidSchema, ...shownStaff }).nullable(),
  deskLabel: z.string().max(LIMITS.deviceLabel).nullable(),
});
export type PadTabletRequest = z.infer<typeof padTabletRequestSchema>;

/**
 * A request's state as the desk sees it: waiting (no tablet has fetched it), showing, answered (the answer waits
 * to be collected), collected, cancelled, superseded (the desk asked for another), unknown (HQ restarted or never
 * had it).
 */
export const PAD_REQUEST_STATES = [
  'waiting',
  'showing',
  'answered',
  'collected',
  'cancelled',
  'superseded',
  'unknown',
] as const;
export type PadRequestState = (typeof PAD_REQUEST_STATES)[number];
export const padRequestStatusSchema = z.object({ state: z.enum(PAD_REQUEST_STATES) });

/** POST /pad/requests/:id/collect → the answer, exactly once. */
export const padCollectedSchema = z.object({ answer: padAnswerSchema });

/** Why the relay refused (errorBody.code); the desk and tablet word each. */
export const PAD_REFUSALS = [
  'pad-code-unknown',
  'pad-code-used',
  'pad-code-expired',
  'pad-too-many-tablets',
  'pad-unpaired',
  'pad-token-expired',
  'pad-no-tablet',
  'pad-request-closed',
  'pad-request-unknown',
  /** HQ refuses every pairing for a minute: too many wrong codes server-wide (someone is guessing). */
  'pad-pairing-paused',
] as const;
export type PadRefusal = (typeof PAD_REFUSALS)[number];
