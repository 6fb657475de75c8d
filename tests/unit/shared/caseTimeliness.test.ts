import { describe, expect, it } from 'vitest';
import {
  caseBreaches,
  resultNotice,
  stepStatus,
  supplementNotice,
  type ProcedureStepLimit,
} from '../../../shared/rules/caseTimeliness.ts';
import { caseClock, type CaseState } from '../../../shared/rules/case.ts';
import {
  accepted,
  allReceived,
  calendar,
  caseEv,
  CLERK,
  completed,
  extensionDecided,
  extensionRequested,
  fold,
  missing,
  opened,
  resultNotified,
  supplement,
} from './caseBuilders.ts';

const MON = '2025-03-03'; // Monday; 5 working days after it: Mon 10 March
const FRI = '2025-03-07';
const codes = (state: CaseState, today: string, steps?: readonly ProcedureStepLimit[]) =>
  caseBreaches(state, calendar, today, steps).map((b) => b.code);
// Promised 10 working days, so a deemed acceptance (clock from receipt) is not overdue in the same week.
const leftForReview = (limits: Record<string, unknown> = { promisedLimitDays: 10 }) =>
  opened(MON, { intake: 'leftForReview', ...limits });

describe('art. 11 立即告知补正 and 行政许可法 §32', () => {
  it('art. 11: an incomplete in-person application is told 立即, the same day; told the next day it is a breach that stays', () => {
    const sameDay = fold(opened(MON), missing(MON), supplement(MON));
    expect(supplementNotice(sameDay, calendar, '2025-03-20')).toEqual({ dueDate: MON, state: 'given', givenOn: MON });
    expect(caseBreaches(sameDay, calendar, '2025-03-20')).toEqual([]);

    const nextDay = fold(opened(MON), missing(MON), supplement('2025-03-04'));
    expect(supplementNotice(nextDay, calendar, '2025-03-04').state).toBe('givenLate');
    expect(caseBreaches(nextDay, calendar, '2025-03-20')).toEqual([
      { code: 'supplementNotImmediate', article: 'art. 11', since: '2025-03-04', days: 1 },
    ]);
  });

  it('art. 11: an in-person application found incomplete is due that day and overdue from the next', () => {
    const state = fold(opened(MON), missing(MON));
    expect(supplementNotice(state, calendar, MON).state).toBe('due');
    expect(caseBreaches(state, calendar, MON)).toEqual([]);
    expect(supplementNotice(state, calendar, '2025-03-05').state).toBe('overdue');
    expect(caseBreaches(state, calendar, '2025-03-05')).toEqual([
      { code: 'supplementNotImmediate', article: 'art. 11', since: '2025-03-04', days: 2 },
    ]);
  });

  it('art. 11: a case told in person on a Friday and told on Monday is late by one working day', () => {
    const state = fold(opened(FRI), missing(FRI), supplement('2025-03-10'));
    expect(caseBreaches(state, calendar, '2025-03-10')).toEqual([
      { code: 'supplementNotImmediate', article: 'art. 11', since: '2025-03-08', days: 1 },
    ]);
  });

  it('art. 11: materials left for review are told within 5 working days: the 5th is in time, the 6th late and deemed accepted', () => {
    const onFifth = fold(leftForReview(), missing('2025-03-05'), supplement('2025-03-10'));
    expect(supplementNotice(onFifth, calendar, '2025-03-20')).toEqual({
      dueDate: '2025-03-10',
      state: 'given',
      givenOn: '2025-03-10',
    });
    expect(codes(onFifth, '2025-03-20')).toEqual([]);

    const onSixth = fold(leftForReview(), missing('2025-03-05'), supplement('2025-03-11'));
    expect(supplementNotice(onSixth, calendar, '2025-03-11')).toMatchObject({
      state: 'givenLate',
      deemedAcceptedOn: MON,
    });
    expect(caseBreaches(onSixth, calendar, '2025-03-11')).toEqual([
      { code: 'supplementLate', article: 'art. 11', since: '2025-03-11', days: 1 },
      { code: 'deemedAccepted', article: 'art. 11', since: '2025-03-11' },
    ]);
  });

  it('art. 11: an application nobody checked is due until the limit; unanswered after it, it counts as accepted', () => {
    const state = fold(leftForReview());
    expect(supplementNotice(state, calendar, '2025-03-10').state).toBe('due');
    expect(supplementNotice(state, calendar, '2025-03-11')).toEqual({
      dueDate: '2025-03-10',
      state: 'notNeeded',
      deemedAcceptedOn: MON,
    });
    expect(caseBreaches(state, calendar, '2025-03-11')).toEqual([
      { code: 'deemedAccepted', article: 'art. 11', since: '2025-03-11' },
    ]);
    // An in-person application found complete needs no notice; unanswered, it is deemed accepted all the same.
    const complete = fold(opened(MON, { promisedLimitDays: 10 }), allReceived(MON));
    expect(supplementNotice(complete, calendar, MON).state).toBe('notNeeded');
    expect(codes(complete, '2025-03-11')).toEqual(['deemedAccepted']);
  });

  it('no notice is needed once the application was answered otherwise', () => {
    const state = fold(opened(MON), missing(MON), accepted(MON));
    expect(supplementNotice(state, calendar, '2025-03-20')).toEqual({ dueDate: MON, state: 'notNeeded' });
  });

  it('a non-conforming material needs the notice as a missing one does', () => {
    const nonConforming = caseEv(
      'case.materialsChecked',
      { checks: [{ materialId: 'contract-text', state: 'nonConforming', note: '未盖章' }] },
      { on: MON },
    );
    expect(supplementNotice(fold(opened(MON), nonConforming), calendar, '2025-03-04').state).toBe('overdue');
  });
});

describe('art. 18(1): a case completed after its due date', () => {
  // Accepted Mon 3 March, 5 working days: due Mon 10 March.
  const running = () => [opened(MON), accepted(MON)] as const;

  it('art. 18(1): is on time on its due date and overdue from the next day', () => {
    expect(codes(fold(...running()), '2025-03-10')).toEqual([]);
    expect(caseBreaches(fold(...running()), calendar, '2025-03-12')).toEqual([
      { code: 'overdue', article: 'art. 18(1)', since: '2025-03-11', days: 2 },
    ]);
  });

  it('art. 18(1): an overdue case completed later stays marked completedLate, judged on the day it was completed', () => {
    const state = fold(...running(), completed('2025-03-12'));
    const later = caseBreaches(state, calendar, '2025-06-30');
    expect(later).toContainEqual({ code: 'completedLate', article: 'art. 18(1)', since: '2025-03-11', days: 2 });
    expect(later.map((b) => b.code)).not.toContain('overdue');
    expect(codes(fold(...running(), completed('2025-03-10'), resultNotified('2025-03-10')), '2025-06-30')).toEqual([]);
  });

  it('a case withdrawn while overdue keeps the overdue days up to the withdrawal', () => {
    const withdrawn = caseEv('case.withdrawn', { on: '2025-03-13', how: 'written' }, { on: '2025-03-13' });
    expect(caseBreaches(fold(...running(), withdrawn), calendar, '2025-06-30')).toEqual([
      { code: 'overdue', article: 'art. 18(1)', since: '2025-03-11', days: 3 },
    ]);
  });

  it('a deemed acceptance runs the clock from receipt: overdue counts from that due date', () => {
    const state = fold(leftForReview({ promisedLimitDays: 5 }));
    // Deemed from Mon 3 March with 5 working days: due 10 March, the same day the limit to answer ran out.
    expect(codes(state, '2025-03-12')).toEqual(['deemedAccepted', 'overdue']);
  });
});

describe('art. 17 / 18(1): extensions', () => {
  const running = () => [opened(MON), accepted(MON)] as const;

  it('art. 17/18(1): an extension approved after the due date does not erase the breach', () => {
    const r = extensionRequested('2025-03-07');
    const state = fold(...running(), r, extensionDecided(r, '2025-03-11'));
    expect(caseBreaches(state, calendar, '2025-03-12')).toEqual([
      { code: 'overdue', article: 'art. 18(1)', since: '2025-03-11', days: 2 },
      { code: 'extensionApprovedLate', article: 'art. 17', since: '2025-03-11', days: 1 },
    ]);
    // Completed within what the extension would have allowed: still late, and marked so for good.
    const done = fold(
      ...running(),
      r,
      extensionDecided(r, '2025-03-11'),
      completed('2025-03-14'),
      resultNotified('2025-03-14'),
    );
    expect(codes(done, '2025-12-31')).toEqual(['completedLate', 'resultNotifiedLate', 'extensionApprovedLate']);
  });

  it('art. 17: an extension requested and approved on the due date keeps the case on time', () => {
    const r = extensionRequested('2025-03-10');
    expect(codes(fold(...running(), r, extensionDecided(r, '2025-03-10')), '2025-03-17')).toEqual([]);
  });

  it('art. 17, 18(1): an extension requested the day after the due date is a breach of its own (not 18(2), which is about the applicant)', () => {
    const r = extensionRequested('2025-03-11');
    expect(caseBreaches(fold(...running(), r), calendar, '2025-03-11')).toEqual([
      { code: 'overdue', article: 'art. 18(1)', since: '2025-03-11', days: 1 },
      { code: 'extensionRequestedLate', article: 'art. 17, 18(1)', since: '2025-03-11', days: 1 },
    ]);
  });

  it('a refused extension on time is no breach', () => {
    const r = extensionRequested('2025-03-05');
    expect(codes(fold(...running(), r, extensionDecided(r, '2025-03-06', 'refused')), '2025-03-10')).toEqual([]);
  });
});

describe('art. 18(3): telling the result', () => {
  const running = () => [opened(MON), accepted(MON)] as const;

  it('art. 18(3): records how, when and by whom the result was told, against the due date', () => {
    const state = fold(...running(), completed('2025-03-07'), resultNotified('2025-03-10', 'sms'));
    expect(resultNotice(state, calendar, '2025-03-20')).toEqual({
      dueDate: '2025-03-10',
      notifiedOn: '2025-03-10',
      how: 'sms',
      by: CLERK,
      late: false,
    });
  });

  it('art. 18(3): a result told after the due date stays late; one not told once it passed is late too', () => {
    const toldLate = fold(...running(), completed('2025-03-07'), resultNotified('2025-03-12'));
    expect(resultNotice(toldLate, calendar, '2025-03-20')?.late).toBe(true);
    expect(caseBreaches(toldLate, calendar, '2025-03-20')).toEqual([
      { code: 'resultNotifiedLate', article: 'art. 18(3)', since: '2025-03-11', days: 2 },
    ]);
    const untold = fold(...running(), completed('2025-03-07'));
    expect(resultNotice(untold, calendar, '2025-03-10')).toEqual({ dueDate: '2025-03-10', late: false });
    expect(resultNotice(untold, calendar, '2025-03-11')?.late).toBe(true);
    expect(caseBreaches(untold, calendar, '2025-03-13')).toEqual([
      { code: 'resultNotifiedLate', article: 'art. 18(3)', since: '2025-03-11', days: 3 },
    ]);
  });

  it('a running case has no result to tell yet; before acceptance and after a withdrawal there is none', () => {
    expect(resultNotice(fold(...running()), calendar, '2025-03-12')).toEqual({ dueDate: '2025-03-10', late: false });
    expect(resultNotice(fold(opened(MON)), calendar, MON)).toBeNull();
    const withdrawn = caseEv('case.withdrawn', { on: FRI, how: 'phone' }, { on: FRI });
    expect(resultNotice(fold(...running(), withdrawn), calendar, '2025-03-20')).toBeNull();
  });
});

describe('art. 16 环节时限: a limit for every step', () => {
  const steps: ProcedureStepLimit[] = [
    { name: '受理审查', limitDays: 2 },
    { name: '现场核查' },
    { name: '审批决定', limitDays: 1 },
  ];
  const advance = (toStep: number, on: string) => caseEv('case.stepAdvanced', { toStep, on }, { on });
  const running = () => [opened(MON), accepted(MON)] as const;

  it('art. 16: a running case is at step 0 from acceptance, due after the step limit', () => {
    const state = fold(...running());
    expect(stepStatus(state, steps, calendar, '2025-03-05')).toEqual({
      index: 0,
      name: '受理审查',
      from: MON,
      dueDate: '2025-03-05',
      overdue: false,
    });
    expect(stepStatus(state, steps, calendar, '2025-03-06')?.overdue).toBe(true);
    expect(caseBreaches(state, calendar, '2025-03-06', steps)).toContainEqual({
      code: 'stepOverdue',
      article: 'art. 16',
      since: '2025-03-06',
      days: 1,
      step: 0,
    });
    expect(codes(state, '2025-03-06')).toEqual([]); // without the steps, none are judged
  });

  it('art. 16: a step without a limit has no due date and is never overdue', () => {
    const state = fold(...running(), advance(1, '2025-03-05'));
    expect(stepStatus(state, steps, calendar, '2025-03-31')).toEqual({
      index: 1,
      name: '现场核查',
      from: '2025-03-05',
      dueDate: undefined,
      overdue: false,
    });
  });

  it('art. 16: a step that ran over stays marked after the case moved on', () => {
    const state = fold(
      ...running(),
      advance(1, '2025-03-07'),
      advance(2, '2025-03-07'),
      completed('2025-03-10'),
      resultNotified('2025-03-10'),
    );
    expect(caseBreaches(state, calendar, '2025-12-31', steps)).toEqual([
      { code: 'stepOverdue', article: 'art. 16', since: '2025-03-06', days: 2, step: 0 },
    ]);
    expect(stepStatus(state, steps, calendar, '2025-03-10')).toBeNull(); // ended
  });

  it('art. 16: a pause inside a step extends it like the case clock', () => {
    const paused = caseEv('case.paused', { from: '2025-03-04', reason: 'inspection', note: '现场核查' }, { on: MON });
    const resumed = caseEv('case.resumed', { on: '2025-03-04' }, { on: MON });
    expect(stepStatus(fold(...running(), paused, resumed), steps, calendar, '2025-03-06')).toMatchObject({
      dueDate: '2025-03-06',
      overdue: false,
    });
  });

  it('a case moved past the listed steps has a step with no name and no limit; no step before acceptance', () => {
    const state = fold(...running(), advance(5, '2025-03-04'));
    expect(stepStatus(state, steps, calendar, '2025-03-31')).toEqual({
      index: 5,
      name: undefined,
      from: '2025-03-04',
      dueDate: undefined,
      overdue: false,
    });
    expect(stepStatus(fold(opened(MON)), steps, calendar, MON)).toBeNull();
  });
});

describe('a breach once happened never disappears', () => {
  it('lists breaches by the day they happened', () => {
    // Accepted Wed 5 March: due Wed 12 March. The late request is found after the overdue, listed by its day.
    const r = extensionRequested('2025-03-14');
    const state = fold(opened(MON), missing(MON), supplement('2025-03-04'), accepted('2025-03-05'), r);
    const list = caseBreaches(state, calendar, '2025-03-17');
    expect(list.map((b) => [b.code, b.since, b.days])).toEqual([
      ['supplementNotImmediate', '2025-03-04', 1],
      ['overdue', '2025-03-13', 3],
      ['extensionRequestedLate', '2025-03-14', 2],
    ]);
  });
});

describe('a day typed back or ahead decides no breach: the day an act was recorded does (issue 12 review)', () => {
  const closedOn = (on: string, recorded = on) =>
    caseEv('case.closed', { on, reason: 'applicantUnreachable', note: '联系不上' }, { on: recorded });
  const withdrawnOn = (on: string, recorded = on) => caseEv('case.withdrawn', { on, how: 'phone' }, { on: recorded });
  const since = (state: CaseState, today: string, steps?: readonly ProcedureStepLimit[]) =>
    caseBreaches(state, calendar, today, steps).map((b) => `${b.code}@${b.since}/${b.days ?? '-'}`);

  it('art. 11: an in-person application found incomplete and never told keeps its 立即 breach once accepted or closed', () => {
    const base = [opened(MON), missing(MON)] as const;
    expect(since(fold(...base), '2025-03-05')).toEqual(['supplementNotImmediate@2025-03-04/2']);
    // Accepted (or closed) on Wed 5 March: the notice stopped being owed that day; the two days late stay.
    for (const answer of [accepted('2025-03-05'), closedOn('2025-03-05')]) {
      const state = fold(...base, answer);
      expect(supplementNotice(state, calendar, '2025-03-10')).toEqual({
        dueDate: MON,
        state: 'overdue',
        missedUntil: '2025-03-05',
      });
      expect(since(state, '2025-03-10')).toEqual(['supplementNotImmediate@2025-03-04/2']);
    }
  });

  it('art. 11: the breach also stays when the applicant brought the material without being told, up to that day', () => {
    const state = fold(opened(MON), missing(MON), allReceived('2025-03-04'), accepted('2025-03-06'));
    expect(supplementNotice(state, calendar, '2025-03-10')).toMatchObject({
      state: 'overdue',
      missedUntil: '2025-03-04',
    });
    expect(since(state, '2025-03-10')).toEqual(['supplementNotImmediate@2025-03-04/1']);
    // Brought in the same sitting: the notice was never owed past its day.
    const sameDay = fold(opened(MON), missing(MON), allReceived(MON), accepted('2025-03-04'));
    expect(supplementNotice(sameDay, calendar, '2025-03-10')).toEqual({ dueDate: MON, state: 'notNeeded' });
    expect(since(sameDay, '2025-03-10')).toEqual([]);
  });

  it('art. 11: a supplement notice typed back to the day of receipt counts on the day it was recorded', () => {
    const backdated = { ...supplement(MON), occurredAt: '2025-03-07T02:00:00.000Z' }; // 10:00 on Fri 7 March
    const state = fold(opened(MON), missing(MON), backdated);
    expect(supplementNotice(state, calendar, '2025-03-07')).toEqual({
      dueDate: MON,
      state: 'givenLate',
      givenOn: FRI,
    });
    expect(since(state, '2025-03-20')).toEqual(['supplementNotImmediate@2025-03-04/4']);
  });

  it('art. 11 / §32: a closure or withdrawal typed back to the receipt week counts on the day recorded: 视为受理 and overdue stay', () => {
    const open = opened(MON, { intake: 'leftForReview' });
    const expected = ['deemedAccepted@2025-03-11/-', 'overdue@2025-03-11/8'];
    expect(since(fold(open), '2025-03-20')).toEqual(expected);
    expect(since(fold(open, closedOn('2025-03-04', '2025-03-20')), '2025-03-20')).toEqual(expected);
    expect(since(fold(open, withdrawnOn('2025-03-04', '2025-03-20')), '2025-06-30')).toEqual(expected);
  });

  it('art. 18(1): a deemed case withdrawn or closed after its due date keeps the overdue days up to its end', () => {
    const open = opened(MON, { intake: 'leftForReview' });
    const withdrawn = fold(open, withdrawnOn('2025-03-20'));
    expect(since(withdrawn, '2025-06-30')).toEqual(['deemedAccepted@2025-03-11/-', 'overdue@2025-03-11/8']);
    expect(resultNotice(withdrawn, calendar, '2025-06-30')).toBeNull();
    const closed = fold(open, missing(MON), closedOn('2025-03-20'));
    expect(since(closed, '2025-06-30')).toEqual([
      'supplementLate@2025-03-11/8',
      'deemedAccepted@2025-03-11/-',
      'overdue@2025-03-11/8',
    ]);
    expect(resultNotice(closed, calendar, '2025-06-30')).toBeNull();
  });

  it('§32: a deemed acceptance recorded within the five working days runs from receipt but is no breach', () => {
    const early = fold(
      opened(MON, { promisedLimitDays: 10 }),
      accepted(MON, { deemed: true, promisedLimitDays: 10 }, { on: '2025-03-05' }),
    );
    expect(caseClock(early, calendar)?.acceptedOn).toBe(MON);
    expect(since(early, '2025-03-12')).toEqual([]);
    const late = fold(
      opened(MON, { promisedLimitDays: 10 }),
      accepted(MON, { deemed: true, promisedLimitDays: 10 }, { on: '2025-03-11' }),
    );
    expect(since(late, '2025-03-12')).toEqual(['deemedAccepted@2025-03-11/-']);
  });

  it('§32, art. 11: a supplement notice after the application counted as accepted is marked as such, not as told', () => {
    const afterDeemed = fold(opened(MON, { intake: 'leftForReview' }), missing(MON), supplement('2025-03-11'));
    expect(supplementNotice(afterDeemed, calendar, '2025-03-11')).toEqual({
      dueDate: '2025-03-10',
      state: 'givenLate',
      givenOn: '2025-03-11',
      deemedAcceptedOn: MON,
      afterDeemed: true,
    });
    // Late for 立即 but within the five working days: late, not void.
    const late = supplementNotice(fold(opened(MON), missing(MON), supplement('2025-03-10')), calendar, '2025-03-10');
    expect(late).toEqual({ dueDate: MON, state: 'givenLate', givenOn: '2025-03-10' });
  });

  it('art. 16: a step begins on the day it was recorded; one typed back does not hide the step before it', () => {
    const steps: ProcedureStepLimit[] = [
      { name: '审查', limitDays: 2 },
      { name: '决定', limitDays: 3 },
    ];
    const advanced = (typed: string) => caseEv('case.stepAdvanced', { toStep: 1, on: typed }, { on: FRI });
    for (const typed of [FRI, '2025-03-04']) {
      const state = fold(opened(MON), accepted(MON), advanced(typed));
      expect(since(state, FRI, steps)).toEqual(['stepOverdue@2025-03-06/2']);
      expect(stepStatus(state, steps, calendar, FRI)).toMatchObject({ index: 1, from: FRI, dueDate: '2025-03-12' });
    }
  });
});
