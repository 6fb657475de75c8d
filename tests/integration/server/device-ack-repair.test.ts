import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Db } from '../../../server/src/storage/db.ts';
import { migrateToLatest, migrateUpTo } from '../../../server/src/storage/migrations.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { makeContactOpened, newDeviceId } from '../../fixtures/events.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';

// Before sequence numbers were bounded (issue 10, item 3), SQLite stored a rejected event's deviceSeq 1e300 as the
// device's ack, and the admin's device list stopped parsing. Only SQLite could hold it (PostgreSQL's int4 failed).

const sqlite = BACKENDS.find((b) => b.dialect === 'sqlite')!;

async function ackOf(db: Db, deviceId: string): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select('last_acked_seq')
    .where('device_id', '=', deviceId)
    .executeTakeFirstOrThrow();
  return row.last_acked_seq;
}

async function addDevice(db: Db, deviceId: string, lastAckedSeq: number): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('devices')
    .values({ device_id: deviceId, last_acked_seq: lastAckedSeq, first_seen_at: now, last_seen_at: now })
    .execute();
}

describe('a device ack stored out of range on SQLite', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('is put back to the highest in-range deviceSeq the server holds of that device when the server upgrades', async () => {
    const handle = await sqlite.create();
    const storage = openStorage(handle.database, () => {});
    cleanups.push(async () => {
      await storage.close();
      await handle.remove();
    });
    await migrateUpTo(storage.db, '0002_device_enrolment');
    const [poisoned, emptyHanded, healthy] = [newDeviceId(), newDeviceId(), newDeviceId()];
    await addDevice(storage.db, poisoned, 1e300);
    await addDevice(storage.db, emptyHanded, 1e300);
    await addDevice(storage.db, healthy, 12);
    const rows = [7, 3e9].map((deviceSeq, i) => {
      const e = makeContactOpened({ deviceId: poisoned, deviceSeq: 1, staffId: DEMO_STAFF.windowClerk });
      return {
        seq: i + 1,
        event_id: e.eventId,
        aggregate: e.aggregate,
        aggregate_id: e.aggregateId,
        type: e.type,
        v: e.v,
        hlc: e.hlc,
        device_id: poisoned,
        device_seq: deviceSeq, // 3e9: an event SQLite took before the bound, never an ack to go back to
        staff_id: e.staffId,
        occurred_at: e.occurredAt,
        payload: JSON.stringify(e.payload),
        received_at: new Date().toISOString(),
        flags: null,
      };
    });
    await storage.db.insertInto('events').values(rows).execute();
    expect(await ackOf(storage.db, poisoned)).toBe(1e300);

    await migrateToLatest(storage.db);
    expect(await ackOf(storage.db, poisoned)).toBe(7);
    expect(await ackOf(storage.db, emptyHanded)).toBe(0);
    expect(await ackOf(storage.db, healthy)).toBe(12);
  });

  describe('on a server already upgraded', () => {
    let server: TestServer;
    afterEach(async () => {
      await server.stop();
    });

    it('is forgotten at the device’s next push, which is acknowledged for what it carried', async () => {
      server = await startServer(sqlite);
      const desk = await server.device();
      await server.storage.db
        .updateTable('devices')
        .set({ last_acked_seq: 1e300 })
        .where('device_id', '=', desk)
        .execute();
      const event = makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: DEMO_STAFF.windowClerk });
      const res = await server.push(pushBody(desk, [event]));
      expect(res.body).toMatchObject({ stored: 1, ackedSeq: 1 });
      expect(await ackOf(server.storage.db, desk)).toBe(1);
    });
  });
});
