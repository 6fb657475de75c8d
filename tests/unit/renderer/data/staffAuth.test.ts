import { describe, expect, it, vi } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { DeviceCredentials } from '../../../../shared/sync/enrolment.ts';
import { deviceAdminClient } from '../../../../renderer/data/deviceAdmin.ts';
import { StaffAuthError, staffAuthClient } from '../../../../renderer/data/staffAuth.ts';
import { staffSession } from './sessions.ts';

const desk = { deviceId: '01JD0000000000000000000000', token: 'T'.repeat(43) } as DeviceCredentials;
const errorBody = (code: string, message = code) => ({ error: 'x', code, message });
const leader = 'he-jianguo' as StaffId;

function client(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const fetchImpl = vi.fn(async (url: string, init: RequestInit) => answer(url, init));
  const auth = staffAuthClient({
    serverUrl: () => 'http://hq.example/',
    credentials: async () => desk,
    fetch: fetchImpl as unknown as typeof fetch,
  });
  return { auth, fetchImpl };
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => (e instanceof StaffAuthError ? e.failure : e),
  );

describe('signing in on the HQ server', () => {
  it('sends the secret to the server only, with the desk’s token, and returns the session it grants', async () => {
    const granted = staffSession(leader);
    const { auth, fetchImpl } = client(() => Response.json(granted));
    expect(await auth.signIn(leader, 'Nanyang2026')).toEqual(granted);
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('http://hq.example/auth/sign-in');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ authorization: `Bearer ${desk.token}`, 'x-device-id': desk.deviceId });
    expect(JSON.parse(init.body as string)).toEqual({ staffId: leader, secret: 'Nanyang2026' });
  });

  it('tells a wrong secret from the server’s throttle and from a server out of reach', async () => {
    expect(await failureOf(client(() => Response.json(errorBody('sign-in-failed'), { status: 401 })).auth.signIn(leader, 'x'))).toEqual({
      kind: 'sign-in-failed',
    });
    const throttled = client(() => Response.json({ ...errorBody('too-many-attempts'), retryAfterSeconds: 600 }, { status: 429 }));
    expect(await failureOf(throttled.auth.signIn(leader, 'x'))).toEqual({ kind: 'too-many-attempts', minutes: 10 });
    const down = client(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failureOf(down.auth.signIn(leader, 'x'))).toMatchObject({ kind: 'unreachable' });
    const broken = client(() => new Response('<html>bad gateway</html>', { status: 502 }));
    expect(await failureOf(broken.auth.signIn(leader, 'x'))).toMatchObject({ kind: 'unreachable' });
  });

  it('reports the server refusing the desk itself, not as a wrong secret', async () => {
    const revoked = client(() => Response.json(errorBody('device-revoked', '已停用'), { status: 403 }));
    expect(await failureOf(revoked.auth.signIn(leader, 'x'))).toEqual({ kind: 'desk-refused', code: 'device-revoked', message: '已停用' });
    const unknown = client(() => Response.json(errorBody('unauthenticated', '请重新登记'), { status: 401 }));
    expect(await failureOf(unknown.auth.signIn(leader, 'x'))).toMatchObject({ kind: 'desk-refused', code: 'unauthenticated' });
  });

  it('refuses a session granted to someone else, or one that is not a session', async () => {
    const other = client(() => Response.json(staffSession('ma-jun')));
    expect(await failureOf(other.auth.signIn(leader, 'x'))).toMatchObject({ kind: 'unreachable' });
    const junk = client(() => Response.json({ staffId: leader, sessionId: 'short', key: 'k', expiresAt: 'soon' }));
    expect(await failureOf(junk.auth.signIn(leader, 'x'))).toMatchObject({ kind: 'unreachable' });
  });

  it('ends the session with its header, and shrugs off a server out of reach', async () => {
    const session = staffSession(leader);
    const { auth, fetchImpl } = client(() => new Response(null, { status: 204 }));
    await auth.signOut(session);
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('http://hq.example/auth/sign-out');
    expect(init.headers).toMatchObject({ 'x-staff-session': `${session.sessionId}.${session.key}` });
    expect(init.body).toBeUndefined();
    await expect(client(() => Promise.reject(new TypeError('offline'))).auth.signOut(session)).resolves.toBeUndefined();
  });
});

describe('the admin’s desk calls', () => {
  it('carry the admin’s staff session, never a PIN', async () => {
    const session = staffSession('ma-jun');
    const fetchImpl = vi.fn(async () => Response.json({ devices: [] }));
    await deviceAdminClient('http://hq.example', desk, session, fetchImpl as unknown as typeof fetch).listDevices();
    const headers = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headers).toEqual({
      authorization: `Bearer ${desk.token}`,
      'x-device-id': desk.deviceId,
      'x-staff-session': `${session.sessionId}.${session.key}`,
    });
  });
});
