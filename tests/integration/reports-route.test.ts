import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beijingDate } from '../../shared/rules/case.ts';
import { figures } from '../../shared/rules/reports/figures.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader, type StaffSession } from '../../shared/sync/staffAuth.ts';
import type { ReportResponse } from '../../server/src/http/reports.ts';
import { readFactsBetween } from '../../server/src/storage/reportFacts.ts';
import { makeContactOpened } from '../fixtures/events.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './server/harness.ts';
import { signInAs, signOut } from './server/staffSessions.ts';
import { scenarioLogs, storeEvents } from './reports-scenario.ts';

// Issue 15: GET /reports answers a supervisor or a leader, with their own live session on an enrolled desk, the
// figures of a period from the projection (equal to figures() over the stored facts, drill-down ids included). A
// clerk asking for the bureau's report is refused, and nothing answers without a desk and a session.

const MARCH = '/reports?from=2026-03-01&to=2026-03-31';

describe.each(BACKENDS)('GET /reports on $name', (backend) => {
  let server: TestServer;
  let deviceId: string;
  beforeEach(async () => {
    server = await startServer(backend);
    deviceId = await server.device();
  });
  afterEach(async () => server.stop());

  const get = async (
    url: string,
    session?: StaffSession,
    headers: Record<string, string> = server.authHeaders(deviceId),
  ) => {
    const res = await server.app.inject({
      method: 'GET',
      url,
      headers: { ...headers, ...(session ? { [STAFF_SESSION_HEADER]: staffSessionHeader(session) } : {}) },
    });
    return { status: res.statusCode, json: res.json() as unknown };
  };

  it('answers a supervisor and a leader the figures of the period, per department, as figures() over the stored facts', async () => {
    await storeEvents(server.storage.db, scenarioLogs().flat());
    await server.reports.catchUp();
    const facts = await readFactsBetween(server.storage.db, '0000-01-01', '9999-12-31');
    for (const staffId of ['huang-xiuying', 'he-jianguo']) {
      const session = await signInAs(server, deviceId, staffId);
      const res = await get(`${MARCH}&groupBy=department`, session);
      expect(res.status).toBe(200);
      const body = res.json as ReportResponse;
      expect(body.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
      expect(body.groups).toEqual(figures(facts, { from: '2026-03-01', to: '2026-03-31' }, 'department'));
      const hightech = body.groups.find((g) => g.group === 'dept-high-tech');
      expect(hightech?.figures['cases.received']).toMatchObject({ numerator: 5, denominator: 5 });
      expect(hightech?.figures['cases.onTime'].factIds).toEqual(['K1']);
    }
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

  it('refuses a bad period with a message, and reads nothing', async () => {
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
      const zw = (res.json as ReportResponse).groups.find((g) => g.group === 'zhang-wei');
      calls = zw?.figures['contacts.channel.call'].numerator ?? 0;
    }
    expect(calls).toBe(1);
  });
});
