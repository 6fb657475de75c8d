import { describe, expect, it, vi } from 'vitest';
import { failureOf, httpTransport, SyncError } from '../../../../renderer/data/transport.ts';
import { DEVICE_REVOKED_MESSAGE, type DeviceCredentials } from '../../../../shared/sync/enrolment.ts';

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

  it('keeps its own credential source when it has one (the Electron desk)', async () => {
    const source = async () => auth;
    expect(httpTransport('http://hq', { credentials: source }).credentials).toBe(source);
    expect(httpTransport('http://hq').credentials).toBeUndefined();
  });
});
