import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUlidFactory } from '../../../shared/rules/ulid.ts';
import {
  padCollectedSchema,
  padPairedSchema,
  padPairingCodeIssuedSchema,
  padTabletRequestSchema,
  pairedTabletListSchema,
} from '../../../shared/sync/padRelay.ts';
import { BACKENDS, startServer, type TestServer } from './harness.ts';

// Issue 13 item 3, the rating pad on a tablet: a desk pairs a tablet through HQ with a one-time code, and HQ relays
// the desk's rating request to it and the applicant's answer back, once, to that desk only.

const ulid = createUlidFactory((n) => randomBytes(n));

describe.each(BACKENDS)('rating tablet relay on $name', (backend) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer(backend);
  });
  afterEach(async () => {
    await server.stop();
  });

  const asDesk = (deviceId: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: server.authHeaders(deviceId), ...(payload ? { payload } : {}) });
  const asTablet = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const newCode = async (deviceId: string) => {
    const res = await asDesk(deviceId, 'POST', '/pad/pairing-codes', {});
    expect(res.statusCode).toBe(200);
    return padPairingCodeIssuedSchema.parse(res.json());
  };
  const pair = (code: string, label = '评价平板1', ip = '10.0.0.7') =>
    server.app.inject({ method: 'POST', url: '/pad/pair', payload: { code, label }, remoteAddress: ip });
  const pairedTablet = async (deviceId: string) => {
    const res = await pair((await newCode(deviceId)).code);
    expect(res.statusCode).toBe(200);
    return padPairedSchema.parse(res.json());
  };
  const rateRequest = (requestId = ulid(Date.now())) => ({
    requestId,
    contactId: ulid(Date.now()),
    ratedStaffId: 'zhang-wei',
    staffName: '张伟',
    staffTitle: '科员',
    departmentName: '政务服务窗口',
  });
  const otherCode = (code: string, by = 1) => String((Number(code) + by) % 100_000_000).padStart(8, '0');

  it('pairs a tablet with an 8-digit code valid 5 minutes, once, and the desk lists it', async () => {
    const desk = await server.device();
    const before = Date.now();
    const issued = await newCode(desk);
    expect(issued.code).toMatch(/^\d{8}$/);
    const lives = Date.parse(issued.expiresAt) - before;
    expect(lives).toBeGreaterThan(4.9 * 60_000);
    expect(lives).toBeLessThanOrEqual(5 * 60_000 + 1000);

    // Typed as the desk shows it, in two groups of four.
    const paired = await pair(`${issued.code.slice(0, 4)} ${issued.code.slice(4)}`);
    expect(paired.statusCode).toBe(200);
    const { token, tabletId, deskLabel } = padPairedSchema.parse(paired.json());
    expect(deskLabel).toBe('test desk');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is kept.
    const rows = await server.storage.db
      .withTables<{ pad_tablets: { token_hash: string; tablet_id: string } }>()
      .selectFrom('pad_tablets')
      .selectAll()
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);

    const again = await pair(issued.code, '评价平板2');
    expect(again.statusCode).toBe(403);
    expect(again.json()).toMatchObject({ code: 'pad-code-used' });

    const list = pairedTabletListSchema.parse((await asDesk(desk, 'GET', '/pad/tablets')).json());
    expect(list.tablets).toMatchObject([{ tabletId, label: '评价平板1' }]);
  });

  it('refuses a wrong, an expired, a replaced or a malformed code and stores nothing', async () => {
    const desk = await server.device();
    const first = await newCode(desk);
    const second = await newCode(desk);
    // Only the code on the desk's screen works: a new one replaces the old.
    if (first.code !== second.code) expect((await pair(first.code)).json()).toMatchObject({ code: 'pad-code-unknown' });
    expect((await pair(otherCode(second.code))).json()).toMatchObject({ code: 'pad-code-unknown' });
    await server.storage.db
      .withTables<{ pad_pairing_codes: { expires_at: string } }>()
      .updateTable('pad_pairing_codes')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const late = await pair(second.code);
    expect(late.statusCode).toBe(403);
    expect(late.json()).toMatchObject({ code: 'pad-code-expired' });
    // The old 6-digit form, one digit short or over, letters, full-width digits, a control character.
    for (const code of ['123456', '1234567', '123456789', 'abcdefgh', '１２３４５６７８', '1234567\u0000']) {
      expect((await pair(code)).statusCode, code).toBe(400);
    }
    expect(
      (await server.app.inject({ method: 'POST', url: '/pad/pair', payload: { code: '12345678' } })).statusCode,
    ).toBe(400);
    const list = pairedTabletListSchema.parse((await asDesk(desk, 'GET', '/pad/tablets')).json());
    expect(list.tablets).toEqual([]);
  });

  it('counts wrong codes per IPv6 /64, not per address: rotating addresses within it does not help', async () => {
    const desk = await server.device();
    const { code } = await newCode(desk);
    for (let i = 1; i <= 10; i++) {
      expect((await pair(otherCode(code, i), 'x', `2001:db8:1:2::${i.toString(16)}`)).statusCode).toBe(403);
    }
    const rotated = await pair(otherCode(code, 11), 'x', '2001:db8:1:2:ffff:ffff:ffff:ffff');
    expect(rotated.statusCode).toBe(429);
    expect(rotated.json()).toMatchObject({ code: 'too-many-attempts' });
    expect(Number(rotated.headers['retry-after'])).toBeGreaterThan(0);
    // The next /64 and an IPv4 address are other sources; the code was not spent by any of it.
    expect((await pair(otherCode(code, 12), 'x', '2001:db8:1:3::1')).statusCode).toBe(403);
    expect((await pair(code, 'x', '2001:db8:1:3::2')).statusCode).toBe(200);
  });

  it('pairs a right code from an address others guessed wrong from, until guessing from there goes on', async () => {
    const desk = await server.device();
    const { code } = await newCode(desk);
    for (let i = 1; i <= 10; i++) expect((await pair(otherCode(code, i), 'x', '10.0.0.66')).statusCode).toBe(403);
    expect((await pair(otherCode(code, 11), 'x', '10.0.0.66')).json()).toMatchObject({ code: 'too-many-attempts' });
    // The hall tablet behind the same NAT address: its right code is judged first, and pairs.
    const hall = await pair(code, '大厅平板', '10.0.0.66');
    expect(hall.statusCode).toBe(200);
    // Sources over their limit share 5 wrong codes a minute; spent, they are refused unjudged, a right code too.
    const second = await newCode(desk);
    for (let i = 12; i <= 15; i++) expect((await pair(otherCode(code, i), 'x', '10.0.0.66')).statusCode).toBe(429);
    const unjudged = await pair(second.code, 'x', '10.0.0.66');
    expect(unjudged.statusCode).toBe(429);
    expect(unjudged.json()).toMatchObject({ code: 'too-many-attempts' });
    // Other addresses are not held up by it, and the code was not spent.
    expect((await pair(second.code, 'x', '10.0.0.67')).statusCode).toBe(200);
    const list = pairedTabletListSchema.parse((await asDesk(desk, 'GET', '/pad/tablets')).json());
    expect(list.tablets.map((t) => t.label).sort()).toEqual(['x', '大厅平板']);
  });

  it('pauses all pairing for a minute after 20 wrong codes server-wide, however they are spread', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const desk = await server.device();
      const { code } = await newCode(desk);
      // A burst from 30 addresses at once: only 20 are judged, the rest refused before the database is asked.
      const burst = await Promise.all(
        Array.from({ length: 30 }, (_, i) => pair(otherCode(code, i + 1), 'x', `198.51.100.${i + 1}`)),
      );
      const statuses = burst.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 403)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
      const refused = await pair(code, 'x', '203.0.113.9');
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({
        code: 'pad-pairing-paused',
        message: expect.stringContaining('暂停配对'),
      });
      const wait = Number(refused.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60);
      vi.setSystemTime(Date.now() + wait * 1000);
      // The pause is over and the code, never judged while it lasted, still pairs.
      const after = await pair(code, 'x', '203.0.113.9');
      expect(after.statusCode, after.body).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('relays one request to the tablet and its answer back to the desk, collected once', async () => {
    const desk = await server.device();
    const { token } = await pairedTablet(desk);
    const idle = padTabletRequestSchema.parse((await asTablet(token, 'GET', '/pad/tablet/request')).json());
    expect(idle).toEqual({ request: null, deskLabel: 'test desk' });

    const request = rateRequest();
    const posted = await asDesk(desk, 'POST', '/pad/requests', request);
    expect(posted.statusCode).toBe(200);
    expect(posted.json()).toMatchObject({ state: 'waiting' });
    const status = () => asDesk(desk, 'GET', `/pad/requests/${request.requestId}`).then((r) => r.json());

    // The tablet's poll sees the request: who served them, nothing of the applicant (no contactId).
    const shown = padTabletRequestSchema.parse(
      (await asTablet(token, 'GET', '/pad/tablet/request?after=')).json(),
    ).request;
    expect(shown).toEqual({
      requestId: request.requestId,
      staffName: '张伟',
      staffTitle: '科员',
      departmentName: '政务服务窗口',
    });
    expect(await status()).toEqual({ state: 'showing' });

    // Nothing to collect before the answer.
    expect((await asDesk(desk, 'POST', `/pad/requests/${request.requestId}/collect`, {})).statusCode).toBe(409);

    const answer = { level: 'dissatisfied', reasons: ['longWait'], comment: '排队时间太长' };
    const answered = await asTablet(token, 'POST', `/pad/tablet/requests/${request.requestId}/answer`, answer);
    expect(answered.statusCode).toBe(200);
    // Answered once: a second answer (a double tap, another tablet) is refused.
    const twice = await asTablet(token, 'POST', `/pad/tablet/requests/${request.requestId}/answer`, {
      level: 'verySatisfied',
      reasons: [],
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'pad-request-closed' });
    expect(await status()).toEqual({ state: 'answered' });

    const collected = await asDesk(desk, 'POST', `/pad/requests/${request.requestId}/collect`, {});
    expect(padCollectedSchema.parse(collected.json()).answer).toEqual(answer);
    const again = await asDesk(desk, 'POST', `/pad/requests/${request.requestId}/collect`, {});
    expect(again.statusCode).toBe(409);
    expect(await status()).toEqual({ state: 'collected' });
    // The tablet goes back to idle.
    expect((await asTablet(token, 'GET', '/pad/tablet/request')).json()).toMatchObject({ request: null });
  });

  it('a declined rating travels as level null, and a bad answer is refused with nothing relayed', async () => {
    const desk = await server.device();
    const { token } = await pairedTablet(desk);
    const request = rateRequest();
    await asDesk(desk, 'POST', '/pad/requests', request);
    const url = `/pad/tablet/requests/${request.requestId}/answer`;
    for (const bad of [
      { level: 'satisfied', reasons: ['longWait'] }, // reasons belong to a low rating only
      { level: null, reasons: [], comment: '不想评' }, // 不评价 has no comment
      { level: 'great', reasons: [] },
      { level: 'dissatisfied', reasons: [], comment: 'x'.repeat(501) },
    ]) {
      const res = await asTablet(token, 'POST', url, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await asTablet(token, 'POST', url, { level: null, reasons: [] })).statusCode).toBe(200);
    const collected = await asDesk(desk, 'POST', `/pad/requests/${request.requestId}/collect`, {});
    expect(padCollectedSchema.parse(collected.json()).answer).toEqual({ level: null, reasons: [] });
  });

  it('a pad token reaches only its own desk: another desk\u2019s request is neither shown nor answerable', async () => {
    const deskA = await server.device();
    const deskB = await server.device();
    const tabletA = await pairedTablet(deskA);
    await pairedTablet(deskB);
    const requestB = rateRequest();
    await asDesk(deskB, 'POST', '/pad/requests', requestB);
    expect((await asTablet(tabletA.token, 'GET', '/pad/tablet/request')).json()).toMatchObject({ request: null });
    const answered = await asTablet(tabletA.token, 'POST', `/pad/tablet/requests/${requestB.requestId}/answer`, {
      level: 'verySatisfied',
      reasons: [],
    });
    expect(answered.statusCode).toBe(409);
    // Desk A cannot read or collect desk B's request either.
    expect((await asDesk(deskA, 'GET', `/pad/requests/${requestB.requestId}`)).json()).toEqual({ state: 'unknown' });
    expect((await asDesk(deskA, 'POST', `/pad/requests/${requestB.requestId}/collect`, {})).statusCode).toBe(409);
    // Desk A cannot unpair desk B's tablet.
    const listB = pairedTabletListSchema.parse((await asDesk(deskB, 'GET', '/pad/tablets')).json());
    const unpair = await asDesk(deskA, 'POST', `/pad/tablets/${listB.tablets[0]!.tabletId}/unpair`, {});
    expect(unpair.statusCode).toBe(404);
    expect(pairedTabletListSchema.parse((await asDesk(deskB, 'GET', '/pad/tablets')).json()).tablets).toHaveLength(1);
  });

  it('a cancelled or superseded request cannot be answered', async () => {
    const desk = await server.device();
    const { token } = await pairedTablet(desk);
    const first = rateRequest();
    await asDesk(desk, 'POST', '/pad/requests', first);
    const second = rateRequest();
    await asDesk(desk, 'POST', '/pad/requests', second);
    expect((await asDesk(desk, 'GET', `/pad/requests/${first.requestId}`)).json()).toEqual({ state: 'superseded' });
    const late = await asTablet(token, 'POST', `/pad/tablet/requests/${first.requestId}/answer`, {
      level: 'satisfied',
      reasons: [],
    });
    expect(late.statusCode).toBe(409);
    expect((await asDesk(desk, 'POST', `/pad/requests/${second.requestId}/cancel`, {})).json()).toEqual({
      state: 'cancelled',
    });
    const cancelled = await asTablet(token, 'POST', `/pad/tablet/requests/${second.requestId}/answer`, {
      level: 'satisfied',
      reasons: [],
    });
    expect(cancelled.statusCode).toBe(409);
    expect((await asTablet(token, 'GET', '/pad/tablet/request')).json()).toMatchObject({ request: null });
  });

  it('long-polls: the tablet\u2019s poll returns as soon as the desk asks, the desk\u2019s as soon as it is answered', async () => {
    const desk = await server.device();
    const { token } = await pairedTablet(desk);
    const request = rateRequest();
    const tabletPoll = asTablet(token, 'GET', '/pad/tablet/request?after=');
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await asDesk(desk, 'POST', '/pad/requests', request);
    expect((await tabletPoll).json()).toMatchObject({ request: { requestId: request.requestId } });
    const deskPoll = asDesk(desk, 'GET', `/pad/requests/${request.requestId}?after=showing`);
    await new Promise((r) => setTimeout(r, 100));
    await asTablet(token, 'POST', `/pad/tablet/requests/${request.requestId}/answer`, {
      level: 'satisfied',
      reasons: [],
    });
    expect((await deskPoll).json()).toEqual({ state: 'answered' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('answers a poll it holds when the server closes, instead of keeping the close waiting', async () => {
    const desk = await server.device();
    const { token } = await pairedTablet(desk);
    const poll = asTablet(token, 'GET', '/pad/tablet/request?after=');
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await server.app.close();
    expect((await poll).statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    // afterEach closes it again: harmless.
  });

  it('asks a desk without a tablet to use its local pad, and refuses anyone without credentials before the body', async () => {
    const desk = await server.device();
    const none = await asDesk(desk, 'POST', '/pad/requests', rateRequest());
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ code: 'pad-no-tablet' });
    for (const url of ['/pad/pairing-codes', '/pad/requests']) {
      const res = await server.app.inject({ method: 'POST', url, payload: rateRequest() });
      expect(res.statusCode, url).toBe(401);
    }
    const forged = await asTablet('A'.repeat(43), 'POST', `/pad/tablet/requests/${ulid(Date.now())}/answer`, {
      level: 'satisfied',
      reasons: [],
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'pad-unpaired' });
    // A desk token is no pad token.
    const deskToken = server.authHeaders(desk).authorization!.slice('Bearer '.length);
    expect((await asTablet(deskToken, 'GET', '/pad/tablet/request')).statusCode).toBe(401);
  });

  it('lets the Electron desk (app://desk) call its relay routes across origins, and no other origin', async () => {
    const id = ulid(Date.now());
    for (const url of ['/pad/pairing-codes', '/pad/requests', `/pad/requests/${id}`, `/pad/requests/${id}/collect`]) {
      const preflight = await server.app.inject({
        method: 'OPTIONS',
        url,
        headers: { origin: 'app://desk', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers['access-control-allow-origin'], url).toBe('app://desk');
      const evil = await server.app.inject({
        method: 'OPTIONS',
        url,
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(evil.headers['access-control-allow-origin'], url).toBeUndefined();
    }
    // The tablet's routes are for the page HQ serves itself: no other origin is let in.
    const tablet = await server.app.inject({
      method: 'GET',
      url: '/pad/tablet/request',
      headers: { origin: 'app://desk' },
    });
    expect(tablet.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('unpairing, a month of silence or a revoked desk end the tablet\u2019s token', async () => {
    const desk = await server.device();
    const kept = await pairedTablet(desk);
    const dropped = await pairedTablet(desk);
    const unpaired = await asDesk(desk, 'POST', `/pad/tablets/${dropped.tabletId}/unpair`, {});
    expect(pairedTabletListSchema.parse(unpaired.json()).tablets.map((t) => t.tabletId)).toEqual([kept.tabletId]);
    const refused = await asTablet(dropped.token, 'GET', '/pad/tablet/request');
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'pad-unpaired' });
    expect((await asTablet(kept.token, 'GET', '/pad/tablet/request')).statusCode).toBe(200);

    await server.storage.db
      .withTables<{ pad_tablets: { last_seen_at: string; tablet_id: string } }>()
      .updateTable('pad_tablets')
      .set({ last_seen_at: new Date(Date.now() - 31 * 86_400_000).toISOString() })
      .where('tablet_id', '=', kept.tabletId)
      .execute();
    const silent = await asTablet(kept.token, 'GET', '/pad/tablet/request');
    expect(silent.statusCode).toBe(401);
    expect(silent.json()).toMatchObject({ code: 'pad-token-expired' });
    // An expired tablet does not count as paired: the desk falls back to its local pad.
    expect((await asDesk(desk, 'POST', '/pad/requests', rateRequest())).json()).toMatchObject({
      code: 'pad-no-tablet',
    });

    const fresh = await pairedTablet(desk);
    await server.storage.db
      .updateTable('devices')
      .set({ revoked_at: new Date().toISOString(), revoked_by: 'test' })
      .where('device_id', '=', desk)
      .execute();
    expect((await asTablet(fresh.token, 'GET', '/pad/tablet/request')).statusCode).toBe(401);
  });
});
