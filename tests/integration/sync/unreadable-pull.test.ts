import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { recordContact } from '../../../renderer/data/operations.ts';
import { listDepartments } from '../../../renderer/data/references.ts';
import { readCursor, syncOnce } from '../../../renderer/data/sync.ts';
import { readUnreadablePulled } from '../../../renderer/data/unreadablePulled.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { allocateSeqs, lockSequence } from '../../../server/src/storage/sequence.ts';
import type { StaffId } from '../../../shared/model/ids.ts';
import { makeContactOpened, newDeviceId } from '../../fixtures/events.ts';
import { BACKENDS, deskTransport, startHq, syncedDesk, type Backend, type Hq } from './harness.ts';

// Servers before the current bounds stored what today's schemas refuse (issue 10): a megabyte of visitor name, an
// HLC of 100 KB, a deviceSeq past 2^31 − 1 (SQLite; PostgreSQL's int4 never held one), a department named with a
// megabyte. Such a row made every pull page holding it unreadable, so every desk, new or old, stopped at that
// cursor for good. Here they are written straight into the server's tables, between records a desk made; a new
// desk and a desk that had synced before both sync to the end, hold the rest, and show what they set aside.

const clerk = DEMO_STAFF.windowClerk as StaffId;

/** Rows an older server would have stored, written under the writer lock as a push writes them. */
async function storeLegacyRows(hq: Hq, backend: Backend): Promise<number> {
  const clock = Date.now();
  const base = (deviceSeq: number) =>
    makeContactOpened({ deviceId: newDeviceId(), deviceSeq, staffId: clerk, at: clock });
  const longName = base(1);
  const longHlc = base(2);
  const hugeSeq = base(3);
  const rows = [
    { event: longName, payload: { ...longName.payload, visitor: { name: '名'.repeat(1_000_000) } } },
    { event: { ...longHlc, hlc: `${longHlc.hlc}${'9'.repeat(100_000)}` }, payload: longHlc.payload },
    // A deviceSeq only SQLite could hold (PostgreSQL's column is int4).
    ...(backend === 'sqlite' ? [{ event: { ...hugeSeq, deviceSeq: 3e9 }, payload: hugeSeq.payload }] : []),
  ];
  await hq.db.transaction().execute(async (trx) => {
    await lockSequence(trx);
    const first = await allocateSeqs(trx, rows.length + 1);
    await trx
      .insertInto('events')
      .values(
        rows.map(({ event, payload }, i) => ({
          seq: first + i,
          event_id: event.eventId,
          aggregate: event.aggregate,
          aggregate_id: event.aggregateId,
          type: event.type,
          v: event.v,
          hlc: event.hlc,
          device_id: event.deviceId,
          device_seq: event.deviceSeq,
          staff_id: event.staffId,
          occurred_at: event.occurredAt,
          payload: JSON.stringify(payload),
          received_at: new Date(clock).toISOString(),
          flags: null,
          proof: null,
        })),
      )
      .execute();
    await trx
      .insertInto('reference_docs')
      .values({
        kind: 'department',
        id: 'dept-legacy',
        rev: 1,
        hlc: `${String(clock).padStart(15, '0')}-00000-hq`,
        updated_at: new Date(clock).toISOString(),
        body: JSON.stringify({
          id: 'dept-legacy',
          name: '科'.repeat(1_000_000),
          phone: '0377-63176300',
          address: '南阳市',
          order: 99,
        }),
        seq: first + rows.length,
      })
      .execute();
  });
  return rows.length + 1;
}

async function contacts(desk: DeskDb): Promise<string[]> {
  return (await desk.contacts.toArray()).map((c) => c.matter).sort();
}

async function headSeq(hq: Hq): Promise<number> {
  const row = await hq.db.selectFrom('counters').select('value').where('name', '=', 'seq').executeTakeFirstOrThrow();
  return row.value;
}

describe.each(BACKENDS)('records %s stored under older rules', (backend) => {
  let hq: Hq;
  let writer: DeskDb;
  let existing: DeskDb;
  let legacy: number;
  beforeAll(async () => {
    hq = await startHq(backend);
    writer = await syncedDesk(hq);
    existing = await syncedDesk(hq);
    const record = (matter: string) =>
      recordContact(writer, clerk, { channel: 'call', visitor: { name: '来电人' }, matter, askedStaffIds: [] });
    await record('旧规则之前');
    await syncOnce(writer, deskTransport(hq, writer));
    await syncOnce(existing, deskTransport(hq, existing));
    legacy = await storeLegacyRows(hq, backend);
    await record('旧规则之后');
    await syncOnce(writer, deskTransport(hq, writer));
  }, 120_000);
  afterAll(async () => hq.destroy());

  const expectSyncedPast = async (desk: DeskDb) => {
    expect(await readCursor(desk)).toBe(await headSeq(hq));
    expect(await contacts(desk)).toEqual(['旧规则之前', '旧规则之后']);
    expect((await listDepartments(desk)).some((d) => d.id === 'dept-legacy')).toBe(false);
    const unreadable = await readUnreadablePulled(desk);
    expect(unreadable.count).toBe(legacy);
    expect(unreadable.entries.map((e) => e.kind).sort()).toEqual([
      ...Array.from({ length: legacy - 1 }, () => 'event'),
      'reference',
    ]);
    expect(unreadable.entries.find((e) => e.kind === 'reference')).toMatchObject({
      id: 'department/dept-legacy',
      reason: 'doc.body.name: tooLong',
    });
  };

  it('a new desk syncs to the end, holds the rest and shows what it set aside', async () => {
    const desk = await syncedDesk(hq);
    await expectSyncedPast(desk);
    // And goes on syncing: the next run starts past them and finds nothing new.
    expect(await syncOnce(desk, deskTransport(hq, desk))).toMatchObject({ pulled: 0 });
    expect((await readUnreadablePulled(desk)).count).toBe(legacy);
  });

  it('a desk that synced before them pulls past them to what came after', async () => {
    expect(await contacts(existing)).toEqual(['旧规则之前']);
    expect(await syncOnce(existing, deskTransport(hq, existing))).toMatchObject({ pulled: 1 });
    await expectSyncedPast(existing);
  });

  it('the writing desk still pushes: its later records reach the others', async () => {
    await recordContact(writer, clerk, {
      channel: 'call',
      visitor: { name: '来电人' },
      matter: '再后',
      askedStaffIds: [],
    });
    expect(await syncOnce(writer, deskTransport(hq, writer))).toMatchObject({ pushed: 1, rejected: 0 });
    await syncOnce(existing, deskTransport(hq, existing));
    expect(await contacts(existing)).toEqual(['再后', '旧规则之前', '旧规则之后']);
  });
});
