import { z } from 'zod';
import { isoDateSchema } from '../model/calendar.ts';

// The HQ supervision-report API (issue 15, art. 4). Reports are read ONLINE with the reader's own live staff session
// (x-staff-session, issue 11) on an enrolled desk, by the bureau's supervisors (机关党委/人事科) and leaders only;
// anyone else is refused before anything is read (server/src/http/reportGuard.ts), and every read is logged.
//
//   GET /reports?from&to&groupBy          → ReportAnswer: every figure of the period per bureau, department or
//                                           staff member (numerator, denominator, rate; counts only), the warning
//                                           list (预警/黄牌/红牌) of the period, and how current the projection is.
//   GET /reports/facts?from&to&groupBy&group&key[&offset]
//                                         → ReportDrill: the facts behind one figure's numerator in one group (the
//                                           drill-down), a page of REPORT_DRILL_PAGE at a time, each naming its
//                                           record; the desk opens the record itself (complaints through
//                                           GET /complaints/:id, which checks the reader's standing again).
//   GET /reports/series?from&to&step&groupBy[&keys]
//                                         → ReportSeries: chosen figures per week or month of the range, for the
//                                           charts (trends, departments side by side, the on-time rate over time).
//
// Facts and figures hold no personal data: ids, Beijing days, codes and numbers only (shared/rules/reports/facts.ts).
// Bad queries are 400 'bad-request' with a message in both languages; nothing is computed from them.

/** The longest range one report covers: five years and a day (a bureau's retention of the register). */
export const REPORT_MAX_DAYS = 5 * 366;
/** Facts per drill-down page. */
export const REPORT_DRILL_PAGE = 200;
/** The most buckets a series answers (two years of weeks, five years of months). */
export const REPORT_MAX_BUCKETS = 120;

export const REPORT_GROUP_BYS = ['bureau', 'department', 'staff'] as const;
export const REPORT_SERIES_STEPS = ['week', 'month'] as const;

const groupBySchema = z.enum(REPORT_GROUP_BYS);
/** A figure key ('cases.onTime', 'contacts.channel.phone' …): the screens label the ones they know. */
const figureKeySchema = z.string().min(1).max(80);
/** 'bureau', a department id or a staff id ('-' for someone the directory does not know). */
const groupIdSchema = z.string().min(1).max(120);

export const reportFigureSchema = z.object({
  numerator: z.number(),
  denominator: z.number(),
  /** numerator / denominator; null when nothing was counted (0 of 0 is not 0 %). */
  rate: z.number().nullable(),
  /** For a figure of values (working days to accept a transfer): their median. */
  median: z.number().nullable().optional(),
});
export type ReportFigure = z.infer<typeof reportFigureSchema>;

export const reportGroupSchema = z.object({
  group: groupIdSchema,
  figures: z.record(figureKeySchema, reportFigureSchema),
});
export type ReportGroup = z.infer<typeof reportGroupSchema>;

/** One card of the warning list (shared/rules/reports/warnings.ts). */
export const reportWarningSchema = z.object({
  level: z.enum(['warning', 'yellow', 'red']),
  /** The level rule that raised it: dueSoon, lateWithin, lateBeyond, repeated, noReason. */
  rule: z.string().min(1).max(40),
  /** The duty: a breach code (overdue, transferLate …) or a due code (caseDue …). */
  code: z.string().min(1).max(60),
  /** The article, e.g. 'art. 18(1)'. */
  article: z.string().min(1).max(40),
  factId: z.string().min(1).max(200),
  recordId: z.string().min(1).max(120),
  staffId: z.string().min(1).max(120),
  departmentId: z.string().min(1).max(120),
  /** The due day (预警) or the day the breach began (黄牌, 红牌). */
  day: isoDateSchema,
  /** 预警: working days left; 黄牌/红牌: working days late. */
  days: z.number().int(),
});
export type ReportWarning = z.infer<typeof reportWarningSchema>;

/** How current the projection the answer was read from is. */
export const reportFreshnessSchema = z.object({
  /** The last event (server seq) the projection has folded. */
  projectedSeq: z.number().int().nonnegative(),
  /** The last event HQ holds. */
  latestSeq: z.number().int().nonnegative(),
  /** The Beijing day HQ judged "today" by (overdue now, 预警). */
  today: isoDateSchema,
  /** When the answer was computed (ISO instant). */
  computedAt: z.string().max(40),
});
export type ReportFreshness = z.infer<typeof reportFreshnessSchema>;

export const reportAnswerSchema = z.object({
  period: z.object({ from: isoDateSchema, to: isoDateSchema }),
  groupBy: groupBySchema,
  groups: z.array(reportGroupSchema),
  warnings: z.array(reportWarningSchema),
  freshness: reportFreshnessSchema,
});
export type ReportAnswer = z.infer<typeof reportAnswerSchema>;

/** A fact as stored (kind-specific fields kept: outcome, days, level …); the screens read what they know. */
export const reportFactSchema = z.looseObject({
  kind: z.string().min(1).max(40),
  id: z.string().min(1).max(200),
  recordId: z.string().min(1).max(120),
  day: isoDateSchema,
  departmentId: z.string().min(1).max(120),
  staffId: z.string().min(1).max(120),
});
export type ReportFactWire = z.infer<typeof reportFactSchema>;

export const reportDrillSchema = z.object({
  key: figureKeySchema,
  group: groupIdSchema,
  /** How many facts the numerator holds in all (the page holds at most REPORT_DRILL_PAGE of them). */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  facts: z.array(reportFactSchema),
});
export type ReportDrill = z.infer<typeof reportDrillSchema>;

export const reportSeriesSchema = z.object({
  step: z.enum(REPORT_SERIES_STEPS),
  groupBy: groupBySchema,
  buckets: z.array(
    z.object({
      from: isoDateSchema,
      to: isoDateSchema,
      groups: z.array(reportGroupSchema),
    }),
  ),
});
export type ReportSeries = z.infer<typeof reportSeriesSchema>;
