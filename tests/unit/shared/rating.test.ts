import { describe, expect, it } from 'vitest';
import { deskEventSchema } from '../../../shared/model/events.ts';
import { mayAppealRating, mayDecideAppeal } from '../../../shared/rules/followUpPermissions.ts';
import { foldRating, isCountedRating, type RatingState } from '../../../shared/rules/rating.ts';
import { rectificationStatus } from '../../../shared/rules/rectification.ts';
import { rate, satisfactionRates, validRatingOutcomes } from '../../../shared/rules/rates.ts';
import { calendar, CONTACT_ID, given, HANDLER, LEADER, ratingEv, shuffled, SUPERVISOR } from './followUpBuilders.ts';

const deciders = new Set([SUPERVISOR, LEADER]);
const fold = (...events: Parameters<typeof foldRating>[0]): RatingState => {
  const state = foldRating(events, { mayDecideAppeals: (id) => deciders.has(id) });
  if (!state) throw new Error('no rating.given');
  return state;
};
const appealed = (on: string, staffId = HANDLER) =>
  ratingEv('rating.appealed', { reason: '申请人所述排队系窗口系统故障所致，非本人原因' }, { on, staffId });
const decided = (on: string, upheld: boolean, staffId = SUPERVISOR) =>
  ratingEv(
    'rating.appealDecided',
    { upheld, reason: upheld ? '经调取录像核实，差评与本人服务无关' : '经核实，确有等候过久' },
    { on, staffId },
  );

describe('一次一评: one rating per service, at the window', () => {
  it('keeps the level, reasons and the rated person of a rating', () => {
    const state = fold(
      given('2025-06-03', 'dissatisfied', { reasons: ['longWait', 'tooSlow'], comment: '等了一个小时' }),
    );
    expect(state).toMatchObject({
      ratingKey: CONTACT_ID,
      service: { kind: 'contact', id: CONTACT_ID },
      ratedStaffId: HANDLER,
      source: 'pad',
      level: 'dissatisfied',
      reasons: ['longWait', 'tooSlow'],
      comment: '等了一个小时',
      ratedOn: '2025-06-03',
      flags: [],
    });
    expect(isCountedRating(state)).toBe(true);
  });

  it('keeps a declined rating as 未评: a later rating of the same service is a flagged duplicate, never counted', () => {
    const declined = given('2025-06-03', null);
    const filledIn = given('2025-06-04', 'verySatisfied');
    const state = fold(declined, filledIn);
    expect(state).toMatchObject({ eventId: declined.eventId, level: null, duplicateEventIds: [filledIn.eventId] });
    expect(state.flags).toEqual([{ code: 'duplicate', eventIds: [filledIn.eventId] }]);
    // Whatever order the two desks' events arrive in, the first given stands.
    expect(foldRating(shuffled([declined, filledIn]))).toEqual(state);
  });

  it('refuses at the edge a pad rating filed under another service, reasons for a good rating, a declined one with words', () => {
    const problems = (e: object) => deskEventSchema.safeParse(e).error?.issues.map((i) => i.message);
    expect(
      problems(given('2025-06-03', 'satisfied', {}, { aggregateId: '01JY000000000000000000THER' })),
    ).toBeUndefined();
    const elsewhere = { ...given('2025-06-03', 'satisfied'), aggregateId: '01JY000000000000000000THER' };
    expect(problems(elsewhere)).toEqual(['ratingKeyMismatch']);
    expect(problems(given('2025-06-03', 'satisfied', { reasons: ['longWait'] }))).toEqual(['reasonsForLowRatingOnly']);
    expect(problems(given('2025-06-03', 'basicallySatisfied', { reasons: ['longWait'] }))).toBeUndefined();
    expect(problems(given('2025-06-03', 'dissatisfied', { reasons: ['longWait', 'longWait'] }))).toEqual([
      'reasonRepeated',
    ]);
    expect(problems(given('2025-06-03', null, { comment: '不想评' }))).toEqual(['declinedHasNoComment']);
    expect(problems(given('2025-06-03', 'excellent'))?.length).toBe(1);
  });

  it('files a QR rating under its slip serial, and nothing else', () => {
    const qr = (aggregateId: string) => ({
      ...given('2025-06-03', 'satisfied', { source: 'qr' }),
      aggregateId,
    });
    expect(deskEventSchema.safeParse(qr('NYKJ-W7K2Q-2025-000127')).success).toBe(true);
    expect(deskEventSchema.safeParse(qr(CONTACT_ID)).error?.issues[0]?.message).toBe('ratingKeyMismatch');
  });
});

describe('申诉复核: the rated person appeals, someone else decides', () => {
  const bad = given('2025-06-03', 'veryDissatisfied', { reasons: ['longWait'] });

  it('invalidates the rating when the appeal is upheld: kept, shown with the reason, no longer counted', () => {
    const state = fold(bad, appealed('2025-06-04'), decided('2025-06-05', true));
    expect(state.level).toBe('veryDissatisfied');
    expect(state.invalid).toMatchObject({ by: SUPERVISOR, reason: '经调取录像核实，差评与本人服务无关' });
    expect(state.appeal?.decision).toMatchObject({ upheld: true, by: SUPERVISOR });
    expect(isCountedRating(state)).toBe(false);
    const dismissed = fold(bad, appealed('2025-06-04'), decided('2025-06-05', false, LEADER));
    expect(dismissed.invalid).toBeUndefined();
    expect(isCountedRating(dismissed)).toBe(true);
  });

  it('flags an appeal by anyone but the rated person, or against a rating that is not 差评', () => {
    const byOther = appealed('2025-06-04', 'zhang-wei');
    expect(fold(bad, byOther)).toMatchObject({ flags: [{ code: 'notAllowed', eventIds: [byOther.eventId] }] });
    const ofGood = appealed('2025-06-04');
    expect(fold(given('2025-06-03', 'basicallySatisfied'), ofGood).flags).toEqual([
      { code: 'notAllowed', eventIds: [ofGood.eventId] },
    ]);
  });

  it('flags a decision by the rated person, by someone without the role, without an appeal, or a second one', () => {
    const own = decided('2025-06-05', true, HANDLER);
    const clerk = decided('2025-06-05', true, 'zhang-wei');
    const noAppeal = decided('2025-06-04', true);
    const second = decided('2025-06-06', false, LEADER);
    const state = fold(bad, noAppeal, appealed('2025-06-04'), own, clerk, decided('2025-06-05', true), second);
    expect(state.flags.map((f) => [f.code, f.eventIds[0]])).toEqual([
      ['outOfOrder', noAppeal.eventId],
      ['notAllowed', own.eventId],
      ['notAllowed', clerk.eventId],
      ['conflictingTransition', second.eventId],
    ]);
    expect(state.invalid).toBeDefined();
  });

  it('lets the desk offer the appeal and the decision only to whom the rules allow', () => {
    const state = fold(bad);
    expect(mayAppealRating(HANDLER, state)).toBe(true);
    expect(mayAppealRating('zhang-wei', state)).toBe(false);
    expect(mayAppealRating(HANDLER, fold(given('2025-06-03', 'satisfied')))).toBe(false);
    const pending = fold(bad, appealed('2025-06-04'));
    expect(mayAppealRating(HANDLER, pending)).toBe(false);
    const huang = { id: SUPERVISOR, roles: ['supervisor' as const], active: true };
    expect(mayDecideAppeal(huang, state)).toBe(false); // nothing to decide yet
    expect(mayDecideAppeal(huang, pending)).toBe(true);
    expect(mayDecideAppeal({ id: LEADER, roles: ['leader'], active: true }, pending)).toBe(true);
    expect(mayDecideAppeal({ id: 'chen-jing', roles: ['deptHead'], active: true }, pending)).toBe(false);
    expect(mayDecideAppeal({ id: HANDLER, roles: ['supervisor'], active: true }, pending)).toBe(false);
    expect(mayDecideAppeal(huang, fold(bad, appealed('2025-06-04'), decided('2025-06-05', false)))).toBe(false);
  });
});

describe('a 差评 opens rectification, due in working days', () => {
  const verified = (on: string, staffId = SUPERVISOR) =>
    ratingEv('rating.verified', { on, means: 'phone', note: '已回电核实' }, { on, staffId });

  it('opens on 不满意 and 非常不满意 only', () => {
    expect(fold(given('2025-06-03', 'dissatisfied')).rectification).toMatchObject({ openedOn: '2025-06-03' });
    expect(fold(given('2025-06-03', 'basicallySatisfied')).rectification).toBeUndefined();
    const stray = verified('2025-06-04');
    expect(fold(given('2025-06-03', null), stray).flags).toEqual([{ code: 'outOfOrder', eventIds: [stray.eventId] }]);
  });

  it('goes through verification, 立行立改 and feedback to a new rating, and is red when late', () => {
    const bad = given('2025-06-03', 'dissatisfied');
    const open = fold(bad).rectification!;
    expect(rectificationStatus(open, calendar, 5, '2025-06-11')).toMatchObject({
      stage: 'verify',
      dueOn: '2025-06-10',
      overdue: true,
    });
    const byRated = verified('2025-06-04', HANDLER);
    const state = fold(
      bad,
      byRated,
      verified('2025-06-04'),
      ratingEv(
        'rating.rectified',
        { mode: 'immediate', note: '当场补充告知' },
        { on: '2025-06-04', staffId: SUPERVISOR },
      ),
      ratingEv(
        'rating.feedbackGiven',
        { on: '2025-06-05', how: 'phone', newLevel: 'satisfied' },
        { on: '2025-06-05', staffId: SUPERVISOR },
      ),
    );
    expect(state.flags).toEqual([{ code: 'notAllowed', eventIds: [byRated.eventId] }]);
    expect(rectificationStatus(state.rectification!, calendar, 5, '2025-06-11')).toMatchObject({
      stage: 'done',
      overdue: false,
    });
    // The first level stands: feedback's new level is what 整改满意率 reads, not a change of the rating.
    expect(state.level).toBe('dissatisfied');
  });

  it('never lets the rated person close their own 差评: a 解释说明 or feedback by them is flagged and not applied', () => {
    const bad = given('2025-06-03', 'veryDissatisfied');
    const explained = ratingEv('rating.rectified', { mode: 'explained', note: '已向申请人解释' }, { on: '2025-06-04' });
    const told = ratingEv('rating.feedbackGiven', { on: '2025-06-05', how: 'phone' }, { on: '2025-06-05' });
    const state = fold(bad, verified('2025-06-04'), explained, told);
    expect(state.flags).toEqual([
      { code: 'notAllowed', eventIds: [explained.eventId] },
      { code: 'notAllowed', eventIds: [told.eventId] },
    ]);
    expect(state.rectification?.decision).toBeUndefined();
    expect(state.rectification?.feedback).toBeUndefined();
    expect(satisfactionRates(validRatingOutcomes([state])).rectifiedRate).toEqual(rate(0, 1));
    // With the directory too (as every desk and HQ fold it), the rated person is refused though in the department.
    const withDirectory = foldRating([bad, explained], {
      staffOf: (id) => (id === HANDLER ? { roles: ['clerk'], departmentId: 'dept-a' } : undefined),
    });
    expect(withDirectory?.flags).toEqual([{ code: 'notAllowed', eventIds: [explained.eventId] }]);
  });

  it('flags and does not apply a decision before the call-back, or feedback before a decision', () => {
    const bad = given('2025-06-03', 'dissatisfied');
    const early = ratingEv(
      'rating.rectified',
      { mode: 'explained', note: '已解释' },
      { on: '2025-06-04', staffId: SUPERVISOR },
    );
    const feedback = ratingEv(
      'rating.feedbackGiven',
      { on: '2025-06-05', how: 'phone', newLevel: 'satisfied' },
      { on: '2025-06-05', staffId: SUPERVISOR },
    );
    const state = fold(bad, early, feedback);
    expect(state.flags).toEqual([
      { code: 'outOfOrder', eventIds: [early.eventId] },
      { code: 'outOfOrder', eventIds: [feedback.eventId] },
    ]);
    expect(state.rectification).toEqual({ openedByEventId: bad.eventId, openedOn: '2025-06-03' });
    const rates = satisfactionRates(validRatingOutcomes([state]));
    expect(rates.rectifiedRate).toEqual(rate(0, 1));
    expect(rates.rectificationSatisfiedRate).toEqual(rate(0, 0));
    // A call-back written later does not make the earlier decision count: it stays unapplied.
    const later = fold(bad, early, verified('2025-06-06'));
    expect(later.rectification?.verification).toBeDefined();
    expect(later.rectification?.decision).toBeUndefined();
  });

  it('flags a rating event that came before the rating itself', () => {
    const early = appealed('2025-06-02');
    expect(fold(early, given('2025-06-03', 'dissatisfied')).flags).toEqual([
      { code: 'eventBeforeGiven', eventIds: [early.eventId] },
    ]);
    expect(foldRating([early])).toBeNull();
  });
});
