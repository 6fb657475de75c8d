import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SETTINGS } from '../../../shared/model/reference.ts';
import type { CaseState } from '../../../shared/rules/case.ts';
import { foldFollowUp, type FollowUpState } from '../../../shared/rules/followUp.ts';
import { followUpTasks } from '../../../shared/rules/followUpTasks.ts';
import {
  followUpRates,
  outcomeOfFollowUp,
  rate,
  type RatedOutcome,
  satisfactionRates,
  selectRatings,
  validRatingOutcomes,
} from '../../../shared/rules/rates.ts';
import { foldRating, type RatingState } from '../../../shared/rules/rating.ts';
import type { RatingEvent } from '../../../shared/model/ratingEvents.ts';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import { attempted, calendar, given, ratingEv, recorded, SUPERVISOR, ulid } from './followUpBuilders.ts';

// Every expected figure below is worked out by hand from the list above it, not by the code under test.

const key = () => ulid(Date.UTC(2025, 5, 3));
/** One rating of its own service, with whatever followed it. */
function rating(level: string | null, after: (id: string) => RatingEvent[] = () => [], on = '2025-06-03'): RatingState {
  const id = key();
  return foldRating([given(on, level, {}, { aggregateId: id }), ...after(id)])!;
}
const at = (id: string, on = '2025-06-04') => ({ on, aggregateId: id, staffId: SUPERVISOR });
const verified = (id: string) =>
  ratingEv('rating.verified', { on: '2025-06-04', means: 'phone', note: '已核实' }, at(id));
const rectified = (id: string) => ratingEv('rating.rectified', { mode: 'immediate', note: '已整改' }, at(id));
const feedback = (id: string, newLevel: string) =>
  ratingEv('rating.feedbackGiven', { on: '2025-06-05', how: 'phone', newLevel }, at(id, '2025-06-05'));
const invalidated = (id: string) => [
  ratingEv('rating.appealed', { reason: '非本人服务' }, { on: '2025-06-04', aggregateId: id, staffId: 'liu-yang' }),
  ratingEv('rating.appealDecided', { upheld: true, reason: '核实属实' }, at(id, '2025-06-05')),
];

describe('好差评 rates, with numerator and denominator', () => {
  // 7 valid ratings: 3 非常满意, 1 满意, 1 基本满意, 1 不满意, 1 declined (later "filled in": a duplicate);
  // and 1 非常不满意 invalidated on appeal.
  const ratings = [
    rating('verySatisfied'),
    rating('verySatisfied'),
    rating('verySatisfied'),
    rating('satisfied'),
    rating('basicallySatisfied'),
    rating('dissatisfied'),
    rating(null, (id) => [given('2025-06-04', 'verySatisfied', {}, { aggregateId: id })]),
    rating('veryDissatisfied', invalidated),
  ];

  it('好评率 4/6 (基本满意 is not 好评), 差评率 1/6, 未评率 1/7; the invalidated and the duplicate count nowhere', () => {
    const rates = satisfactionRates(validRatingOutcomes(ratings));
    expect(rates.goodRate).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
    expect(rates.badRate).toEqual({ numerator: 1, denominator: 6, value: 1 / 6 });
    expect(rates.unratedRate).toEqual({ numerator: 1, denominator: 7, value: 1 / 7 });
  });

  it('差评回访率 3/4, 整改率 2/4, 整改满意率 1/2 over four valid 差评 and one invalidated', () => {
    const bad = [
      rating('dissatisfied', (id) => [verified(id), rectified(id), feedback(id, 'satisfied')]),
      rating('veryDissatisfied', (id) => [verified(id), rectified(id), feedback(id, 'dissatisfied')]),
      rating('dissatisfied', (id) => [verified(id)]),
      rating('dissatisfied'),
      rating('veryDissatisfied', (id) => [...invalidated(id), verified(id), rectified(id), feedback(id, 'satisfied')]),
    ];
    const rates = satisfactionRates(validRatingOutcomes(bad));
    expect(rates.badFollowedUpRate).toEqual(rate(3, 4));
    expect(rates.rectifiedRate).toEqual(rate(2, 4));
    expect(rates.rectificationSatisfiedRate).toEqual(rate(1, 2));
    expect(rates.badRate).toEqual(rate(4, 4));
  });

  it('has no value, not 0 %, when nothing was rated', () => {
    expect(satisfactionRates([]).goodRate).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(satisfactionRates(validRatingOutcomes([rating(null)])).goodRate.value).toBeNull();
    expect(satisfactionRates(validRatingOutcomes([rating(null)])).unratedRate.value).toBe(1);
  });

  it('selects a staff member’s ratings in a period, both ends included', () => {
    const early = rating('satisfied', undefined, '2025-05-30');
    const first = rating('satisfied', undefined, '2025-06-01');
    const last = rating('satisfied', undefined, '2025-06-30');
    const all = [early, first, last];
    expect(selectRatings(all, { from: '2025-06-01', to: '2025-06-30' })).toEqual([first, last]);
    expect(selectRatings(all, { staffIds: ['zhang-wei'] })).toEqual([]);
    expect(selectRatings(all, { staffIds: ['liu-yang'], to: '2025-05-31' })).toEqual([early]);
  });

  it('counts a follow-up by its first record’s overall level, a 不愿评价 as 未评', () => {
    const said = foldFollowUp([recorded('2025-06-05', 'satisfied')])!;
    const notSaid = foldFollowUp([recorded('2025-06-05', 'satisfied', { ratings: { attitude: 'satisfied' } })])!;
    const outcomes = [said, notSaid].map(outcomeOfFollowUp).filter((o) => o !== undefined);
    expect(satisfactionRates(outcomes)).toMatchObject({ goodRate: rate(1, 1), unratedRate: rate(1, 2) });
    expect(outcomeOfFollowUp(foldFollowUp([attempted('2025-06-05')])!)).toBeUndefined();
  });
});

describe('follow-up coverage and on-time follow-up (art. 27)', () => {
  it('covers 2 of 4 tasks, 1 of them on time', () => {
    const ids = [key(), key(), key(), key()];
    const cases = ids.map(
      (caseId) =>
        ({ caseId, contactId: caseId, status: 'completed', completion: { completedOn: '2025-06-03' } }) as CaseState,
    );
    const tasks = followUpTasks({
      cases,
      contacts: [],
      settings: DEFAULT_FOLLOW_UP_SETTINGS,
      calendar,
      departmentOf: () => undefined,
    });
    expect(tasks.map((t) => t.dueOn)).toEqual(['2025-06-10', '2025-06-10', '2025-06-10', '2025-06-10']);
    const states = new Map<string, FollowUpState | null>([
      [ids[0]!, foldFollowUp([recorded('2025-06-10', 'satisfied', {}, { aggregateId: ids[0]! })])], // on the due day
      [ids[1]!, foldFollowUp([recorded('2025-06-11', 'satisfied', {}, { aggregateId: ids[1]! })])], // a day late
      [ids[2]!, foldFollowUp([attempted('2025-06-05', { aggregateId: ids[2]! })])], // tried, never reached
    ]);
    expect(followUpRates(tasks, (id) => states.get(id))).toEqual({
      followUpCoverage: rate(2, 4),
      followUpOnTime: rate(1, 4),
    });
    expect(followUpRates([], () => null).followUpCoverage.value).toBeNull();
  });
});

describe('主动评价好评率 and 整改率 after a call-back only', () => {
  it('counts 好评 among the QR ratings the applicant gave unprompted, and no pad rating', () => {
    const qr = (level: string | null) => ({ ...rating(level), source: 'qr' as const });
    // QR: 非常满意, 基本满意, 不满意, declined → 1 好评 of 3 with a level. Pad: 2 满意, not counted here.
    const ratings = [qr('verySatisfied'), qr('basicallySatisfied'), qr('dissatisfied'), qr(null)];
    const pad = [rating('satisfied'), rating('satisfied')];
    const rates = satisfactionRates(validRatingOutcomes([...ratings, ...pad]));
    expect(rates.proactiveGoodRate).toEqual(rate(1, 3));
    expect(rates.goodRate).toEqual(rate(3, 5));
    expect(satisfactionRates(validRatingOutcomes(pad)).proactiveGoodRate.value).toBeNull();
  });

  it('does not count a decision that no call-back preceded in 整改率, whatever the outcome says', () => {
    const base = rating('dissatisfied');
    const act = { by: SUPERVISOR as StaffId, at: '2025-06-04T02:00:00Z' };
    const decision = { ...act, eventId: 'd', mode: 'immediate' as const, note: '' };
    const unverified: RatedOutcome = { level: base.level, rectification: { ...base.rectification!, decision } };
    const verification = { ...act, eventId: 'v', on: '2025-06-04' as IsoDate, means: 'phone' as const, note: '' };
    const verifiedToo: RatedOutcome = {
      level: base.level,
      rectification: { ...base.rectification!, decision, verification },
    };
    expect(satisfactionRates([unverified, verifiedToo]).rectifiedRate).toEqual(rate(1, 2));
  });
});
