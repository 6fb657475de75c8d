import { z } from 'zod';
import { isIsoDate } from '../../../shared/rules/isoDate.ts';
import { DEFAULT_SERIES_KEYS, MAX_SERIES_KEYS, type FigureKey } from '../../../shared/rules/reports/figures.ts';
import { periodDays, seriesBucketCount } from '../../../shared/rules/reports/periods.ts';
import {
  REPORT_GROUP_BYS,
  REPORT_MAX_BUCKETS,
  REPORT_MAX_DAYS,
  REPORT_SERIES_STEPS,
} from '../../../shared/sync/reportApi.ts';
import { isFigureKey } from '../storage/reportFigures.ts';

// The query strings of GET /reports, /reports/facts and /reports/series (shared/sync/reportApi.ts), checked whole
// before anything is read: a bad one is refused with a message in both languages and nothing is computed from it.

const day = z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' });
const groupBy = z.enum(REPORT_GROUP_BYS).default('bureau');
const period = { from: day, to: day, groupBy };

const figureKey = z
  .string()
  .max(80)
  .refine((k): k is FigureKey => isFigureKey(k));

const reportQuery = z.strictObject(period);
const drillQuery = z.strictObject({
  ...period,
  group: z.string().min(1).max(120),
  key: figureKey,
  offset: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .default(0),
});
const seriesQuery = z.strictObject({
  ...period,
  step: z.enum(REPORT_SERIES_STEPS),
  keys: z
    .string()
    .max(MAX_SERIES_KEYS * 81)
    .transform((s) => [...new Set(s.split(','))])
    .pipe(z.array(figureKey).min(1).max(MAX_SERIES_KEYS))
    .optional(),
});

export type ReportQuery = z.infer<typeof reportQuery>;
export type DrillQuery = z.infer<typeof drillQuery>;
export type SeriesQuery = Omit<z.infer<typeof seriesQuery>, 'keys'> & { readonly keys: readonly FigureKey[] };

export const BAD_QUERY_MESSAGE =
  '报表期间应为两个日期（YYYY-MM-DD，起不晚于止），分组为 bureau、department 或 staff。A report needs from and to as YYYY-MM-DD (from not after to) and groupBy bureau, department or staff.';
export const BAD_DRILL_MESSAGE =
  '明细查询需给出期间（YYYY-MM-DD）、分组、组别（group）和报表已有的指标（key），页码偏移 offset 为非负整数。A drill-down needs from and to as YYYY-MM-DD, groupBy, a group, a figure key the report knows, and offset as a whole number.';
export const BAD_SERIES_MESSAGE = `趋势查询需给出期间（YYYY-MM-DD）、步长 step（week 或 month）和报表已有的指标 keys（逗号分隔，至多 ${MAX_SERIES_KEYS} 项）。A series needs from and to as YYYY-MM-DD, step week or month, and keys the report knows (comma-separated, at most ${MAX_SERIES_KEYS}).`;
export const RANGE_TOO_LONG_MESSAGE = `报表期间最长 ${REPORT_MAX_DAYS} 天，请缩短期间。A report covers at most ${REPORT_MAX_DAYS} days; choose a shorter period.`;
export const TOO_MANY_BUCKETS_MESSAGE = `趋势图最多 ${REPORT_MAX_BUCKETS} 段，请缩短期间或改按月统计。A series has at most ${REPORT_MAX_BUCKETS} buckets; choose a shorter period or step by month.`;

export type Checked<T> = { ok: true; query: T } | { ok: false; message: string };

/** The period's own checks, shared by the three routes: from not after to, and no longer than REPORT_MAX_DAYS. */
function checkPeriod<T extends { from: string; to: string }>(
  parsed: { success: true; data: T } | { success: false },
  badMessage: string,
): Checked<T> {
  if (!parsed.success || parsed.data.from > parsed.data.to) return { ok: false, message: badMessage };
  if (periodDays(parsed.data) > REPORT_MAX_DAYS) return { ok: false, message: RANGE_TOO_LONG_MESSAGE };
  return { ok: true, query: parsed.data };
}

export function parseReportQuery(raw: unknown): Checked<ReportQuery> {
  return checkPeriod(reportQuery.safeParse(raw), BAD_QUERY_MESSAGE);
}

export function parseDrillQuery(raw: unknown): Checked<DrillQuery> {
  return checkPeriod(drillQuery.safeParse(raw), BAD_DRILL_MESSAGE);
}

export function parseSeriesQuery(raw: unknown): Checked<SeriesQuery> {
  const checked = checkPeriod(seriesQuery.safeParse(raw), BAD_SERIES_MESSAGE);
  if (!checked.ok) return checked;
  if (seriesBucketCount(checked.query, checked.query.step) > REPORT_MAX_BUCKETS) {
    return { ok: false, message: TOO_MANY_BUCKETS_MESSAGE };
  }
  return { ok: true, query: { ...checked.query, keys: checked.query.keys ?? DEFAULT_SERIES_KEYS } };
}
