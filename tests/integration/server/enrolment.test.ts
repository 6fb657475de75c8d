import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueEnrolmentCode } from '../../../server/src/auth/enrolment.ts';
import { sha256Hex } from '../../../server/src/auth/secrets.ts';
import { runCommand, UsageError } from '../../../server/src/cliCommands.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { listEnrolmentCodes } from '../../../server/src/storage/devices.ts';
import { ulidSchema } from '../../../shared/model/ids.ts';
import {
  DEVICE_ID_HEADER,
  DEVICE_REVOKED_MESSAGE,
  deviceListSchema,
  enrolmentCodeIssuedSchema,
  normaliseEnrolmentCode,
} from '../../../shared/sync/enrolment.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader } from '../../../shared/sync/staffAuth.ts';
import { makeOpenedBatch } from '../../fixtures/events.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';
import { signInAs } from './staffSessions.ts';

// Device enrolment (issue 6, item 1): a one-time code from an admin buys a desk its identity and token; every
// sync call proves both; an admin can revoke a desk, whose next sync is refused with a clear message.

const clerk = DEMO_STAFF.windowClerk;

describe.each(BACKENDS)('device enrolment on $name', (backend) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer(backend);
  });
  afterEach(async () => {
    await server.stop();
  });

  const enrol = (payload: object) => server.app.inject({ method: 'POST', url: '/devices/enrol', payload });
  const code = async (options: { now?: number; label?: string } = {}) =>
    (await issueEnrolmentCode(server.storage.db, { createdBy: 'test', ...options })).code;
  const deviceCount = async () => (await server.storage.db.selectFrom('devices').selectAll().execute()).length;
  /** The headers of an admin call: the desk's token and a staff session the person opened on it (issue 11). */
  const adminHeaders = async (deviceId: string, staffId: string = DEMO_STAFF.admin) => ({
    ...server.authHeaders(deviceId),
    [STAFF_SESSION_HEADER]: staffSessionHeader(await signInAs(server, deviceId, staffId)),
  });

  it('gives a desk a server-assigned identity and token for a code, and the code works only once', async () => {
    const once = await code({ label: 'W03' });
    expect(once).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const first = await enrol({ code: once, label: '窗口3' });
    expect(first.statusCode).toBe(200);
    const { deviceId, token } = first.json<{ deviceId: string; token: string }>();
    expect(ulidSchema.safeParse(deviceId).success).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const again = await enrol({ code: once, label: '窗口4' });
    expect(again.statusCode).toBe(403);
    expect(again.json()).toMatchObject({ code: 'enrolment-code-used', message: expect.stringContaining('已被使用') });
    const rows = await server.storage.db.selectFrom('devices').selectAll().where('device_id', '=', deviceId).execute();
    expect(rows).toMatchObject([{ label: '窗口3', revoked_at: null, last_acked_seq: 0 }]);
    expect(await deviceCount()).toBe(1);
  });

  it('takes the code however the clerk typed it: lower case, without the dash, with spaces', async () => {
    const typed = (await code()).toLowerCase().replace('-', ' ');
    expect((await enrol({ code: ` ${typed} `, label: 'W05' })).statusCode).toBe(200);
  });

  it('refuses an unknown, an expired or a malformed code, and stores nothing', async () => {
    const expired = await code({ now: Date.now() - 25 * 3_600_000 });
    const unknown = await enrol({ code: 'ABCD-EFGH', label: 'W01' });
    expect(unknown.statusCode).toBe(403);
    expect(unknown.json()).toMatchObject({
      code: 'enrolment-code-unknown',
      message: expect.stringContaining('登记码'),
    });
    const late = await enrol({ code: expired, label: 'W01' });
    expect(late.statusCode).toBe(403);
    expect(late.json()).toMatchObject({ code: 'enrolment-code-expired' });
    for (const payload of [{ code: 'O0I1-ABCD', label: 'W01' }, { code: await code(), label: '' }, { label: 'W01' }]) {
      const res = await enrol(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'bad-request' });
    }
    expect(await deviceCount()).toBe(0);
    // The expired code is still unused: a refusal changes nothing.
    const codes = await listEnrolmentCodes(server.storage.db);
    expect(codes.every((c) => c.used_at === null)).toBe(true);
  });

  it('stops looking at codes from an address after ten wrong ones, says for how long, and stores nothing', async () => {
    const good = await code();
    for (let i = 0; i < 10; i++) expect((await enrol({ code: 'ABCD-EFGH', label: 'W01' })).statusCode).toBe(403);
    const blocked = await enrol({ code: good, label: 'W01' });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(blocked.json()).toMatchObject({
      code: 'too-many-attempts',
      message: expect.stringContaining('15 分钟'),
      retryAfterSeconds: Number(blocked.headers['retry-after']),
    });
    expect(await deviceCount()).toBe(0);
    expect((await listEnrolmentCodes(server.storage.db)).every((c) => c.used_at === null)).toBe(true);
    // Another address is not held up by this one.
    const elsewhere = await server.app.inject({
      method: 'POST',
      url: '/devices/enrol',
      payload: { code: good, label: 'W02' },
      remoteAddress: '10.1.2.3',
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it("behind the bureau's proxy, counts each desk's own address, and believes no one else's header", async () => {
    const proxied = await startServer(backend, { trustProxy: '10.9.9.9' });
    try {
      const via = (remoteAddress: string, forwardedFor: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/devices/enrol',
          payload: { code: 'ABCD-EFGH', label: 'W01' },
          remoteAddress,
          headers: { 'x-forwarded-for': forwardedFor },
        });
      for (let i = 0; i < 10; i++) expect((await via('10.9.9.9', '192.168.1.20')).statusCode).toBe(403);
      expect((await via('10.9.9.9', '192.168.1.20')).statusCode).toBe(429);
      expect((await via('10.9.9.9', '192.168.1.21')).statusCode).toBe(403);
      // Not from the proxy: the header is ignored and the socket's address counts.
      for (let i = 0; i < 10; i++) expect((await via('10.7.7.7', `192.168.2.${i}`)).statusCode).toBe(403);
      expect((await via('10.7.7.7', '192.168.2.99')).statusCode).toBe(429);
    } finally {
      await proxied.stop();
    }
  });

  it('refuses push, pull and /reference without credentials, and keeps /healthz open', async () => {
    const events = makeOpenedBatch({ deviceId: await server.device(), staffId: clerk }, 1, 2);
    const push = await server.pushRaw(pushBody(events[0]!.deviceId, events), 'application/json', {});
    expect(push.status).toBe(401);
    expect(push.json).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('登记') });
    for (const url of ['/sync/pull', '/reference']) {
      const res = await server.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    }
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const garbled = await server.app.inject({
      method: 'GET',
      url: '/sync/pull',
      headers: { authorization: 'Basic abc', [DEVICE_ID_HEADER]: events[0]!.deviceId },
    });
    expect(garbled.statusCode).toBe(401);
    expect((await server.pull()).events).toEqual([]);
  });

  it('refuses the token of one device used as another', async () => {
    const a = await server.enrol('A');
    const b = await server.enrol('B');
    const asB = makeOpenedBatch({ deviceId: b.deviceId, staffId: clerk }, 1, 1);
    // A's token with B's id in the header, and A's header with B's id in the body: both refused.
    const forged = { authorization: `Bearer ${a.token}`, [DEVICE_ID_HEADER]: b.deviceId };
    expect((await server.pushRaw(pushBody(b.deviceId, asB), 'application/json', forged)).status).toBe(401);
    const mismatch = await server.pushRaw(
      pushBody(b.deviceId, asB),
      'application/json',
      server.authHeaders(a.deviceId),
    );
    expect(mismatch.status).toBe(401);
    expect(mismatch.json).toMatchObject({ code: 'unauthenticated' });
    const pull = await server.app.inject({ method: 'GET', url: '/sync/pull', headers: forged });
    expect(pull.statusCode).toBe(401);
    expect((await server.pull()).events).toEqual([]);
  });

  it('refuses a revoked desk with the message, keeps what it sent, and lets the other desks sync', async () => {
    const adminDesk = await server.device();
    const revoked = await server.device();
    const other = await server.device();
    const before = makeOpenedBatch({ deviceId: revoked, staffId: clerk }, 1, 2);
    expect((await server.push(pushBody(revoked, before))).body).toMatchObject({ stored: 2 });

    const res = await server.app.inject({
      method: 'POST',
      url: `/admin/devices/${revoked}/revoke`,
      headers: await adminHeaders(adminDesk),
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    const listed = deviceListSchema.parse(res.json()).devices.find((d) => d.deviceId === revoked);
    expect(listed).toMatchObject({ revokedBy: DEMO_STAFF.admin, revokedAt: expect.any(String) });

    const after = makeOpenedBatch({ deviceId: revoked, staffId: clerk }, 3, 1);
    const refused = await server.pushRaw(pushBody(revoked, after));
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ error: 'Forbidden', code: 'device-revoked', message: DEVICE_REVOKED_MESSAGE });
    expect(DEVICE_REVOKED_MESSAGE).toContain('此窗口已被管理员停用，请联系管理员重新登记');
    const pull = await server.app.inject({ method: 'GET', url: '/sync/pull', headers: server.authHeaders(revoked) });
    expect(pull.statusCode).toBe(403);

    const fromOther = makeOpenedBatch({ deviceId: other, staffId: clerk }, 1, 1);
    expect((await server.push(pushBody(other, fromOther))).body).toMatchObject({ stored: 1 });
    const stored = (await server.pull()).events.map((e) => e.event.eventId);
    expect(stored).toEqual([...before, ...fromOther].map((e) => e.eventId));
  });

  it('lets an admin at an enrolled desk make codes and list desks, and no one else', async () => {
    const desk = await server.device();
    const made = await server.app.inject({
      method: 'POST',
      url: '/admin/enrolment-codes',
      headers: await adminHeaders(desk),
      payload: { label: 'W07' },
    });
    expect(made.statusCode).toBe(200);
    const issued = enrolmentCodeIssuedSchema.parse(made.json());
    expect(issued.label).toBe('W07');
    expect((await enrol({ code: issued.code, label: '窗口7' })).statusCode).toBe(200);

    const list = await server.app.inject({ method: 'GET', url: '/admin/devices', headers: await adminHeaders(desk) });
    expect(list.statusCode).toBe(200);
    const devices = deviceListSchema.parse(list.json()).devices;
    expect(devices.map((d) => d.label)).toEqual(expect.arrayContaining(['窗口7', 'test desk']));
    expect(JSON.stringify(list.json())).not.toMatch(/token/i);

    const clerkSession = staffSessionHeader(await signInAs(server, desk, DEMO_STAFF.windowClerk));
    const adminSession = (await adminHeaders(desk))[STAFF_SESSION_HEADER];
    const refusals: [Record<string, string>, number, string][] = [
      [server.authHeaders(desk), 401, 'staff-session-required'],
      [
        { ...server.authHeaders(desk), [STAFF_SESSION_HEADER]: `${'A'.repeat(22)}.${'B'.repeat(43)}` },
        401,
        'staff-session-invalid',
      ],
      [{ ...server.authHeaders(desk), [STAFF_SESSION_HEADER]: clerkSession }, 403, 'not-admin'],
      // An admin's session is this desk's alone, and needs the desk's own token besides.
      [
        { ...server.authHeaders(await server.device()), [STAFF_SESSION_HEADER]: adminSession },
        401,
        'staff-session-invalid',
      ],
      [{ [STAFF_SESSION_HEADER]: adminSession }, 401, 'unauthenticated'],
    ];
    for (const [headers, status, errorCode] of refusals) {
      const res = await server.app.inject({ method: 'GET', url: '/admin/devices', headers });
      expect(res.statusCode, errorCode).toBe(status);
      expect(res.json()).toMatchObject({ code: errorCode, message: expect.any(String) });
    }
    const badBody = await server.app.inject({
      method: 'POST',
      url: '/admin/enrolment-codes',
      headers: await adminHeaders(desk),
      payload: { label: 'x'.repeat(41) },
    });
    expect(badBody.statusCode).toBe(400);
    const self = await server.app.inject({
      method: 'POST',
      url: `/admin/devices/${desk}/revoke`,
      headers: await adminHeaders(desk),
      payload: {},
    });
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ code: 'cannot-revoke-self' });
    const unknown = await server.app.inject({
      method: 'POST',
      url: '/admin/devices/01JD0000000000000000000000/revoke',
      headers: await adminHeaders(desk),
      payload: {},
    });
    expect(unknown.statusCode).toBe(404);
    // Found by fuzz-admin: a NUL in the path reached a PostgreSQL text column and answered 500.
    const nul = await server.app.inject({
      method: 'POST',
      url: `/admin/devices/${desk}%00/revoke`,
      headers: await adminHeaders(desk),
      payload: {},
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({ code: 'bad-request' });
  });

  it('stores neither codes nor tokens in clear: codes as scrypt (not their SHA-256), tokens as SHA-256', async () => {
    const plain = await code();
    const { deviceId, token } = (await enrol({ code: plain, label: 'W09' })).json<{
      deviceId: string;
      token: string;
    }>();
    const codes = await listEnrolmentCodes(server.storage.db);
    const devices = await server.storage.db.selectFrom('devices').selectAll().execute();
    const everything = JSON.stringify([codes, devices]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(normaliseEnrolmentCode(plain));
    expect(everything).not.toContain(plain);
    // A 40-bit code's SHA-256 falls to brute force: a copy of the database must not reveal the unused ones.
    const stored = codes.find((c) => c.used_by_device === deviceId)?.code_hash;
    expect(stored).toMatch(/^scrypt1\$[0-9a-f]{64}$/);
    expect(everything).not.toContain(sha256Hex(normaliseEnrolmentCode(plain)));
    expect(devices.find((d) => d.device_id === deviceId)?.token_hash).toBe(sha256Hex(token));
    // Still a code that works once.
    expect((await enrol({ code: plain, label: 'W10' })).json()).toMatchObject({ code: 'enrolment-code-used' });
  });

  it('never matches a code stored the old way (a bare SHA-256, before scrypt): it is simply unknown', async () => {
    const plain = await code();
    await server.storage.db
      .updateTable('enrolment_codes')
      .set({ code_hash: sha256Hex(normaliseEnrolmentCode(plain)) })
      .where('used_at', 'is', null)
      .where('created_by', '=', 'test')
      .execute();
    const res = await enrol({ code: plain, label: 'W12' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'enrolment-code-unknown' });
  });

  it('makes one enrolment code on the first run of the demo bureau', async () => {
    const codes = await listEnrolmentCodes(server.storage.db);
    expect(codes.filter((c) => c.created_by === 'first-run')).toMatchObject([{ label: '演示窗口', used_at: null }]);
  });

  it('has a CLI that makes codes, lists desks and revokes one', async () => {
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    await runCommand(server.storage.db, ['enrol-code', '--label', 'W11', '--hours', '2'], print);
    const printed = /Enrolment code: (\S+)/.exec(lines.join('\n'))?.[1];
    expect(printed).toBeDefined();
    const enrolled = (await enrol({ code: printed!, label: '窗口11' })).json<{ deviceId: string }>();

    lines.length = 0;
    await runCommand(server.storage.db, ['devices'], print);
    expect(lines.join('\n')).toContain(enrolled.deviceId);
    await runCommand(server.storage.db, ['revoke', enrolled.deviceId], print);
    lines.length = 0;
    await runCommand(server.storage.db, ['devices'], print);
    expect(lines.join('\n')).toMatch(/REVOKED .* by cli/);
    // Reinstated, the desk's own token works again (to send what it kept while revoked).
    await runCommand(server.storage.db, ['reinstate', enrolled.deviceId], print);
    lines.length = 0;
    await runCommand(server.storage.db, ['devices'], print);
    expect(lines.join('\n')).not.toContain('REVOKED');
    await expect(runCommand(server.storage.db, ['revoke', 'nope'], print)).rejects.toThrow(UsageError);
    await expect(runCommand(server.storage.db, ['enrol-code', '--hours', '0'], print)).rejects.toThrow(UsageError);
    await expect(runCommand(server.storage.db, ['frobnicate'], print)).rejects.toThrow(UsageError);
  });
});
