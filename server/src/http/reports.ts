import type { FastifyInstance } from 'fastify';
import { beijingDate } from '../../../shared/rules/case.ts';
import { addDays, type IsoDate } from '../../../shared/rules/isoDate.ts';
import type { Figure, FigureGroup, FigureKey } from '../../../shared/rules/reports/figures.ts';
import { inPeriod, seriesBuckets, type Period } from '../../../shared/rules/reports/periods.ts';
import { DEFAULT_WARNING_THRESHOLDS, warnings } from '../../../shared/rules/reports/warnings.ts';
import {
  REPORT_DRILL_PAGE,
  type ReportAnswer,
  type ReportDrill,
  type ReportFigure,
  type ReportGroup,
  type ReportSeries,
} from '../../../shared/sync/reportApi.ts';
import { reportContextOf } from '../reports/context.ts';
import type { Db } from '../storage/db.ts';
import { readProjectionProgress, readWarningFacts } from '../storage/reportFacts.ts';
import { sqlDayCounts, sqlDrill, sqlFigures } from '../storage/reportFigures.ts';
import { currentReferenceDocs } from '../storage/referenceSnapshot.ts';
import { sendError } from './errors.ts';
import { parseDrillQuery, parseReportQuery, parseSeriesQuery } from './reportQueries.ts';
import { readerOf, requireReportReader } from './reportGuard.ts';

// The supervision reports (issue 15, art. 4; the wire contract is shared/sync/reportApi.ts), read from the
// projection's fact rows by SQL (storage/reportFigures.ts, equal to shared/rules/reports/figures.ts):
//   GET /reports         the figures of a period per bureau, department or person (counts, rates, medians), the
//                        warning list (预警/黄牌/红牌) and how current the projection is;
//   GET /reports/facts   the facts behind one figure's numerator in one group, a page at a time (the drill-down);
//   GET /reports/series  chosen figures per week or month of a range (the charts).
// Read online by a supervisor or leader only (reportGuard.ts, before anything else); a bad query is refused with a
// message in both languages before anything is read; every read is logged with who read it.

/** Today in Beijing: what "overdue now" and 预警 are judged by. */
const beijingToday = (): IsoDate => beijingDate(new Date().toISOString());

/**
 * The longest a duty due within warnWithinWorkingDays working days can be away in calendar days (the longest
 * holiday with its weekends): the due facts read for 预警.
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

export function registerReports(app: FastifyInstance, db: Db): void {
  app.decorateRequest('reportReaderId', null);
  // A complaint act HQ stored (http/complaints.ts answers 200) changes that complaint's report rows: the projection
  // follows it as it follows a push.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'POST' && reply.statusCode === 200 && request.routeOptions.url?.startsWith('/complaints')) {
      app.reportProjector.wake();
    }
  });
  const guard = { onRequest: requireReportReader(db) };

  app.get('/reports', guard, async (request, reply) => {
    const checked = parseReportQuery(request.query);
    if (!checked.ok) return sendError(reply, 400, 'bad-request', checked.message);
    const { from, to, groupBy } = checked.query;
    request.log.info({ staffId: readerOf(request), from, to, groupBy }, 'report read');
    const today = beijingToday();
    const progress = await readProjectionProgress(db);
    const groups = await sqlFigures(db, { from, to }, groupBy, { factIds: false });
    const cards = await warningsOf(db, { from, to }, today);
    const answer: ReportAnswer = {
      period: { from, to },
      groupBy,
      groups: groups.map(groupToWire),
      warnings: cards,
      freshness: { ...progress, today, computedAt: new Date().toISOString() },
    };
    return answer;
  });

  app.get('/reports/facts', guard, async (request, reply) => {
    const checked = parseDrillQuery(request.query);
    if (!checked.ok) return sendError(reply, 400, 'bad-request', checked.message);
    const { from, to, groupBy, group, key, offset } = checked.query;
    request.log.info({ staffId: readerOf(request), from, to, groupBy, group, key, offset }, 'report drill-down read');
    const page = await sqlDrill(db, { from, to }, groupBy, group, key, { offset, limit: REPORT_DRILL_PAGE });
    const answer: ReportDrill = { key, group, total: page.total, offset, facts: page.facts.map((f) => ({ ...f })) };
    return answer;
  });

  app.get('/reports/series', guard, async (request, reply) => {
    const checked = parseSeriesQuery(request.query);
    if (!checked.ok) return sendError(reply, 400, 'bad-request', checked.message);
    const { from, to, groupBy, step, keys } = checked.query;
    request.log.info({ staffId: readerOf(request), from, to, groupBy, step, keys }, 'report series read');
    const buckets = seriesBuckets({ from, to }, step);
    const perBucket = buckets.map(() => new Map<string, Map<FigureKey, { numerator: number; denominator: number }>>());
    let b = 0;
    const days = (await sqlDayCounts(db, { from, to }, groupBy, keys)).sort((x, y) => (x.day < y.day ? -1 : 1));
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
    const answer: ReportSeries = {
      step,
      groupBy,
      buckets: buckets.map((bucket, i) => ({
        ...bucket,
        groups: [...perBucket[i]!.entries()]
          .sort(([a], [z]) => (a < z ? -1 : a > z ? 1 : 0))
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
    return answer;
  });
}
