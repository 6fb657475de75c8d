import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { contactOfRecord } from '../../../../renderer/features/reports/recordTarget.ts';
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
