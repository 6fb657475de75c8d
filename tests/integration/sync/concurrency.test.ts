import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { DeskDb, MetaRow } from '../../../renderer/data/db.ts';
import { readDevice } from '../../../renderer/data/device.ts';
import { recordContact } from '../../../renderer/data/operations.ts';
import { startSyncScheduler } from '../../../renderer/data/scheduler.ts';
import { readCursor, syncOnce, type SyncResult } from '../../../renderer/data/sync.ts';
import type { SyncTransport } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { makeOpenedBatch } from '../../fixtures/events.ts';
import {
  BACKENDS,
  deskTransport,
  newDesk,
  pullRaw,
  pushRaw,
  rawDevice,
  secondWindow,
  startHq,
  storedEventIds,
  type Hq,
} from './harness.ts';

// Several writers and readers at once (issue 6, item 3): two windows of one desk, and many desks pushing
// while another pulls. Nothing is applied twice, the cursor never goes back, and a pull never skips a row.

const clerk = DEMO_STAFF.windowClerk as StaffId;
const visit = (name: string) => ({
  channel: 'visit' as const,
  visitor: { name },
  matter: '咨询技术合同登记',
  askedStaffIds: [],
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every pull cursor a desk window saves, in the order it saves them. */
function recordCursorWrites(db: DeskDb, into: number[]): void {
  const put = db.meta.put.bind(db.meta);
  db.meta.put = ((row: MetaRow, key?: string) => {
    const written = put(row, key);
    if (row.key === 'pullCursor') void written.then(() => into.push(row.value as number));
    return written;
  }) as typeof db.meta.put;
}

/** navigator.locks as a browser gives it to the windows of one origin (node has none). */
function sharedLocks(): Pick<LockManager, 'request'> {
  const held = new Set<string>();
  const request = async (name: string, options: LockOptions, callback: LockGrantedCallback<unknown>) => {
    if (held.has(name)) {
      if (options.ifAvailable) return callback(null);
      throw new Error('this stand-in grants only ifAvailable requests');
    }
    held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' } as Lock);
    } finally {
      held.delete(name);
    }
  };
  return { request } as Pick<LockManager, 'request'>;
}

describe.each(BACKENDS)('concurrent sync on %s', (backend) => {
  let hq: Hq;
  beforeAll(async () => {
    hq = await startHq(backend);
    // Enough for several pages: 1,200 contacts from a desk that is not part of the tests below.
    const writer = await rawDevice(hq);
    for (let first = 1; first <= 1200; first += 400) {
      await pushRaw(hq, writer, makeOpenedBatch({ deviceId: writer.deviceId, staffId: clerk }, first, 400));
    }
  });
  afterAll(async () => hq.destroy());
  afterEach(() => vi.unstubAllGlobals());

  describe('two windows of one desk', () => {
    it('applies each pulled page in one window only, and never moves the cursor back', async () => {
      const window1 = await newDesk(hq);
      const window2 = secondWindow(window1);
      const saved: number[] = [];
      recordCursorWrites(window1, saved);
      recordCursorWrites(window2, saved);
      const asked = new Map<DeskDb, number[]>([
        [window1, []],
        [window2, []],
      ]);
      // The second window reaches another instance (as behind a load balancer): one instance lets a desk have one
      // pull under way, so only across instances do the two windows' pulls still meet.
      const twin = await hq.twin();
      const watched = (db: DeskDb): SyncTransport => {
        const transport = deskTransport(db === window1 ? hq : twin, db);
        return {
          ...transport,
          pull(cursor, limit, auth) {
            asked.get(db)!.push(cursor);
            return transport.pull(cursor, limit, auth);
          },
        };
      };
      const [a, b] = await Promise.all([
        syncOnce(window1, watched(window1), { pull: 100 }),
        syncOnce(window2, watched(window2), { pull: 100 }),
      ]).finally(() => twin.close());

      const total = (await storedEventIds(hq.db)).length;
      expect(a.pulled + b.pulled).toBe(total);
      // Both fetched the first page; whichever applied it second found the cursor moved and applied nothing.
      expect(asked.get(window1)![0]).toBe(0);
      expect(asked.get(window2)![0]).toBe(0);
      expect(await window1.events.count()).toBe(total);
      expect(await window1.contacts.count()).toBe(total);
      // Each save moved the cursor on: no page was applied twice, none after a later one.
      expect(saved.length).toBeGreaterThan(1);
      for (let i = 1; i < saved.length; i++) expect(saved[i]).toBeGreaterThan(saved[i - 1]!);
      expect(await readCursor(window2)).toBe(saved.at(-1));
    });

    it('stores the events once when both windows push the same outbox at the same time', async () => {
      const window1 = await newDesk(hq);
      await syncOnce(window1, deskTransport(hq, window1));
      const window2 = secondWindow(window1);
      for (let i = 0; i < 10; i++) await recordContact(window2, clerk, visit(`双窗口${i}`));
      const { deviceId } = await readDevice(window1);
      const ids = (await window1.events.toArray()).filter((e) => e.event.deviceId === deviceId).map((e) => e.eventId);
      const answers: { stored: number; duplicates: number }[] = [];
      const twin = await hq.twin(); // where the two windows' pushes still meet (see above)
      const counting = (db: DeskDb): SyncTransport => {
        const transport = deskTransport(db === window1 ? hq : twin, db);
        return {
          ...transport,
          async push(request, auth) {
            const response = await transport.push(request, auth);
            answers.push(response);
            return response;
          },
        };
      };
      await Promise.all([syncOnce(window1, counting(window1)), syncOnce(window2, counting(window2))]).finally(() =>
        twin.close(),
      );

      // Both windows may send the same events; the server stores them once and counts the rest as replays.
      expect(answers.reduce((n, r) => n + r.stored, 0)).toBe(ids.length);
      expect(await window1.outbox.count()).toBe(0);
      const stored = await storedEventIds(hq.db);
      for (const id of ids) expect(stored.filter((s) => s === id)).toHaveLength(1);
      expect((await window2.events.bulkGet(ids)).every((e) => typeof e?.serverSeq === 'number')).toBe(true);
    });

    it('lets only one window’s scheduler sync at a time when the browser gives them a shared lock', async () => {
      vi.stubGlobal('navigator', { locks: sharedLocks() });
      const window1 = await newDesk(hq);
      const window2 = secondWindow(window1);
      let running = 0;
      let most = 0;
      const slow = (db: DeskDb): SyncTransport => {
        const transport = deskTransport(hq, db);
        return {
          ...transport,
          async pull(cursor, limit, auth) {
            most = Math.max(most, ++running);
            await sleep(20);
            try {
              return await transport.pull(cursor, limit, auth);
            } finally {
              running--;
            }
          },
        };
      };
      const options = { debounceMs: 60_000, intervalMs: 60_000 };
      const first = startSyncScheduler({ db: window1, transport: slow(window1), ...options });
      const second = startSyncScheduler({ db: window2, transport: slow(window2), ...options });
      try {
        // Both start a run at once; the window that finds the lock taken skips its run (undefined).
        const results: (SyncResult | undefined)[] = await Promise.all([first.syncNow(), second.syncNow()]);
        expect(most).toBe(1);
        expect(results.filter((r) => r === undefined)).toHaveLength(1);
        expect(await window1.events.count()).toBe((await storedEventIds(hq.db)).length);
      } finally {
        first.stop();
        second.stop();
      }
    });
  });

  it('never lets a pull skip a row while many desks push at once', { timeout: 60_000 }, async () => {
    const reader = await rawDevice(hq);
    const start = (
      await hq.db.selectFrom('counters').select('value').where('name', '=', 'seq').executeTakeFirstOrThrow()
    ).value;
    const pushers = await Promise.all(Array.from({ length: 8 }, () => rawDevice(hq)));
    const pushed: string[] = [];
    let pushing = true;
    const pushAll = Promise.all(
      pushers.map(async (device, d) => {
        for (let batch = 0; batch < 12; batch++) {
          await sleep(Math.floor(((d * 7 + batch * 13) % 10) * 3)); // uneven, deterministic pauses
          const events = makeOpenedBatch({ deviceId: device.deviceId, staffId: clerk }, batch * 15 + 1, 15);
          const { body } = await pushRaw(hq, device, events);
          expect(body.stored).toBe(15);
          pushed.push(...events.map((e) => e.eventId));
        }
      }),
    ).finally(() => {
      pushing = false;
    });

    const seqs: number[] = [];
    const seen: string[] = [];
    let cursor = start;
    let pullsDuringPushes = 0;
    for (let drained = false; !drained;) {
      const wasPushing = pushing;
      const page = await pullRaw(hq, reader, cursor, 40);
      if (wasPushing && pushing) pullsDuringPushes++;
      seqs.push(...[...page.events.map((e) => e.seq), ...page.references.map((r) => r.seq)].sort((x, y) => x - y));
      seen.push(...page.events.map((e) => e.event.eventId));
      cursor = page.nextCursor;
      // Done only after a pull that began once every push had been answered found nothing more.
      drained = !wasPushing && !page.hasMore;
      if (!page.hasMore && wasPushing) await sleep(2);
    }
    await pushAll;
    expect(pullsDuringPushes).toBeGreaterThan(5); // the reader really read while commits were landing

    expect(seen.sort()).toEqual([...pushed].sort());
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
    // No gap: every sequence number committed after the start was pulled, in order.
    const committed = [
      ...(await hq.db.selectFrom('events').select('seq').where('seq', '>', start).execute()),
      ...(await hq.db.selectFrom('reference_docs').select('seq').where('seq', '>', start).execute()),
    ].map((r) => r.seq);
    expect(seqs).toEqual(committed.sort((x, y) => x - y));
  });
});
