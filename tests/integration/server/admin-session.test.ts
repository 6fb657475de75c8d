import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_ADMIN_MESSAGE } from '../../../server/src/auth/adminAuth.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { deviceListSchema } from '../../../shared/sync/enrolment.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader, type StaffSession } from '../../../shared/sync/staffAuth.ts';
import { BACKENDS, startServer, type TestServer } from './harness.ts';
import { signInAs, signOut } from './staffSessions.ts';

// Issue 11: admin calls carry the admin's own staff session, opened by signing in online on this desk; no PIN
// travels with them. The server checks the session is live, this desk's, and an active administrator's.

describe.each(BACKENDS)('admin calls with a staff session on $name', (backend) => {
  let server: TestServer;
  let desk: string;
  let admin: StaffSession;
  beforeAll(async () => {
    server = await startServer(backend);
    desk = await server.device();
    admin = await signInAs(server, desk, DEMO_STAFF.admin);
  });
  afterAll(async () => {
    await server.stop();
  });

  const list = (session: string | undefined, on = desk) =>
    server.app.inject({
      method: 'GET',
      url: '/admin/devices',
      headers: { ...server.authHeaders(on), ...(session ? { [STAFF_SESSION_HEADER]: session } : {}) },
    });

  it('lets the administrator who signed in on this desk manage desks', async () => {
    const res = await list(staffSessionHeader(admin));
    expect(res.statusCode).toBe(200);
    expect(deviceListSchema.parse(res.json()).devices.map((d) => d.deviceId)).toContain(desk);
  });

  it('refuses someone signed in who is not an administrator, saying so', async () => {
    const leader = await signInAs(server, desk, DEMO_STAFF.leader);
    const res = await list(staffSessionHeader(leader));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: 'Forbidden', code: 'not-admin', message: NOT_ADMIN_MESSAGE });
  });

  it('refuses a session that expired or was signed out: the admin signs in again', async () => {
    const expiring = await signInAs(server, desk, DEMO_STAFF.admin);
    await server.storage.db
      .updateTable('staff_sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('session_id', '=', expiring.sessionId)
      .execute();
    expect((await list(staffSessionHeader(expiring))).json()).toMatchObject({ code: 'staff-session-invalid' });

    const leaving = await signInAs(server, desk, DEMO_STAFF.admin);
    expect((await list(staffSessionHeader(leaving))).statusCode).toBe(200);
    expect(await signOut(server, desk, leaving)).toBe(204);
    const res = await list(staffSessionHeader(leaving));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'staff-session-invalid', message: expect.stringContaining('重新登录') });
  });

  it('refuses an admin’s session copied to another desk, a wrong key, and a call with no session', async () => {
    expect((await list(staffSessionHeader(admin), await server.device())).statusCode).toBe(401);
    const wrongKey = staffSessionHeader({
      sessionId: admin.sessionId,
      key: admin.key.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    });
    expect((await list(wrongKey)).json()).toMatchObject({ code: 'staff-session-invalid' });
    for (const garbage of ['x', `${admin.sessionId}.${admin.key}.extra`, `${admin.sessionId}`]) {
      expect((await list(garbage)).json(), garbage).toMatchObject({ code: 'staff-session-invalid' });
    }
    const none = await list(undefined);
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'staff-session-required' });
  });

  it('still refuses a caller without the desk’s own token before looking at any session', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/admin/devices',
      headers: { [STAFF_SESSION_HEADER]: staffSessionHeader(admin) },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
  });
});
