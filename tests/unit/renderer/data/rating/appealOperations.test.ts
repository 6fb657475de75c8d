import { beforeEach, describe, expect, it } from 'vitest';
import type { ContactId } from '../../../../../shared/model/ids.ts';
import { SessionRequiredError } from '../../../../../renderer/data/author.ts';
import { deskCalendar, today } from '../../../../../renderer/data/calendar.ts';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import { appealRating, decideAppeal } from '../../../../../renderer/data/rating/appealOperations.ts';
import { appealsToDecide, ownBadRatings } from '../../../../../renderer/data/rating/ratingLists.ts';
import { readRatingView, readRatingViews } from '../../../../../renderer/data/rating/ratingViews.ts';
import { verifyRectification } from '../../../../../renderer/data/rating/rectificationOperations.ts';
import { readRectificationItems } from '../../../../../renderer/data/rating/rectificationReads.ts';
import { getStaff } from '../../../../../renderer/data/references.ts';
import { signedInOnline } from '../sessions.ts';
import { clerk, leaderId, messages, otherDept, ratedVisit, ratingDesk, ratingEventTypes, supervisorId } from './ratingFixtures.ts';

// 申诉复核: the rated person appeals a 差评 once; a supervisor or leader, not the rated person, decides with a session
// the HQ server verified. Upheld, the rating is kept and shown as invalid (差评无效), and nothing more is rectified.

let db: DeskDb;
let key: ContactId;
const supervisor = signedInOnline(supervisorId);
const appeal = (author: Parameters<typeof appealRating>[1] = clerk) =>
  appealRating(db, author, key, { reason: '当日系统故障，排队非本人原因' });

beforeEach(async () => {
  db = await ratingDesk();
  key = await ratedVisit(db, 'veryDissatisfied');
});

describe('申诉', () => {
  it('is the rated person’s, once, against a 差评 only', async () => {
    await expect(appeal(otherDept)).rejects.toSatisfy((e) => messages(e).includes('appealNotRatedPerson'));
    await appeal();
    await expect(appeal()).rejects.toSatisfy((e) => messages(e).includes('alreadyAppealed'));
    const good = await ratedVisit(db, 'satisfied');
    await expect(appealRating(db, clerk, good, { reason: '无' })).rejects.toSatisfy((e) =>
      messages(e).includes('appealNotBad'),
    );
    await expect(appealRating(db, clerk, key, { reason: '' })).rejects.toSatisfy((e) =>
      messages(e).includes('alreadyAppealed'),
    );
    expect(await ratingEventTypes(db, key)).toEqual(['rating.appealed', 'rating.given']);
  });

  it('needs a reason', async () => {
    await expect(appealRating(db, clerk, key, { reason: '   ' })).rejects.toSatisfy((e) =>
      messages(e).includes('appealReasonRequired'),
    );
  });

  it('shows the rated person their own bad ratings, and the appeal to supervisors and leaders but not to them', async () => {
    await appeal();
    const views = await readRatingViews(db);
    expect(ownBadRatings((await getStaff(db, clerk))!, views).map((v) => v.state.ratingKey)).toEqual([key]);
    expect(appealsToDecide((await getStaff(db, supervisorId))!, views)).toHaveLength(1);
    expect(appealsToDecide((await getStaff(db, leaderId))!, views)).toHaveLength(1);
    expect(appealsToDecide((await getStaff(db, clerk))!, views)).toEqual([]);
    expect(appealsToDecide((await getStaff(db, otherDept))!, views)).toEqual([]);
  });
});

describe('复核', () => {
  it('upheld by a supervisor signed in online: the rating is kept, invalid with the reason, nothing left to rectify', async () => {
    await appeal();
    await decideAppeal(db, supervisor, key, { upheld: true, reason: '经查系统故障导致排队' });
    const { state } = (await readRatingView(db, key))!;
    expect(state.flags).toEqual([]);
    expect(state.invalid).toMatchObject({ by: supervisorId, reason: '经查系统故障导致排队' });
    const [item] = await readRectificationItems(db, deskCalendar(), today());
    expect(item).toMatchObject({ invalid: { reason: '经查系统故障导致排队' }, current: false });
    expect(item?.status.overdue).toBe(false);
    await expect(
      verifyRectification(db, supervisor, { origin: 'rating', key }, { on: today(), means: 'phone', note: 'x' }),
    ).rejects.toSatisfy((e) => messages(e).includes('ratingInvalidated'));
    await expect(decideAppeal(db, supervisor, key, { upheld: false, reason: '再议' })).rejects.toSatisfy((e) =>
      messages(e).includes('appealAlreadyDecided'),
    );
  });

  it('not upheld (维持差评): the rating stays valid and its rectification goes on', async () => {
    await appeal();
    await decideAppeal(db, signedInOnline(leaderId), key, { upheld: false, reason: '服务对象反映属实' });
    const { state } = (await readRatingView(db, key))!;
    expect(state.invalid).toBeUndefined();
    expect(state.appeal?.decision).toMatchObject({ upheld: false, by: leaderId });
    expect((await readRectificationItems(db, deskCalendar(), today()))[0]?.current).toBe(true);
  });

  it('refuses a decision without a verified session, by someone without the role, or with no appeal — writing nothing', async () => {
    await expect(decideAppeal(db, supervisorId, key, { upheld: true, reason: '理由' })).rejects.toSatisfy((e) =>
      messages(e).includes('noAppeal'),
    );
    await appeal();
    await expect(decideAppeal(db, supervisorId, key, { upheld: true, reason: '理由' })).rejects.toBeInstanceOf(
      SessionRequiredError,
    );
    await expect(
      decideAppeal(db, signedInOnline(otherDept), key, { upheld: true, reason: '理由' }),
    ).rejects.toSatisfy((e) => messages(e).includes('appealDeciderRole'));
    expect(await ratingEventTypes(db, key)).toEqual(['rating.appealed', 'rating.given']);
  });

  it('refuses a supervisor deciding the appeal against their own rating', async () => {
    const own = await ratedVisit(db, 'dissatisfied', supervisorId);
    await appealRating(db, supervisor, own, { reason: '非本人责任' });
    await expect(decideAppeal(db, supervisor, own, { upheld: true, reason: '成立' })).rejects.toSatisfy((e) =>
      messages(e).includes('appealOwnRating'),
    );
  });
});
