import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isIsoDate } from '../../../shared/rules/isoDate.ts';
import type { FigureGroup, GroupBy } from '../../../shared/rules/reports/figures.ts';
import type { Period } from '../../../shared/rules/reports/periods.ts';
import type { Db } from '../storage/db.ts';
import { sqlFigures } from '../storage/reportFigures.ts';
import { sendError } from './errors.ts';
import { readerOf, requireReportReader } from './reportGuard.ts';

// GET /reports?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=bureau|department|staff (issue 15): the figures of a period
// from the projection's fact rows (storage/reportFigures.ts, equal to shared/rules/reports/figures.ts), each with its
// numerator, denominator and the ids of the facts behind it (the drill-down opens each record with the reader's
// own session). Read online by a supervisor or leader only (reportGuard.ts); every read is logged with who read it.

export interface ReportResponse {
  readonly period: Period;
  readonly groupBy: GroupBy;
  readonly groups: readonly FigureGroup[];
}

const day = z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' });
const reportQuery = z.strictObject({
  from: day,
  to: day,
  groupBy: z.enum(['bureau', 'department', 'staff']).default('bureau'),
});

const BAD_QUERY_MESSAGE =
  '报表期间应为两个日期（YYYY-MM-DD，起不晚于止），分组为 bureau、department 或 staff。A report needs from and to as YYYY-MM-DD (from not after to) and groupBy bureau, department or staff.';

export function registerReports(app: FastifyInstance, db: Db): void {
  app.decorateRequest('reportReaderId', null);
  app.get('/reports', { onRequest: requireReportReader(db) }, async (request, reply) => {
    const query = reportQuery.safeParse(request.query);
    if (!query.success || query.data.from > query.data.to) {
      return sendError(reply, 400, 'bad-request', BAD_QUERY_MESSAGE);
    }
    const { from, to, groupBy } = query.data;
    request.log.info({ staffId: readerOf(request), from, to, groupBy }, 'report read');
    const response: ReportResponse = {
      period: { from, to },
      groupBy,
      groups: await sqlFigures(db, { from, to }, groupBy),
    };
    return response;
  });
}
