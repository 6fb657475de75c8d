import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidEventError } from '../../../../../renderer/data/append.ts';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import {
  queueComplaint,
  readComplaintOutbox,
  readRefusedIntake,
  RefusedIntakeGoneError,
  resendRefusedComplaint,
} from '../../../../../renderer/data/complaints/outbox.ts';
import { freshDeskDb } from '../deskDb.ts';
import { intake } from './intakes.ts';

// Issue 14 review: an intake HQ refused is corrected by a clerk and goes again, replacing the refused row whole.

let db: DeskDb;
beforeEach(async () => {
  db = freshDeskDb();
  await db.open();
});
afterEach(() => db.close());

async function refused() {
  const { complaintId } = await queueComplaint(db, 'zhang-wei', intake({ receivedOn: '2020-01-01' }));
  const [row] = await db.complaintOutbox.toArray();
  await db.complaintOutbox.update(row!.eventId, {
    attempts: 3,
    lastError: 'HTTP 400: 收到投诉日期早于…',
    lastCode: 'date-out-of-range',
  });
  return { complaintId, eventId: row!.eventId };
}

describe('resendRefusedComplaint', () => {
  it('replaces the refused row whole: same complaint, a new eventId, attempts reset, no refusal left', async () => {
    const old = await refused();
    expect((await readComplaintOutbox(db)).failed).toEqual([
      expect.objectContaining({ eventId: old.eventId, lastCode: 'date-out-of-range' }),
    ]);
    const again = await resendRefusedComplaint(db, old.eventId, 'li-na', intake({ receivedOn: '2026-12-01' }));
    const rows = await db.complaintOutbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ complaintId: old.complaintId, eventId: again.eventId, attempts: 0 });
    expect(rows[0]!.staffId).toBe('li-na');
    expect(rows[0]!.payload.receivedOn).toBe('2026-12-01');
    expect(rows[0]!.lastError).toBeUndefined();
    expect(rows[0]!.lastCode).toBeUndefined();
    expect(again.eventId).not.toBe(old.eventId);
    expect(await db.complaintOutbox.get(old.eventId)).toBeUndefined();
    expect((await readComplaintOutbox(db)).failed).toEqual([]);
  });

  it('a crash between the delete and the add leaves the refused row and what was typed, never zero rows', async () => {
    const old = await refused();
    db.complaintOutbox.hook('creating', () => {
      throw new Error('power cut');
    });
    await expect(resendRefusedComplaint(db, old.eventId, 'zhang-wei', intake())).rejects.toThrow('power cut');
    const rows = await db.complaintOutbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ eventId: old.eventId, attempts: 3, lastCode: 'date-out-of-range' });
    expect(rows[0]!.payload.receivedOn).toBe('2020-01-01');
  });

  it('bad input changes nothing', async () => {
    const old = await refused();
    await expect(resendRefusedComplaint(db, old.eventId, 'zhang-wei', intake({ account: '' }))).rejects.toBeInstanceOf(
      InvalidEventError,
    );
    expect(await db.complaintOutbox.get(old.eventId)).toMatchObject({ attempts: 3 });
    expect(await db.complaintOutbox.count()).toBe(1);
  });

  it('a row not refused, or gone, is not replaced (no second copy of a complaint)', async () => {
    const { complaintId } = await queueComplaint(db, 'zhang-wei', intake());
    const [waiting] = await db.complaintOutbox.toArray();
    await expect(resendRefusedComplaint(db, waiting!.eventId, 'zhang-wei', intake())).rejects.toBeInstanceOf(
      RefusedIntakeGoneError,
    );
    await expect(resendRefusedComplaint(db, 'NOPE', 'zhang-wei', intake())).rejects.toBeInstanceOf(
      RefusedIntakeGoneError,
    );
    expect(await db.complaintOutbox.toArray()).toEqual([expect.objectContaining({ complaintId, attempts: 0 })]);
    expect(await readRefusedIntake(db, waiting!.eventId)).toBeUndefined();
  });
});
