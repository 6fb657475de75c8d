import { z } from 'zod';
import { isoDateSchema } from './calendar.ts';

/**
 * Periods the law excludes from a case's limit (行政许可法 §45, the ones a science bureau meets): a hearing (听证),
 * inspection (检验), testing (检测) and expert review (专家评审). An on-site check is not one: it is part of the
 * examination and counts (§34). Supplementing materials is not one either: the supplement is told once, before
 * acceptance (art. 10–11), so a running case is never paused "for 补正".
 */
export const PAUSE_REASONS = ['hearing', 'expertReview', 'inspection', 'testing'] as const;
export const pauseReasonSchema = z.enum(PAUSE_REASONS);
export type PauseReason = z.infer<typeof pauseReasonSchema>;
/** What case.paused version 1 allowed; kept so old events still read (and still count). */
export const legacyPauseReasonSchema = z.enum([...PAUSE_REASONS, 'supplement']);
export type LegacyPauseReason = z.infer<typeof legacyPauseReasonSchema>;

/**
 * A pause runs from the day the case stopped to the day it resumed, both inclusive; `to` is absent while the
 * case is still paused. See rules/deadline.ts for how the days are counted.
 */
export const casePauseSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema.optional(),
    reason: legacyPauseReasonSchema,
  })
  .refine((p) => p.to === undefined || p.to >= p.from, { message: 'pauseEndsBeforeStart', path: ['to'] });
export type CasePause = z.infer<typeof casePauseSchema>;

/** An approved extension (延期), in working days added to the limit. */
export const caseExtensionSchema = z.object({ days: z.number().int().min(1).max(365) });
export type CaseExtension = z.infer<typeof caseExtensionSchema>;

/** What the clock of one case needs: acceptance day, promised limit, pauses and approved extensions. */
export const caseClockInputSchema = z
  .object({
    acceptedOn: isoDateSchema,
    /** The promised limit in statutory working days (承诺时限). */
    limitDays: z.number().int().min(1).max(365),
    pauses: z.array(casePauseSchema),
    extensions: z.array(caseExtensionSchema),
  })
  .superRefine((input, ctx) => {
    input.pauses.forEach((p, i) => {
      // The clock starts at acceptance; before it there is nothing to pause (a supplement before
      // acceptance means the clock has not started, not that it stopped).
      if (p.from < input.acceptedOn) {
        ctx.addIssue({ code: 'custom', message: 'pauseBeforeAcceptance', path: ['pauses', i, 'from'] });
      }
    });
  });
export type CaseClockInput = z.infer<typeof caseClockInputSchema>;

/**
 * When an open case turns to 'warning': when at most `warnDaysLeft` working days are left, or at most
 * `warnShare` of its whole limit (limit plus extensions). The bureau sets both.
 */
export const clockWarningSchema = z.object({
  warnDaysLeft: z.number().int().min(0).max(60),
  warnShare: z.number().min(0).max(1),
});
export type ClockWarning = z.infer<typeof clockWarningSchema>;

export const DEFAULT_CLOCK_WARNING: ClockWarning = { warnDaysLeft: 2, warnShare: 0.2 };
