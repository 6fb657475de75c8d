import { addDays, type IsoDate } from '../../../shared/rules/isoDate.ts';
import type { Figure, FigureGroup, FigureKey, GroupBy } from '../../../shared/rules/reports/figures.ts';
import { inPeriod, seriesBuckets, type Period, type SeriesStep } from '../../../shared/rules/reports/periods.ts';
import { DEFAULT_WARNING_THRESHOLDS, warnings } from '../../../shared/rules/reports/warnings.ts';
import type { ReportAnswer, ReportFigure, ReportGroup, ReportSeries } from '../../../shared/sync/reportApi.ts';
import type { Db } from '../storage/db.ts';
import { readProjectionProgress, readWarningFacts } from '../storage/reportFacts.ts';
import { sqlDayCounts, sqlFigures } from '../storage/reportFigures.ts';
import { currentReferenceDocs } from '../storage/referenceSnapshot.ts';
import { reportContextOf } from './context.ts';

// The answers of GET /reports and GET /reports/series (shared/sync/reportApi.ts), from the fact rows, apart from the
// HTTP layer (http/reports.ts) so the bench times exactly what a supervisor waits for.

/**
 * The longest a duty due within warnWithinWorkingDays working days can be away in calendar days (the longest
 * holiday with its weekends, with room to spare): the due facts read for 预警.
 */
const DUE_LOOKAHEAD_DAYS = 31;

const toWire = (f: Figure): ReportFigure => ({
  numerator: f.numerator,
  denominator: f.denominator,
  rate: f.rate,
  ...(f.median !== undefined ? { median: f.median } : {}),
});

const groupToWire = (g: FigureGroup): ReportGroup => ({
  group: g.group,
  figures: Object.fromEntries(Object.entries(g.figures).map(([key, f]) => [key, toWire(f)])),
});

/**
 * The warning list of the period (shared/rules/reports/warnings.ts) from only what it is judged by: the breaches of
 * the period and of the repeat window before it, and — when the period holds today — the duties due soon.
 */
async function warningsOf(db: Db, p: Period, today: IsoDate): Promise<ReportAnswer['warnings']> {
  const t = DEFAULT_WARNING_THRESHOLDS;
  const facts = await readWarningFacts(
    db,
    { from: addDays(p.from, -t.repeatWindowDays), to: p.to },
    inPeriod(today, p) ? { from: today, to: addDays(today, DUE_LOOKAHEAD_DAYS) } : null,
  );
  const { calendar } = reportContextOf(await currentReferenceDocs(db), today).facts;
  return warnings(facts, p, { calendar, today, thresholds: t });
}

/** GET /reports: every figure of the period per group (counts, rates, medians), its warnings, and how current. */
export async function reportAnswer(db: Db, p: Period, groupBy: GroupBy, today: IsoDate): Promise<ReportAnswer> {
  // Read first: the answer is at least as current as it says.
  const progress = await readProjectionProgress(db);
  const groups = await sqlFigures(db, p, groupBy, { factIds: false });
  return {
    period: { from: p.from, to: p.to },
    groupBy,
    groups: groups.map(groupToWire),
    warnings: await warningsOf(db, p, today),
    freshness: { ...progress, today, computedAt: new Date().toISOString() },
  };
}

type Sums = Map<FigureKey, { numerator: number; denominator: number }>;

/** GET /reports/series: `keys` per week or month of the period (clipped to it) and group; counts only. */
export async function reportSeries(
  db: Db,
  p: Period,
  step: SeriesStep,
  groupBy: GroupBy,
  keys: readonly FigureKey[],
): Promise<ReportSeries> {
  const buckets = seriesBuckets(p, step);
  const perBucket = buckets.map(() => new Map<string, Sums>());
  const days = (await sqlDayCounts(db, p, groupBy, keys)).sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
  let b = 0;
  for (const row of days) {
    while (row.day > buckets[b]!.to) b += 1;
    const groups = perBucket[b]!;
    let sums = groups.get(row.group);
    if (!sums) groups.set(row.group, (sums = new Map()));
    for (const [key, c] of row.counts) {
      const sum = sums.get(key) ?? { numerator: 0, denominator: 0 };
      sums.set(key, { numerator: sum.numerator + c.numerator, denominator: sum.denominator + c.denominator });
    }
  }
  return {
    step,
    groupBy,
    buckets: buckets.map((bucket, i) => ({
      ...bucket,
      groups: [...perBucket[i]!.entries()]
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
        .map(([group, sums]) => ({
          group,
          figures: Object.fromEntries(
            keys.map((key) => {
              const c = sums.get(key) ?? { numerator: 0, denominator: 0 };
              return [key, { ...c, rate: c.denominator === 0 ? null : c.numerator / c.denominator }];
            }),
          ),
        })),
    })),
  };
}
