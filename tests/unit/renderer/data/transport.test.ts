import { describe, expect, it, vi } from 'vitest';
import { failureOf, httpTransport, retryAfterOf, SyncError } from '../../../../renderer/data/transport.ts';
import {
  DEVICE_REVOKED_MESSAGE,
  DEVICE_TOKEN_EXPIRED_MESSAGE,
  type DeviceCredentials,
} from '../../../../shared/sync/enrolment.ts';

const auth = { deviceId: '01JD0000000000000000000000', token: 'T'.repeat(43) } as DeviceCredentials;
const errorBody = (code: string, message: string) => ({ error: 'x', code, message });

describe('the sync transport over HTTP', () => {
  it('proves the desk on every call: bearer token and device id', async () => {
    const fetchImpl = vi.fn(async () => Response.json(errorBody('unauthenticated', 'no'), { status: 401 }));
    const transport = httpTransport('http://hq.example/', { fetch: fetchImpl as unknown as typeof fetch });
    await expect(transport.pull(0, 10, auth)).rejects.toThrow(SyncError);
    await expect(transport.push({ deviceId: auth.deviceId, formatVersion: 1, events: [] }, auth)).rejects.toThrow();
    for (const [url, init] of fetchImpl.mock.calls as unknown as [string, RequestInit][]) {
      expect(url).toMatch(/^http:\/\/hq\.example\/sync\//);
      expect(init.headers).toMatchObject({ authorization: `Bearer ${auth.token}`, 'x-device-id': auth.deviceId });
    }
  });

  it('names a 401 unauthenticated and a revocation device-revoked, with the server’s words', () => {
    expect(failureOf(401, errorBody('unauthenticated', 'enrol again'), 'Unauthorized')).toEqual({
      kind: 'unauthenticated',
      message: 'enrol again',
    });
    expect(failureOf(403, errorBody('device-revoked', DEVICE_REVOKED_MESSAGE), 'Forbidden')).toEqual({
      kind: 'device-revoked',
      message: DEVICE_REVOKED_MESSAGE,
    });
    expect(failureOf(403, undefined, 'Forbidden')).toEqual({ kind: 'server-error', status: 403, message: 'Forbidden' });
    expect(failureOf(400, errorBody('format-version', 'update'), 'Bad Request')).toMatchObject({
      kind: 'format-mismatch',
    });
    expect(failureOf(503, undefined, 'Service Unavailable')).toMatchObject({ kind: 'server-error', status: 503 });
  });

  it('names a 401 for a desk silent too long token-expired, so it can say the desk must enrol again', () => {
    expect(failureOf(401, errorBody('token-expired', DEVICE_TOKEN_EXPIRED_MESSAGE), 'Unauthorized')).toEqual({
      kind: 'token-expired',
      message: DEVICE_TOKEN_EXPIRED_MESSAGE,
    });
    // The code counts only on a 401: the same words elsewhere are a server fault, not an expiry.
    expect(failureOf(500, errorBody('token-expired', 'x'), 'Internal')).toMatchObject({ kind: 'server-error' });
  });

  it('hands a new token from a push answer to the desk, and refuses one that is not a token', async () => {
    const answer = { ackedSeq: 0, stored: 0, duplicates: 0, rejected: [], serverTime: '2027-03-01T09:00:00.000Z' };
    const newToken = 'N'.repeat(43);
    const pushWith = (body: object) =>
      httpTransport('http://hq', { fetch: (async () => Response.json(body)) as unknown as typeof fetch }).push(
        { deviceId: auth.deviceId, formatVersion: 1, events: [] },
        auth,
      );
    await expect(pushWith({ ...answer, newToken })).resolves.toMatchObject({ newToken });
    await expect(pushWith(answer)).resolves.not.toHaveProperty('newToken');
    await expect(pushWith({ ...answer, newToken: 'short' })).rejects.toMatchObject({
      failure: { kind: 'bad-response' },
    });
  });

  it('carries the server’s Retry-After of a 503 or 429 (header in seconds or as a date, else the body), within an hour', () => {
    const busy = { ...errorBody('db-unavailable', '数据库繁忙'), retryAfterSeconds: 30 };
    expect(failureOf(503, busy, 'Service Unavailable', '5')).toEqual({
      kind: 'server-error',
      status: 503,
      message: '数据库繁忙',
      retryAfterSeconds: 5,
      code: 'db-unavailable',
    });
    expect(failureOf(503, busy, 'Service Unavailable', null)).toMatchObject({ retryAfterSeconds: 30 });
    expect(failureOf(429, undefined, 'Too Many', '86400')).toMatchObject({ retryAfterSeconds: 3600 });
    const now = Date.parse('2026-12-01T08:00:00Z');
    expect(retryAfterOf('Tue, 01 Dec 2026 08:01:30 GMT', undefined, now)).toBe(90);
    expect(retryAfterOf('soon', undefined, now)).toBeUndefined();
    // A 500 is no request to stay away: the usual backoff applies.
    expect(failureOf(500, busy, 'Internal', '5')).not.toHaveProperty('retryAfterSeconds');
  });

  it('reads Retry-After from the response of a refused call', async () => {
    const fetchImpl = vi.fn(async () =>
      Response.json(errorBody('db-unavailable', 'down'), { status: 503, headers: { 'retry-after': '60' } }),
    );
    const transport = httpTransport('http://hq', { fetch: fetchImpl as unknown as typeof fetch });
    const error = await transport.pull(0, 10, auth).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).failure).toMatchObject({ kind: 'server-error', status: 503, retryAfterSeconds: 60 });
  });

  it('keeps its own credential source when it has one (the Electron desk)', async () => {
    const source = async () => auth;
    const save = async () => undefined;
    const own = httpTransport('http://hq', { credentials: source, saveCredentials: save });
    expect(own.credentials).toBe(source);
    expect(own.saveCredentials).toBe(save);
    expect(httpTransport('http://hq').credentials).toBeUndefined();
    expect(httpTransport('http://hq').saveCredentials).toBeUndefined();
  });
});
