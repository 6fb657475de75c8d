import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { contactOfRecord, deskDetails, idTail } from '../../../../renderer/features/reports/recordTarget.ts';
import { freshDeskDb } from '../data/deskDb.ts';

// A drilled fact names its aggregate only: the desk finds the contact whose drawer shows it — the contact itself, or
// the contact a case came from — and says so when it does not hold the record yet.

let db: DeskDb;
beforeEach(async () => {
  db = freshDeskDb();
  await db.open();
});
afterEach(() => db.close());

describe('contactOfRecord', () => {
  it('opens a contact as itself and a case as the contact it came from', async () => {
    await db.contacts.put({ contactId: 'ct-1', openedDay: '2026-11-03' } as never);
    await db.cases.put({ caseId: 'case-1', contactId: 'ct-1', status: 'running' } as never);
    expect(await contactOfRecord(db, 'ct-1')).toBe('ct-1');
    expect(await contactOfRecord(db, 'case-1')).toBe('ct-1');
  });

  it('finds nothing for a record this desk has not synced', async () => {
    expect(await contactOfRecord(db, 'ct-elsewhere')).toBeUndefined();
  });
});

describe('deskDetails', () => {
  it('gives the time registered and the matter’s first words of a contact, and of the contact a case came from', async () => {
    await db.contacts.put({
      contactId: 'ct-1',
      openedDay: '2026-12-02',
      openedAt: '2026-12-02T01:05:00.000Z',
      matter: '咨询高新技术企业认定的申报材料和时间安排',
    } as never);
    await db.contacts.put({ contactId: 'ct-2', openedAt: '2026-12-02T02:00:00.000Z', matter: '短事项' } as never);
    await db.cases.put({ caseId: 'case-1', contactId: 'ct-2', status: 'running' } as never);
    const found = await deskDetails(db, ['ct-1', 'case-1', 'ct-elsewhere', 'ct-1']);
    expect(found.get('ct-1')).toEqual({
      openedAt: '2026-12-02T01:05:00.000Z',
      matter: '咨询高新技术企业认定的申报材料和…',
    });
    expect(found.get('case-1')).toEqual({ openedAt: '2026-12-02T02:00:00.000Z', matter: '短事项' });
    expect(found.has('ct-elsewhere')).toBe(false);
    expect(found.size).toBe(2);
  });

  it('shows an unsynced record by its id’s tail', () => {
    expect(idTail('01JZCONTACT00000000000123')).toBe('…000123');
    expect(idTail('ct-1')).toBe('ct-1');
  });
});
