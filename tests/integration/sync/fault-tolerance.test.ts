import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { DeskDb, MetaRow } from '../../../renderer/data/db.ts';
import { readDevice } from '../../../renderer/data/device.ts';
import { answerContact, recordContact } from '../../../renderer/data/operations.ts';
import { readCursor, syncOnce } from '../../../renderer/data/sync.ts';
import { SyncError, type SyncTransport } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { makeContactOpened } from '../../fixtures/events.ts';
import {
  BACKENDS,
  deskTransport,
  pullEverything,
  pushRaw,
  rawDevice,
  startHq,
  storedEventIds,
  syncedDesk,
  type Hq,
} from './harness.ts';

// Sync interrupted or disturbed at each step (issue 6, item 3), against the real server: nothing is lost,
// nothing is stored or applied twice, and what the desk did meanwhile stays.

const clerk = DEMO_STAFF.windowClerk as StaffId;
const visit = (name: string) => ({
  channel: 'visit' as const,
  visitor: { name, phone: '13800138000' },
  matter: '咨询科技型中小企业评价入库',
  askedStaffIds: [],
});

async function ownEventIds(db: DeskDb): Promise<string[]> {
  const { deviceId } = await readDevice(db);
  return (await db.events.toArray()).filter((e) => e.event.deviceId === deviceId).map((e) => e.eventId);
}

function countsOf(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

describe.each(BACKENDS)('sync fault tolerance on %s', (backend) => {
  let hq: Hq;
  beforeAll(async () => {
    hq = await startHq(backend);
  });
  afterAll(async () => hq.destroy());

  it('stores every event once when an ack is lost after the commit, and empties the outbox on the retry', async () => {
    const desk = await syncedDesk(hq);
    const transport = deskTransport(hq, desk);
    for (let i = 0; i < 5; i++) await recordContact(desk, clerk, visit(`确认丢失${i}`));
    const ids = await ownEventIds(desk);
    // The second of three batches is committed by the server, but its answer never reaches the desk.
    let pushes = 0;
    const lossy: SyncTransport = {
      ...transport,
      async push(request, auth) {
        const response = await transport.push(request, auth);
        if (++pushes === 2) throw new SyncError({ kind: 'offline' });
        return response;
      },
    };
    await expect(syncOnce(desk, lossy, { push: 2 })).rejects.toThrow(SyncError);
    expect(await desk.outbox.count()).toBe(3); // the first batch was acknowledged, the rest waits
    expect([...countsOf(await storedEventIds(hq.db)).entries()].filter(([id]) => ids.includes(id))).toHaveLength(4);

    await syncOnce(desk, transport, { push: 2 });
    expect(await desk.outbox.count()).toBe(0);
    const stored = countsOf(await storedEventIds(hq.db));
    for (const id of ids) expect(stored.get(id)).toBe(1);
    // Pulled back, each of the desk's events learns its one server sequence.
    const own = await desk.events.bulkGet(ids);
    expect(own.every((e) => typeof e?.serverSeq === 'number')).toBe(true);
    expect(new Set(own.map((e) => e?.serverSeq)).size).toBe(ids.length);
  });

  it('rolls a pulled page back whole when the desk fails before saving its cursor, and applies it once on the next run', async () => {
    const writer = await syncedDesk(hq);
    const names = Array.from({ length: 12 }, (_, i) => `游标崩溃${i}`);
    for (const name of names) await recordContact(writer, clerk, visit(name));
    await syncOnce(writer, deskTransport(hq, writer));
    const written = await ownEventIds(writer);

    const reader = await syncedDesk(hq);
    // Another round of the writer's work after the reader's first sync, so the reader has pages to pull.
    for (const name of names) {
      const contact = (await writer.contacts.toArray()).find((c) => c.visitor.name === name)!;
      await answerContact(writer, clerk, contact.contactId, { answer: '已告知入库条件' });
    }
    await syncOnce(writer, deskTransport(hq, writer));
    const answers = (await ownEventIds(writer)).filter((id) => !written.includes(id));

    // The desk "crashes" right before the cursor of its second page is saved: the write throws inside the
    // transaction that has already stored the page's events and projections.
    const put = reader.meta.put.bind(reader.meta);
    let cursorWrites = 0;
    reader.meta.put = ((row: MetaRow, key?: string) => {
      if (row.key === 'pullCursor' && ++cursorWrites === 2) throw new Error('the desk crashed');
      return put(row, key);
    }) as typeof reader.meta.put;
    const before = { cursor: await readCursor(reader), events: await reader.events.count() };
    await expect(syncOnce(reader, deskTransport(hq, reader), { pull: 5 })).rejects.toThrow('the desk crashed');

    const afterFirstPage = await readCursor(reader);
    expect(afterFirstPage).toBeGreaterThan(before.cursor);
    const held = await reader.events.toArray();
    expect(held).toHaveLength(before.events + 5);
    // Everything up to the saved cursor and nothing beyond it: the second page left no event and no projection.
    expect(held.every((e) => (e.serverSeq ?? 0) <= afterFirstPage)).toBe(true);
    const answered = (await reader.contacts.toArray()).filter((c) => c.status === 'answered');
    expect(answered).toHaveLength(5);

    reader.meta.put = put as typeof reader.meta.put;
    // The "crashed" run may have left a page request still being served: HQ then answers the next pull "already
    // under way" (one pull per desk at a time), and a desk retries shortly, as this does.
    await expect
      .poll(async () => syncOnce(reader, deskTransport(hq, reader), { pull: 5 }).then(() => 'synced', String), {
        timeout: 5_000,
      })
      .toBe('synced');
    const all = await reader.events.toArray();
    for (const id of answers) expect(all.filter((e) => e.eventId === id)).toHaveLength(1);
    const rows = (await reader.contacts.toArray()).filter((c) => names.includes(c.visitor.name ?? ''));
    expect(rows).toHaveLength(names.length);
    for (const row of rows) expect(row).toMatchObject({ status: 'answered', eventCount: 2, flags: [] });
  });

  it('stores the rest of a batch that holds one invalid event, and reports that one by id', async () => {
    const device = await rawDevice(hq);
    const stamp = (deviceSeq: number) => ({ deviceId: device.deviceId, deviceSeq, staffId: clerk });
    const first = makeContactOpened(stamp(1));
    // A desk with a bug: the matter is missing.
    const broken = { ...makeContactOpened(stamp(2)), payload: { channel: 'visit', visitor: {}, askedStaffIds: [] } };
    const third = makeContactOpened(stamp(3));
    const { status, body } = await pushRaw(hq, device, [first, broken, third]);

    expect(status).toBe(200);
    expect(body).toMatchObject({ stored: 2, duplicates: 0, ackedSeq: 3 });
    expect(body.rejected).toEqual([
      { eventId: broken.eventId, deviceSeq: 2, code: 'invalid-event', message: expect.stringContaining('payload') },
    ]);
    const stored = await storedEventIds(hq.db);
    expect(stored).toEqual(expect.arrayContaining([first.eventId, third.eventId]));
    expect(stored).not.toContain(broken.eventId);
    const pulled = (await pullEverything(hq, device)).flatMap((p) => p.events.map((e) => e.event.eventId));
    expect(pulled.filter((id) => [first.eventId, broken.eventId, third.eventId].includes(id))).toEqual([
      first.eventId,
      third.eventId,
    ]);
  });

  it('keeps what the clerk records while a push and a pull are in flight', async () => {
    const desk = await syncedDesk(hq);
    const other = await syncedDesk(hq);
    const transport = deskTransport(hq, desk);
    const shared = await recordContact(desk, clerk, visit('在途写入'));
    await syncOnce(desk, transport);
    await syncOnce(other, deskTransport(hq, other));
    await answerContact(other, clerk, shared, { answer: '另一窗口答复' });
    await syncOnce(other, deskTransport(hq, other));

    await recordContact(desk, clerk, visit('推送前登记'));
    let duringPush: string | undefined;
    let duringPull: string | undefined;
    const busy: SyncTransport = {
      ...transport,
      async push(request, auth) {
        const response = await transport.push(request, auth);
        // Recorded after the server answered, before the desk processed the ack.
        duringPush ??= await recordContact(desk, clerk, visit('推送途中登记'));
        return response;
      },
      async pull(cursor, limit, auth) {
        const page = await transport.pull(cursor, limit, auth);
        // Recorded between fetching a page and applying it; it also touches a contact the page changes.
        if (!duringPull) {
          duringPull = await recordContact(desk, clerk, visit('拉取途中登记'));
          await answerContact(desk, clerk, shared, { answer: '本窗口同时答复' });
        }
        return page;
      },
    };
    await syncOnce(desk, busy);

    for (const id of [duringPush!, duringPull!]) expect(await desk.contacts.get(id)).toBeDefined();
    // Both answers are kept and folded together; the later one is flagged for a person, not dropped.
    const both = await desk.contacts.get(shared);
    expect(both).toMatchObject({ eventCount: 3, status: 'answered' });
    expect(both?.flags.map((f) => f.code)).toEqual(['conflictingDisposition']);
    // Nothing was left behind: the next run sends what the pull did not wait for.
    const device = await readDevice(desk);
    expect(device.nextSeq).toBe(6);
    await syncOnce(desk, transport);
    expect(await desk.outbox.count()).toBe(0);
    const stored = countsOf(await storedEventIds(hq.db));
    for (const id of await ownEventIds(desk)) expect(stored.get(id)).toBe(1);
    await syncOnce(other, deskTransport(hq, other));
    expect(await other.contacts.get(shared)).toEqual(both);
  });
});
