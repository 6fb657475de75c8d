import { describe, expect, it } from 'vitest';
import { DEVICE_ID_HEADER, type DeviceCredentials } from '../../shared/sync/enrolment.ts';
import { STAFF_SESSION_HEADER, type StaffSession } from '../../shared/sync/staffAuth.ts';
import { complaintClient, ComplaintClientError } from '../../renderer/data/complaints/client.ts';
import { received } from './shared/complaintBuilders.ts';

// The screens' online calls to HQ: both proofs on every call, answers parsed against the contract, refusals as the
// contract's closed codes, and an act that breaks the contract never sent.

const desk = { deviceId: '01JZDESK000000000000000001', token: 'desk-token' } as unknown as DeviceCredentials;
const session = {
  staffId: 'staff-leader-zhao',
  sessionId: 'sid',
  key: 'k',
  expiresAt: '2026-12-02T12:00:00Z',
} as unknown as StaffSession;

interface Call {
  url: string;
  init: RequestInit;
}
function fakeFetch(status: number, body: unknown) {
  const calls: Call[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, impl };
}

describe('the complaint client', () => {
  it('proves the desk and the person on every call, and never lets the answer be cached', async () => {
    const { calls, impl } = fakeFetch(200, { complaints: [], statements: [] });
    const client = complaintClient('https://hq.example/', desk, session, impl);
    await expect(client.list()).resolves.toEqual({ complaints: [], statements: [] });
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(calls[0]!.url).toBe('https://hq.example/complaints');
    expect(headers.authorization).toBe('Bearer desk-token');
    expect(headers[DEVICE_ID_HEADER]).toBe(desk.deviceId);
    expect(headers[STAFF_SESSION_HEADER]).toBe('sid.k');
    expect(calls[0]!.init.cache).toBe('no-store');
  });

  it('parses one complaint’s log against the contract', async () => {
    const event = received('2026-11-02');
    const { impl } = fakeFetch(200, { events: [event], reads: [] });
    const detail = await complaintClient('https://hq', desk, session, impl).detail(event.complaintId);
    expect(detail.events[0]!.eventId).toBe(event.eventId);
  });

  it('turns HQ’s refusal into its closed code', async () => {
    const { impl } = fakeFetch(409, { error: 'Conflict', code: 'statement-pending', message: 'wait' });
    const act = complaintClient('https://hq', desk, session, impl).act('01JZCMP0000000000000000001', {
      eventId: '01JZEV00000000000000000099',
      type: 'complaint.dismissed',
      payload: { reason: '不属于本局职责' },
    } as never);
    await expect(act).rejects.toMatchObject({ code: 'statement-pending', status: 409 });
  });

  it('says offline when HQ cannot be reached, and unrecognised for an answer outside the contract', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(complaintClient('https://hq', desk, session, down).list()).rejects.toMatchObject({ code: 'offline' });
    const { impl } = fakeFetch(200, { complaints: 'everything' });
    const odd = complaintClient('https://hq', desk, session, impl).list();
    await expect(odd).rejects.toBeInstanceOf(ComplaintClientError);
    await expect(odd).rejects.toMatchObject({ code: 'unrecognised' });
  });

  it('never sends an act the contract refuses (an actor smuggled into the body, an empty reason)', async () => {
    const { calls, impl } = fakeFetch(200, {});
    const client = complaintClient('https://hq', desk, session, impl);
    const base = { eventId: '01JZEV00000000000000000099', type: 'complaint.dismissed' };
    await expect(
      client.act('01JZCMP0000000000000000001', { ...base, payload: { reason: '理由' }, staffId: 'x' } as never),
    ).rejects.toThrow();
    await expect(
      client.act('01JZCMP0000000000000000001', { ...base, payload: { reason: '' } } as never),
    ).rejects.toThrow();
    expect(calls).toHaveLength(0);
  });

  it('puts an id into the path only encoded', async () => {
    const { calls, impl } = fakeFetch(404, { error: 'Not Found', code: 'unknown-complaint', message: 'no' });
    await expect(complaintClient('https://hq', desk, session, impl).detail('../admin/devices')).rejects.toMatchObject({
      code: 'unknown-complaint',
    });
    expect(calls[0]!.url).toBe('https://hq/complaints/..%2Fadmin%2Fdevices');
  });
});
