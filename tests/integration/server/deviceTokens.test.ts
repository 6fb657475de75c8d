import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashDeviceToken } from '../../../server/src/auth/secrets.ts';
import { runCommand } from '../../../server/src/cliCommands.ts';
import { findDevice, revokeDevice } from '../../../server/src/storage/devices.ts';
import {
  DEVICE_ID_HEADER,
  DEVICE_TOKEN_EXPIRED_MESSAGE,
  deviceTokenSchema,
  type DeviceCredentials,
} from '../../../shared/sync/enrolment.ts';
import { pushResponseSchema } from '../../../shared/sync/protocol.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';

// Device credentials age (issue 11, item 5): a push with a token older than a week is answered with a new token;
// the old one keeps working until the desk uses the new one, so a lost answer never locks a desk out; a desk
// silent longer than the bureau allows is refused as expired; revocation is unchanged.

const DAY = 24 * 60 * 60 * 1000;

describe.each(BACKENDS)('device tokens on $name', (backend) => {
  let server: TestServer;
  let clock: number;
  beforeEach(async () => {
    // Only Date is faked: the server, its database drivers and their timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    clock = Date.parse('2027-03-01T09:00:00Z');
    vi.setSystemTime(clock);
    server = await startServer(backend);
  });
  afterEach(async () => {
    await server.stop();
    vi.useRealTimers();
  });

  const advance = (ms: number) => {
    clock += ms;
    vi.setSystemTime(clock);
  };
  const headers = (deviceId: string, token: string) => ({
    authorization: `Bearer ${token}`,
    [DEVICE_ID_HEADER]: deviceId,
  });
  /** An empty push (a desk with nothing to send still rotates through it) with the given token. */
  const push = async (deviceId: string, token: string, instance: Pick<TestServer, 'app'> = server) => {
    const res = await instance.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: headers(deviceId, token),
      payload: pushBody(deviceId, []),
    });
    return { status: res.statusCode, json: res.json<Record<string, unknown>>() };
  };
  const pushOk = async (deviceId: string, token: string, instance: Pick<TestServer, 'app'> = server) => {
    const res = await push(deviceId, token, instance);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return pushResponseSchema.parse(res.json);
  };
  const pullStatus = async (deviceId: string, token: string) =>
    (await server.app.inject({ method: 'GET', url: '/sync/pull?cursor=0&limit=1', headers: headers(deviceId, token) }))
      .statusCode;
  const row = async (deviceId: string) => (await findDevice(server.storage.db, deviceId))!;

  it('keeps a token younger than a week, and hands a new one to the first push after a week', async () => {
    const desk: DeviceCredentials = await server.enrol('W01');
    expect((await pushOk(desk.deviceId, desk.token)).newToken).toBeUndefined();
    advance(7 * DAY - 60_000);
    expect((await pushOk(desk.deviceId, desk.token)).newToken).toBeUndefined();

    advance(2 * 60_000);
    const { newToken } = await pushOk(desk.deviceId, desk.token);
    expect(deviceTokenSchema.parse(newToken)).not.toBe(desk.token);
    expect(await row(desk.deviceId)).toMatchObject({
      token_hash: hashDeviceToken(newToken!),
      previous_token_hash: hashDeviceToken(desk.token),
      token_issued_at: new Date(clock).toISOString(),
    });

    // The desk uses the new token: no further rotation, and the old token is worth nothing from then on.
    expect((await pushOk(desk.deviceId, newToken!)).newToken).toBeUndefined();
    expect((await row(desk.deviceId)).previous_token_hash).toBeNull();
    const old = await push(desk.deviceId, desk.token);
    expect(old.status).toBe(401);
    expect(old.json).toMatchObject({ code: 'unauthenticated' });
    expect(await pullStatus(desk.deviceId, desk.token)).toBe(401);
    expect(await pullStatus(desk.deviceId, newToken!)).toBe(200);
  });

  it('accepts the old token until the desk uses the new one, and gives another when the answer was lost', async () => {
    const desk = await server.enrol('W02');
    advance(8 * DAY);
    const lost = (await pushOk(desk.deviceId, desk.token)).newToken!;
    expect(lost).toBeDefined();

    // The answer never reached the desk: it keeps the old token, which still works for pull and push; a retry
    // within the minute gets no token (two pushes racing must not each get one) …
    expect(await pullStatus(desk.deviceId, desk.token)).toBe(200);
    expect((await pushOk(desk.deviceId, desk.token)).newToken).toBeUndefined();
    // … and the next push after it gets another new token; the old one stays the accepted previous.
    advance(5 * 60_000);
    const second = (await pushOk(desk.deviceId, desk.token)).newToken!;
    expect(second).toBeDefined();
    expect(second).not.toBe(lost);
    expect(await row(desk.deviceId)).toMatchObject({
      token_hash: hashDeviceToken(second),
      previous_token_hash: hashDeviceToken(desk.token),
    });
    // The lost token was never held by the desk: replaced, it opens nothing.
    expect(await pullStatus(desk.deviceId, lost)).toBe(401);
    expect(await pullStatus(desk.deviceId, desk.token)).toBe(200);

    expect((await pushOk(desk.deviceId, second)).newToken).toBeUndefined();
    expect(await pullStatus(desk.deviceId, desk.token)).toBe(401);
    expect(await pullStatus(desk.deviceId, second)).toBe(200);
  });

  it('hands out one new token, not two, when pushes with the same aged token race', async () => {
    const desk = await server.enrol('W03');
    advance(8 * DAY);
    // Each through its own instance on the same database: one instance lets a desk have one push under way.
    const twins = [server, await server.twin(), await server.twin()];
    const answers = await Promise.all(twins.map((instance) => pushOk(desk.deviceId, desk.token, instance)));
    await Promise.all(twins.slice(1).map((instance) => instance.close()));
    const issued = answers.flatMap((a) => (a.newToken ? [a.newToken] : []));
    expect(issued).toHaveLength(1);
    expect((await row(desk.deviceId)).token_hash).toBe(hashDeviceToken(issued[0]!));
    expect(await pullStatus(desk.deviceId, issued[0]!)).toBe(200);
  });

  it('refuses a desk silent for longer than 90 days as expired, with its own code and message', async () => {
    const silent = await server.enrol('W04');
    const busy = await server.enrol('W05');
    advance(60 * DAY);
    expect(await pullStatus(busy.deviceId, busy.token)).toBe(200);
    // The last contact the admin's list of desks shows (lastSeenAt) is what the silence counts from.
    expect((await row(busy.deviceId)).last_seen_at).toBe(new Date(clock).toISOString());
    advance(31 * DAY);
    const refused = await push(silent.deviceId, silent.token);
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ code: 'token-expired', message: DEVICE_TOKEN_EXPIRED_MESSAGE });
    expect(await pullStatus(silent.deviceId, silent.token)).toBe(401);
    // Silence counts from the last contact: the desk that pulled on day 60 is fine on day 91.
    expect(await pullStatus(busy.deviceId, busy.token)).toBe(200);
    // A wrong token for the expired desk learns nothing about it.
    const wrong = await push(silent.deviceId, busy.token);
    expect(wrong.json).toMatchObject({ code: 'unauthenticated' });
    // The CLI's reinstate lets it send what it kept (a desk with unsent records cannot enrol again).
    await runCommand(server.storage.db, ['reinstate', silent.deviceId], () => undefined);
    expect(await pullStatus(silent.deviceId, silent.token)).toBe(200);
  });

  it('takes the silence allowed from the bureau settings (deviceTokenMaxSilenceDays)', async () => {
    const settings = await server.storage.db
      .selectFrom('reference_docs')
      .select('body')
      .where('kind', '=', 'settings')
      .executeTakeFirstOrThrow();
    await server.storage.db
      .updateTable('reference_docs')
      .set({ body: JSON.stringify({ ...JSON.parse(settings.body), deviceTokenMaxSilenceDays: 30 }) })
      .where('kind', '=', 'settings')
      .execute();
    const desk = await server.enrol('W06');
    advance(29 * DAY);
    expect(await pullStatus(desk.deviceId, desk.token)).toBe(200);
    advance(31 * DAY);
    expect((await push(desk.deviceId, desk.token)).json).toMatchObject({ code: 'token-expired' });
  });

  it('still refuses a revoked desk, whichever of its tokens it uses, and never rotates it', async () => {
    const desk = await server.enrol('W07');
    advance(8 * DAY);
    const next = (await pushOk(desk.deviceId, desk.token)).newToken!;
    await revokeDevice(server.storage.db, desk.deviceId, 'test', new Date().toISOString());
    for (const token of [desk.token, next]) {
      const res = await push(desk.deviceId, token);
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ code: 'device-revoked' });
    }
    expect((await row(desk.deviceId)).token_hash).toBe(hashDeviceToken(next));
  });
});
