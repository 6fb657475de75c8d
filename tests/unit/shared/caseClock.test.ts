import { describe, expect, it } from 'vitest';
import {
  caseClock,
  clockVerdicts,
  deemedAcceptanceOn,
  dueDateOn,
  firstAnswerDay,
  supplementLegalLimit,
} from '../../../shared/rules/case.ts';
import { caseBreaches } from '../../../shared/rules/caseTimeliness.ts';
import { caseDeadline } from '../../../shared/rules/deadline.ts';
import {
  accepted,
  calendar,
  caseEv,
  extensionDecided,
  extensionRequested,
  fold,
  LEADER,
  opened,
  supplement,
} from './caseBuilders.ts';

const MON = '2025-03-03'; // received on a Monday: the 5th working day after is Mon 10 March
const FRI = '2025-03-07';
const due = (state: Parameters<typeof caseClock>[0], today: string) => {
  const input = caseClock(state, calendar, today);
  return input ? caseDeadline(input, calendar, today).dueDate : null;
};

describe('行政许可法 §32 / art. 11: 视为受理 when nobody answered within 5 working days', () => {
  it('art. 11: the outer limit is the 5th working day after receipt, a holiday not counted', () => {
    expect(supplementLegalLimit({ receivedOn: MON }, calendar)).toBe('2025-03-10');
    // Received Tue 29 April 2025: Wed 30 April, then 1–5 May are the 劳动节 holiday: 6, 7, 8, 9 May.
    expect(supplementLegalLimit({ receivedOn: '2025-04-29' }, calendar)).toBe('2025-05-09');
  });

  it('art. 11: an unanswered application is not deemed accepted on the 5th working day, and is on the 6th', () => {
    const state = fold(opened(MON, { promisedLimitDays: 10 }));
    expect(deemedAcceptanceOn(state, calendar, '2025-03-10')).toBeUndefined();
    expect(caseClock(state, calendar, '2025-03-10')).toBeNull();
    expect(deemedAcceptanceOn(state, calendar, '2025-03-11')).toBe(MON);
    // The clock runs from receipt with the limits the opening recorded: 10 working days after Mon 3 March.
    expect(caseClock(state, calendar, '2025-03-11')).toEqual({
      acceptedOn: MON,
      limitDays: 10,
      pauses: [],
      extensions: [],
    });
    expect(due(state, '2025-03-11')).toBe('2025-03-17');
  });

  it('art. 11: a holiday inside the 5 days moves the deemed acceptance with it', () => {
    const state = fold(opened('2025-04-29'));
    expect(caseClock(state, calendar, '2025-05-09')).toBeNull();
    expect(caseClock(state, calendar, '2025-05-10')?.acceptedOn).toBe('2025-04-29');
    expect(fold(opened('2025-04-29'), supplement('2025-05-09')).status).toBe('supplementRequested');
    expect(caseClock(fold(opened('2025-04-29'), supplement('2025-05-09')), calendar, '2025-05-20')).toBeNull();
    expect(caseClock(fold(opened('2025-04-29'), supplement('2025-05-12')), calendar)?.acceptedOn).toBe('2025-04-29');
  });

  it('without today only what the events prove counts; without recorded limits there is no clock to run', () => {
    expect(caseClock(fold(opened(MON)), calendar)).toBeNull();
    const older = fold(opened(MON, { promisedLimitDays: undefined, statutoryLimitDays: undefined }));
    expect(deemedAcceptanceOn(older, calendar, '2025-03-20')).toBe(MON);
    expect(caseClock(older, calendar, '2025-03-20')).toBeNull();
  });

  it('a late supplement notice does not stop the deemed acceptance: the clock runs from receipt', () => {
    const state = fold(opened(MON), supplement('2025-03-11'));
    expect(state.status).toBe('supplementRequested');
    expect(caseClock(state, calendar)?.acceptedOn).toBe(MON);
    expect(caseClock(fold(opened(MON), supplement('2025-03-10')), calendar, '2025-04-01')).toBeNull();
  });

  it('a late acceptance recorded without the deemed mark still runs from receipt, with its own limit', () => {
    const opened8 = opened(MON, { promisedLimitDays: 8 });
    const late = fold(opened8, accepted('2025-03-12', { promisedLimitDays: 8 }));
    expect(caseClock(late, calendar)).toMatchObject({ acceptedOn: MON, limitDays: 8 });
    const inTime = fold(opened8, accepted('2025-03-10', { promisedLimitDays: 8 }));
    expect(caseClock(inTime, calendar)).toMatchObject({ acceptedOn: '2025-03-10', limitDays: 8 });
    const deemed = fold(opened(MON), accepted(MON, { deemed: true }));
    expect(deemedAcceptanceOn(deemed, calendar)).toBe(MON);
    expect(caseClock(deemed, calendar)?.acceptedOn).toBe(MON);
  });

  it('a supplement given in time and answered later starts the clock at acceptance', () => {
    const state = fold(opened(MON), supplement(MON), accepted('2025-03-20'));
    expect(caseClock(state, calendar)?.acceptedOn).toBe('2025-03-20');
  });

  it('a pending rejection proposal answers in time; an overruled one does not', () => {
    const propose = (on: string) =>
      caseEv('case.rejectionProposed', { reason: '不属于受理范围', legalBasis: '第六条', toLeaderId: LEADER }, { on });
    const overrule = (on: string) =>
      caseEv('case.rejectionReviewed', { decision: 'overruled', note: '可补正' }, { on, staffId: LEADER });
    const pending = fold(opened(MON), propose('2025-03-05'));
    expect(firstAnswerDay(pending)).toBe('2025-03-05');
    expect(caseClock(pending, calendar, '2025-03-20')).toBeNull();
    const overruled = fold(opened(MON), propose('2025-03-05'), overrule('2025-03-06'));
    expect(firstAnswerDay(overruled)).toBeUndefined();
    expect(caseClock(overruled, calendar, '2025-03-20')?.acceptedOn).toBe(MON);
    const lateProposal = fold(opened(MON), propose('2025-03-12'));
    expect(caseClock(lateProposal, calendar)?.acceptedOn).toBe(MON);
  });

  it('art. 18(1): a case that counted as accepted keeps its clock when it ends, judged up to the day it ended', () => {
    const end = (type: 'case.withdrawn' | 'case.closed', on: string) =>
      type === 'case.withdrawn'
        ? caseEv(type, { on, how: 'phone' }, { on })
        : caseEv(type, { on, reason: 'applicantUnreachable', note: '多次联系未果' }, { on });
    for (const type of ['case.withdrawn', 'case.closed'] as const) {
      const state = fold(opened(MON), end(type, '2025-03-20'));
      expect(firstAnswerDay(state)).toBe('2025-03-20');
      expect(deemedAcceptanceOn(state, calendar)).toBe(MON);
      expect(caseClock(state, calendar, '2025-03-21')).toEqual({
        acceptedOn: MON,
        limitDays: 5,
        pauses: [],
        extensions: [],
      });
      // Due 10 March; ended on Thu 20 March: 8 working days over, and no more however long after.
      expect(caseBreaches(state, calendar, '2025-06-30')).toContainEqual({
        code: 'overdue',
        article: 'art. 18(1)',
        since: '2025-03-11',
        days: 8,
      });
      // Ended within the five working days: it never counted as accepted, there is no clock.
      expect(caseClock(fold(opened(MON), end(type, '2025-03-10')), calendar, '2025-06-30')).toBeNull();
    }
  });

  it('the first answer is the earliest of them all', () => {
    const state = fold(opened(MON), supplement('2025-03-04'), accepted('2025-03-06'));
    expect(firstAnswerDay(state)).toBe('2025-03-04');
    expect(firstAnswerDay(fold(opened(MON), accepted('2025-03-06')))).toBe('2025-03-06');
  });
});

describe('art. 17 / 18(1): an extension counts only when requested and approved by the due date in force', () => {
  // Accepted Mon 3 March 2025, 5 working days: due Mon 10 March; 5 more: Mon 17 March.
  const acceptedMon = accepted(MON);
  const clockDue = (...events: Parameters<typeof fold>) => due(fold(opened(MON), acceptedMon, ...events), MON);

  it('art. 17: requested and approved on the due date itself: the days count', () => {
    const r = extensionRequested('2025-03-10');
    expect(clockDue(r, extensionDecided(r, '2025-03-10'))).toBe('2025-03-17');
  });

  it('art. 18(2): requested the day after the due date: kept on the record, no days added', () => {
    const r = extensionRequested('2025-03-11');
    const state = fold(opened(MON), acceptedMon, r, extensionDecided(r, '2025-03-11'));
    expect(state.extensions[0]?.decision).toBe('approved');
    expect(caseClock(state, calendar)?.extensions).toEqual([]);
    expect(due(state, MON)).toBe('2025-03-10');
  });

  it('art. 17/18(1): requested in time but approved the day after the due date: no days added', () => {
    const r = extensionRequested('2025-03-07');
    expect(clockDue(r, extensionDecided(r, '2025-03-11'))).toBe('2025-03-10');
    expect(clockDue(r, extensionDecided(r, '2025-03-10'))).toBe('2025-03-17');
  });

  it('a refused extension adds nothing, and a pending one nothing yet', () => {
    const r = extensionRequested('2025-03-05');
    expect(clockDue(r, extensionDecided(r, '2025-03-06', 'refused'))).toBe('2025-03-10');
    expect(clockDue(r)).toBe('2025-03-10');
  });

  it('a second extension is judged against the due date the first one set', () => {
    const first = extensionRequested('2025-03-05');
    const second = extensionRequested('2025-03-14', 3);
    // After the first: due 17 March; the second, approved on 17 March, is in time: 18, 19, 20 March.
    expect(clockDue(first, extensionDecided(first, '2025-03-06'), second, extensionDecided(second, '2025-03-17'))).toBe(
      '2025-03-20',
    );
    // Had the first come too late, the second is judged against 10 March and is too late as well.
    const lateFirst = extensionRequested('2025-03-11');
    const verdicts = clockVerdicts(
      fold(opened(MON), acceptedMon, lateFirst, extensionDecided(lateFirst, '2025-03-11'), second),
      calendar,
    )!.extensions;
    expect(verdicts.map((v) => [v.requestedInTime, v.decidedInTime, v.counts, v.dueAtRequest])).toEqual([
      [false, false, false, '2025-03-10'],
      [false, undefined, false, '2025-03-10'],
    ]);
  });

  it('art. 17: the due date in force counts a pause already running that day', () => {
    // Paused from Fri 7 March, still paused on Wed 12: the due date then was Fri 14 (4 Mar… 6 Mar, 13, 14 March).
    const paused = caseEv('case.paused', { from: '2025-03-07', reason: 'expertReview', note: '专家评审' }, { on: MON });
    const base = caseClock(fold(opened(MON), acceptedMon, paused), calendar)!;
    expect(dueDateOn(base, calendar, '2025-03-12')).toBe('2025-03-14');
    // A pause not begun yet on that day is not known then.
    expect(dueDateOn(base, calendar, '2025-03-06')).toBe('2025-03-10');
    const r = extensionRequested('2025-03-12');
    expect(clockDue(paused, r, extensionDecided(r, '2025-03-12'))).not.toBe(clockDue(paused));
  });

  it('judges the day of the act in Beijing, not the UTC day of its stamp', () => {
    // 07:00 on 11 March in Beijing is still 10 March in UTC: the request is a day late all the same.
    const r = caseEv(
      'case.extensionRequested',
      { days: 5, reason: '需组织专家评审' },
      { on: '2025-03-11', time: '07:00' },
    );
    expect(r.occurredAt.slice(0, 10)).toBe('2025-03-10');
    expect(clockDue(r, extensionDecided(r, '2025-03-11'))).toBe('2025-03-10');
  });
});

describe('art. 17, 18(1): a pause counts like an extension, on the day it was recorded (issue 12 review B2)', () => {
  // Accepted Mon 3 March, 5 working days: due Mon 10 March.
  const pausedFrom = (from: string, recorded: string) =>
    caseEv('case.paused', { from, reason: 'expertReview', note: '专家评审' }, { on: recorded, v: 2 });
  const resumedOn = (on: string, recorded: string) => caseEv('case.resumed', { on }, { on: recorded });
  const running = (...events: Parameters<typeof fold>) => fold(opened(MON), accepted(MON), ...events);

  it('art. 18(1): a pause recorded after the due date, dated back before it, adds nothing: the case stays overdue', () => {
    const state = running(pausedFrom('2025-03-05', '2025-03-14'), resumedOn('2025-03-14', '2025-03-14'));
    expect(due(state, '2025-03-14')).toBe('2025-03-10');
    expect(clockVerdicts(state, calendar)!.pauses.map((v) => [v.recordedOn, v.dueAtRecording, v.counts])).toEqual([
      ['2025-03-14', '2025-03-10', false],
    ]);
    expect(caseBreaches(state, calendar, '2025-03-14').map((b) => `${b.code}@${b.since}`)).toEqual([
      'overdue@2025-03-11',
    ]);
  });

  it('art. 17, 18(1): a pause recorded on or before the due date in force counts, from the day it was recorded at the earliest', () => {
    // Recorded on Wed 5 March from Wed 5: 4 March, (5–7 paused), 10, 11, 12, 13 March.
    expect(due(running(pausedFrom('2025-03-05', '2025-03-05'), resumedOn(FRI, FRI)), FRI)).toBe('2025-03-13');
    // Typed as from Wed 5 but recorded on Fri 7: it counts from the 7th only (a pause typed further back would move
    // the due date after the fact): 4, 5, 6 March, (7 paused), 10, 11 March.
    expect(due(running(pausedFrom('2025-03-05', FRI), resumedOn(FRI, FRI)), FRI)).toBe('2025-03-11');
    // Recorded on the due date itself: in time. Recorded the day after, from the due date: too late.
    expect(due(running(pausedFrom('2025-03-10', '2025-03-10'), resumedOn('2025-03-11', '2025-03-11')), FRI)).toBe(
      '2025-03-12',
    );
    expect(due(running(pausedFrom('2025-03-10', '2025-03-11'), resumedOn('2025-03-11', '2025-03-11')), FRI)).toBe(
      '2025-03-10',
    );
  });

  it('art. 17: a second pause is judged against the due date the first one set, an extension against both', () => {
    // First pause 5–6 March moves the due date to Wed 12 March; a pause recorded on the 12th is in time.
    const first = [pausedFrom('2025-03-05', '2025-03-05'), resumedOn('2025-03-06', '2025-03-06')];
    const second = [pausedFrom('2025-03-12', '2025-03-12'), resumedOn('2025-03-12', '2025-03-12')];
    expect(due(running(...first, ...second), '2025-03-12')).toBe('2025-03-13');
    expect(due(running(...second), '2025-03-12')).toBe('2025-03-10');
    // An extension of 3 days approved on 10 March makes a pause recorded on the 12th timely: 14, then 17 March.
    const r = extensionRequested('2025-03-07', 3);
    expect(due(running(r, extensionDecided(r, '2025-03-10'), ...second), '2025-03-12')).toBe('2025-03-14');
  });

  it('a resume dated ahead counts only up to the day it was recorded', () => {
    const state = running(pausedFrom('2025-03-05', '2025-03-05'), resumedOn('2025-06-30', '2025-03-06'));
    expect(state.pauses[0]?.to).toBe('2025-03-06');
    // 4 March, (5–6 paused), 7, 10, 11, 12 March.
    expect(due(state, '2025-03-06')).toBe('2025-03-12');
  });
});

describe('art. 15, §32: the clock holds to what the opening recorded (issue 12 review D4, D6)', () => {
  it('art. 15: an acceptance with limits unlike the opening’s is flagged, and the clock keeps the opening’s limit', () => {
    const longer = fold(opened(MON), accepted(MON, { promisedLimitDays: 60, statutoryLimitDays: undefined }));
    expect(longer.flags.map((f) => f.code)).toEqual(['notAllowed']);
    expect(caseClock(longer, calendar)!.limitDays).toBe(5);
    // A shorter one is flagged too; it can only be stricter, so the clock keeps it.
    expect(caseClock(fold(opened(MON), accepted(MON, { promisedLimitDays: 3 })), calendar)!.limitDays).toBe(3);
    // An older case whose opening recorded no limits keeps the acceptance's.
    const older = fold(opened(MON, { promisedLimitDays: undefined, statutoryLimitDays: undefined }), accepted(MON));
    expect(older.flags).toEqual([]);
    expect(caseClock(older, calendar)!.limitDays).toBe(5);
  });

  it('§32: a deemed acceptance runs from receipt whatever day it names', () => {
    const forged = fold(
      opened(MON, { intake: 'leftForReview' }),
      accepted('2025-03-20', { deemed: true }, { on: '2025-03-20' }),
    );
    expect(forged.flags.map((f) => f.code)).toEqual(['notAllowed']);
    expect(deemedAcceptanceOn(forged, calendar)).toBe(MON);
    expect(caseClock(forged, calendar)?.acceptedOn).toBe(MON);
    expect(caseBreaches(forged, calendar, '2025-03-20').map((b) => `${b.code}@${b.since}`)).toEqual([
      'deemedAccepted@2025-03-11',
      'overdue@2025-03-11',
    ]);
  });

  it('art. 14: an acceptance day typed after the day it was recorded does not start the clock late', () => {
    const ahead = fold(opened(MON), accepted(FRI, {}, { on: '2025-03-04' }));
    expect(caseClock(ahead, calendar)?.acceptedOn).toBe('2025-03-04');
    // As an answer it counts on the later day: typed past the five working days, the application counted as accepted.
    const late = fold(opened(MON), accepted('2025-03-14', {}, { on: '2025-03-04' }));
    expect(caseClock(late, calendar)?.acceptedOn).toBe(MON);
  });

  it('art. 11: five working days over National Day 2025', () => {
    const state = fold(opened('2025-09-29', { intake: 'leftForReview' }));
    // 30 Sep, then 1–8 October are the holiday (11 October a make-up working day): 9, 10, 11, 13 October.
    expect(supplementLegalLimit(state, calendar)).toBe('2025-10-13');
    expect(deemedAcceptanceOn(state, calendar, '2025-10-13')).toBeUndefined();
    expect(deemedAcceptanceOn(state, calendar, '2025-10-14')).toBe('2025-09-29');
  });
});

describe('the ends and limits that decide a deemed clock (issue 12 review B4, D4)', () => {
  it('art. 15: an acceptance that drops or changes only the statutory limit is flagged too', () => {
    expect(fold(opened(MON), accepted(MON, { statutoryLimitDays: 12 })).flags.map((f) => f.code)).toEqual([
      'notAllowed',
    ]);
    expect(fold(opened(MON), accepted(MON)).flags).toEqual([]);
  });

  it('art. 8(二), 18(1): a 不予受理 approved after the application counted as accepted ends its clock on the day approved', () => {
    const proposed = caseEv(
      'case.rejectionProposed',
      { reason: '不属于受理范围', legalBasis: '第六条', toLeaderId: LEADER },
      { on: '2025-03-12' },
    );
    const approved = caseEv('case.rejectionReviewed', { decision: 'approved' }, { on: '2025-03-14', staffId: LEADER });
    const state = fold(opened(MON, { intake: 'leftForReview' }), proposed, approved);
    expect(state.status).toBe('rejected');
    // Due 10 March from receipt; ended Fri 14 March: 4 working days over, however late it is read.
    expect(caseBreaches(state, calendar, '2025-06-30')).toContainEqual({
      code: 'overdue',
      article: 'art. 18(1)',
      since: '2025-03-11',
      days: 4,
    });
  });
});
