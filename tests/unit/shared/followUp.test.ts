import { describe, expect, it } from 'vitest';
import { deskEventSchema } from '../../../shared/model/events.ts';
import { foldFollowUp, isStrongDissatisfaction } from '../../../shared/rules/followUp.ts';
import { rectificationStatus } from '../../../shared/rules/rectification.ts';
import {
  attempted,
  calendar,
  CASE_ID,
  CONTACT_ID,
  followUpEv,
  HANDLER,
  LEADER,
  recorded,
  shuffled,
  SUPERVISOR,
} from './followUpBuilders.ts';

const excludedStaffIds = [HANDLER, 'zhang-wei'];
const fold = (...events: Parameters<typeof foldFollowUp>[0]) => {
  const state = foldFollowUp(events, { excludedStaffIds, isLeader: (id) => id === LEADER });
  if (!state) throw new Error('no follow-up');
  return state;
};

const verified = (on: string, staffId = SUPERVISOR) =>
  followUpEv('followUp.verified', { on, means: 'phone', note: '已电话核实：办理时间较长' }, { on, staffId });
const rectified = (
  on: string,
  payload: Record<string, unknown> = { mode: 'explained', note: '已向申请人解释法定时限' },
) => followUpEv('followUp.rectified', payload, { on, staffId: 'chen-jing' });
const feedback = (on: string, newLevel?: string, staffId = SUPERVISOR) =>
  followUpEv('followUp.feedbackGiven', { on, how: 'phone', ...(newLevel ? { newLevel } : {}) }, { on, staffId });

describe('the follow-up record (art. 28–29)', () => {
  it('counts the tries that did not reach the applicant, and keeps the record with its means and ratings', () => {
    const state = fold(attempted('2025-06-04'), attempted('2025-06-05'), recorded('2025-06-06', 'verySatisfied'));
    expect(state.attempts).toHaveLength(2);
    expect(state.records).toHaveLength(1);
    expect(state.latest).toMatchObject({ on: '2025-06-06', means: 'phone', resultAsRecorded: 'yes', by: SUPERVISOR });
    expect(state.latest?.ratings.integrity).toBe('verySatisfied');
    expect(state).toMatchObject({ subject: { kind: 'case', id: CASE_ID }, dissatisfied: false, resolved: true });
  });

  it('flags a follow-up recorded by the person whose work is followed up, and does not count it (art. 27–28)', () => {
    const own = recorded('2025-06-06', 'verySatisfied', {}, { staffId: HANDLER });
    const state = fold(own);
    expect(state.records).toEqual([]);
    expect(state.resolved).toBe(false);
    expect(state.flags).toEqual([{ code: 'notAllowed', eventIds: [own.eventId] }]);
  });

  it('gives the same state whatever the order and however often an event arrives', () => {
    const events = [attempted('2025-06-04'), recorded('2025-06-05', 'dissatisfied'), verified('2025-06-06')];
    const state = fold(...events);
    expect(foldFollowUp(shuffled(events), { excludedStaffIds })).toEqual(state);
    expect(state.eventCount).toBe(3);
  });

  it('refuses at the edge an event about another matter than its aggregate', () => {
    const event = { ...recorded('2025-06-05'), aggregateId: CONTACT_ID };
    const parsed = deskEventSchema.safeParse(event);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('followUpSubjectMismatch');
    // Were one stored anyway (an old log), the fold flags it and leaves the state alone.
    expect(fold(recorded('2025-06-04'), event).flags).toEqual([{ code: 'subjectMismatch', eventIds: [event.eventId] }]);
  });
});

describe('art. 30: a dissatisfied applicant is followed up again until resolved', () => {
  it('keeps the task open after a 差评 record and closes it with a later record that is not 差评', () => {
    const bad = recorded('2025-06-05', 'dissatisfied');
    expect(fold(bad)).toMatchObject({ dissatisfied: true, resolved: false });
    expect(fold(bad).rectifications).toEqual([{ openedByEventId: bad.eventId, openedOn: '2025-06-05' }]);
    expect(fold(bad, recorded('2025-06-09', 'basicallySatisfied'))).toMatchObject({
      dissatisfied: false,
      resolved: true,
    });
  });

  it('does not take 基本满意 as dissatisfied', () => {
    expect(fold(recorded('2025-06-05', 'basicallySatisfied'))).toMatchObject({
      dissatisfied: false,
      rectifications: [],
    });
  });

  it('closes the dissatisfaction when rectification gives feedback and the new rating is not 差评', () => {
    const steps = [recorded('2025-06-05', 'dissatisfied'), verified('2025-06-06'), rectified('2025-06-06')];
    expect(fold(...steps, feedback('2025-06-09', 'dissatisfied')).dissatisfied).toBe(true);
    const closed = fold(...steps, feedback('2025-06-09', 'satisfied'));
    expect(closed).toMatchObject({ dissatisfied: false, resolved: true });
    expect(closed.rectifications[0]?.feedback).toMatchObject({ on: '2025-06-09', newLevel: 'satisfied' });
  });

  it('opens a second rectification when a later record is 差评 again after the first was closed', () => {
    const second = recorded('2025-06-20', 'veryDissatisfied');
    const state = fold(
      recorded('2025-06-05', 'dissatisfied'),
      verified('2025-06-06'),
      rectified('2025-06-06'),
      feedback('2025-06-09'),
      second,
    );
    expect(state.rectifications.map((r) => r.openedByEventId)).toEqual([state.records[0]?.eventId, second.eventId]);
    expect(state.dissatisfied).toBe(true);
  });

  it('flags a rectification step with nothing to rectify, one taken twice, and a call-back by the person followed up', () => {
    const early = verified('2025-06-04');
    const bad = recorded('2025-06-05', 'dissatisfied');
    const byHandler = verified('2025-06-06', HANDLER);
    const first = verified('2025-06-06');
    const twice = verified('2025-06-07');
    const state = fold(early, bad, byHandler, first, twice);
    expect(state.flags).toEqual([
      { code: 'outOfOrder', eventIds: [early.eventId] },
      { code: 'notAllowed', eventIds: [byHandler.eventId] },
      { code: 'conflictingTransition', eventIds: [twice.eventId] },
    ]);
    expect(state.rectifications[0]?.verification).toMatchObject({ eventId: first.eventId, on: '2025-06-06' });
  });

  it('marks strong dissatisfaction as the follow-up marked it, or by an overall 非常不满意, for a leader at once', () => {
    expect(isStrongDissatisfaction({ strong: true, ratings: { overall: 'basicallySatisfied' } })).toBe(true);
    expect(isStrongDissatisfaction({ strong: false, ratings: { overall: 'veryDissatisfied' } })).toBe(true);
    expect(isStrongDissatisfaction({ strong: false, ratings: { overall: 'dissatisfied' } })).toBe(false);
    expect(isStrongDissatisfaction({ strong: false, ratings: {} })).toBe(false);

    const strong = fold(recorded('2025-06-05', 'veryDissatisfied'));
    expect(strong).toMatchObject({ strong: true, leaderReportDue: true });
    const told = followUpEv('followUp.leaderInformed', { leaderId: LEADER }, { on: '2025-06-05' });
    expect(fold(recorded('2025-06-05', 'veryDissatisfied'), told)).toMatchObject({ leaderReportDue: false });
    const notALeader = followUpEv('followUp.leaderInformed', { leaderId: 'chen-jing' }, { on: '2025-06-05' });
    const state = fold(recorded('2025-06-05', 'satisfied', { strong: true }), notALeader);
    expect(state).toMatchObject({ strong: true, leaderReportDue: true });
    expect(state.flags).toEqual([{ code: 'notAllowed', eventIds: [notALeader.eventId] }]);
  });

  it('records what became of the suggestions (完善相关制度), flagging an outcome with no suggestion to consider', () => {
    const none = followUpEv(
      'followUp.suggestionConsidered',
      { outcome: 'adopted', note: '已纳入制度修订' },
      { on: '2025-06-05' },
    );
    const withSuggestion = recorded('2025-06-06', 'satisfied', { suggestions: '建议增加网上预约' });
    const study = followUpEv(
      'followUp.suggestionConsidered',
      { outcome: 'underStudy', note: '提交局务会研究' },
      { on: '2025-06-07' },
    );
    const state = fold(none, withSuggestion, study);
    expect(state.suggestionOutcomes.map((o) => o.outcome)).toEqual(['adopted', 'underStudy']);
    expect(state.flags).toEqual([{ code: 'outOfOrder', eventIds: [none.eventId] }]);
  });
});

describe('rectification of a dissatisfied follow-up, due in working days (art. 30)', () => {
  const bad = recorded('2025-04-30', 'dissatisfied');
  it('is due 5 working days after the record, past May Day, and red the day after', () => {
    const r = fold(bad).rectifications[0]!;
    expect(rectificationStatus(r, calendar, 5, '2025-05-12')).toEqual({
      stage: 'verify',
      dueOn: '2025-05-12',
      overdue: false,
      closedLate: false,
    });
    expect(rectificationStatus(r, calendar, 5, '2025-05-13').overdue).toBe(true);
  });

  it('moves to the later date of a 限期整改 and stays marked when closed after its due day', () => {
    // The call-back is written first: a decision before it would be out of order and not applied.
    const callBack = verified('2025-05-06');
    const byDate = rectified('2025-05-06', { mode: 'byDate', dueOn: '2025-05-30', note: '修订办事指南' });
    const r = fold(bad, callBack, byDate).rectifications[0]!;
    expect(rectificationStatus(r, calendar, 5, '2025-05-20')).toMatchObject({
      stage: 'feedback',
      dueOn: '2025-05-30',
      overdue: false,
    });
    const late = fold(bad, verified('2025-05-06'), rectified('2025-05-06'), feedback('2025-05-14')).rectifications[0]!;
    expect(rectificationStatus(late, calendar, 5, '2025-05-20')).toMatchObject({
      stage: 'done',
      overdue: false,
      closedLate: true,
    });
  });

  it('lets the person followed up take no step, and applies no step out of order', () => {
    const own = followUpEv(
      'followUp.rectified',
      { mode: 'explained', note: '已解释' },
      { on: '2025-05-06', staffId: HANDLER },
    );
    const early = feedback('2025-05-07', 'satisfied');
    const state = fold(bad, own, early);
    expect(state.flags).toEqual([
      { code: 'notAllowed', eventIds: [own.eventId] },
      { code: 'outOfOrder', eventIds: [early.eventId] },
    ]);
    expect(state.rectifications[0]?.decision).toBeUndefined();
    expect(state.rectifications[0]?.feedback).toBeUndefined();
    // Feedback out of order does not close the dissatisfaction either.
    expect(state.resolved).toBe(false);
  });

  it('refuses a 限期整改 without its date, and a date on any other mode', () => {
    const noDate = rectified('2025-05-06', { mode: 'byDate', note: '修订办事指南' });
    const dated = rectified('2025-05-06', { mode: 'immediate', dueOn: '2025-05-30', note: '当场更正' });
    for (const e of [noDate, dated]) {
      const parsed = deskEventSchema.safeParse(e);
      expect(parsed.error?.issues.map((i) => i.message)).toEqual(['rectificationDueOnForByDateOnly']);
    }
  });
});
