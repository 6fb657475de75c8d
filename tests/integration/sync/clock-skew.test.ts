import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import { MAX_CLOCK_DRIFT_MS, parseHlc } from '../../../shared/sync/hlc.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { readDevice } from '../../../renderer/data/device.ts';
import { acceptTransfer, recordContact, transferContact } from '../../../renderer/data/operations.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { BACKENDS, deskTransport, startHq, syncedDesk, type Hq } from './harness.ts';

// A desk whose clock is wrong (issue 6, item 3): hours ahead, its events are flagged on the server and do not
// drag anyone's clock; a day behind, or acting after a desk that is ahead, its actions still sort after the
// events it acted upon, so every replica folds them in the order they happened.

const clerk = DEMO_STAFF.windowClerk as StaffId;
const handler = DEMO_STAFF.highTechHandler as StaffId;
const HOUR = 3_600_000;
const visit = (name: string) => ({
  channel: 'visit' as const,
  visitor: { name, phone: '13800138000' },
  matter: '咨询高新技术企业认定',
  askedStaffIds: [],
});

/** Run desk work with the machine's clock off by `skewMs` (only Date moves; timers and I/O stay real). */
async function withClock<T>(skewMs: number, work: () => Promise<T>): Promise<T> {
  const real = Date.now();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(real + skewMs);
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

async function eventsOf(db: DeskDb, contactId: string) {
  const stored = await db.events.where('[aggregate+aggregateId]').equals(['contact', contactId]).toArray();
  return new Map(stored.map((s) => [s.event.type, s.event]));
}

describe.each(BACKENDS)('desks with wrong clocks on %s', (backend) => {
  let hq: Hq;
  beforeAll(async () => {
    hq = await startHq(backend);
  });
  afterAll(async () => hq.destroy());
  afterEach(() => vi.useRealTimers());

  async function serverRows(eventIds: readonly string[]) {
    return hq.db
      .selectFrom('events')
      .select(['event_id', 'seq', 'flags', 'received_at'])
      .where('event_id', 'in', [...eventIds])
      .orderBy('seq')
      .execute();
  }

  async function lastSeq(): Promise<number> {
    return (await hq.db.selectFrom('counters').select('value').where('name', '=', 'seq').executeTakeFirstOrThrow())
      .value;
  }

  it('flags the events of a desk 3 hours ahead; the server’s sequence and times, and the handler’s clock, stay true', async () => {
    const ahead = await syncedDesk(hq);
    const handlerDesk = await syncedDesk(hq);
    const id = await withClock(3 * HOUR, async () => {
      const contactId = await recordContact(ahead, clerk, visit('时钟快三小时'));
      await transferContact(ahead, clerk, contactId, { toStaffId: handler });
      return contactId;
    });
    const before = await lastSeq();
    const t0 = Date.now();
    await syncOnce(ahead, deskTransport(hq, ahead));

    const sent = await eventsOf(ahead, id);
    const stored = await serverRows([...sent.values()].map((e) => e.eventId));
    expect(stored.map((r) => r.flags)).toEqual(['clock-ahead', 'clock-ahead']);
    // Sequence and receivedAt are the server's own: the next numbers, and its own time, not the desk's.
    expect(stored.map((r) => r.seq)).toEqual([before + 1, before + 2]);
    for (const row of stored) {
      expect(Date.parse(row.received_at)).toBeGreaterThanOrEqual(t0 - 1000);
      expect(Date.parse(row.received_at)).toBeLessThanOrEqual(Date.now());
    }

    // The handler, on a right clock, sees the transfer and accepts it.
    await syncOnce(handlerDesk, deskTransport(hq, handlerDesk));
    expect(parseHlc((await readDevice(handlerDesk)).hlc).ms).toBeLessThan(Date.now() + MAX_CLOCK_DRIFT_MS);
    const transfer = (await handlerDesk.contacts.get(id))!.transfer!;
    await acceptTransfer(handlerDesk, handler, id, transfer.eventId);
    const accepted = (await eventsOf(handlerDesk, id)).get('contact.transferAccepted')!;
    expect(accepted.hlc > sent.get('contact.transferred')!.hlc).toBe(true);
    // Following the transfer's timestamp for this one event did not move the handler's own clock.
    expect(parseHlc((await readDevice(handlerDesk)).hlc).ms).toBeLessThan(Date.now() + MAX_CLOCK_DRIFT_MS);
    await syncOnce(handlerDesk, deskTransport(hq, handlerDesk));
    await syncOnce(ahead, deskTransport(hq, ahead));

    const observer = await syncedDesk(hq);
    const rows = await Promise.all([ahead, handlerDesk, observer].map((db) => db.contacts.get(id)));
    expect(rows[0]).toMatchObject({
      status: 'open',
      responsibleStaffId: handler,
      firstInquiryStaffId: clerk,
      flags: [],
    });
    for (const row of rows) expect(row).toEqual(rows[0]);

    // A desk on a right clock pushing afterwards is neither flagged nor numbered out of turn.
    const right = await syncedDesk(hq);
    const later = await recordContact(right, clerk, visit('时钟正常'));
    await syncOnce(right, deskTransport(hq, right));
    const [own] = await serverRows([...(await eventsOf(right, later)).values()].map((e) => e.eventId));
    expect(own).toMatchObject({ flags: null });
    expect(own!.seq).toBeGreaterThan(stored[1]!.seq);
  });

  it('orders the acceptance of a handler whose desk is a day behind after the transfer it accepts', async () => {
    const window1 = await syncedDesk(hq);
    const behind = await withClock(-24 * HOUR, () => syncedDesk(hq));
    const id = await recordContact(window1, clerk, visit('时钟慢一天'));
    await transferContact(window1, clerk, id, { toStaffId: handler });
    await syncOnce(window1, deskTransport(hq, window1));

    await withClock(-24 * HOUR, async () => {
      await syncOnce(behind, deskTransport(hq, behind));
      const transfer = (await behind.contacts.get(id))!.transfer!;
      await acceptTransfer(behind, handler, id, transfer.eventId);
    });
    const local = await eventsOf(behind, id);
    expect(local.get('contact.transferAccepted')!.hlc > local.get('contact.transferred')!.hlc).toBe(true);
    // The clerk's record keeps the desk's own (wrong) wall time: the clock is evidence, not corrected.
    expect(Date.parse(local.get('contact.transferAccepted')!.occurredAt)).toBeLessThan(Date.now() - 23 * HOUR);

    // The desk's wall clock, a day behind, travels with its push (the in-process server shares this process's
    // clock, so the desk's is set on the request): the server flags the events and keeps its own clock.
    const base = deskTransport(hq, behind);
    const dayBehind: typeof base = {
      ...base,
      push: (request, auth) =>
        base.push({ ...request, deskTime: new Date(Date.now() - 24 * HOUR).toISOString() }, auth),
    };
    await syncOnce(behind, dayBehind);
    const [accepted] = await serverRows([local.get('contact.transferAccepted')!.eventId]);
    expect(accepted).toMatchObject({ flags: 'clock-behind' });
    await syncOnce(window1, deskTransport(hq, window1));
    const [transferRow] = await serverRows([local.get('contact.transferred')!.eventId]);
    expect(transferRow).toMatchObject({ flags: null });
    const observer = await syncedDesk(hq);
    const rows = await Promise.all([window1, behind, observer].map((db) => db.contacts.get(id)));
    expect(rows[0]).toMatchObject({ status: 'open', responsibleStaffId: handler, flags: [] });
    for (const row of rows) expect(row).toEqual(rows[0]);
  });
});
