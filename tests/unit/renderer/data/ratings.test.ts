import { beforeEach, describe, expect, it } from 'vitest';
import type { ContactId, StaffId } from '../../../../shared/model/ids.ts';
import { ratingEventSchema } from '../../../../shared/model/ratingEvents.ts';
import { appendEvents, InvalidEventError } from '../../../../renderer/data/append.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { recordContact } from '../../../../renderer/data/operations.ts';
import { readServiceRating, recordPadRating } from '../../../../renderer/data/ratings.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';

// 好差评 at the window (评价器): one rating per service (一次一评), recorded from the pad into the desk's own log.

const clerk = 'zhang-wei' as StaffId;
const handler = 'li-na' as StaffId;
let db: DeskDb;
let contactId: ContactId;

beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
  contactId = await recordContact(db, clerk, {
    channel: 'visit',
    visitor: { name: '王芳', phone: '13937711111' },
    matter: '咨询技术合同认定登记',
    askedStaffIds: [],
  });
});

async function ratingEvents() {
  return db.events.where('[aggregate+aggregateId]').equals(['rating', contactId]).toArray();
}

describe('a rating from the pad', () => {
  it('is one rating.given filed under the service, by the clerk at the desk, from the pad', async () => {
    await recordPadRating(db, clerk, {
      contactId,
      ratedStaffId: clerk,
      level: 'dissatisfied',
      reasons: ['longWait', 'unclearGuidance'],
      comment: '排队太久',
    });
    const [row, ...more] = await ratingEvents();
    expect(more).toEqual([]);
    const event = ratingEventSchema.parse(row?.event);
    expect(event).toMatchObject({
      type: 'rating.given',
      aggregate: 'rating',
      aggregateId: contactId,
      staffId: clerk,
      payload: {
        service: { kind: 'contact', id: contactId },
        ratedStaffId: clerk,
        source: 'pad',
        level: 'dissatisfied',
        reasons: ['longWait', 'unclearGuidance'],
        comment: '排队太久',
      },
    });
    // Pushed with the desk's other events.
    expect((await db.outbox.toArray()).map((o) => o.eventId)).toContain(event.eventId);
    expect(await readServiceRating(db, contactId)).toMatchObject({ level: 'dissatisfied', duplicates: 0 });
  });

  it('records 不评价 as a rating with no level (未评), with no reasons or comment', async () => {
    await recordPadRating(db, clerk, { contactId, ratedStaffId: clerk, level: null, reasons: [], comment: '被丢弃' });
    const [row] = await ratingEvents();
    expect(row?.event.payload).toMatchObject({ level: null, reasons: [] });
    expect((row?.event.payload as { comment?: string }).comment).toBeUndefined();
    expect(await readServiceRating(db, contactId)).toMatchObject({ level: null });
  });

  it('refuses a second rating of the same service, declined or not, and stores nothing (一次一评)', async () => {
    await recordPadRating(db, clerk, { contactId, ratedStaffId: clerk, level: null, reasons: [] });
    await expect(
      recordPadRating(db, clerk, { contactId, ratedStaffId: clerk, level: 'verySatisfied', reasons: [] }),
    ).rejects.toSatisfy(
      (e) => e instanceof InvalidEventError && e.issues.some((i) => i.message === 'ratingAlreadyGiven'),
    );
    expect(await ratingEvents()).toHaveLength(1);
    expect(await readServiceRating(db, contactId)).toMatchObject({ level: null, duplicates: 0 });
  });

  it('keeps the first rating when a second one reaches the log anyway, and counts it as a duplicate', async () => {
    await recordPadRating(db, clerk, { contactId, ratedStaffId: clerk, level: null, reasons: [] });
    // As another desk's pad would have written it offline, before the two met.
    await appendEvents(db, clerk, [
      {
        type: 'rating.given',
        aggregateId: contactId,
        payload: {
          service: { kind: 'contact', id: contactId },
          ratedStaffId: clerk,
          source: 'pad',
          level: 'verySatisfied',
          reasons: [],
        },
      },
    ]);
    expect(await readServiceRating(db, contactId)).toMatchObject({ level: null, duplicates: 1 });
  });

  it('refuses a rating of someone who did not serve the contact, or of a service this desk does not know', async () => {
    await expect(
      recordPadRating(db, clerk, { contactId, ratedStaffId: handler, level: 'satisfied', reasons: [] }),
    ).rejects.toSatisfy((e) => e instanceof InvalidEventError && e.issues[0]?.message === 'ratingNotServedBy');
    await expect(
      recordPadRating(db, clerk, {
        contactId: '01JD0000000000000000000000' as ContactId,
        ratedStaffId: clerk,
        level: 'satisfied',
        reasons: [],
      }),
    ).rejects.toSatisfy((e) => e instanceof InvalidEventError && e.issues[0]?.message === 'ratingNoSuchService');
    expect(await db.events.where('aggregate').equals('rating').count()).toBe(0);
  });

  it('refuses reasons with a good rating, as the shared schema does, and stores nothing', async () => {
    await expect(
      recordPadRating(db, clerk, { contactId, ratedStaffId: clerk, level: 'verySatisfied', reasons: ['longWait'] }),
    ).rejects.toBeInstanceOf(InvalidEventError);
    expect(await ratingEvents()).toHaveLength(0);
  });
});
