import { describe, expect, it } from 'vitest';
import type { BreachFact, DueFact, ReportFact, TransferFact } from '../../../../shared/rules/reports/facts.ts';
import { figures } from '../../../../shared/rules/reports/figures.ts';
import { periodOf } from '../../../../shared/rules/reports/periods.ts';
import { DEFAULT_WARNING_THRESHOLDS, warnings } from '../../../../shared/rules/reports/warnings.ts';
import { calendar } from '../followUpBuilders.ts';

// Hand-made fact rows, so each level rule is tried at its edges. 2026-04-02 is a Thursday; 04-03 Fri, 04-06 清明.
const TODAY = '2026-04-02';
const APRIL = periodOf('month', TODAY);
const who = { departmentId: 'd1', staffId: 's1' };
const breach = (id: string, day: string, days: number, extra: Partial<BreachFact> = {}): BreachFact => ({
  kind: 'breach',
  id,
  recordId: `rec-${id}`,
  day,
  ...who,
  code: 'overdue',
  article: 'art. 18(1)',
  days,
  ongoing: false,
  ...extra,
});
const due = (id: string, day: string): DueFact => ({
  kind: 'due',
  id,
  recordId: `rec-${id}`,
  day,
  ...who,
  code: 'caseDue',
  article: 'art. 18(1)',
});
const levels = (facts: ReportFact[], p = APRIL, thresholds = DEFAULT_WARNING_THRESHOLDS) =>
  warnings(facts, p, { calendar, today: TODAY, thresholds }).map((w) => [w.factId, w.level, w.rule]);

describe('warning levels (预警 / 黄牌 / 红牌)', () => {
  it('gives a yellow card up to three working days late and a red one beyond', () => {
    expect(levels([breach('a', '2026-04-01', 3), breach('b', '2026-04-01', 4, { staffId: 's2' })])).toEqual([
      ['b', 'red', 'lateBeyond'],
      ['a', 'yellow', 'lateWithin'],
    ]);
  });

  it('makes a repeat of the same rule by the same person within 30 days red', () => {
    const first = breach('a', '2026-03-02', 1);
    // 30 days after 03-02 is 04-01: still a repeat; 04-02 is not.
    expect(levels([first, breach('b', '2026-04-01', 1)])).toEqual([['b', 'red', 'repeated']]);
    expect(levels([first, breach('b', '2026-04-02', 1)])).toEqual([['b', 'yellow', 'lateWithin']]);
    // Another person, or another rule, is no repeat; nor is a later breach for an earlier one.
    const other = breach('c', '2026-04-01', 1, { staffId: 's2' });
    const otherRule = breach('d', '2026-04-01', 1, { code: 'completedLate' });
    expect(levels([breach('e', '2026-03-20', 1), other, otherRule], periodOf('month', '2026-04-01'))).toEqual([
      ['c', 'yellow', 'lateWithin'],
      ['d', 'yellow', 'lateWithin'],
    ]);
    const sameDay = [breach('f', '2026-04-01', 1), breach('g', '2026-04-01', 1)];
    expect(levels(sameDay)).toEqual([
      ['f', 'yellow', 'lateWithin'],
      ['g', 'yellow', 'lateWithin'],
    ]);
  });

  it('always gives a refusal without reasons a red card', () => {
    expect(levels([breach('a', '2026-04-01', 0, { code: 'refusalWithoutReason', article: 'art. 8(2)' })])).toEqual([
      ['a', 'red', 'noReason'],
    ]);
  });

  it('warns of a duty due within two working days, the due day included, while the period holds today', () => {
    // Today 04-02: 04-02 has 0 left, 04-03 1, 04-07 2 (04-04 to 04-06 rest), 04-08 3.
    const dues = [due('d0', '2026-04-02'), due('d1', '2026-04-03'), due('d2', '2026-04-07'), due('d3', '2026-04-08')];
    const cards = warnings(dues, APRIL, { calendar, today: TODAY });
    expect(cards.map((c) => [c.factId, c.level, c.rule, c.days])).toEqual([
      ['d0', 'warning', 'dueSoon', 0],
      ['d1', 'warning', 'dueSoon', 1],
      ['d2', 'warning', 'dueSoon', 2],
    ]);
    // A due day already past is left to the next derivation, which turns it into a breach.
    expect(levels([due('old', '2026-04-01')])).toEqual([]);
    // A past month has nothing to warn about.
    expect(levels(dues, periodOf('month', '2026-03-01'))).toEqual([]);
  });

  it('takes the thresholds the settings give', () => {
    const t = { warnWithinWorkingDays: 0, yellowMaxWorkingDays: 5, repeatWindowDays: 1 };
    const facts = [breach('a', '2026-04-01', 5), due('d0', '2026-04-02'), due('d1', '2026-04-03')];
    expect(levels(facts, APRIL, t)).toEqual([
      ['a', 'yellow', 'lateWithin'],
      ['d0', 'warning', 'dueSoon'],
    ]);
    expect(levels([breach('a', '2026-03-31', 1), breach('b', '2026-04-01', 1)], periodOf('week', TODAY), t)).toEqual([
      ['b', 'red', 'repeated'],
      ['a', 'yellow', 'lateWithin'],
    ]);
  });

  it('carries what a supervisor needs to act: record, person, department, article, days', () => {
    const [card] = warnings([breach('a', '2026-04-01', 2)], APRIL, { calendar, today: TODAY });
    expect(card).toEqual({
      level: 'yellow',
      rule: 'lateWithin',
      code: 'overdue',
      article: 'art. 18(1)',
      factId: 'a',
      recordId: 'rec-a',
      staffId: 's1',
      departmentId: 'd1',
      day: '2026-04-01',
      days: 2,
    });
  });
});

describe('figures at their edges', () => {
  const transfer = (id: string, days: number, day = '2026-04-01'): TransferFact => ({
    kind: 'transfer',
    id,
    recordId: id,
    day,
    ...who,
    outcome: 'accepted',
    dueOn: day,
    acceptedOn: day,
    workingDaysToAccept: days,
    acceptedWithinNextWorkingDay: true,
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    const facts = [transfer('a', 4), transfer('b', 0), transfer('c', 1), transfer('d', 9)];
    const f = figures(facts, APRIL, 'bureau')[0]!.figures['transfers.workingDaysToAccept'];
    expect([f.numerator, f.denominator, f.rate, f.median]).toEqual([14, 4, 3.5, 2.5]);
    const odd = figures(facts.slice(0, 3), APRIL, 'bureau')[0]!.figures['transfers.workingDaysToAccept'];
    expect([odd.median, odd.factIds]).toEqual([1, ['a', 'b', 'c']]);
  });

  it('shows nothing to count as 0 of 0 with no rate, and no group without facts in the period', () => {
    const [only] = figures([transfer('a', 1)], APRIL, 'staff');
    expect(only!.group).toBe('s1');
    expect(only!.figures['cases.onTime']).toEqual({
      key: 'cases.onTime',
      numerator: 0,
      denominator: 0,
      rate: null,
      factIds: [],
    });
    expect(only!.figures['transfers.workingDaysToAccept'].median).toBe(1);
    expect(only!.figures['contacts.total'].median).toBeUndefined();
    expect(figures([transfer('a', 1, '2026-03-31')], APRIL, 'staff')).toEqual([]);
    const empty = figures([], APRIL, 'bureau');
    expect(empty).toEqual([]);
  });
});
