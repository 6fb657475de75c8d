import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { COMPLAINT_EVENT_VERSIONS, type ComplaintEvent } from '../../shared/model/complaintEvents.ts';
import { commitComplaintEvent, complaintChain } from '../../server/src/storage/complaints.ts';
import { openStorage, type Db } from '../../server/src/storage/db.ts';
import { migrateToLatest, migrateUpTo } from '../../server/src/storage/migrations.ts';
import { newUlid } from '../fixtures/events.ts';
import { BACKENDS } from './server/harness.ts';
import { intakeBody } from './complaint-helpers.ts';

// Issue 14, point 2: the complaint register is the evidence, so it must be tamper-evident. Each stored act carries
// a SHA-256 chained over the acts of the same complaint before it (storage/complaintChain.ts): changing, removing
// or reordering a stored act is found by recomputing the chain; acts stored before the chain existed get theirs
// when the migration runs.

const DEVICE = newUlid();

function intakeEvent(at: string): ComplaintEvent {
  const intake = intakeBody();
  return {
    eventId: intake.eventId,
    complaintId: intake.complaintId,
    type: 'complaint.received',
    v: COMPLAINT_EVENT_VERSIONS['complaint.received'],
    at,
    staffId: intake.staffId,
    deviceId: DEVICE,
    payload: intake.payload,
  } as ComplaintEvent;
}

function dismissal(complaintId: string, at: string, reason: string): ComplaintEvent {
  return {
    eventId: newUlid(),
    complaintId,
    type: 'complaint.dismissed',
    v: COMPLAINT_EVENT_VERSIONS['complaint.dismissed'],
    at,
    staffId: 'he-jianguo',
    deviceId: DEVICE,
    payload: { reason },
  } as ComplaintEvent;
}

async function store(db: Db, event: ComplaintEvent): Promise<void> {
  const result = await commitComplaintEvent(db, {
    eventId: event.eventId,
    complaintId: event.complaintId,
    build: () => event,
    judge: () => null,
    now: () => Date.parse(event.at),
  });
  expect(result.kind).toBe('stored');
}

describe.each(BACKENDS)('the tamper-evident complaint register on $name', (backend) => {
  it('holds an unbroken chain, and finds an act changed in place or removed', async () => {
    const { database, remove } = await backend.create();
    const storage = openStorage(database, () => {});
    try {
      await migrateToLatest(storage.db);
      const intake = intakeEvent('2026-12-01T02:00:00.000Z');
      const id = intake.complaintId;
      const other = intakeEvent('2026-12-01T02:30:00.000Z');
      await store(storage.db, intake);
      await store(storage.db, other); // another complaint's acts never enter this one's chain
      const dismissed = dismissal(id, '2026-12-01T03:00:00.000Z', '经核查，反映的问题不属实。');
      await store(storage.db, dismissed);
      const intact = await complaintChain(storage.db, id);
      expect(intact).toMatchObject({ intact: true, events: 2 });
      expect(intact.head).toMatch(/^[0-9a-f]{64}$/);
      expect(await complaintChain(storage.db, other.complaintId)).toMatchObject({ intact: true, events: 1 });

      // Someone with the database edits the reason of the dismissal in place.
      const row = await storage.db
        .withTables<{ complaint_events: { event_id: string; payload: string } }>()
        .selectFrom('complaint_events')
        .select('payload')
        .where('event_id', '=', dismissed.eventId)
        .executeTakeFirstOrThrow();
      const tampered = row.payload.replace('不属实', '属实');
      await storage.db
        .withTables<{ complaint_events: { event_id: string; payload: string } }>()
        .updateTable('complaint_events')
        .set({ payload: tampered })
        .where('event_id', '=', dismissed.eventId)
        .execute();
      expect(await complaintChain(storage.db, id)).toMatchObject({ intact: false, brokenAt: dismissed.eventId });
      // Put back: whole again.
      await storage.db
        .withTables<{ complaint_events: { event_id: string; payload: string } }>()
        .updateTable('complaint_events')
        .set({ payload: row.payload })
        .where('event_id', '=', dismissed.eventId)
        .execute();
      expect(await complaintChain(storage.db, id)).toMatchObject({ intact: true });

      // The intake is removed: the dismissal no longer follows from what precedes it.
      await sql`delete from complaint_events where event_id = ${intake.eventId}`.execute(storage.db);
      expect(await complaintChain(storage.db, id)).toMatchObject({ intact: false, brokenAt: dismissed.eventId });
    } finally {
      await storage.close();
      await remove();
    }
  });

  it('gives the acts stored before the chain existed their hashes, in the order they were stored', async () => {
    const { database, remove } = await backend.create();
    const storage = openStorage(database, () => {});
    try {
      await migrateUpTo(storage.db, '0011_report_facts');
      const intake = intakeEvent('2026-12-01T02:00:00.000Z');
      const dismissed = dismissal(intake.complaintId, '2026-12-01T03:00:00.000Z', '不属于本局职责范围。');
      let seq = 0;
      for (const e of [intake, dismissed]) {
        seq += 1;
        await storage.db
          .withTables<{ complaint_events: Record<string, unknown> }>()
          .insertInto('complaint_events')
          .values({
            seq,
            event_id: e.eventId,
            complaint_id: e.complaintId,
            type: e.type,
            v: e.v,
            at: e.at,
            staff_id: e.staffId,
            device_id: e.deviceId,
            payload: JSON.stringify(e.payload),
          })
          .execute();
      }
      await migrateToLatest(storage.db);
      expect(await complaintChain(storage.db, intake.complaintId)).toMatchObject({ intact: true, events: 2 });
    } finally {
      await storage.close();
      await remove();
    }
  });
});
