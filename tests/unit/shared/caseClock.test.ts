import { describe, expect, it } from 'vitest';
import {
  caseClock,
  deemedAcceptanceOn,
  dueDateOn,
  extensionVerdicts,
  firstAnswerDay,
  supplementLegalLimit,
} from '../../../shared/rules/case.ts';
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
    const late = fold(opened(MON), accepted('2025-03-12', { promisedLimitDays: 8 }));
    expect(caseClock(late, calendar)).toMatchObject({ acceptedOn: MON, limitDays: 8 });
    const inTime = fold(opened(MON), accepted('2025-03-10', { promisedLimitDays: 8 }));
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

  it('a case that ended without acceptance has no clock, however late it ended', () => {
    const withdrawn = caseEv('case.withdrawn', { on: '2025-03-20', how: 'phone' }, { on: '2025-03-20' });
    const closed = caseEv(
      'case.closed',
      { on: '2025-03-20', reason: 'applicantUnreachable', note: '多次联系未果' },
      { on: '2025-03-20' },
    );
    for (const end of [withdrawn, closed]) {
      const state = fold(opened(MON), end);
      expect(firstAnswerDay(state)).toBe('2025-03-20');
      expect(deemedAcceptanceOn(state, calendar)).toBe(MON);
      expect(caseClock(state, calendar, '2025-03-21')).toBeNull();
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
    const verdicts = extensionVerdicts(
      caseClock(fold(opened(MON), acceptedMon), calendar)!,
      fold(opened(MON), acceptedMon, lateFirst, extensionDecided(lateFirst, '2025-03-11'), second).extensions,
      calendar,
    );
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
