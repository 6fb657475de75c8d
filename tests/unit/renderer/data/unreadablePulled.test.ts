import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import { MAX_SEQ } from '../../../../shared/model/seq.ts';
import { MAX_UNREADABLE_REASON, readPullPage } from '../../../../shared/sync/pullPage.ts';
import type { PullPage } from '../../../../shared/sync/protocol.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { listDepartments } from '../../../../renderer/data/references.ts';
import { applyPulled, readCursor } from '../../../../renderer/data/sync.ts';
import { readUnreadablePulled, UNREADABLE_KEPT } from '../../../../renderer/data/unreadablePulled.ts';
import { makeContactOpened, newDeviceId } from '../../../fixtures/events.ts';
import { DIRECTORY, freshDeskDb, withDirectory } from './deskDb.ts';

// A pulled page is read item by item (issue 10): an event or a document an older server stored under looser rules
// (a 1 MB name, a deviceSeq past 2^31 − 1, an HLC of a megabyte) is set aside for a person, and the rest of the page
// is applied and the cursor moves past it all. Before, the whole page failed and the desk stayed at that cursor.

const clerk = 'zhang-wei' as StaffId;
const receivedAt = '2026-11-28T01:00:00.000Z';

let db: DeskDb;
beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
});

function opened(deviceSeq: number) {
  return makeContactOpened({ deviceId: newDeviceId(), deviceSeq, staffId: clerk });
}

/** Events an older server stored and today's schema refuses. */
function legacy() {
  const name = opened(1);
  const seq = opened(2);
  const hlc = opened(3);
  return {
    longName: { ...name, payload: { ...name.payload, visitor: { ...name.payload.visitor, name: '名'.repeat(1_000_000) } } },
    hugeSeq: { ...seq, deviceSeq: 3e9 },
    longHlc: { ...hlc, hlc: `${hlc.hlc}${'x'.repeat(1_000_000)}` },
  };
}

function page(items: unknown[], references: unknown[], nextCursor: number): PullPage {
  return { formatVersion: 1, events: items, references, nextCursor, hasMore: false };
}

describe('reading a pulled page', () => {
  it('keeps what today’s schemas read and names each item they do not, by seq and id', () => {
    const { longName, hugeSeq } = legacy();
    const good = opened(4);
    const badDepartment = { ...DIRECTORY[0]!, body: { ...(DIRECTORY[0]!.body as object), name: 'x'.repeat(10_000) } };
    const read = readPullPage(
      page(
        [
          { seq: 1, receivedAt, event: longName },
          { seq: 2, receivedAt, event: good },
          { seq: 3, receivedAt, event: hugeSeq },
          { seq: MAX_SEQ + 1, receivedAt, event: good },
          'not even an object',
        ],
        [{ seq: 5, doc: badDepartment }],
        9,
      ),
    );
    expect(read.events.map((e) => e.event.eventId)).toEqual([good.eventId]);
    expect(read.nextCursor).toBe(9);
    expect(read.unreadable).toEqual([
      { kind: 'event', seq: 1, id: longName.eventId, reason: 'event.payload.visitor.name: tooLong' },
      { kind: 'event', seq: 3, id: hugeSeq.eventId, reason: expect.stringMatching(/^event\.deviceSeq: /) },
      { kind: 'event', seq: null, id: good.eventId, reason: expect.stringMatching(/^seq: /) },
      { kind: 'event', seq: null, id: null, reason: expect.stringMatching(/^\(item\): /) },
      { kind: 'reference', seq: 5, id: 'department/dept-window', reason: 'doc.body.name: tooLong' },
    ]);
  });

  it('never repeats a long id or an unbounded reason', () => {
    const event = { ...opened(1), eventId: 'E'.repeat(500), matter: undefined };
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'x'.repeat(1000)]));
    const [unreadable] = readPullPage(page([{ seq: 1, receivedAt, event: { ...event, ...many } }], [], 1)).unreadable;
    expect(unreadable!.id).toBeNull();
    expect(unreadable!.reason.length).toBeLessThanOrEqual(MAX_UNREADABLE_REASON);
  });
});

// Whole pages through fake-indexeddb: seconds of work on a loaded machine.
describe('applying a page with unreadable items', { timeout: 30_000 }, () => {
  it('applies the rest, records the unreadable and moves the cursor past them all', async () => {
    const { longName, hugeSeq, longHlc } = legacy();
    const good = [opened(10), opened(11)];
    await applyPulled(
      db,
      0,
      page(
        [
          { seq: 1, receivedAt, event: longName },
          { seq: 2, receivedAt, event: good[0] },
          { seq: 3, receivedAt, event: hugeSeq },
          { seq: 4, receivedAt, event: longHlc },
          { seq: 5, receivedAt, event: good[1] },
        ],
        [],
        5,
      ),
    );
    expect(await readCursor(db)).toBe(5);
    expect((await db.events.toArray()).map((e) => e.eventId).sort()).toEqual(good.map((e) => e.eventId).sort());
    expect(await db.contacts.count()).toBe(2);
    const record = await readUnreadablePulled(db);
    expect(record.count).toBe(3);
    // Newest first, as the panel lists them.
    expect(record.entries.map((e) => e.seq)).toEqual([4, 3, 1]);
    expect(record.entries.map((e) => e.id)).toEqual([longHlc.eventId, hugeSeq.eventId, longName.eventId]);
    expect(record.entries.every((e) => e.reason.length <= MAX_UNREADABLE_REASON && e.at)).toBe(true);
  });

  it('keeps the readable reference documents of a page and sets the others aside', async () => {
    const renamed = { ...DIRECTORY[0]!, rev: 2, body: { ...(DIRECTORY[0]!.body as object), name: '综合窗口' } };
    const bloated = { ...DIRECTORY[1]!, rev: 2, body: { ...(DIRECTORY[1]!.body as object), name: '科'.repeat(500_000) } };
    await applyPulled(db, 0, page([], [{ seq: 1, doc: bloated }, { seq: 2, doc: renamed }], 2));
    expect((await listDepartments(db)).map((d) => d.name)).toEqual(['综合窗口', '高新技术发展及产业化科']);
    expect((await readUnreadablePulled(db)).entries).toMatchObject([{ kind: 'reference', seq: 1 }]);
  });

  it('counts every unreadable item but keeps only the latest in detail', async () => {
    const { longName } = legacy();
    const items = Array.from({ length: UNREADABLE_KEPT + 20 }, (_, i) => ({ seq: i + 1, receivedAt, event: longName }));
    await applyPulled(db, 0, page(items, [], items.length));
    await applyPulled(db, items.length, page([{ seq: items.length + 1, receivedAt, event: longName }], [], items.length + 1));
    const record = await readUnreadablePulled(db);
    expect(record.count).toBe(UNREADABLE_KEPT + 21);
    expect(record.entries).toHaveLength(UNREADABLE_KEPT);
    expect(record.entries[0]!.seq).toBe(UNREADABLE_KEPT + 21);
    expect(await readCursor(db)).toBe(UNREADABLE_KEPT + 21);
  });
});
