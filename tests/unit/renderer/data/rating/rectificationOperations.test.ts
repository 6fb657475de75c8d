import { beforeEach, describe, expect, it } from 'vitest';
import type { ContactId } from '../../../../../shared/model/ids.ts';
import { DEFAULT_FOLLOW_UP_SETTINGS } from '../../../../../shared/model/reference.ts';
import type { InvalidEventError } from '../../../../../renderer/data/append.ts';
import { deskCalendar, today } from '../../../../../renderer/data/calendar.ts';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import { readRatingView } from '../../../../../renderer/data/rating/ratingViews.ts';
import {
  giveRectificationFeedback,
  recordRectification,
  verifyRectification,
} from '../../../../../renderer/data/rating/rectificationOperations.ts';
import { rectificationsFor } from '../../../../../renderer/data/rating/rectificationPermissions.ts';
import { readRectificationItems } from '../../../../../renderer/data/rating/rectificationReads.ts';
import { getStaff } from '../../../../../renderer/data/references.ts';
import { signedInOnline } from '../sessions.ts';
import {
  clerk,
  messages,
  otherDept,
  ratedVisit,
  ratingDesk,
  ratingEventTypes,
  supervisorId,
} from './ratingFixtures.ts';

// 差评整改: a bad rating is verified by a call-back (核实回访), rectified (立行立改 / 限期整改 / 解释说明) and the
// applicant told (反馈), who may rate again — each step once, in order, never the call-back by the person rated.

let db: DeskDb;
let key: ContactId;
const supervisor = signedInOnline(supervisorId);
const target = () => ({ origin: 'rating' as const, key });
const items = (day = today()) => readRectificationItems(db, deskCalendar(), day);
const verify = (author = supervisor as Parameters<typeof verifyRectification>[1], on = today()) =>
  verifyRectification(db, author, target(), { on, means: 'phone', note: '电话核实：等候四十分钟属实' });
const rectify = (author = supervisor as Parameters<typeof recordRectification>[1]) =>
  recordRectification(db, author, target(), { mode: 'immediate', note: '增开一个窗口' });

beforeEach(async () => {
  db = await ratingDesk();
  key = await ratedVisit(db, 'dissatisfied');
});

describe('a bad rating opens rectification', () => {
  it('lists it waiting for the call-back, due rectifyDays working days after the rating, with the rated person', async () => {
    const [item, ...more] = await items();
    expect(more).toEqual([]);
    expect(item).toMatchObject({
      target: { origin: 'rating', key },
      source: 'pad',
      level: 'dissatisfied',
      reasons: ['longWait'],
      comment: '排队太久',
      ratedStaffId: clerk,
      departmentId: 'dept-window',
      contactId: key,
      applicant: '王芳',
      status: { stage: 'verify', overdue: false },
    });
    const due = deskCalendar().addWorkingDays(today(), DEFAULT_FOLLOW_UP_SETTINGS.rectifyDays).date;
    expect(item?.status.dueOn).toBe(due);
    // Red once the due day has passed with the rectification still open.
    expect((await items(due))[0]?.status.overdue).toBe(false);
    expect((await items(deskCalendar().addWorkingDays(due, 1).date))[0]?.status.overdue).toBe(true);
  });

  it('opens nothing for a rating that is not 差评 (基本满意 included) nor for 未评', async () => {
    await ratedVisit(db, 'basicallySatisfied');
    await ratedVisit(db, null);
    expect((await items()).map((i) => i.target)).toEqual([{ origin: 'rating', key }]);
  });

  it('is the work of the rated person’s department and the supervisors, not of another department', async () => {
    const all = await items();
    expect(rectificationsFor((await getStaff(db, supervisorId))!, all)).toHaveLength(1);
    expect(rectificationsFor((await getStaff(db, clerk))!, all)).toHaveLength(1);
    expect(rectificationsFor((await getStaff(db, otherDept))!, all)).toEqual([]);
    await expect(verify(otherDept)).rejects.toSatisfy((e) => messages(e).includes('rectificationNotYours'));
  });
});

describe('核实回访 → 整改 → 反馈', () => {
  it('goes through the three steps to 已办结 with a new level, and no replica flags anything', async () => {
    await verify();
    expect((await items())[0]?.status.stage).toBe('rectify');
    const fixBy = deskCalendar().addWorkingDays(today(), 20).date;
    await recordRectification(db, supervisor, target(), { mode: 'byDate', dueOn: fixBy, note: '调整叫号规则' });
    const [waiting] = await items();
    // A 限期整改 later than the limit moves the due day to the day of the fix.
    expect(waiting?.status).toMatchObject({ stage: 'feedback', dueOn: fixBy });
    await giveRectificationFeedback(db, supervisor, target(), { on: today(), how: 'phone', newLevel: 'satisfied' });
    const [done] = await items();
    expect(done?.status).toMatchObject({ stage: 'done', overdue: false });
    const state = (await readRatingView(db, key))!.state;
    expect(state.flags).toEqual([]);
    expect(state.rectification?.feedback).toMatchObject({ newLevel: 'satisfied', how: 'phone', by: supervisorId });
    expect(state.rectification?.decision).toMatchObject({ mode: 'byDate', dueOn: fixBy });
    expect(await ratingEventTypes(db, key)).toEqual([
      'rating.feedbackGiven',
      'rating.given',
      'rating.rectified',
      'rating.verified',
    ]);
  });

  it('refuses the call-back by the rated person and writes nothing', async () => {
    await expect(verify(clerk)).rejects.toSatisfy((e) => messages(e).includes('ratedMayNotRectify'));
    expect(await ratingEventTypes(db, key)).toEqual(['rating.given']);
  });

  it('refuses each step out of order or a second time, before writing', async () => {
    await expect(rectify()).rejects.toSatisfy((e) => messages(e).includes('verifyFirst'));
    await expect(
      giveRectificationFeedback(db, supervisor, target(), { on: today(), how: 'phone' }),
    ).rejects.toSatisfy((e) => messages(e).includes('rectifyFirst'));
    await verify();
    await expect(verify()).rejects.toSatisfy((e) => messages(e).includes('alreadyVerified'));
    await rectify();
    await expect(rectify()).rejects.toSatisfy((e) => messages(e).includes('alreadyRectified'));
    await giveRectificationFeedback(db, supervisor, target(), { on: today(), how: 'letter' });
    await expect(
      giveRectificationFeedback(db, supervisor, target(), { on: today(), how: 'letter' }),
    ).rejects.toSatisfy((e) => messages(e).includes('alreadyFedBack'));
    expect(await ratingEventTypes(db, key)).toHaveLength(4);
  });

  it('refuses the rectification and the feedback by the rated person too, writing nothing', async () => {
    await verify();
    await expect(rectify(clerk)).rejects.toSatisfy((e) => messages(e).includes('ratedMayNotRectify'));
    await rectify();
    await expect(
      giveRectificationFeedback(db, clerk, target(), { on: today(), how: 'phone', note: '已告知整改情况' }),
    ).rejects.toSatisfy((e) => messages(e).includes('ratedMayNotRectify'));
    const state = (await readRatingView(db, key))!.state;
    expect(state.flags).toEqual([]);
    expect(state.rectification?.decision?.by).toBe(supervisorId);
    expect(state.rectification?.feedback).toBeUndefined();
  });

  it('refuses a day in the future, a day before the rating, a 限期整改 without its date or with a past one', async () => {
    const tomorrow = deskCalendar().addWorkingDays(today(), 1).date;
    await expect(verify(supervisor, tomorrow)).rejects.toSatisfy((e) => messages(e).includes('dayInFuture'));
    await expect(verify(supervisor, '2020-01-02')).rejects.toSatisfy((e) => messages(e).includes('dayBeforeRating'));
    await verify();
    await expect(
      recordRectification(db, supervisor, target(), { mode: 'byDate', note: '限期' }),
    ).rejects.toSatisfy((e) => messages(e).includes('rectificationDueOnForByDateOnly'));
    await expect(
      recordRectification(db, supervisor, target(), { mode: 'byDate', dueOn: '2020-01-02', note: '限期' }),
    ).rejects.toSatisfy((e) => messages(e).includes('dueOnPassed'));
    await expect(
      recordRectification(db, supervisor, target(), { mode: 'explained', note: '  ' }),
    ).rejects.toSatisfy((e) => messages(e).includes('rectificationNoteRequired'));
    expect(await ratingEventTypes(db, key)).toEqual(['rating.given', 'rating.verified']);
    // A date typed for 限期整改 and then left for 解释说明 is not sent with it.
    await recordRectification(db, supervisor, target(), { mode: 'explained', dueOn: tomorrow, note: '政策规定' });
    expect((await readRatingView(db, key))!.state.rectification?.decision).not.toHaveProperty('dueOn');
  });

  it('refuses an empty day in the schema’s words, under the day', async () => {
    await expect(verify(supervisor, '')).rejects.toSatisfy(
      (e) => (e as InvalidEventError).issues.some((i) => i.message === 'invalidDate' && i.path.at(-1) === 'on'),
    );
    expect(await ratingEventTypes(db, key)).toEqual(['rating.given']);
  });

  it('refuses a step on a rating that has none to take (a good rating)', async () => {
    const good = await ratedVisit(db, 'satisfied');
    await expect(
      verifyRectification(db, supervisor, { origin: 'rating', key: good }, { on: today(), means: 'phone', note: 'x' }),
    ).rejects.toSatisfy((e) => messages(e).includes('rectificationNotFound'));
  });
});
