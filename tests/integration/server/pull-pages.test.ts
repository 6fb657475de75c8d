import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { syncOnce, PULL_BATCH } from '../../../renderer/data/sync.ts';
import { httpTransport } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { PULL_PAGE_BYTES, readChangesAfter } from '../../../server/src/storage/changes.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { pullResponseSchema } from '../../../shared/sync/protocol.ts';
import { makeContactOpened } from '../../fixtures/events.ts';
import { credentialsFrom, enrolledDeskDb } from '../desk/servers.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';

// Issue 10, item 2: a pull page is bounded in bytes as well as in events, so no content can make a page
// unanswerable; a desk behind big events still catches up, page by page.

const BIG_EVENTS = 600;

/** A contact.opened as large as a clerk can make one: every text at its limit, in Chinese (3 bytes each). */
function bigOpened(deviceId: string, deviceSeq: number) {
  const opened = makeContactOpened({ deviceId, deviceSeq, staffId: DEMO_STAFF.windowClerk });
  const text = (n: number, seed: string) => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);
  return {
    ...opened,
    payload: {
      ...opened.payload,
      visitor: { name: text(LIMITS.personName, '张'), organisation: text(LIMITS.organisation, '南阳科技有限公司') },
      matter: text(LIMITS.matter, '咨询高新技术企业认定'),
      materials: Array.from({ length: LIMITS.visitorMaterials }, (_, i) => ({
        name: text(LIMITS.materialName, `材料${i}营业执照副本`),
        count: 1,
      })),
    },
  };
}

/** How many page items (`{seq, event}` or `{seq, doc}`) JSON.stringify is asked to write while it runs. */
function countPageSerialisations() {
  const original = JSON.stringify;
  const counter = { count: 0, stop: () => spy.mockRestore() };
  const spy = vi.spyOn(JSON, 'stringify').mockImplementation((value: unknown, ...rest: unknown[]) => {
    if (typeof value === 'object' && value !== null && 'seq' in value && ('event' in value || 'doc' in value)) {
      counter.count += 1;
    }
    return (original as (...args: unknown[]) => string)(value, ...rest);
  });
  return counter;
}

describe.each(BACKENDS)('pull pages bounded in bytes on $name', (backend) => {
  let server: TestServer;
  let base: string;
  let eventIds: string[];
  /** The seqs the server gave the big events, in order. */
  let eventSeqs: number[];
  beforeAll(async () => {
    server = await startServer(backend);
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const desk = await server.device();
    const events = Array.from({ length: BIG_EVENTS }, (_, i) => bigOpened(desk, i + 1));
    eventIds = events.map((e) => e.eventId);
    for (let i = 0; i < events.length; i += 200) {
      const pushed = await server.push(pushBody(desk, events.slice(i, i + 200)));
      expect(pushed.body).toMatchObject({ stored: 200, rejected: [] });
    }
    const seqs = await server.storage.db.selectFrom('events').select('seq').orderBy('seq').execute();
    eventSeqs = seqs.map((row) => row.seq);
    expect(eventSeqs).toHaveLength(BIG_EVENTS);
  }, 120_000);
  afterAll(async () => {
    await server.stop();
  });

  it('answers a pull of the desk’s page size under the byte budget, with hasMore, however big the events', async () => {
    const desk = await server.device();
    const res = await server.app.inject({
      method: 'GET',
      url: `/sync/pull?cursor=0&limit=${PULL_BATCH}`,
      headers: server.authHeaders(desk),
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeLessThanOrEqual(PULL_PAGE_BYTES + 1024);
    const page = pullResponseSchema.parse(res.json());
    expect(page.hasMore).toBe(true);
    expect(page.events.length).toBeGreaterThan(0);
    expect(page.events.length).toBeLessThan(PULL_BATCH);
    expect(page.nextCursor).toBe(Math.max(...page.events.map((e) => e.seq), ...page.references.map((r) => r.seq)));
  });

  it('always sends at least one item, so even an event bigger than the budget moves the cursor', async () => {
    const page = await readChangesAfter(server.storage.db, 0, PULL_BATCH, 1);
    expect(page.events.length + page.references.length).toBe(1);
    expect(page.hasMore).toBe(true);
    const rest = await readChangesAfter(server.storage.db, page.nextCursor, PULL_BATCH, 1);
    expect(rest.nextCursor).toBeGreaterThan(page.nextCursor);
  });

  it('reads and serialises only the rows the page sends, not a whole read chunk of big events', async () => {
    const db = server.storage.db;
    const oneEvent = (await readChangesAfter(db, eventSeqs[0]! - 1, 1)).events[0]!.json.length;
    for (const [cursor, budget] of [
      [0, 3 * oneEvent], // the seed's reference documents, then big events
      [eventSeqs[100]!, 5.5 * oneEvent],
      [eventSeqs[100]!, PULL_PAGE_BYTES],
    ] as const) {
      let rowsRead = 0;
      const serialised = countPageSerialisations();
      const page = await readChangesAfter(db, cursor, PULL_BATCH, budget, { rowsRead: (n) => (rowsRead += n) });
      serialised.stop();
      const sent = page.events.length + page.references.length;
      expect(page.hasMore).toBe(true);
      expect(page.events.length).toBeLessThan(250); // fewer than one read chunk of the old reader
      // At most one row beyond the page: one whose real size did not fit after all.
      expect(serialised.count).toBeGreaterThanOrEqual(sent);
      expect(serialised.count).toBeLessThanOrEqual(sent + 1);
      expect(rowsRead).toBeGreaterThanOrEqual(sent);
      expect(rowsRead).toBeLessThanOrEqual(sent + 1);
    }
  });

  it('says hasMore exactly: not when the page ends on the last row, yes when one row is left', async () => {
    const db = server.storage.db;
    const head = eventSeqs.at(-1)!;
    const all = await readChangesAfter(db, head - 3, 3);
    expect(all.events.map((e) => e.seq)).toEqual([head - 2, head - 1, head]);
    expect(all.hasMore).toBe(false);
    const short = await readChangesAfter(db, head - 3, 2);
    expect(short).toMatchObject({ nextCursor: head - 1, hasMore: true });
    const rest = await readChangesAfter(db, head - 300, 300, Infinity); // across several chunks of sizes
    expect(rest.events.map((e) => e.seq)).toEqual(eventSeqs.slice(-300));
    expect(rest.hasMore).toBe(false);
  });

  it('lets a new desk catch up with every event, in order, page by page', async () => {
    const hq = { url: base, server, stop: async () => undefined };
    const db = await enrolledDeskDb(hq, 'new desk');
    const sizes: number[] = [];
    const measuring: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).includes('/sync/pull')) sizes.push((await res.clone().arrayBuffer()).byteLength);
      return res;
    };
    const result = await syncOnce(db, httpTransport(base, { credentials: credentialsFrom(db), fetch: measuring }));
    expect(result.pulled).toBe(BIG_EVENTS);
    const seqOf = new Map((await db.events.toArray()).map((row) => [row.eventId, row.serverSeq]));
    const seqs = eventIds.map((id) => seqOf.get(id));
    expect(seqs.every((seq) => typeof seq === 'number')).toBe(true);
    expect(seqs).toEqual([...seqs].sort((a, b) => a! - b!)); // in the order they were pushed
    expect(sizes.length).toBeGreaterThan(2);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(PULL_PAGE_BYTES + 1024);
  });
});
