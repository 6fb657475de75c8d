import type { FastifyInstance } from 'fastify';
import { beijingDate } from '../../../shared/rules/case.ts';
import { REPORT_DRILL_PAGE, type ReportDrill } from '../../../shared/sync/reportApi.ts';
import { reportAnswer, reportSeries } from '../reports/answers.ts';
import type { Db } from '../storage/db.ts';
import { sqlDrill } from '../storage/reportFigures.ts';
import { sendError } from './errors.ts';
import { parseDrillQuery, parseReportQuery, parseSeriesQuery } from './reportQueries.ts';
import { readerOf, requireReportReader } from './reportGuard.ts';
import { noStore } from './noStore.ts';

// The supervision reports (issue 15, art. 4; the wire contract is shared/sync/reportApi.ts), read from the
// projection's fact rows by SQL (storage/reportFigures.ts, equal to shared/rules/reports/figures.ts):
//   GET /reports         the figures of a period per bureau, department or person (counts, rates, medians), the
//                        warning list (预警/黄牌/红牌) and how current the projection is (reports/answers.ts);
//   GET /reports/facts   the facts behind one figure's numerator in one group, a page at a time (the drill-down);
//   GET /reports/series  chosen figures per week or month of a range (the charts).
// Read online by a supervisor or leader only (reportGuard.ts, before anything else); a bad query is refused with a
// message in both languages before anything is read (reportQueries.ts); every read is logged with who read it.

/** Today in Beijing: what "overdue now" and 预警 are judged by. */
const beijingToday = () => beijingDate(new Date().toISOString());

export function registerReports(app: FastifyInstance, db: Db): void {
  app.decorateRequest('reportReaderId', null);
  const guard = { onRequest: requireReportReader(db), onSend: noStore };

  app.get('/reports', guard, async (request, reply) => {
    const checked = parseReportQuery(request.query);
    if (!checked.ok) return sendError(reply, 400, 'bad-request', checked.message);
    const { from, to, groupBy } = checked.query;
    request.log.info({ staffId: readerOf(request), from, to, groupBy }, 'report read');
    return reportAnswer(db, { from, to }, groupBy, beijingToday());
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
    return reportSeries(db, { from, to }, step, groupBy, keys);
  });
}
