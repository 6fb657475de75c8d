import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCursor, syncOnce } from '../../../renderer/data/sync.ts';
import { SyncError, type SyncTransport } from '../../../renderer/data/transport.ts';
import { deskTransport, newDesk, startHq, type Backend, type Hq } from './harness.ts';
import { manyContacts, storeEvents } from './seed.ts';

// A new desk's first sync of a large log, cut off part-way (issue 6, item 3): the next run resumes at the saved
// cursor, and the desk ends with every event exactly once. 100,000 events on SQLite; on PostgreSQL 20,000, which
// exercises the same paging through the other engine while keeping the suite's run time modest (the desk's
// IndexedDB writes, not the server, take most of the time).

const SIZES: readonly [Backend, number][] = [
  ['sqlite', 100_000],
  ['postgres', 20_000],
];

describe.each(SIZES)('a first sync from %s of %i events, cut off after 60 per cent', (backend, total) => {
  let hq: Hq;
  let seeded: string[];
  beforeAll(async () => {
    hq = await startHq(backend);
    seeded = await storeEvents(hq.db, manyContacts(total));
  }, 120_000);
  afterAll(async () => hq.destroy());

  it('resumes where it stopped and ends with every event once', { timeout: 120_000 }, async () => {
    const desk = await newDesk(hq);
    const transport = deskTransport(hq, desk);
    let delivered = 0;
    const dying: SyncTransport = {
      ...transport,
      async pull(cursor, limit, auth) {
        // The connection dies once 60 % of the log has arrived.
        if (delivered >= 0.6 * total) throw new SyncError({ kind: 'offline' });
        const page = await transport.pull(cursor, limit, auth);
        delivered += page.events.length;
        return page;
      },
    };
    await expect(syncOnce(desk, dying)).rejects.toThrow(SyncError);

    const stoppedAt = await readCursor(desk);
    const held = await desk.events.count();
    expect(held).toBeGreaterThanOrEqual(0.6 * total - 500);
    expect(held).toBeLessThan(total);
    expect((await desk.events.toArray()).filter((e) => (e.serverSeq ?? 0) > stoppedAt)).toEqual([]);
    expect(await desk.contacts.count()).toBe(held);

    const asked: number[] = [];
    const watched: SyncTransport = {
      ...transport,
      pull(cursor, limit, auth) {
        asked.push(cursor);
        return transport.pull(cursor, limit, auth);
      },
    };
    const resumed = await syncOnce(desk, watched);
    expect(asked[0]).toBe(stoppedAt);
    expect(resumed.pulled).toBe(total - held);

    expect(await desk.events.count()).toBe(total);
    expect((await desk.events.toCollection().primaryKeys()).sort()).toEqual([...seeded].sort());
    expect(await desk.contacts.count()).toBe(total);
    // Every pulled contact is in the returning-visitor index (its tokens are on its row).
    expect(new Set(await desk.contacts.where('tokens').startsWith('tel:').primaryKeys()).size).toBe(total);
    const lastSeq = await hq.db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'seq')
      .executeTakeFirstOrThrow();
    expect(await readCursor(desk)).toBe(lastSeq.value);
  });
});
