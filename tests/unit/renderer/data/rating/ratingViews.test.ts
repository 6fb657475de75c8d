import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RatingEvent } from '../../../../../shared/model/ratingEvents.ts';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import { ratingsInPeriod, ratingsVisibleTo } from '../../../../../renderer/data/rating/ratingLists.ts';
import { readRatingViews } from '../../../../../renderer/data/rating/ratingViews.ts';
import { getStaff } from '../../../../../renderer/data/references.ts';
import { clerk, leaderId, otherDept, ratedVisit, ratingDesk, supervisorId } from './ratingFixtures.ts';

// 评价记录: every rating the desk holds, pad and QR alike, read in one pass however many there are.

let db: DeskDb;
beforeEach(async () => {
  db = await ratingDesk();
});

let seq = 0;
/** A rating as HQ's public page records it (source 'qr', authored by 'applicant', filed under the slip serial). */
function qrRating(serial: string, contactId: string, level: 'dissatisfied' | 'satisfied', at = '2026-11-30T10:00:00+08:00'): RatingEvent {
  seq += 1;
  return {
    eventId: `01JQR${String(seq).padStart(21, '0')}`,
    aggregate: 'rating',
    aggregateId: serial,
    type: 'rating.given',
    v: 1,
    hlc: `${String(Date.parse(at)).padStart(15, '0')}-00000-hq`,
    deviceId: '01JHQ000000000000000000000',
    deviceSeq: seq,
    staffId: 'applicant',
    occurredAt: at,
    payload: {
      service: { kind: 'contact', id: contactId },
      ratedStaffId: clerk,
      source: 'qr',
      level,
      reasons: [],
    },
  } as unknown as RatingEvent;
}

async function store(events: readonly RatingEvent[]) {
  await db.events.bulkAdd(
    events.map((event) => ({ eventId: event.eventId, aggregate: 'rating', aggregateId: event.aggregateId, event })) as never,
  );
}

describe('the ratings list', () => {
  it('joins a QR rating pulled from HQ to the contact this desk holds, beside the pad ratings', async () => {
    const contactId = await ratedVisit(db, 'satisfied');
    await store([qrRating('NYKJ-W03-2026-000127', contactId, 'dissatisfied')]);
    const views = await readRatingViews(db);
    expect(views.map((v) => [v.state.source, v.state.level])).toEqual([
      ['pad', 'satisfied'],
      ['qr', 'dissatisfied'],
    ]);
    expect(views[1]).toMatchObject({
      state: { ratingKey: 'NYKJ-W03-2026-000127', by: 'applicant', ratedOn: '2026-11-30' },
      contactId,
      departmentId: 'dept-window',
      applicant: '王芳',
    });
  });

  it('lists the newest first by the instant, whatever offset each time was written with', async () => {
    const contactId = await ratedVisit(db, 'satisfied');
    await store([
      qrRating('NYKJ-W03-2026-000201', contactId, 'satisfied', '2026-11-30T10:00:00+08:00'),
      qrRating('NYKJ-W03-2026-000202', contactId, 'satisfied', '2026-11-30T03:00:00Z'),
    ]);
    const keys = (await readRatingViews(db)).map((v) => v.state.ratingKey);
    expect(keys.slice(1)).toEqual(['NYKJ-W03-2026-000202', 'NYKJ-W03-2026-000201']);
  });

  it('shows each person their own, a department head the department’s, supervisors and leaders all', async () => {
    await ratedVisit(db, 'dissatisfied', clerk);
    await ratedVisit(db, 'satisfied', 'zhao-gang' as never);
    const views = await readRatingViews(db);
    const seen = async (id: string) =>
      ratingsVisibleTo((await getStaff(db, id))!, views).map((v) => v.state.ratedStaffId).sort();
    expect(await seen(clerk)).toEqual([clerk]);
    expect(await seen(otherDept)).toEqual([]);
    expect(await seen('zhao-gang')).toEqual(['zhao-gang']); // 高新科's head: the department's
    expect(await seen(supervisorId)).toEqual([clerk, 'zhao-gang'].sort());
    expect(await seen(leaderId)).toEqual([clerk, 'zhao-gang'].sort());
  });

  it('finds the ratings of a period, both days included', async () => {
    const contactId = await ratedVisit(db, 'satisfied');
    await store([
      qrRating('NYKJ-W03-2026-000001', contactId, 'satisfied', '2026-11-01T09:00:00+08:00'),
      qrRating('NYKJ-W03-2026-000002', contactId, 'satisfied', '2026-11-15T23:30:00+08:00'),
      qrRating('NYKJ-W03-2026-000003', contactId, 'satisfied', '2026-11-16T00:10:00+08:00'),
    ]);
    const views = await readRatingViews(db);
    const keys = (from: string, to: string) => ratingsInPeriod(views, from, to).map((v) => v.state.ratingKey).sort();
    expect(keys('2026-11-01', '2026-11-15')).toEqual(['NYKJ-W03-2026-000001', 'NYKJ-W03-2026-000002']);
    expect(keys('2026-11-16', '')).toContain('NYKJ-W03-2026-000003');
    expect(keys('', '2026-10-31')).toEqual([]);
  });

  it('reads thousands of ratings with one index read and one bulk read per table, not a query per rating', async () => {
    const contactId = await ratedVisit(db, 'satisfied');
    await store(
      Array.from({ length: 2000 }, (_, i) =>
        qrRating(`NYKJ-W03-2026-${String(i + 10).padStart(6, '0')}`, contactId, i % 10 ? 'satisfied' : 'dissatisfied'),
      ),
    );
    const where = vi.spyOn(db.events, 'where');
    const contactsGet = vi.spyOn(db.contacts, 'get');
    const bulk = vi.spyOn(db.contacts, 'bulkGet');
    const views = await readRatingViews(db);
    expect(views).toHaveLength(2001);
    expect(where).toHaveBeenCalledTimes(1);
    expect(bulk).toHaveBeenCalledTimes(1);
    expect(contactsGet).not.toHaveBeenCalled();
  });
});
