import { z } from 'zod';
import { isoDateSchema } from './calendar.ts';
import { blankAsAbsent, LIMITS, multiLine } from './limits.ts';
import { followUpMeansSchema, ratingLevelSchema } from './satisfaction.ts';

// 差评整改: a bad rating (at the window, by QR, or in a follow-up record) is verified with the applicant (核实回访),
// rectified one of three ways, and the applicant is told (反馈), who may rate again. The same three payloads serve the
// 'rating' and the 'followUp' aggregates; shapes are kept apart so each aggregate can add its own fields.

export const RECTIFICATION_MODES = ['immediate', 'byDate', 'explained'] as const; // 立行立改 / 限期整改 / 解释说明
export type RectificationMode = (typeof RECTIFICATION_MODES)[number];

export const verifiedShape = {
  on: isoDateSchema,
  means: followUpMeansSchema,
  note: multiLine(LIMITS.note).min(1, 'verificationNoteRequired'),
};

export const rectifiedShape = {
  mode: z.enum(RECTIFICATION_MODES),
  /** 限期整改 only: the day by which the fix is done. */
  dueOn: isoDateSchema.optional(),
  note: multiLine(LIMITS.explanation).min(1, 'rectificationNoteRequired'),
};

/** 限期整改 names its date; the other two never do. */
export const dueOnMatchesMode = (p: { mode: RectificationMode; dueOn?: string | undefined }) =>
  (p.mode === 'byDate') === (p.dueOn !== undefined);
export const DUE_ON_ISSUE = { message: 'rectificationDueOnForByDateOnly', path: ['dueOn'] };

export const feedbackGivenShape = {
  on: isoDateSchema,
  how: followUpMeansSchema,
  /** The applicant's new rating, where they give one. */
  newLevel: ratingLevelSchema.optional(),
  note: blankAsAbsent(multiLine(LIMITS.note)),
};
