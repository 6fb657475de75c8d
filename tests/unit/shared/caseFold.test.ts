import { describe, expect, it } from 'vitest';
import { caseEventSchema } from '../../../shared/model/caseEvents.ts';
import { deskEventSchema } from '../../../shared/model/events.ts';
import { beijingDate, currentStep, pendingRejection, type CaseState } from '../../../shared/rules/case.ts';
import { accepted, caseEv, CLERK, completed, fold, LEADER, opened, supplement } from './caseBuilders.ts';

const D = '2025-03-03'; // a Monday
const flags = (s: CaseState) => s.flags.map((f) => f.code);

const proposal = (on = D, toLeaderId = 'wang-fang') =>
  caseEv(
    'case.rejectionProposed',
    {
      reason: '不属于受理范围',
      legalBasis: '《技术合同认定登记管理办法》第六条',
      competentAgencyId: 'agency-province',
      toLeaderId,
    },
    { on },
  );
const review = (decision: 'approved' | 'overruled', staffId = LEADER, on = D) =>
  caseEv(
    'case.rejectionReviewed',
    decision === 'approved' ? { decision } : { decision, note: '材料可补正，先告知补正' },
    { on, staffId },
  );

describe('case.opened: the day of receipt and the limits of the catalog version (art. 11, art. 16)', () => {
  it('art. 11: takes the day of receipt from the Beijing date of the opening when it was not recorded', () => {
    // 07:30 in Beijing is 23:30 UTC the day before: slicing the stored UTC string would give 2 March.
    const state = fold(opened(D, { receivedOn: undefined, intake: undefined }, { time: '07:30' }));
    expect(state.receivedOn).toBe('2025-03-03');
    expect(state.intake).toBe('inPerson');
  });

  it('keeps the recorded day of receipt and the intake', () => {
    const state = fold(opened(D, { receivedOn: '2025-02-28', intake: 'leftForReview' }));
    expect(state).toMatchObject({ receivedOn: '2025-02-28', intake: 'leftForReview', status: 'checking' });
    for (const list of [state.notifications, state.pauses, state.extensions, state.steps, state.rejectionProposals])
      expect(list).toEqual([]);
  });

  it('art. 16: records the limits of the catalog version, the statutory one only when a law sets it', () => {
    expect(fold(opened(D)).openedLimits).toEqual({ promisedLimitDays: 5, statutoryLimitDays: 10 });
    expect(fold(opened(D, { statutoryLimitDays: undefined })).openedLimits).toEqual({
      promisedLimitDays: 5,
      statutoryLimitDays: undefined,
    });
    expect(
      fold(opened(D, { promisedLimitDays: undefined, statutoryLimitDays: undefined })).openedLimits,
    ).toBeUndefined();
  });

  it('beijingDate reads any offset and refuses what is not a time', () => {
    expect(beijingDate('2025-03-02T16:00:00Z')).toBe('2025-03-03');
    expect(beijingDate('2025-03-02T15:59:59.999Z')).toBe('2025-03-02');
    expect(beijingDate('2025-03-03T00:30:00+08:00')).toBe('2025-03-03');
    expect(() => beijingDate('yesterday')).toThrow(/not a timestamp/);
  });
});

describe('art. 16: case.accepted without a statutory limit', () => {
  it('art. 16: accepts a case whose item has no statutory limit; the promised limit stands alone', () => {
    const state = fold(opened(D), accepted(D, { statutoryLimitDays: undefined }));
    expect(state.status).toBe('running');
    expect(state.acceptance).toMatchObject({ promisedLimitDays: 5, statutoryLimitDays: undefined });
    expect(state.acceptance?.deemed).toBeUndefined();
  });

  it('records a deemed acceptance (视为受理) as such', () => {
    expect(fold(opened(D), accepted(D, { deemed: true })).acceptance?.deemed).toBe(true);
  });
});

describe('art. 8(二) + art. 11: 不予受理 is proposed, and a leader decides', () => {
  it('art. 8(二): a case rejection is final only when a leader approves', () => {
    const p = proposal();
    const pending = fold(opened(D), p);
    expect(pending.status).toBe('rejectionPending');
    expect(pending.rejection).toBeUndefined();
    expect(pendingRejection(pending)).toMatchObject({ fromStatus: 'checking', toLeaderId: 'wang-fang', by: CLERK });

    const final = fold(opened(D), p, review('approved', LEADER, '2025-03-04'));
    expect(final.status).toBe('rejected');
    expect(final.rejection).toEqual({
      by: CLERK,
      at: p.occurredAt,
      eventId: p.eventId,
      reason: '不属于受理范围',
      legalBasis: '《技术合同认定登记管理办法》第六条',
      competentAgencyId: 'agency-province',
      approvedBy: LEADER,
      approvedAt: final.rejectionProposals[0]?.decidedAt,
    });
    expect(final.rejectionProposals[0]).toMatchObject({ decision: 'approved', decidedBy: LEADER });
    expect(pendingRejection(final)).toBeUndefined();
    expect(final.flags).toEqual([]);
  });

  it('art. 8(二): the leader the proposal names may decide even if not listed as a leader', () => {
    const state = fold(opened(D), proposal(D, 'wang-fang'), review('approved', 'wang-fang'));
    expect(state.status).toBe('rejected');
    expect(state.rejection?.approvedBy).toBe('wang-fang');
  });

  it('art. 8(二): a clerk cannot approve a rejection: flagged, still pending', () => {
    const state = fold(opened(D), proposal(), review('approved', 'li-na'));
    expect(state.status).toBe('rejectionPending');
    expect(state.rejection).toBeUndefined();
    expect(flags(state)).toEqual(['notAllowed']);
  });

  it('art. 8(二): an overruled proposal returns the case to where it was, and a later one may be approved', () => {
    const fromSupplement = fold(opened(D), supplement(D), proposal(), review('overruled'));
    expect(fromSupplement.status).toBe('supplementRequested');
    expect(fromSupplement.rejectionProposals[0]).toMatchObject({
      fromStatus: 'supplementRequested',
      decision: 'overruled',
      decisionNote: '材料可补正，先告知补正',
    });
    expect(fromSupplement.rejection).toBeUndefined();

    const fromChecking = fold(opened(D), proposal(), review('overruled'));
    expect(fromChecking.status).toBe('checking');

    const again = fold(opened(D), proposal(), review('overruled'), proposal(), review('approved'));
    expect(again.status).toBe('rejected');
    expect(again.rejectionProposals.map((p) => p.decision)).toEqual(['overruled', 'approved']);
    expect(again.flags).toEqual([]);
  });

  it('flags a review with no pending proposal, and a second review of a decided one', () => {
    expect(flags(fold(opened(D), review('approved')))).toEqual(['conflictingTransition']);
    const twice = fold(opened(D), proposal(), review('approved'), review('overruled'));
    expect(twice.status).toBe('rejected');
    expect(flags(twice)).toEqual(['conflictingTransition']);
  });

  it('flags a proposal on a running case or a second proposal while one is pending', () => {
    const running = fold(opened(D), accepted(D), proposal());
    expect(running.status).toBe('running');
    expect(running.rejectionProposals).toEqual([]);
    expect(flags(running)).toEqual(['conflictingTransition']);
    const second = fold(opened(D), proposal(), proposal());
    expect(second.rejectionProposals).toHaveLength(1);
    expect(flags(second)).toEqual(['conflictingTransition']);
  });

  it('a case waiting for the leader can be neither accepted nor asked for a supplement', () => {
    const state = fold(opened(D), proposal(), accepted(D), supplement(D));
    expect(state.status).toBe('rejectionPending');
    expect(flags(state)).toEqual(['conflictingTransition', 'conflictingTransition']);
  });

  it('still folds a legacy one-step case.rejected (old data) with no approver', () => {
    const legacy = caseEv('case.rejected', { reason: '不属于受理范围', legalBasis: '第六条' }, { on: D });
    const state = fold(opened(D), legacy);
    expect(state.status).toBe('rejected');
    expect(state.rejection).toMatchObject({ reason: '不属于受理范围', by: CLERK });
    expect(state.rejection?.approvedBy).toBeUndefined();
    expect(flags(fold(opened(D), accepted(D), legacy))).toEqual(['conflictingTransition']);
  });
});

describe('撤回申请 and 办件终结 are real ends (art. 10–11)', () => {
  const withdrawn = (on: string) => caseEv('case.withdrawn', { on, how: 'written', reason: '企业不再申请' }, { on });
  const closed = (on: string) =>
    caseEv('case.closed', { on, reason: 'supplementNotProvided', note: '补正告知后未再提交' }, { on });

  it('the applicant withdraws from any status that has not ended', () => {
    for (const before of [[], [supplement(D)], [proposal()], [accepted(D)]]) {
      const state = fold(opened(D), ...before, withdrawn('2025-03-05'));
      expect(state.status).toBe('withdrawn');
      expect(state.withdrawal).toMatchObject({ on: '2025-03-05', how: 'written', reason: '企业不再申请' });
      expect(state.flags).toEqual([]);
    }
  });

  it('a withdrawal ends an open pause on its day; one dated before the pause ends it on its first day', () => {
    const paused = caseEv('case.paused', { from: '2025-03-05', reason: 'expertReview', note: '专家评审' }, { on: D });
    expect(fold(opened(D), accepted(D), paused, withdrawn('2025-03-07')).pauses[0]?.to).toBe('2025-03-07');
    expect(fold(opened(D), accepted(D), paused, withdrawn('2025-03-04')).pauses[0]?.to).toBe('2025-03-05');
    const resumed = caseEv('case.resumed', { on: '2025-03-06' }, { on: '2025-03-06' });
    expect(fold(opened(D), accepted(D), paused, resumed, withdrawn('2025-03-07')).pauses[0]?.to).toBe('2025-03-06');
  });

  it('cannot withdraw a case that has ended', () => {
    for (const end of [() => [accepted(D), completed(D)], () => [withdrawn(D)], () => [closed(D)]]) {
      const before = end();
      const state = fold(opened(D), ...before, withdrawn('2025-03-05'));
      expect(state.status).toBe(fold(opened(D), ...before).status);
      expect(state.withdrawal?.on).not.toBe('2025-03-05');
      expect(flags(state)).toEqual(['conflictingTransition']);
    }
    const rejected = fold(opened(D), proposal(), review('approved'), withdrawn(D));
    expect(rejected.status).toBe('rejected');
    expect(rejected.withdrawal).toBeUndefined();
  });

  it('closes only a case that was never accepted', () => {
    expect(fold(opened(D), closed('2025-03-20')).closure).toMatchObject({
      on: '2025-03-20',
      reason: 'supplementNotProvided',
      note: '补正告知后未再提交',
    });
    expect(fold(opened(D), supplement(D), closed('2025-03-20')).status).toBe('closed');
    for (const before of [[accepted(D)], [proposal()]]) {
      const state = fold(opened(D), ...before, closed('2025-03-20'));
      expect(state.status).not.toBe('closed');
      expect(state.closure).toBeUndefined();
      expect(flags(state)).toEqual(['conflictingTransition']);
    }
  });

  it('a closed case can no longer be accepted or withdrawn', () => {
    const state = fold(opened(D), closed(D), accepted(D), withdrawn(D));
    expect(state.status).toBe('closed');
    expect(flags(state)).toEqual(['conflictingTransition', 'conflictingTransition']);
  });
});

describe('art. 16 环节时限: steps', () => {
  const step = (toStep: number, on: string) => caseEv('case.stepAdvanced', { toStep, on }, { on });

  it('art. 16: a running case is at step 0 from acceptance and moves forward only', () => {
    expect(currentStep(fold(opened(D)))).toBeNull();
    expect(currentStep(fold(opened(D), accepted('2025-03-04')))).toEqual({ step: 0, from: '2025-03-04' });
    const s = fold(opened(D), accepted(D), step(1, '2025-03-05'), step(3, '2025-03-07'));
    expect(currentStep(s)).toEqual({ step: 3, from: '2025-03-07' });
    expect(s.steps.map((x) => x.step)).toEqual([1, 3]);
    expect(s.flags).toEqual([]);
  });

  it('flags a step that does not move forward, one dated before the current step began, or one outside running', () => {
    const same = fold(opened(D), accepted(D), step(1, '2025-03-05'), step(1, '2025-03-06'));
    expect(same.steps).toHaveLength(1);
    expect(flags(same)).toEqual(['conflictingTransition']);
    expect(flags(fold(opened(D), accepted(D), step(2, '2025-03-05'), step(1, '2025-03-06')))).toEqual([
      'conflictingTransition',
    ]);
    expect(flags(fold(opened(D), accepted('2025-03-04'), step(1, '2025-03-03')))).toEqual(['conflictingTransition']);
    expect(fold(opened(D), accepted('2025-03-04'), step(1, '2025-03-04')).steps).toHaveLength(1);
    expect(flags(fold(opened(D), step(1, D)))).toEqual(['conflictingTransition']);
    expect(flags(fold(opened(D), accepted(D), completed(D), step(1, D)))).toEqual(['conflictingTransition']);
  });
});

describe('art. 10–11: a running case cannot be paused for 补正 (case.paused v2)', () => {
  const pause = (reason: string, v: number) =>
    caseEv('case.paused', { from: D, reason, note: '补正材料' }, { on: D, v });

  it('art. 10–11: a running case cannot be paused for 补正 (case.paused v2)', () => {
    const v2 = caseEventSchema.safeParse(pause('supplement', 2));
    expect(v2.success).toBe(false);
    expect(v2.error?.issues[0]).toMatchObject({ message: 'supplementIsNotAPause', path: ['payload', 'reason'] });
    // The server parses with deskEventSchema: the same refusal reaches a push.
    expect(deskEventSchema.safeParse(pause('supplement', 2)).success).toBe(false);
    expect(deskEventSchema.safeParse(pause('expertReview', 2)).success).toBe(true);
  });

  it('a v1 pause for 补正 already stored still reads, folds and counts (history)', () => {
    expect(deskEventSchema.safeParse(pause('supplement', 1)).success).toBe(true);
    const state = fold(opened(D), accepted(D), pause('supplement', 1));
    expect(state.pauses).toHaveLength(1);
    expect(state.flags).toEqual([]);
  });

  it('a v2 pause for 补正 that bypassed the schema is flagged, not folded', () => {
    const state = fold(opened(D), accepted(D), pause('supplement', 2));
    expect(state.pauses).toEqual([]);
    expect(flags(state)).toEqual(['notAllowed']);
  });
});

describe('the fold keeps the days that decide a breach as recorded (issue 12 review)', () => {
  const check = (on: string, state: 'missing' | 'received') =>
    caseEv('case.materialsChecked', { checks: [{ materialId: 'contract-text', state }] }, { on });

  it('art. 11: keeps the day a check first found something incomplete, and the day everything was in', () => {
    expect(fold(opened(D), check(D, 'received')).foundIncomplete).toBeUndefined();
    expect(fold(opened(D), check(D, 'missing'), check('2025-03-04', 'missing')).foundIncomplete).toEqual({ since: D });
    const complete = fold(opened(D), check(D, 'missing'), check('2025-03-04', 'received'));
    expect(complete.foundIncomplete).toEqual({ since: D, until: '2025-03-04' });
    expect(
      fold(opened(D), check(D, 'missing'), check('2025-03-04', 'received'), check('2025-03-05', 'received'))
        .foundIncomplete,
    ).toEqual({ since: D, until: '2025-03-04' });
    // Found incomplete again: owed again, from the first day.
    expect(
      fold(opened(D), check(D, 'missing'), check('2025-03-04', 'received'), check('2025-03-05', 'missing'))
        .foundIncomplete,
    ).toEqual({ since: D });
  });

  it('art. 11: a day of receipt after the day the case was opened is not believed: the opening day, flagged', () => {
    const ahead = fold(opened(D, { receivedOn: '2025-03-10' }));
    expect(ahead.receivedOn).toBe(D);
    expect(flags(ahead)).toEqual(['notAllowed']);
    expect(flags(fold(opened(D, { receivedOn: '2025-02-28' })))).toEqual([]);
  });

  it('§32: a deemed acceptance that does not run from receipt is flagged; one that does is not', () => {
    expect(flags(fold(opened(D), accepted(D, { deemed: true })))).toEqual([]);
    expect(flags(fold(opened(D), accepted('2025-03-04', { deemed: true })))).toEqual(['notAllowed']);
  });

  it('art. 16: a step begins on the day it was recorded, and may not be recorded before the current one began', () => {
    const typedBack = caseEv('case.stepAdvanced', { toStep: 1, on: D }, { on: '2025-03-06' });
    expect(currentStep(fold(opened(D), accepted(D), typedBack))).toEqual({ step: 1, from: '2025-03-06' });
    const recordedBefore = caseEv('case.stepAdvanced', { toStep: 1, on: '2025-03-06' }, { on: D });
    expect(flags(fold(opened(D), accepted('2025-03-04'), recordedBefore))).toEqual(['conflictingTransition']);
    // Step 0 begins on the acceptance day, or the day it was recorded if that is earlier.
    expect(currentStep(fold(opened(D), accepted('2025-03-06', {}, { on: '2025-03-04' })))).toEqual({
      step: 0,
      from: '2025-03-04',
    });
  });

  it('art. 17: a pause ended by a completion or withdrawal dated ahead ends on the day that was recorded', () => {
    const paused = caseEv(
      'case.paused',
      { from: '2025-03-04', reason: 'testing', note: '检测' },
      { on: '2025-03-04', v: 2 },
    );
    const done = caseEv(
      'case.completed',
      { completedOn: '2025-03-20', outcome: 'done', result: '已办结' },
      { on: '2025-03-06' },
    );
    expect(fold(opened(D), accepted(D), paused, done).pauses[0]?.to).toBe('2025-03-06');
    const gone = caseEv('case.withdrawn', { on: '2025-03-20', how: 'phone' }, { on: '2025-03-06' });
    expect(fold(opened(D), accepted(D), paused, gone).pauses[0]?.to).toBe('2025-03-06');
  });
});
