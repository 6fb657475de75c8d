import { describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import {
  applyRectificationStep,
  isRectificationClosed,
  isRectificationSatisfied,
  openRectification,
  rectificationStatus,
  type RectificationState,
} from '../../../shared/rules/rectification.ts';
import { calendar } from './followUpBuilders.ts';

// One rectification step at a time, straight on the rule: each step once, and only after the one it follows.

const act = (eventId: string) => ({ by: 'sun-li' as StaffId, at: '2025-06-04T02:00:00Z', eventId });
const day = (d: string) => d as IsoDate;
const verify = { step: 'verified', payload: { on: day('2025-06-04'), means: 'phone', note: '已核实' } } as const;
const decide = (note: string) => ({ step: 'rectified', payload: { mode: 'immediate', note } }) as const;
const tell = (newLevel?: 'satisfied' | 'basicallySatisfied' | 'dissatisfied', on = '2025-06-05') =>
  ({ step: 'feedbackGiven', payload: { on: day(on), how: 'phone', ...(newLevel ? { newLevel } : {}) } }) as const;

function through(...steps: Parameters<typeof applyRectificationStep>[1][]): RectificationState {
  return steps.reduce(
    (s, step, i) => applyRectificationStep(s, step, act(`e${i}`)).state,
    openRectification('g', day('2025-06-03')),
  );
}

describe('applyRectificationStep', () => {
  const open = openRectification('g', day('2025-06-03'));

  it('refuses a decision before the call-back and feedback before a decision, changing nothing', () => {
    expect(applyRectificationStep(open, decide('先整改'), act('d'))).toEqual({ state: open, problem: 'outOfOrder' });
    const verified = through(verify);
    expect(applyRectificationStep(verified, tell('satisfied'), act('f'))).toEqual({
      state: verified,
      problem: 'outOfOrder',
    });
  });

  it('keeps the first of a step taken twice', () => {
    const decided = through(verify, decide('第一次'));
    const again = applyRectificationStep(decided, decide('第二次'), act('x'));
    expect(again).toEqual({ state: decided, problem: 'conflictingTransition' });
    const told = through(verify, decide('整改'), tell('satisfied'));
    expect(applyRectificationStep(told, tell('dissatisfied'), act('y'))).toEqual({
      state: told,
      problem: 'conflictingTransition',
    });
    expect(told.feedback?.newLevel).toBe('satisfied');
  });

  it('is closed by feedback, and satisfied only by a new level that is not 差评 (基本满意 is)', () => {
    expect(isRectificationClosed(through(verify, decide('整改')))).toBe(false);
    expect(isRectificationClosed(through(verify, decide('整改'), tell()))).toBe(true);
    expect(isRectificationSatisfied(through(verify, decide('整改'), tell()))).toBe(false);
    expect(isRectificationSatisfied(through(verify, decide('整改'), tell('basicallySatisfied')))).toBe(true);
    expect(isRectificationSatisfied(through(verify, decide('整改'), tell('dissatisfied')))).toBe(false);
    expect(isRectificationSatisfied(open)).toBe(false);
  });

  it('is due 5 working days on, moved only to a later 限期整改 date, and marked when closed after it', () => {
    const limit = rectificationStatus(open, calendar, 5, day('2025-06-10')).dueOn;
    expect(limit).toBe('2025-06-10');
    const byDate = (dueOn: string) =>
      applyRectificationStep(
        through(verify),
        { step: 'rectified', payload: { mode: 'byDate', dueOn: day(dueOn), note: '' } },
        act('b'),
      ).state;
    expect(rectificationStatus(byDate('2025-06-20'), calendar, 5, day('2025-06-11')).dueOn).toBe('2025-06-20');
    expect(rectificationStatus(byDate('2025-06-05'), calendar, 5, day('2025-06-11')).dueOn).toBe('2025-06-10');
    expect(rectificationStatus(byDate('2025-06-10'), calendar, 5, day('2025-06-11')).dueOn).toBe('2025-06-10');
    const onTheDay = through(verify, decide('整改'), tell('satisfied', '2025-06-10'));
    expect(rectificationStatus(onTheDay, calendar, 5, day('2025-06-20')).closedLate).toBe(false);
    const late = through(verify, decide('整改'), tell('satisfied', '2025-06-11'));
    expect(rectificationStatus(late, calendar, 5, day('2025-06-20'))).toMatchObject({
      closedLate: true,
      overdue: false,
    });
  });
});
