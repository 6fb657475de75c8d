import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../../shared/model/ids.ts';
import { deskCalendar, today } from '../../../../../renderer/data/calendar.ts';
import { acceptCase, checkMaterials, completeCase, openCase } from '../../../../../renderer/data/caseOperations.ts';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import { recordFollowUp } from '../../../../../renderer/data/followUpOperations.ts';
import { readFollowUpTask } from '../../../../../renderer/data/followUps.ts';
import { recordContact } from '../../../../../renderer/data/operations.ts';
import { readRatingViews } from '../../../../../renderer/data/rating/ratingViews.ts';
import {
  giveRectificationFeedback,
  recordRectification,
  verifyRectification,
} from '../../../../../renderer/data/rating/rectificationOperations.ts';
import { rectificationsFor } from '../../../../../renderer/data/rating/rectificationPermissions.ts';
import { readRectificationItems } from '../../../../../renderer/data/rating/rectificationReads.ts';
import { getStaff } from '../../../../../renderer/data/references.ts';
import { signedInOnline } from '../sessions.ts';
import { clerk, messages, ratingDesk, supervisorId } from './ratingFixtures.ts';

// A follow-up record whose overall level is 不满意 opens the same rectification as a bad rating (art. 30 加强跟踪回访):
// listed with the bad ratings, its steps recorded on the follow-up, never the call-back by whoever handled the case.

const handler = 'li-na' as StaffId;
const supervisor = signedInOnline(supervisorId);
let db: DeskDb;
let caseId: string;

beforeEach(async () => {
  db = await ratingDesk();
  const contactId = await recordContact(db, clerk, {
    channel: 'visit',
    visitor: { name: '卧龙新材料' },
    matter: '技术合同认定登记',
    askedStaffIds: [],
  });
  caseId = await openCase(db, clerk, contactId, 'tech-contract');
  await checkMaterials(db, handler, caseId, [
    { materialId: 'contract-text', state: 'received' },
    { materialId: 'authorisation', state: 'received' },
  ]);
  await acceptCase(db, handler, caseId);
  await completeCase(db, handler, caseId, { outcome: 'granted', result: '已认定登记' });
  await recordFollowUp(db, supervisor, caseId, {
    means: 'phone',
    resultAsRecorded: 'yes',
    ratings: { overall: 'dissatisfied', efficiency: 'veryDissatisfied' },
    opinions: '办理时间偏长',
    strong: false,
  });
});

const target = () => ({ origin: 'followUp' as const, subjectId: caseId });

describe('a QR rating of a case', () => {
  it('links to the contact the case came from and names the service item', async () => {
    const caseRow = (await db.cases.get(caseId))!;
    const event = {
      eventId: '01JQR00000000000000000CASE',
      aggregate: 'rating',
      aggregateId: 'NYKJ-W03-2026-000500',
      type: 'rating.given',
      v: 1,
      hlc: '000001764640000000-00000-hq',
      deviceId: '01JHQ000000000000000000000',
      deviceSeq: 1,
      staffId: 'applicant',
      occurredAt: '2026-11-30T10:00:00+08:00',
      payload: { service: { kind: 'case', id: caseId }, ratedStaffId: handler, source: 'qr', level: 'veryDissatisfied', reasons: [] },
    };
    await db.events.add({ eventId: event.eventId, aggregate: 'rating', aggregateId: event.aggregateId, event } as never);
    const [view] = await readRatingViews(db);
    expect(view).toMatchObject({
      state: { source: 'qr', level: 'veryDissatisfied', ratedStaffId: handler },
      contactId: caseRow.contactId,
      matter: '技术合同认定登记',
      applicant: '卧龙新材料',
      departmentId: 'dept-hightech',
    });
  });
});

describe('a dissatisfied follow-up record in 差评整改', () => {
  it('is listed with its level, opinions, the handler, the case’s department and the contact to open', async () => {
    const [item, ...more] = await readRectificationItems(db, deskCalendar(), today());
    expect(more).toEqual([]);
    expect(item).toMatchObject({
      target: target(),
      source: 'followUp',
      level: 'dissatisfied',
      comment: '办理时间偏长',
      ratedStaffId: handler,
      departmentId: 'dept-hightech',
      current: true,
      matter: '技术合同认定登记',
      status: { stage: 'verify' },
    });
    // 高新科 (the handling department) works on it; the window clerk's department does not.
    const items = [item!];
    expect(rectificationsFor((await getStaff(db, 'sun-li'))!, items)).toHaveLength(1);
    expect(rectificationsFor((await getStaff(db, clerk))!, items)).toEqual([]);
  });

  it('takes the three steps on the follow-up; the handler followed up may take none of them', async () => {
    await expect(
      verifyRectification(db, handler, target(), { on: today(), means: 'phone', note: '核实' }),
    ).rejects.toSatisfy((e) => messages(e).includes('ratedMayNotRectify'));
    await verifyRectification(db, supervisor, target(), { on: today(), means: 'phone', note: '核实属实' });
    await expect(
      recordRectification(db, handler, target(), { mode: 'explained', note: '法定时限内办结，已解释' }),
    ).rejects.toSatisfy((e) => messages(e).includes('ratedMayNotRectify'));
    await recordRectification(db, supervisor, target(), { mode: 'explained', note: '法定时限内办结，已解释' });
    await giveRectificationFeedback(db, supervisor, target(), { on: today(), how: 'phone', newLevel: 'basicallySatisfied' });
    const view = (await readFollowUpTask(db, caseId, deskCalendar(), today()))!;
    expect(view.state?.flags).toEqual([]);
    expect(view.state?.dissatisfied).toBe(false);
    const [item] = await readRectificationItems(db, deskCalendar(), today());
    expect(item?.status.stage).toBe('done');
    const types = (await db.events.where('[aggregate+aggregateId]').equals(['followUp', caseId]).toArray())
      .map((r) => r.event.type)
      .sort();
    expect(types).toEqual(['followUp.feedbackGiven', 'followUp.recorded', 'followUp.rectified', 'followUp.verified']);
  });
});
