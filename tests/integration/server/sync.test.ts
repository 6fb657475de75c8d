import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CLOCK_DRIFT_MS } from '../../../shared/sync/hlc.ts';
import { pullResponseSchema, pushResponseSchema, SYNC_FORMAT_VERSION } from '../../../shared/sync/protocol.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { makeContactAnswered, makeContactOpened, makeOpenedBatch, newDeviceId } from '../../fixtures/events.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';

const clerk = DEMO_STAFF.windowClerk;

describe.each(BACKENDS)('sync push and pull on $name', (backend) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer(backend);
  });
  afterEach(async () => {
    await server.stop();
  });

  async function eventCount(): Promise<number> {
    return (await server.pull(0, 2000)).events.length;
  }

  it('stores pushed events and pulls them back, after the reference docs, in commit order', async () => {
    const deskA = await server.device();
    const deskB = await server.device();
    const fromA = makeOpenedBatch({ deviceId: deskA, staffId: clerk }, 1, 3);
    const fromB = makeOpenedBatch({ deviceId: deskB, staffId: DEMO_STAFF.windowClerk2 }, 1, 2);
    expect((await server.push(pushBody(deskA, fromA))).body).toMatchObject({ stored: 3, ackedSeq: 3 });
    expect((await server.push(pushBody(deskB, fromB))).body).toMatchObject({ stored: 2, ackedSeq: 2 });

    const page = await server.pull();
    expect(page.events.map((e) => e.event)).toEqual([...fromA, ...fromB]);
    const seqs = [...page.references.map((r) => r.seq), ...page.events.map((e) => e.seq)];
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(page.nextCursor).toBe(Math.max(...seqs));
    expect(page.hasMore).toBe(false);
  });

  it('answers a pull with exactly the shared wire shape', async () => {
    const desk = await server.device();
    await server.push(pushBody(desk, [makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: clerk })]));
    const res = await server.app.inject({ method: 'GET', url: '/sync/pull', headers: server.authHeaders(desk) });
    const body: unknown = res.json();
    // zod drops unknown keys, so equality after parsing means no extra field leaked (flags, rows…)
    expect(pullResponseSchema.parse(body)).toEqual(body);
    expect(pullResponseSchema.parse(body).formatVersion).toBe(SYNC_FORMAT_VERSION);
  });

  it('stores nothing twice when the same batch is pushed again, and acknowledges the same', async () => {
    const desk = await server.device();
    const batch = makeOpenedBatch({ deviceId: desk, staffId: clerk }, 1, 5);
    const first = await server.push(pushBody(desk, batch));
    const again = await server.push(pushBody(desk, batch));
    expect(first.body).toMatchObject({ stored: 5, duplicates: 0, ackedSeq: 5, rejected: [] });
    expect(again.body).toMatchObject({ stored: 0, duplicates: 5, ackedSeq: 5, rejected: [] });
    expect(await eventCount()).toBe(5);
  });

  it('acknowledges what a push carried, and never moves the device’s high-water mark backwards', async () => {
    const desk = await server.device();
    const batch = makeOpenedBatch({ deviceId: desk, staffId: clerk }, 1, 6);
    await server.push(pushBody(desk, batch));
    // An ack speaks only for the events of its push (issue 10): a replay of 1–2 acknowledges 2, not 6.
    const replay = await server.push(pushBody(desk, batch.slice(0, 2)));
    expect(replay.body).toMatchObject({ ackedSeq: 2, duplicates: 2 });
    const empty = await server.push(pushBody(desk, []));
    expect(empty.body).toMatchObject({ ackedSeq: 0, stored: 0, duplicates: 0 });
    const row = await server.storage.db
      .selectFrom('devices')
      .select('last_acked_seq')
      .where('device_id', '=', desk)
      .executeTakeFirstOrThrow();
    expect(row.last_acked_seq).toBe(6);
  });

  it('answers 400 to a malformed push and stores nothing', async () => {
    const desk = await server.device();
    const good = [makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: clerk })];
    const cases: { payload: string | object; code: string }[] = [
      { payload: '{"deviceId": ', code: 'invalid-json' },
      { payload: { formatVersion: SYNC_FORMAT_VERSION, events: good }, code: 'bad-request' },
      { payload: { deviceId: 'desk-1', formatVersion: SYNC_FORMAT_VERSION, events: good }, code: 'bad-request' },
      { payload: { deviceId: desk, formatVersion: SYNC_FORMAT_VERSION, events: 'all' }, code: 'bad-request' },
      { payload: { deviceId: desk, formatVersion: SYNC_FORMAT_VERSION + 1, events: good }, code: 'format-version' },
    ];
    for (const { payload, code } of cases) {
      const res = await server.pushRaw(payload, 'application/json', server.authHeaders(desk));
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: 'Bad Request', code, message: expect.any(String) });
    }
    const tooMany = Array.from({ length: 501 }, () => good[0]);
    expect((await server.pushRaw(pushBody(desk, tooMany))).status).toBe(400);
    expect((await server.pushRaw('x=1', 'application/x-www-form-urlencoded', server.authHeaders(desk))).status).toBe(
      415,
    );
    expect(await eventCount()).toBe(0);
  });

  it('rejects only the invalid event of a batch and stores the rest', async () => {
    const desk = await server.device();
    const [first, second, third] = makeOpenedBatch({ deviceId: desk, staffId: clerk }, 1, 3);
    const broken = { ...second, payload: { ...second!.payload, matter: '' } };
    const res = await server.push(pushBody(desk, [first, broken, third]));
    expect(res.body).toMatchObject({ stored: 2, duplicates: 0, ackedSeq: 3 });
    expect(res.body.rejected).toEqual([
      { eventId: second!.eventId, deviceSeq: 2, code: 'invalid-event', message: expect.stringContaining('matter') },
    ]);
    expect((await server.pull()).events.map((e) => e.event.eventId)).toEqual([first!.eventId, third!.eventId]);
  });

  it('rejects an event by someone who is not in the staff directory or no longer active', async () => {
    const desk = await server.device();
    const stranger = makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: 'nobody-here' });
    const departed = makeContactOpened({ deviceId: desk, deviceSeq: 2, staffId: DEMO_STAFF.inactive });
    const res = await server.push(pushBody(desk, [stranger, departed]));
    expect(res.body.rejected.map((r) => [r.eventId, r.code])).toEqual([
      [stranger.eventId, 'unknown-staff'],
      [departed.eventId, 'unknown-staff'],
    ]);
    expect(res.body).toMatchObject({ stored: 0, ackedSeq: 2 });
    expect(await eventCount()).toBe(0);
  });

  it('rejects an event pushed under another device id and does not ack its deviceSeq', async () => {
    const desk = await server.device();
    const foreign = makeContactOpened({ deviceId: newDeviceId(), deviceSeq: 40, staffId: clerk });
    const own = makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: clerk });
    const res = await server.push(pushBody(desk, [own, foreign]));
    expect(res.body.rejected).toEqual([
      { eventId: foreign.eventId, deviceSeq: 40, code: 'device-mismatch', message: expect.any(String) },
    ]);
    expect(res.body).toMatchObject({ stored: 1, ackedSeq: 1 });
  });

  it('refuses a reused eventId with different content as a conflicting duplicate', async () => {
    const desk = await server.device();
    const original = makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: clerk, matter: '咨询科技项目申报' });
    await server.push(pushBody(desk, [original]));
    const altered = { ...original, payload: { ...original.payload, matter: '改过的事项' } };
    const res = await server.push(pushBody(desk, [altered]));
    expect(res.body.rejected).toEqual([
      { eventId: original.eventId, deviceSeq: 1, code: 'conflicting-duplicate', message: expect.any(String) },
    ]);
    const stored = (await server.pull()).events;
    expect(stored.map((e) => e.event)).toEqual([original]);
  });

  it('refuses an event of a newer schema version than the server knows', async () => {
    const desk = await server.device();
    const future = { ...makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: clerk }), v: 99 };
    const res = await server.push(pushBody(desk, [future]));
    expect(res.body.rejected).toEqual([
      { eventId: future.eventId, deviceSeq: 1, code: 'unsupported-version', message: expect.stringMatching(/update/) },
    ]);
    expect(await eventCount()).toBe(0);
  });

  it('stores, but flags, an event from a desk whose clock runs far ahead', async () => {
    const desk = await server.device();
    const ahead = Date.now() + MAX_CLOCK_DRIFT_MS + 60_000;
    const late = makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: clerk, at: ahead });
    const onTime = makeContactOpened({ deviceId: desk, deviceSeq: 2, staffId: clerk });
    const res = await server.push(pushBody(desk, [late, onTime]));
    expect(res.body).toMatchObject({ stored: 2, rejected: [] });
    const rows = await server.storage.db.selectFrom('events').select(['event_id', 'flags']).orderBy('seq').execute();
    expect(rows).toEqual([
      { event_id: late.eventId, flags: 'clock-ahead' },
      { event_id: onTime.eventId, flags: null },
    ]);
    // the server's own answer is not dragged along by the desk's clock
    expect(Date.parse(res.body.serverTime)).toBeLessThan(ahead - MAX_CLOCK_DRIFT_MS);
  });

  it('serves the reference docs on an empty cursor and at /reference', async () => {
    const page = await server.pull(0, 2000);
    const desk = await server.device();
    const all = (
      await server.app.inject({ method: 'GET', url: '/reference', headers: server.authHeaders(desk) })
    ).json<{ docs: unknown[] }>();
    expect(page.references.length).toBeGreaterThan(20);
    expect(all.docs).toHaveLength(page.references.length);
    expect(all.docs).toEqual(expect.arrayContaining(page.references.map((r) => r.doc)));
    const kinds = new Set(page.references.map((r) => r.doc.kind));
    expect([...kinds].sort()).toEqual(['agency', 'department', 'serviceItem', 'settings', 'staff']);
  });

  it('pages through a pull with a limit: the cursor advances, nothing twice, nothing missed', async () => {
    const desk = await server.device();
    await server.push(pushBody(desk, makeOpenedBatch({ deviceId: desk, staffId: clerk }, 1, 25)));
    const everything = await server.pull(0, 2000);
    const expected = [...everything.references.map((r) => r.seq), ...everything.events.map((e) => e.seq)];

    const seen: number[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = await server.pull(cursor, 7);
      const seqs = [...page.references.map((r) => r.seq), ...page.events.map((e) => e.seq)].sort((a, b) => a - b);
      expect(seqs.length).toBeLessThanOrEqual(7);
      expect(seqs.every((s) => s > cursor)).toBe(true);
      seen.push(...seqs);
      pages++;
      if (!page.hasMore) break;
      expect(page.nextCursor).toBe(seqs.at(-1));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 7));
    const after = await server.pull(cursor + 1000, 7);
    expect(after).toMatchObject({ events: [], references: [], nextCursor: cursor + 1000, hasMore: false });
  });

  it('answers 400 to a pull with a bad cursor or limit', async () => {
    const desk = await server.device();
    for (const query of ['cursor=abc', 'cursor=-1', 'limit=0', 'limit=100000']) {
      const res = await server.app.inject({
        method: 'GET',
        url: `/sync/pull?${query}`,
        headers: server.authHeaders(desk),
      });
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toMatchObject({ code: 'bad-request' });
    }
  });

  it('gives each concurrent batch its own run of seqs and stores a racing replay once', async () => {
    const desks = await Promise.all(Array.from({ length: 4 }, () => server.device()));
    const batches = desks.map((d) => makeOpenedBatch({ deviceId: d, staffId: clerk }, 1, 20));
    // The replay races through another instance: one instance lets a desk have only one push under way.
    const twin = await server.twin();
    const replay = async () => {
      const res = await twin.app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { 'content-type': 'application/json', ...server.authHeaders(desks[0]!) },
        payload: JSON.stringify(pushBody(desks[0]!, batches[0]!)),
      });
      return { status: res.statusCode, body: pushResponseSchema.parse(res.json()) };
    };
    const results = await Promise.all([...batches.map((b, i) => server.push(pushBody(desks[i]!, b))), replay()]);
    await twin.close();
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.reduce((n, r) => n + r.body.stored, 0)).toBe(80);
    expect(results.reduce((n, r) => n + r.body.duplicates, 0)).toBe(20);

    const events = (await server.pull(0, 2000)).events;
    expect(events).toHaveLength(80);
    for (const desk of desks) {
      const seqs = events.filter((e) => e.event.deviceId === desk).map((e) => e.seq);
      expect(seqs.at(-1)! - seqs[0]!).toBe(19); // one transaction, one contiguous run
    }
  });

  it('keeps the answered event with its contact through a round-trip', async () => {
    const desk = await server.device();
    const opened = makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: clerk, visitor: { name: '王女士' } });
    const answered = makeContactAnswered({
      deviceId: desk,
      deviceSeq: 2,
      staffId: clerk,
      contactId: opened.aggregateId,
      basis: '《南阳市科技计划项目管理办法》',
    });
    await server.push(pushBody(desk, [opened, answered]));
    expect((await server.pull()).events.map((e) => e.event)).toEqual([opened, answered]);
  });
});

describe.each(BACKENDS)('first run on $name', (backend) => {
  it('does not seed the demo bureau when FIRSTDESK_SEED=none', async () => {
    const server = await startServer(backend, { seed: 'none' });
    try {
      expect((await server.pull()).references).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
