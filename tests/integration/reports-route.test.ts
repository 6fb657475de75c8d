import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beijingDate } from '../../shared/rules/case.ts';
import { figures, type Figure } from '../../shared/rules/reports/figures.ts';
import { warnings } from '../../shared/rules/reports/warnings.ts';
import { reportAnswerSchema, REPORT_MAX_DAYS, type ReportAnswer } from '../../shared/sync/reportApi.ts';
import { reportContextOf } from '../../server/src/reports/context.ts';
import { currentReferenceDocs } from '../../server/src/storage/referenceSnapshot.ts';
import { readFactsBetween } from '../../server/src/storage/reportFacts.ts';
import { makeContactOpened } from '../fixtures/events.ts';
import { contactEvent, contactOpened } from '../unit/shared/builders.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './server/harness.ts';
import { signInAs, signOut } from './server/staffSessions.ts';
import { intakeBody, postIntake } from './complaint-helpers.ts';
import { reportGetter, type ReportGet } from './reports-http.ts';
import { scenarioLogs, storeEvents } from './reports-scenario.ts';

// Issue 15: GET /reports answers a supervisor or a leader, with their own live session on an enrolled desk, the
// figures of a period from the projection (equal to figures() over the stored facts: counts, rates and medians, no
// drill-down ids — those are GET /reports/facts), the warning list of the period (equal to warnings() over the
// stored facts, judged today in Beijing) and how current the projection is. A clerk asking for the bureau's report is
// refused, nothing answers without a desk and a session, and a bad or too long period is refused with a message.

const MARCH = '/reports?from=2026-03-01&to=2026-03-31';

/** A figure as the wire carries it: no drill-down ids. */
const wire = ({ numerator, denominator, rate, median }: Figure) => ({
  numerator,
  denominator,
  rate,
  ...(median !== undefined ? { median } : {}),
});

describe.each(BACKENDS)('GET /reports on $name', (backend) => {
  let server: TestServer;
  let deviceId: string;
  let get: ReportGet;
  beforeEach(async () => {
    server = await startServer(backend);
    deviceId = await server.device();
    get = reportGetter(server, deviceId);
  });
  afterEach(async () => server.stop());

  it('answers a supervisor and a leader the figures, warnings and freshness of the period, as figures() and warnings() over the stored facts', async () => {
    await storeEvents(server.storage.db, scenarioLogs().flat());
    await server.reports.catchUp();
    const facts = await readFactsBetween(server.storage.db, '0000-01-01', '9999-12-31');
    const today = beijingDate(new Date().toISOString());
    const { calendar } = reportContextOf(await currentReferenceDocs(server.storage.db), today).facts;
    const march = { from: '2026-03-01', to: '2026-03-31' };
    for (const staffId of ['huang-xiuying', 'he-jianguo']) {
      const session = await signInAs(server, deviceId, staffId);
      const res = await get(`${MARCH}&groupBy=department`, session);
      expect(res.status).toBe(200);
      // No HTTP cache keeps a report (http/noStore.ts).
      expect(res.cacheControl).toBe('no-store');
      const body = reportAnswerSchema.parse(res.json);
      expect(body.period).toEqual(march);
      expect(body.groupBy).toBe('department');
      expect(body.groups).toEqual(
        figures(facts, march, 'department').map((g) => ({
          group: g.group,
          figures: Object.fromEntries(Object.entries(g.figures).map(([k, f]) => [k, wire(f)])),
        })),
      );
      const hightech = body.groups.find((g) => g.group === 'dept-high-tech');
      expect(hightech?.figures['cases.received']).toEqual({ numerator: 5, denominator: 5, rate: 1 });
      expect(hightech?.figures['cases.onTime']).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
      expect(hightech?.figures['transfers.workingDaysToAccept']).toMatchObject({ denominator: 3, median: 2 });

      // The warning list: the oracle's, with the cards the scenario must raise months later: K3, received on
      // 2 March and never completed, is far past its limit (art. 18(1)), a red card; K6 was rejected without a
      // reason or basis (art. 8(2), 11), red whatever the days.
      expect(body.warnings).toEqual(warnings(facts, march, { calendar, today }));
      expect(body.warnings).toContainEqual(
        expect.objectContaining({ level: 'red', rule: 'lateBeyond', code: 'overdue', recordId: 'K3' }),
      );
      expect(body.warnings).toContainEqual(
        expect.objectContaining({ level: 'red', rule: 'noReason', code: 'refusalWithoutReason', recordId: 'K6' }),
      );
      expect(body.warnings.map((w) => w.level)).toEqual(
        [...body.warnings.map((w) => w.level)].sort(
          (a, b) => ['red', 'yellow', 'warning'].indexOf(a) - ['red', 'yellow', 'warning'].indexOf(b),
        ),
      );

      // C5's transfer of 31 March was never accepted (art. 8(3)): late from April on, far beyond the next working
      // day, a red card of April's list, of 刘洋 who was to accept it.
      const april = reportAnswerSchema.parse((await get('/reports?from=2026-04-01&to=2026-04-30', session)).json);
      expect(april.warnings).toEqual(warnings(facts, { from: '2026-04-01', to: '2026-04-30' }, { calendar, today }));
      expect(april.warnings).toContainEqual(
        expect.objectContaining({
          level: 'red',
          rule: 'lateBeyond',
          code: 'transferLate',
          recordId: 'C5',
          staffId: 'liu-yang',
        }),
      );

      expect(body.freshness.today).toBe(today);
      expect(body.freshness.projectedSeq).toBe(body.freshness.latestSeq);
      expect(body.freshness.latestSeq).toBeGreaterThanOrEqual(scenarioLogs().flat().length);
      expect(Math.abs(Date.parse(body.freshness.computedAt) - Date.now())).toBeLessThan(60_000);
    }
  });

  it('warns (预警) of a transfer still to accept only in a period that holds today, and says what is still to project', async () => {
    const now = Date.now();
    const open = contactOpened({ ms: now - 60_000, contactId: 'CT', staffId: 'zhang-wei' });
    const transfer = contactEvent(
      'contact.transferred',
      {
        toDepartmentId: 'dept-high-tech',
        toStaffId: 'liu-yang',
        toldApplicant: { departmentName: '高新科', handlerName: '刘洋', phone: '0377-63176320' },
      } as never,
      { ms: now - 30_000, contactId: 'CT', staffId: 'zhang-wei' },
    );
    await server.reports.stop(); // nothing projects until the test says so
    await storeEvents(server.storage.db, [open, transfer]);
    const today = beijingDate(new Date(now).toISOString());
    const session = await signInAs(server, deviceId, 'huang-xiuying');
    const todayUrl = `/reports?from=${today}&to=${today}`;

    const before = reportAnswerSchema.parse((await get(todayUrl, session)).json);
    expect(before.freshness.latestSeq - before.freshness.projectedSeq).toBeGreaterThanOrEqual(2);
    expect(before.groups).toEqual([]);

    await server.reports.catchUp();
    const after = reportAnswerSchema.parse((await get(todayUrl, session)).json);
    expect(after.freshness.projectedSeq).toBe(after.freshness.latestSeq);
    expect(after.warnings).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        rule: 'dueSoon',
        code: 'transferAcceptance',
        recordId: 'CT',
        staffId: 'liu-yang',
      }),
    );
    // A past month has nothing left to warn about.
    const lastYear = reportAnswerSchema.parse((await get('/reports?from=2025-01-01&to=2025-12-31', session)).json);
    expect(lastYear.warnings).toEqual([]);
  });

  it('refuses a clerk and a handler (403), a missing or ended session (401) and a desk without credentials', async () => {
    const clerk = await signInAs(server, deviceId, 'zhang-wei');
    expect(await get(MARCH, clerk)).toMatchObject({ status: 403, json: { code: 'not-allowed' } });
    const handler = await signInAs(server, deviceId, 'chen-jing');
    expect((await get(MARCH, handler)).status).toBe(403);
    expect(await get(MARCH)).toMatchObject({ status: 401, json: { code: 'staff-session-required' } });
    const supervisor = await signInAs(server, deviceId, 'huang-xiuying');
    expect((await get(MARCH, supervisor)).status).toBe(200);
    expect(await signOut(server, deviceId, supervisor)).toBe(204);
    expect((await get(MARCH, supervisor)).status).toBe(401);
    const again = await signInAs(server, deviceId, 'huang-xiuying');
    expect((await get(MARCH, again, {})).status).toBe(401);
    // The supervisor's session on another desk proves nothing here.
    const other = await server.device();
    expect((await get(MARCH, again, server.authHeaders(other))).status).toBe(401);
  });

  it('refuses a bad period with a message, and a period longer than the cap, in both languages', async () => {
    const session = await signInAs(server, deviceId, 'huang-xiuying');
    for (const query of [
      '/reports?from=2026-03-31&to=2026-03-01',
      '/reports?from=2026-3-1&to=2026-03-31',
      '/reports?from=2026-02-30&to=2026-03-31',
      '/reports?to=2026-03-31',
      `${MARCH}&groupBy=window`,
      `${MARCH}&extra=1`,
    ]) {
      const res = await get(query, session);
      expect([query, res.status]).toEqual([query, 400]);
      expect((res.json as { message: string }).message).toContain('YYYY-MM-DD');
    }
    // REPORT_MAX_DAYS days answer; one more is refused.
    const from = '2021-01-01';
    const last = new Date(Date.parse(`${from}T00:00:00Z`) + (REPORT_MAX_DAYS - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const dayAfter = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await get(`/reports?from=${from}&to=${last}`, session)).status).toBe(200);
    const tooLong = await get(`/reports?from=${from}&to=${dayAfter}`, session);
    expect(tooLong).toMatchObject({ status: 400, json: { code: 'bad-request' } });
    expect((tooLong.json as { message: string }).message).toMatch(
      new RegExp(`最长 ${REPORT_MAX_DAYS} 天.*at most ${REPORT_MAX_DAYS} days`),
    );
  });

  it('follows a complaint HQ received: counted under the person complained about, and nothing of the complaint itself', async () => {
    const body = intakeBody({ accusedStaffIds: ['liu-yang'] });
    expect((await postIntake(server, deviceId, body)).status).toBe(200);
    const today = body.payload.receivedOn;
    const session = await signInAs(server, deviceId, 'huang-xiuying');
    let received = -1;
    let answer: ReportAnswer | undefined;
    for (let i = 0; i < 50 && received !== 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
      answer = reportAnswerSchema.parse((await get(`/reports?from=${today}&to=${today}&groupBy=staff`, session)).json);
      received = answer.groups.find((g) => g.group === 'liu-yang')?.figures['complaints.received']?.numerator ?? 0;
    }
    expect(received).toBe(1);
    expect(answer?.groups.find((g) => g.group === 'liu-yang')?.figures['complaints.founded']).toEqual({
      numerator: 0,
      denominator: 0,
      rate: null,
    });
    // The drill-down names the complaint by id only: its account and complainant stay behind GET /complaints/:id.
    const drill = await get(
      `/reports/facts?from=${today}&to=${today}&groupBy=staff&group=liu-yang&key=complaints.received`,
      session,
    );
    expect(drill.json).toMatchObject({ total: 1, facts: [{ kind: 'complaint', recordId: body.complaintId }] });
    expect(JSON.stringify(drill.json)).not.toContain(body.payload.account as string);
    expect(JSON.stringify(drill.json)).not.toContain('赵先生');
  });

  it('follows a push: the projection is woken after the events are stored', async () => {
    const contact = makeContactOpened({ deviceId, deviceSeq: 1, staffId: 'zhang-wei', channel: 'call' });
    const pushed = await server.push(pushBody(deviceId, [contact]));
    expect(pushed.body.stored).toBe(1);
    const today = beijingDate(contact.occurredAt);
    const session = await signInAs(server, deviceId, 'he-jianguo');
    let calls = -1;
    for (let i = 0; i < 50 && calls !== 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const res = await get(`/reports?from=${today}&to=${today}&groupBy=staff`, session);
      const zw = (res.json as ReportAnswer).groups.find((g) => g.group === 'zhang-wei');
      calls = zw?.figures['contacts.channel.call']?.numerator ?? 0;
    }
    expect(calls).toBe(1);
  });
});
