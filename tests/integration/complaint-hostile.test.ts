import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_SESSION_HEADER, staffSessionHeader, type StaffSession } from '../../shared/sync/staffAuth.ts';
import { newUlid } from '../fixtures/events.ts';
import { BACKENDS, startServer, type TestServer } from './server/harness.ts';
import { signInAs, signOut } from './server/staffSessions.ts';
import {
  act,
  actAs,
  complaintRowCounts,
  DEMO_STAFF,
  getAs,
  intakeBody,
  postIntake,
  sessionHeaders,
} from './complaint-helpers.ts';

// The complaint routes as an attacker tries them (issue 14, points 3 and 5): no session, a session of another desk
// or one that ended, a session with a forged key, bodies that are not acts, too big, or name another actor. Each
// is refused with a clear answer and leaves the complaint log and the read log as they were.

describe.each(BACKENDS)('complaint routes under attack on $name', (backend) => {
  let server: TestServer;
  let desk: string;
  let otherDesk: string;
  let leader: StaffSession;
  let complaintId: string;
  beforeAll(async () => {
    server = await startServer(backend);
    desk = await server.device();
    otherDesk = await server.device();
    leader = await signInAs(server, desk, DEMO_STAFF.leader);
    const body = intakeBody();
    complaintId = body.complaintId;
    expect((await postIntake(server, desk, body)).status).toBe(200);
  });
  afterAll(async () => {
    await server.stop();
  });

  const routes = () => [
    { method: 'GET' as const, url: '/complaints' },
    { method: 'GET' as const, url: `/complaints/${complaintId}` },
    { method: 'GET' as const, url: `/complaints/${complaintId}/statement` },
    { method: 'GET' as const, url: '/complaints/accountability' },
    {
      method: 'POST' as const,
      url: `/complaints/${complaintId}/acts`,
      payload: act('complaint.dismissed', { reason: '不予立案。' }),
    },
  ];
  const send = (route: ReturnType<typeof routes>[number], headers: Record<string, string>) =>
    server.app.inject({
      method: route.method,
      url: route.url,
      headers: { ...headers, ...(route.payload ? { 'content-type': 'application/json' } : {}) },
      ...(route.payload ? { payload: JSON.stringify(route.payload) } : {}),
    });

  it('refuses every person-route without a live session of this desk, storing and logging nothing', async () => {
    const counts = await complaintRowCounts(server);
    const ended = await signInAs(server, desk, DEMO_STAFF.leader);
    expect(await signOut(server, desk, ended)).toBe(204);
    const forged = staffSessionHeader({ ...leader, key: 'A'.repeat(leader.key.length) });
    const attempts: [string, Record<string, string>, string | undefined][] = [
      ['no token at all', {}, undefined],
      ['a desk token and no session', server.authHeaders(desk), 'staff-session-required'],
      ['a session of another desk', sessionHeaders(server, otherDesk, leader), 'staff-session-invalid'],
      ['a signed-out session', sessionHeaders(server, desk, ended), 'staff-session-invalid'],
      ['a forged key', { ...server.authHeaders(desk), [STAFF_SESSION_HEADER]: forged }, 'staff-session-invalid'],
      ['junk in the header', { ...server.authHeaders(desk), [STAFF_SESSION_HEADER]: 'x.y.z' }, 'staff-session-invalid'],
      ['a session without the desk token', { [STAFF_SESSION_HEADER]: staffSessionHeader(leader) }, undefined],
    ];
    for (const route of routes()) {
      for (const [what, headers, code] of attempts) {
        const res = await send(route, headers);
        expect(res.statusCode, `${route.method} ${route.url}: ${what}`).toBe(401);
        if (code) expect(res.json(), what).toMatchObject({ code, message: expect.stringContaining('登录') });
      }
    }
    expect(await complaintRowCounts(server)).toEqual(counts);
  });

  it('refuses a session that expired', async () => {
    const expiring = await signInAs(server, desk, DEMO_STAFF.leader);
    await server.storage.db
      .updateTable('staff_sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('session_id', '=', expiring.sessionId)
      .execute();
    const res = await getAs(server, desk, expiring, `/complaints/${complaintId}`);
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code: 'staff-session-invalid' });
  });

  it('refuses act bodies that are not acts, or name their own actor or time, storing nothing', async () => {
    const counts = await complaintRowCounts(server);
    const dismissal = act('complaint.dismissed', { reason: '不予立案。' });
    const bad: [string, unknown, number][] = [
      ['an actor in the body', { ...dismissal, staffId: DEMO_STAFF.director }, 400],
      ['a time in the body', { ...dismissal, at: '2020-01-01T00:00:00.000Z' }, 400],
      ['a second intake as an act', act('complaint.received', intakeBody().payload), 400],
      ['an unknown type', act('complaint.deleted', {}), 400],
      ['a wrong type', { ...dismissal, payload: { reason: 42 } }, 400],
      ['an empty reason', { ...dismissal, payload: { reason: '' } }, 400],
      ['not an ULID', { ...dismissal, eventId: 'abc' }, 400],
      ['not JSON', '{"eventId":', 400],
      ['a huge reason', { ...dismissal, payload: { reason: 'x'.repeat(40_000) } }, 413],
    ];
    for (const [what, body, status] of bad) {
      const res = await actAs(server, desk, leader, complaintId, body);
      expect(res.status, what).toBe(status);
      expect(typeof res.json.message, what).toBe('string');
    }
    const path = await actAs(server, desk, leader, 'not-a-complaint%00', dismissal);
    expect(path.status).toBe(400);
    const detailPath = await getAs(server, desk, leader, '/complaints/%00');
    expect(detailPath.status).toBe(400);
    // An act on a complaint HQ does not hold.
    const unknown = await actAs(server, desk, leader, newUlid(), dismissal);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ code: 'unknown-complaint' });
    expect(await complaintRowCounts(server)).toEqual(counts);
  });

  it('takes an act as the session’s, whatever desk the session is from', async () => {
    // The leader signed in on `desk`: their act is stamped with it, never with a desk the body names.
    const res = await actAs(server, desk, leader, complaintId, act('complaint.dismissed', { reason: '不予立案。' }));
    expect(res.status, res.body).toBe(200);
    const detail = await getAs(server, desk, leader, `/complaints/${complaintId}`);
    const events = (detail.json as { events: { type: string; staffId: string; deviceId: string }[] }).events;
    expect(events.at(-1)).toMatchObject({ type: 'complaint.dismissed', staffId: DEMO_STAFF.leader, deviceId: desk });
  });

  it('drops an investigator who was replaced: they read and do nothing more', async () => {
    const body = intakeBody();
    expect((await postIntake(server, desk, body)).status).toBe(200);
    const id = body.complaintId;
    const first = await signInAs(server, desk, DEMO_STAFF.windowLead);
    const ordered = act('complaint.investigationOrdered', { investigatorIds: [DEMO_STAFF.windowLead] });
    expect((await actAs(server, desk, leader, id, ordered)).status).toBe(200);
    expect((await getAs(server, desk, first, `/complaints/${id}`)).status).toBe(200);
    const changed = act('complaint.investigatorsChanged', {
      investigatorIds: [DEMO_STAFF.supervisor],
      reason: '工作调整。',
    });
    expect((await actAs(server, desk, leader, id, changed)).status).toBe(200);
    expect((await getAs(server, desk, first, `/complaints/${id}`)).status).toBe(404);
    const finding = act('complaint.findingRecorded', { text: '补充调查。', evidenceLinks: [] });
    expect((await actAs(server, desk, first, id, finding)).status).toBe(404);
    // Someone accused but never invited sees no statement view either.
    const accused = await signInAs(server, desk, DEMO_STAFF.highTechHandler);
    expect((await getAs(server, desk, accused, `/complaints/${id}/statement`)).status).toBe(404);
    expect((await getAs(server, desk, leader, `/complaints/${id}/statement`)).status).toBe(404);
  });
});
