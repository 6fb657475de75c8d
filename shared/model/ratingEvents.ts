import { z } from 'zod';
import { caseIdSchema } from './caseEvents.ts';
import { envelopeShape } from './envelope.ts';
import { contactIdSchema, staffIdSchema, ulidSchema } from './ids.ts';
import { blankAsAbsent, LIMITS, listOf, multiLine } from './limits.ts';
import { dueOnMatchesMode, DUE_ON_ISSUE, feedbackGivenShape, rectifiedShape, verifiedShape } from './rectification.ts';
import { isLowLevel, LOW_RATING_REASONS, lowRatingReasonSchema, ratingLevelSchema } from './satisfaction.ts';
import { SERIAL_RE, slipSerialSchema } from './slip.ts';

// 好差评 (国办发〔2019〕51号): the applicant rates the service, one rating per service (一次一评). The 'rating'
// aggregate's id is the service key: the contactId (or caseId) of a rating at the window's pad, the slip serial of a
// rating by the QR code on that slip (one per slip). Nothing edits a rating: a second one is kept and flagged.

export const ratedServiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), id: contactIdSchema }),
  z.object({ kind: z.literal('case'), id: caseIdSchema }),
]);
export type RatedService = z.infer<typeof ratedServiceSchema>;

/** pad: the screen facing the applicant at the window (评价器); qr: the public page a slip's QR code opens. */
export const RATING_SOURCES = ['pad', 'qr'] as const;

export const ratingGivenPayload = z
  .object({
    service: ratedServiceSchema,
    ratedStaffId: staffIdSchema,
    source: z.enum(RATING_SOURCES),
    /** null: the applicant declined (未评). Never filled in later by anyone: a later rating is a duplicate. */
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

// 申诉复核: the rated person appeals a bad rating …
export const ratingAppealedPayload = z.object({
  reason: multiLine(LIMITS.reason).min(1, 'appealReasonRequired'),
});
// … and someone else (a supervisor or leader) decides; upheld, the rating is invalid (kept, left out of the rates).
export const ratingAppealDecidedPayload = z.object({
  upheld: z.boolean(),
  reason: multiLine(LIMITS.reason).min(1, 'appealDecisionReasonRequired'),
});

export const ratingVerifiedPayload = z.object(verifiedShape);
export const ratingRectifiedPayload = z.object(rectifiedShape).refine(dueOnMatchesMode, DUE_ON_ISSUE);
export const ratingFeedbackGivenPayload = z.object(feedbackGivenShape);

export const ratingPayloadSchemas = {
  'rating.given': ratingGivenPayload,
  'rating.appealed': ratingAppealedPayload,
  'rating.appealDecided': ratingAppealDecidedPayload,
  'rating.verified': ratingVerifiedPayload,
  'rating.rectified': ratingRectifiedPayload,
  'rating.feedbackGiven': ratingFeedbackGivenPayload,
} as const;

/** A service key: a contact's or case's id (pad), or a slip serial (QR). */
export const ratingKeySchema = z.union([ulidSchema, slipSerialSchema]);

const ratingShape = { ...envelopeShape, aggregate: z.literal('rating'), aggregateId: ratingKeySchema };

/** 一次一评: a pad rating is filed under its service, a QR rating under its slip, so a second one meets the first. */
function filedUnderItsKey(e: { aggregateId: string; payload: z.infer<typeof ratingGivenPayload> }): boolean {
  return e.payload.source === 'pad' ? e.aggregateId === e.payload.service.id : SERIAL_RE.test(e.aggregateId);
}

export const ratingEventSchema = z.discriminatedUnion('type', [
  z
    .object({ ...ratingShape, type: z.literal('rating.given'), payload: ratingGivenPayload })
    .refine(filedUnderItsKey, { message: 'ratingKeyMismatch', path: ['aggregateId'] }),
  z.object({ ...ratingShape, type: z.literal('rating.appealed'), payload: ratingAppealedPayload }),
  z.object({ ...ratingShape, type: z.literal('rating.appealDecided'), payload: ratingAppealDecidedPayload }),
  z.object({ ...ratingShape, type: z.literal('rating.verified'), payload: ratingVerifiedPayload }),
  z.object({ ...ratingShape, type: z.literal('rating.rectified'), payload: ratingRectifiedPayload }),
  z.object({ ...ratingShape, type: z.literal('rating.feedbackGiven'), payload: ratingFeedbackGivenPayload }),
]);
export type RatingEvent = z.infer<typeof ratingEventSchema>;

export const RATING_EVENT_VERSIONS: Record<RatingEvent['type'], number> = {
  'rating.given': 1,
  'rating.appealed': 1,
  'rating.appealDecided': 1,
  'rating.verified': 1,
  'rating.rectified': 1,
  'rating.feedbackGiven': 1,
};
