import { describe, expect, it } from 'vitest';
import { COMPLAINT_EVENT_VERSIONS, type ComplaintEvent } from '../../shared/model/complaintEvents.ts';
import {
  commitComplaintEvent,
  complaintEvents,
  complaintReads,
  logComplaintRead,
} from '../../server/src/storage/complaints.ts';
import { openStorage } from '../../server/src/storage/db.ts';
import { migrateToLatest, migrateUpTo, SEQ_COUNTER } from '../../server/src/storage/migrations.ts';
import { newUlid } from '../fixtures/events.ts';
import { BACKENDS } from './server/harness.ts';
import { intakeBody } from './complaint-helpers.ts';

// Issue 14: migration 0010 adds the complaint log and the read log to a database an older server left. Their own
// counters start at nothing, and storing a complaint never moves the synced events' sequence (the pull cursor):
// nothing a desk pulls changes when a complaint is taken.

describe.each(BACKENDS)('migration 0010_complaints on $name', (backend) => {
  it('adds the complaint tables beside the synced ones, with counters of their own', async () => {
    const { database, remove } = await backend.create();
    const storage = openStorage(database, () => {});
    try {
      await migrateUpTo(storage.db, '0009_slip_rating_prints');
      await storage.db.updateTable('counters').set({ value: 41 }).where('name', '=', SEQ_COUNTER).execute();
      await migrateToLatest(storage.db);

      const intake = intakeBody();
      const at = '2026-12-01T02:00:00.000Z';
      const event = {
        eventId: intake.eventId,
        complaintId: intake.complaintId,
        type: 'complaint.received',
        v: COMPLAINT_EVENT_VERSIONS['complaint.received'],
        at,
        staffId: intake.staffId,
        deviceId: newUlid(),
        payload: intake.payload,
      } as ComplaintEvent;
      const stored = await commitComplaintEvent(storage.db, {
        eventId: event.eventId,
        complaintId: event.complaintId,
        build: (stamped) => ({ ...event, at: stamped }),
        judge: () => null,
        now: () => Date.parse(at),
      });
      expect(stored).toMatchObject({ kind: 'stored', event: { at } });
      expect(await complaintEvents(storage.db, intake.complaintId)).toEqual([{ ...event, at }]);
      await logComplaintRead(storage.db, {
        complaintId: null,
        staffId: 'he-jianguo',
        deviceId: event.deviceId,
        at,
        what: 'accountability',
      });
      expect(await complaintReads(storage.db, null)).toHaveLength(1);

      const counters = await storage.db.selectFrom('counters').selectAll().orderBy('name').execute();
      expect(counters.map((c) => [c.name, Number(c.value)])).toEqual([
        ['complaint_read_seq', 1],
        ['complaint_seq', 1],
        [SEQ_COUNTER, 41],
      ]);
    } finally {
      await storage.close();
      await remove();
    }
  });
});
