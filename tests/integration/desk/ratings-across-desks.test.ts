import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactId, StaffId } from '../../../shared/model/ids.ts';
import { appendEvents } from '../../../renderer/data/append.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { recordContact } from '../../../renderer/data/operations.ts';
import { readServiceRating, recordPadRating } from '../../../renderer/data/ratings.ts';
import { listRejections } from '../../../renderer/data/rejections.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { httpTransport, type SyncTransport } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { startServer, syncedDeskDb, type Backend, type RunningServer } from './servers.ts';

// 好差评 at the window (评价器): the pad writes into its desk's own log, offline if need be, and the rating reaches HQ
// and every other desk with the next sync. One rating per service (一次一评): a second one, written on another desk
// before the two met, is kept on every replica and never replaces the first.

const clerk = DEMO_STAFF.windowClerk as StaffId;
const clerk2 = DEMO_STAFF.windowClerk2 as StaffId;

describe.each<Backend>(['sqlite', 'postgres'])('ratings at the window on %s', (backend) => {
  let hq: RunningServer;
  let transport: SyncTransport;
  beforeAll(async () => {
    hq = await startServer(backend);
    transport = httpTransport(hq.url);
  });
  afterAll(async () => hq.stop());

  async function servedContact(db: DeskDb): Promise<ContactId> {
    return recordContact(db, clerk, {
      channel: 'visit',
      visitor: { name: '王芳', phone: '13937711111' },
      matter: '咨询技术合同认定登记',
      askedStaffIds: [],
    });
  }

  async function hqRatingEvents(contactId: string) {
    const rows = await hq.server.storage.db
      .selectFrom('events')
      .selectAll()
      .where('aggregate', '=', 'rating')
      .where('aggregate_id', '=', contactId)
      .execute();
    return rows;
  }

  it('records a 差评 offline on the pad and syncs it to HQ and to another desk', async () => {
    const desk = await syncedDeskDb(hq, transport, 'window 1');
    const other = await syncedDeskDb(hq, transport, 'window 2');
    const contactId = await servedContact(desk); // offline: nothing synced since
    await recordPadRating(desk, clerk, {
      contactId,
      ratedStaffId: clerk,
      level: 'dissatisfied',
      reasons: ['longWait'],
      comment: '等了很久',
    });
    expect(await desk.outbox.count()).toBeGreaterThan(0);
    await syncOnce(desk, transport);
    expect(await desk.outbox.count()).toBe(0);
    expect(await hqRatingEvents(contactId)).toHaveLength(1);
    await syncOnce(other, transport);
    expect(await readServiceRating(other, contactId)).toMatchObject({
      level: 'dissatisfied',
      reasons: ['longWait'],
      ratedStaffId: clerk,
      duplicates: 0,
    });
  });

  it('records 不评价 as 未评; a later rating from another desk is refused by HQ and listed among its refusals', async () => {
    const desk = await syncedDeskDb(hq, transport, 'window 3');
    const contactId = await servedContact(desk);
    await syncOnce(desk, transport);
    const other = await syncedDeskDb(hq, transport, 'window 4');
    // Both offline now: the applicant declines at the first window …
    await recordPadRating(desk, clerk, { contactId, ratedStaffId: clerk, level: null, reasons: [] });
    // … and a rating of the same service is "filled in" later at another desk (as a bypass of the pad would).
    await appendEvents(other, clerk2, [
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
    await syncOnce(desk, transport);
    await syncOnce(other, transport);
    await syncOnce(desk, transport);
    // 一次一评 at HQ: the first stands, the second is never stored, so no other desk ever receives it.
    expect(await hqRatingEvents(contactId)).toHaveLength(1);
    expect(await readServiceRating(desk, contactId)).toMatchObject({ level: null, duplicates: 0 });
    // The desk that wrote it keeps it on its own log (a duplicate there, never counted) and shows the refusal.
    expect(await readServiceRating(other, contactId)).toMatchObject({ level: null, duplicates: 1 });
    const refused = await listRejections(other);
    expect(refused).toEqual([expect.objectContaining({ eventType: 'rating.given', code: 'not-authorised' })]);
    expect(refused[0]!.message).toContain('一次一评');
    // The pad on either desk now refuses the service outright.
    await expect(
      recordPadRating(other, clerk2, { contactId, ratedStaffId: clerk, level: 'satisfied', reasons: [] }),
    ).rejects.toThrow(/ratingAlreadyGiven/);
  });
});
