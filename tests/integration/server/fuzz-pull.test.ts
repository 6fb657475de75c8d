// Issue 10, item 9: GET /sync/pull under fire: random cursors and limits (negative, 1e300, NaN, huge, repeated),
// forged credentials and other methods. Never a 5xx; an answered page parses with the desk's schema and holds only
// what follows the cursor, at most `limit` of it; paging with any valid limits yields every change exactly once;
// and pulling changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import type { DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import { pullResponseSchema, SYNC_FORMAT_VERSION } from '../../../shared/sync/protocol.ts';
import { makeOpenedBatch, newUlid } from '../../fixtures/events.ts';
import { FORGED_AUTH, forgedHeaders, type ForgedAuth } from '../../fixtures/hostile.ts';
import {
  deskHeaders,
  expectHealthy,
  expectNoServerError,
  fuzzAssert,
  fuzzParameters,
  send,
  storedState,
} from './fuzzTwins.ts';
import { BACKENDS, startServer, type TestServer } from './harness.ts';

const RUNS = Number(process.env.FIRSTDESK_FUZZ_RUNS ?? 300);

const ODD_NUMBERS = ['-1', '1e300', 'NaN', '3e9', '0x10', '', '1.5', '9'.repeat(400), '%00', 'null', '[]', '1e309'];
const paramArb = fc.oneof(fc.nat({ max: 3_000 }).map(String), fc.constantFrom(...ODD_NUMBERS));

interface Query {
  readonly cursor: string | null;
  readonly limit: string | null;
  readonly repeat: boolean;
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly auth: ForgedAuth | 'valid';
}

const queryArb: fc.Arbitrary<Query> = fc.record({
  cursor: fc.option(paramArb, { nil: null }),
  limit: fc.option(paramArb, { nil: null }),
  repeat: fc.boolean(),
  method: fc.constantFrom('GET' as const, 'GET' as const, 'GET' as const, 'POST' as const, 'DELETE' as const),
  auth: fc.constantFrom('valid' as const, 'valid' as const, 'valid' as const, ...FORGED_AUTH),
});

function url(q: Query): string {
  const params = [
    ...(q.cursor !== null ? [`cursor=${q.cursor}`] : []),
    ...(q.limit !== null ? [`limit=${q.limit}`] : []),
    ...(q.repeat ? ['cursor=1', 'limit=2'] : []),
  ];
  return `/sync/pull${params.length ? `?${params.join('&')}` : ''}`;
}

describe.each(BACKENDS)('pulls with random cursors, limits and credentials on $name', (backend) => {
  let server: TestServer;
  let desk: DeviceCredentials;
  let other: DeviceCredentials;
  let allSeqs: number[];
  beforeAll(async () => {
    server = await startServer(backend);
    desk = await server.enrol('窗口1');
    other = await server.enrol('窗口2');
    const events = makeOpenedBatch({ deviceId: desk.deviceId, staffId: DEMO_STAFF.windowClerk }, 1, 40);
    const res = await send(server, {
      method: 'POST',
      url: '/sync/push',
      headers: { 'content-type': 'application/json', ...deskHeaders(desk) },
      payload: JSON.stringify({ deviceId: desk.deviceId, formatVersion: SYNC_FORMAT_VERSION, events }),
    });
    expect(res.status).toBe(200);
    const page = pullResponseSchema.parse(
      (await send(server, { method: 'GET', url: '/sync/pull?limit=2000', headers: deskHeaders(desk) })).json(),
    );
    allSeqs = [...page.references.map((r) => r.seq), ...page.events.map((e) => e.seq)].sort((a, b) => a - b);
  });
  afterAll(() => server.stop());

  it('never answers 5xx, answers only well-formed pages after the cursor, and changes nothing', async () => {
    const before = await storedState(server.storage.db);
    await fuzzAssert(
      queryArb,
      async (q) => {
        const headers = q.auth === 'valid' ? deskHeaders(desk) : forgedHeaders(q.auth, desk, other, newUlid());
        const res = await send(server, { method: q.method, url: url(q), headers });
        expectNoServerError(res, `${q.method} ${url(q).slice(0, 200)} as ${q.auth}`);
        if (q.auth !== 'valid' || q.method !== 'GET') {
          expect(res.status, `${url(q).slice(0, 100)} as ${q.auth} must be refused`).toBeGreaterThanOrEqual(400);
          return;
        }
        if (res.status !== 200) return;
        const page = pullResponseSchema.safeParse(res.json());
        expect(page.error, 'a pull page must parse with the desk schema').toBeUndefined();
        const seqs = [...page.data!.references, ...page.data!.events].map((x) => x.seq);
        const cursor = Number(q.repeat ? NaN : (q.cursor ?? 0));
        if (Number.isSafeInteger(cursor)) expect(seqs.every((s) => s > cursor)).toBe(true);
        const limit = Number(q.limit ?? 500);
        if (!q.repeat && Number.isSafeInteger(limit)) expect(seqs.length).toBeLessThanOrEqual(limit);
      },
      fuzzParameters(`fuzz-pull (${backend.name})`, RUNS, 20_000),
    );
    await expectHealthy(server);
    const after = await storedState(server.storage.db);
    expect(after.events).toEqual(before.events);
    expect(after.references).toEqual(before.references);
    expect(after.devices).toEqual(before.devices);
  }, 60_000);

  it('pages through every change exactly once, whatever the page sizes', async () => {
    await fuzzAssert(
      fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 40 }),
      async (limits) => {
        const seen: number[] = [];
        let cursor = 0;
        for (let i = 0; ; i++) {
          const limit = limits[i % limits.length]!;
          const res = await send(server, {
            method: 'GET',
            url: `/sync/pull?cursor=${cursor}&limit=${limit}`,
            headers: deskHeaders(desk),
          });
          expect(res.status).toBe(200);
          const page = pullResponseSchema.parse(res.json());
          seen.push(...[...page.references, ...page.events].map((x) => x.seq));
          if (!page.hasMore) break;
          expect(page.nextCursor).toBeGreaterThan(cursor);
          cursor = page.nextCursor;
        }
        expect(seen.sort((a, b) => a - b)).toEqual(allSeqs);
      },
      fuzzParameters(`fuzz-pull paging (${backend.name})`, 15, 20_000),
    );
  }, 60_000);
});
