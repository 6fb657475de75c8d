import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PIN, DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { errorBodySchema } from '../../../shared/sync/protocol.ts';
import {
  sessionIdSchema,
  sessionKeySchema,
  signInResponseSchema,
  STAFF_SESSION_HEADER,
  STAFF_SESSION_TTL_MS,
  staffSessionHeader,
} from '../../../shared/sync/staffAuth.ts';
import { BACKENDS, startServer, type TestServer } from './harness.ts';
import { postSignIn, signInAs, signOut } from './staffSessions.ts';

const clerk = DEMO_STAFF.windowClerk;

describe.each(BACKENDS)('staff sign-in on the HQ server on $name', (backend) => {
  let server: TestServer;
  let desk: string;
  beforeEach(async () => {
    server = await startServer(backend);
    desk = await server.device();
  });
  afterEach(async () => {
    await server.stop();
  });

  const attempt = (staffId: string, secret: string, on = desk) => postSignIn(server, on, { staffId, secret });

  it('opens a session of twelve hours, bound to the desk, with the person’s own secret', async () => {
    const before = Date.now();
    const res = await attempt(DEMO_STAFF.leader, DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const session = signInResponseSchema.parse(JSON.parse(res.body));
    expect(session.staffId).toBe(DEMO_STAFF.leader);
    expect(sessionIdSchema.safeParse(session.sessionId).success).toBe(true);
    expect(sessionKeySchema.safeParse(session.key).success).toBe(true);
    const expires = Date.parse(session.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + STAFF_SESSION_TTL_MS);
    expect(expires).toBeLessThanOrEqual(Date.now() + STAFF_SESSION_TTL_MS);
    const row = await server.storage.db
      .selectFrom('staff_sessions')
      .selectAll()
      .where('session_id', '=', session.sessionId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ staff_id: DEMO_STAFF.leader, device_id: desk, key: session.key, ended_at: null });
    expect((await attempt(clerk, DEMO_PIN)).status).toBe(200);
  });

  it('answers every failure the same: unknown person, inactive person, wrong secret, a leader’s old PIN', async () => {
    const failures = await Promise.all([
      attempt('no-such-person', DEMO_PIN),
      attempt(DEMO_STAFF.inactive, DEMO_PIN),
      attempt(clerk, '4321'),
      attempt(DEMO_STAFF.leader, DEMO_PIN),
      attempt(DEMO_STAFF.admin, 'nanyang2026'),
    ]);
    for (const res of failures) {
      expect(res.status).toBe(401);
      expect(res.body).toBe(failures[0]!.body);
    }
    expect(errorBodySchema.parse(JSON.parse(failures[0]!.body)).code).toBe('sign-in-failed');
  });

  it('locks one person out on one desk after five wrong secrets, even with the right one, and says how long', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt(clerk, `000${i}`)).status).toBe(401);
    const locked = await attempt(clerk, DEMO_PIN);
    expect(locked.status).toBe(429);
    const body = errorBodySchema.parse(JSON.parse(locked.body));
    expect(body).toMatchObject({ code: 'too-many-attempts', message: expect.stringMatching(/15 分钟.*15 minutes/) });
    expect(Number(locked.headers['retry-after'])).toBe(body.retryAfterSeconds);
    expect(body.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // Someone else on this desk, and the same person on another desk, are not held up by it.
    expect((await attempt(DEMO_STAFF.windowClerk2, DEMO_PIN)).status).toBe(200);
    expect((await attempt(clerk, DEMO_PIN, await server.device())).status).toBe(200);
  });

  it('counts guesses sent in parallel as they arrive, not after they were checked', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(clerk, `99${String(i).padStart(2, '0')}`)),
    );
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('stops a desk that spreads its guesses over many people after twenty', async () => {
    for (let person = 0; person < 5; person++) {
      for (let i = 0; i < 4; i++) expect((await attempt(`ghost-${person}`, `111${i}`)).status).toBe(401);
    }
    const res = await attempt(DEMO_STAFF.windowClerk2, DEMO_PIN);
    expect(res.status).toBe(429);
    expect((await attempt(DEMO_STAFF.windowClerk2, DEMO_PIN, await server.device())).status).toBe(200);
  }, 60_000);

  it('answers 400 to a request that is no sign-in at all, and does not count it as a guess', async () => {
    const noBody = await server.app.inject({ method: 'POST', url: '/auth/sign-in', headers: server.authHeaders(desk) });
    expect(noBody.statusCode).toBe(400);
    for (const body of [
      {},
      { staffId: clerk },
      { staffId: clerk, secret: '' },
      { staffId: clerk, secret: 'x'.repeat(129) },
    ]) {
      expect((await postSignIn(server, desk, body)).status).toBe(400);
    }
    for (let i = 0; i < 4; i++) expect((await attempt(clerk, `000${i}`)).status).toBe(401);
    expect((await attempt(clerk, DEMO_PIN)).status).toBe(200);
  });

  it('refuses a caller that is not an enrolled desk before reading what it sends', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/auth/sign-in',
      payload: { staffId: DEMO_STAFF.admin, secret: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    expect(await server.storage.db.selectFrom('staff_sessions').selectAll().execute()).toEqual([]);
  });

  it('ends a session on sign-out, harmlessly twice, and only for the desk holding its key', async () => {
    const session = await signInAs(server, desk, DEMO_STAFF.leader);
    const other = await server.device();
    const wrongKey = staffSessionHeader({ sessionId: session.sessionId, key: 'A'.repeat(43) });
    const outWith = async (headerValue: string | undefined, on = desk) =>
      (
        await server.app.inject({
          method: 'POST',
          url: '/auth/sign-out',
          headers: { ...server.authHeaders(on), ...(headerValue ? { [STAFF_SESSION_HEADER]: headerValue } : {}) },
        })
      ).json<{ code: string } | null>();
    expect(await outWith(undefined)).toMatchObject({ code: 'staff-session-required' });
    expect(await outWith(wrongKey)).toMatchObject({ code: 'staff-session-invalid' });
    expect(await outWith(staffSessionHeader(session), other)).toMatchObject({ code: 'staff-session-invalid' });
    const stillOpen = await server.storage.db
      .selectFrom('staff_sessions')
      .select('ended_at')
      .where('session_id', '=', session.sessionId)
      .executeTakeFirstOrThrow();
    expect(stillOpen.ended_at).toBeNull();

    expect(await signOut(server, desk, session)).toBe(204);
    expect(await signOut(server, desk, session)).toBe(204);
    const ended = await server.storage.db
      .selectFrom('staff_sessions')
      .select('ended_at')
      .where('session_id', '=', session.sessionId)
      .executeTakeFirstOrThrow();
    expect(ended.ended_at).not.toBeNull();
  });
});
