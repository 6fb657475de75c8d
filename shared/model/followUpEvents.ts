import { z } from 'zod';
import { caseIdSchema } from './caseEvents.ts';
import { envelopeShape } from './envelope.ts';
import { contactIdSchema, staffIdSchema, ulidSchema } from './ids.ts';
import { blankAsAbsent, LIMITS, multiLine } from './limits.ts';
import { dueOnMatchesMode, DUE_ON_ISSUE, feedbackGivenShape, rectifiedShape, verifiedShape } from './rectification.ts';
import { followUpMeansSchema, ratingLevelSchema } from './satisfaction.ts';

// Chapter 7 服务回访 (art. 27–30). Tasks are derived from ended cases and contacts (shared/rules/followUpTasks.ts);
// what happens in a follow-up is evented on the 'followUp' aggregate, whose id is the subject's id (the caseId or
// the contactId), so every desk's follow-ups of one matter fold together.

export const followUpSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('case'), id: caseIdSchema }),
  z.object({ kind: z.literal('contact'), id: contactIdSchema }),
]);
export type FollowUpSubject = z.infer<typeof followUpSubjectSchema>;

const subject = { subject: followUpSubjectSchema };

// Tried, not reached (art. 30 加强跟踪回访 counts the tries).
export const followUpAttemptedPayload = z.object({
  ...subject,
  means: followUpMeansSchema,
  note: blankAsAbsent(multiLine(LIMITS.note)),
});

/** art. 28(一): was the matter, its procedure and its limit as the record says? */
export const RESULT_AS_RECORDED = ['yes', 'partly', 'no'] as const;

/** art. 28(二): each aspect on the five-level scale, absent when the applicant would not say. */
export const followUpRatingsSchema = z.object({
  overall: ratingLevelSchema.optional(),
  attitude: ratingLevelSchema.optional(),
  quality: ratingLevelSchema.optional(),
  efficiency: ratingLevelSchema.optional(),
  integrity: ratingLevelSchema.optional(), // 廉洁自律
});
export type FollowUpRatings = z.infer<typeof followUpRatingsSchema>;

// art. 28: the follow-up record.
export const followUpRecordedPayload = z.object({
  ...subject,
  means: followUpMeansSchema,
  resultAsRecorded: z.enum(RESULT_AS_RECORDED),
  ratings: followUpRatingsSchema,
  opinions: blankAsAbsent(multiLine(LIMITS.answer)),
  /** art. 28(三): suggestions on the bureau's work, which art. 30 asks it to consider. */
  suggestions: blankAsAbsent(multiLine(LIMITS.answer)),
  /** art. 30 反映强烈、意见较大: goes to a leader at once. */
  strong: z.boolean(),
});

/** art. 30 完善相关制度: what became of the suggestions. */
export const SUGGESTION_OUTCOMES = ['adopted', 'notAdopted', 'underStudy'] as const;
export const followUpSuggestionConsideredPayload = z.object({
  ...subject,
  outcome: z.enum(SUGGESTION_OUTCOMES),
  note: multiLine(LIMITS.note).min(1, 'suggestionNoteRequired'),
});

// art. 30 及时向领导报告: the strong dissatisfaction reported to a leader.
export const followUpLeaderInformedPayload = z.object({
  ...subject,
  leaderId: staffIdSchema,
  note: blankAsAbsent(multiLine(LIMITS.note)),
});

export const followUpVerifiedPayload = z.object({ ...subject, ...verifiedShape });
export const followUpRectifiedPayload = z
  .object({ ...subject, ...rectifiedShape })
  .refine(dueOnMatchesMode, DUE_ON_ISSUE);
export const followUpFeedbackGivenPayload = z.object({ ...subject, ...feedbackGivenShape });

export const followUpPayloadSchemas = {
  'followUp.attempted': followUpAttemptedPayload,
  'followUp.recorded': followUpRecordedPayload,
  'followUp.suggestionConsidered': followUpSuggestionConsideredPayload,
  'followUp.leaderInformed': followUpLeaderInformedPayload,
  'followUp.verified': followUpVerifiedPayload,
  'followUp.rectified': followUpRectifiedPayload,
  'followUp.feedbackGiven': followUpFeedbackGivenPayload,
} as const;

const followUpShape = { ...envelopeShape, aggregate: z.literal('followUp'), aggregateId: ulidSchema };

/** The aggregate is the subject's: an event about another matter is refused, never filed under this one. */
const aboutItsAggregate = (e: { aggregateId: string; payload: { subject: FollowUpSubject } }) =>
  e.payload.subject.id === e.aggregateId;
const SUBJECT_ISSUE = { message: 'followUpSubjectMismatch', path: ['payload', 'subject', 'id'] };

export const followUpEventSchema = z.discriminatedUnion('type', [
  z
    .object({ ...followUpShape, type: z.literal('followUp.attempted'), payload: followUpAttemptedPayload })
    .refine(aboutItsAggregate, SUBJECT_ISSUE),
  z
    .object({ ...followUpShape, type: z.literal('followUp.recorded'), payload: followUpRecordedPayload })
    .refine(aboutItsAggregate, SUBJECT_ISSUE),
  z
    .object({
      ...followUpShape,
      type: z.literal('followUp.suggestionConsidered'),
      payload: followUpSuggestionConsideredPayload,
    })
    .refine(aboutItsAggregate, SUBJECT_ISSUE),
  z
    .object({ ...followUpShape, type: z.literal('followUp.leaderInformed'), payload: followUpLeaderInformedPayload })
    .refine(aboutItsAggregate, SUBJECT_ISSUE),
  z
    .object({ ...followUpShape, type: z.literal('followUp.verified'), payload: followUpVerifiedPayload })
    .refine(aboutItsAggregate, SUBJECT_ISSUE),
  z
    .object({ ...followUpShape, type: z.literal('followUp.rectified'), payload: followUpRectifiedPayload })
    .refine(aboutItsAggregate, SUBJECT_ISSUE),
  z
    .object({ ...followUpShape, type: z.literal('followUp.feedbackGiven'), payload: followUpFeedbackGivenPayload })
    .refine(aboutItsAggregate, SUBJECT_ISSUE),
]);
export type FollowUpEvent = z.infer<typeof followUpEventSchema>;

export const FOLLOW_UP_EVENT_VERSIONS: Record<FollowUpEvent['type'], number> = {
  'followUp.attempted': 1,
  'followUp.recorded': 1,
  'followUp.suggestionConsidered': 1,
  'followUp.leaderInformed': 1,
  'followUp.verified': 1,
  'followUp.rectified': 1,
  'followUp.feedbackGiven': 1,
};
