import { describe, expect, it } from 'vitest';
import { caseClockInputSchema, type CaseClockInput } from '../../../../shared/model/deadline.ts';
import { buildWorkingCalendar } from '../../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/rules/calendarData.ts';
import { caseDeadline } from '../../../../shared/rules/deadline.ts';

const calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);

const clock = (input: Partial<CaseClockInput> & Pick<CaseClockInput, 'acceptedOn'>, today: string) =>
  caseDeadline({ limitDays: 5, pauses: [], extensions: [], ...input }, calendar, today);

describe('ch. 4 time-limited completion: the due date', () => {
  it('starts counting on the working day after acceptance and ends on the N-th working day', () => {
    // Accepted Monday 3 March 2025: Tue 4, Wed 5, Thu 6, Fri 7, Mon 10.
    expect(clock({ acceptedOn: '2025-03-03' }, '2025-03-03')).toMatchObject({
      dueDate: '2025-03-10',
      provisional: false,
      totalWorkingDays: 5,
      workingDaysUsed: 0,
      workingDaysLeft: 5,
    });
  });

  it('moves a deadline that would land on a rest day to the next working day', () => {
    // One day, accepted on the eve of National Day 2026: 1 October is a holiday, so it is due on 8 October.
    expect(clock({ acceptedOn: '2026-09-30', limitDays: 1 }, '2026-09-30').dueDate).toBe('2026-10-08');
  });

  it('counts the make-up Saturdays of Spring Festival 2026 and skips the holiday', () => {
    // Accepted Friday 6 February, 20 days: 9–13 Feb (5), Sat 14 (6), 24–27 Feb (10), Sat 28 (11), 2–6 Mar (16), 9–12 Mar (20).
    expect(clock({ acceptedOn: '2026-02-06', limitDays: 20 }, '2026-02-06').dueDate).toBe('2026-03-12');
  });

  it('counts the make-up Sunday before National Day 2025 and the make-up Saturday after it', () => {
    // Accepted Friday 26 September 2025, 7 days: Sun 28, 29, 30, 9 Oct, 10 Oct, Sat 11, Mon 13.
    expect(clock({ acceptedOn: '2025-09-26', limitDays: 7 }, '2025-09-26').dueDate).toBe('2025-10-13');
  });

  it('adds the working days of an approved extension', () => {
    const base = clock({ acceptedOn: '2025-03-03', limitDays: 20 }, '2025-03-03');
    const extended = clock({ acceptedOn: '2025-03-03', limitDays: 20, extensions: [{ days: 10 }] }, '2025-03-03');
    expect(base.dueDate).toBe('2025-03-31');
    expect(extended).toMatchObject({ dueDate: '2025-04-15', totalWorkingDays: 30 }); // 4 April (清明) is a holiday
  });
});

describe('periods that do not count (pauses)', () => {
  it('does not count the working days of a pause, its first and last day included', () => {
    // Paused Wed 5 – Thu 6 March 2025: Tue 4 (1), Fri 7 (2), Mon 10 (3), Tue 11 (4), Wed 12 (5).
    const result = clock(
      { acceptedOn: '2025-03-03', pauses: [{ from: '2025-03-05', to: '2025-03-06', reason: 'expertReview' }] },
      '2025-03-03',
    );
    expect(result).toMatchObject({ dueDate: '2025-03-12', pausedWorkingDays: 2, paused: false });
  });

  it('merges overlapping pauses instead of counting their days twice', () => {
    const pauses = [
      { from: '2025-03-05', to: '2025-03-06', reason: 'expertReview' as const },
      { from: '2025-03-06', to: '2025-03-07', reason: 'testing' as const },
    ];
    expect(clock({ acceptedOn: '2025-03-03', pauses }, '2025-03-03')).toMatchObject({
      dueDate: '2025-03-13',
      pausedWorkingDays: 3,
    });
  });

  it('a pause over a weekend or a holiday changes nothing, having no working day in it', () => {
    const pauses = [{ from: '2025-10-01', to: '2025-10-08', reason: 'hearing' as const }];
    expect(clock({ acceptedOn: '2025-09-26', limitDays: 7, pauses }, '2025-09-26').dueDate).toBe('2025-10-13');
  });

  it('shows an open pause as paused, with the due date that holds if the case resumes today', () => {
    const result = clock(
      { acceptedOn: '2025-03-03', pauses: [{ from: '2025-03-05', reason: 'inspection' }] },
      '2025-03-07',
    );
    // Tue 4 counted; 5–7 paused; Mon 10 – Thu 13 counted.
    expect(result).toMatchObject({
      state: 'paused',
      paused: true,
      dueDate: '2025-03-13',
      workingDaysUsed: 1,
      workingDaysLeft: 4,
    });
  });

  it('a pause after the due date does not make an overdue case on time again', () => {
    const result = clock(
      { acceptedOn: '2025-03-03', pauses: [{ from: '2025-03-12', reason: 'expertReview' }] },
      '2025-03-14',
    );
    expect(result).toMatchObject({ dueDate: '2025-03-10', state: 'overdue', workingDaysOverdue: 4 });
  });
});

describe('clock states', () => {
  // Accepted Monday 3 March 2025 with 20 days: due Monday 31 March.
  const at = (today: string) => clock({ acceptedOn: '2025-03-03', limitDays: 20 }, today);

  it.each([
    ['2025-03-03', 'onTrack', 20],
    ['2025-03-21', 'onTrack', 6],
    ['2025-03-24', 'onTrack', 5],
    ['2025-03-25', 'warning', 4], // ≤ 20 % of 20 days
    ['2025-03-27', 'warning', 2],
    ['2025-03-29', 'warning', 1], // Saturday: Friday's count holds
    ['2025-03-31', 'dueToday', 0],
    ['2025-04-01', 'overdue', 0],
  ] as const)('on %s the case is %s with %i working days left', (today, state, left) => {
    expect(at(today)).toMatchObject({ state, workingDaysLeft: left });
  });

  it('warns on days left alone when the share is set to zero', () => {
    const cfg = { warnDaysLeft: 2, warnShare: 0 };
    const input = { acceptedOn: '2025-03-03', limitDays: 20, pauses: [], extensions: [] };
    expect(caseDeadline(input, calendar, '2025-03-25', cfg).state).toBe('onTrack');
    expect(caseDeadline(input, calendar, '2025-03-27', cfg).state).toBe('warning');
  });

  it('counts how many working days a case is overdue', () => {
    expect(at('2025-04-08')).toMatchObject({ state: 'overdue', workingDaysOverdue: 5 }); // 1–3, 7, 8 April
  });

  it('marks a deadline that runs into an unpublished year as provisional', () => {
    expect(clock({ acceptedOn: '2026-12-15', limitDays: 20 }, '2026-12-15').provisional).toBe(true);
    expect(clock({ acceptedOn: '2026-03-02', limitDays: 20 }, '2026-03-02').provisional).toBe(false);
  });
});

describe('bad input is refused with a clear message', () => {
  const valid = {
    acceptedOn: '2025-03-03',
    limitDays: 20,
    pauses: [{ from: '2025-03-05', to: '2025-03-06', reason: 'expertReview' }],
    extensions: [{ days: 10 }],
  };
  const messages = (value: unknown) => caseClockInputSchema.safeParse(value).error?.issues.map((i) => i.message);

  it('accepts a well-formed case clock', () => {
    expect(caseClockInputSchema.safeParse(valid).success).toBe(true);
  });

  it('refuses a pause that ends before it starts', () => {
    expect(messages({ ...valid, pauses: [{ from: '2025-03-06', to: '2025-03-05', reason: 'hearing' }] })).toEqual([
      'pauseEndsBeforeStart',
    ]);
  });

  it('refuses a pause before the case was accepted', () => {
    expect(messages({ ...valid, pauses: [{ from: '2025-03-01', reason: 'expertReview' }] })).toEqual([
      'pauseBeforeAcceptance',
    ]);
  });

  it('refuses a limit or an extension that is not a whole number of days, and an unknown pause reason', () => {
    expect(caseClockInputSchema.safeParse({ ...valid, limitDays: 0 }).success).toBe(false);
    expect(caseClockInputSchema.safeParse({ ...valid, extensions: [{ days: 2.5 }] }).success).toBe(false);
    expect(
      caseClockInputSchema.safeParse({ ...valid, pauses: [{ from: '2025-03-05', reason: 'lunch' }] }).success,
    ).toBe(false);
  });
});

describe('pauses at their edges (the cases a mutant of a bound would survive)', () => {
  // Accepted Monday 3 March 2025. March: Tue 4, Wed 5, Thu 6, Fri 7, Mon 10, Tue 11, Wed 12, Thu 13, Fri 14, Mon 17…
  const at = (pauses: CaseClockInput['pauses'], today = '2025-03-03', limitDays = 5) =>
    clock({ acceptedOn: '2025-03-03', limitDays, pauses }, today);

  it('an open pause that begins after today counts its first day only, and is not yet paused', () => {
    const result = at([{ from: '2025-03-12', reason: 'hearing' }], '2025-03-05', 10);
    expect(result).toMatchObject({ dueDate: '2025-03-18', paused: false, state: 'onTrack' });
  });

  it('a pause open from today is paused today; a closed one around today is not', () => {
    expect(at([{ from: '2025-03-05', reason: 'hearing' }], '2025-03-05')).toMatchObject({
      paused: true,
      state: 'paused',
    });
    expect(at([{ from: '2025-03-05', to: '2025-03-07', reason: 'hearing' }], '2025-03-06').paused).toBe(false);
  });

  it('a reversed pause counts for nothing', () => {
    expect(at([{ from: '2025-03-06', to: '2025-03-05', reason: 'testing' }])).toMatchObject({
      dueDate: '2025-03-10',
      pausedWorkingDays: 0,
    });
  });

  it('takes pauses in the order of their days, whatever order they are listed in', () => {
    const pauses = [
      { from: '2025-03-11', to: '2025-03-11', reason: 'testing' as const },
      { from: '2025-03-05', to: '2025-03-05', reason: 'hearing' as const },
    ];
    expect(at(pauses)).toMatchObject({ dueDate: '2025-03-12', pausedWorkingDays: 2 });
  });

  it('does not merge pauses with a counted working day between them, and keeps the longer of nested ones', () => {
    const apart = [
      { from: '2025-03-05', to: '2025-03-05', reason: 'hearing' as const },
      { from: '2025-03-10', to: '2025-03-10', reason: 'testing' as const },
    ];
    expect(at(apart)).toMatchObject({ dueDate: '2025-03-12', pausedWorkingDays: 2 });
    const nested = [
      { from: '2025-03-05', to: '2025-03-10', reason: 'inspection' as const },
      { from: '2025-03-06', to: '2025-03-07', reason: 'testing' as const },
    ];
    expect(at(nested)).toMatchObject({ dueDate: '2025-03-14', pausedWorkingDays: 4 });
  });

  it('a pause from the day of acceptance takes only the days after it', () => {
    expect(at([{ from: '2025-03-03', to: '2025-03-04', reason: 'hearing' }])).toMatchObject({
      dueDate: '2025-03-11',
      pausedWorkingDays: 1,
    });
  });

  it('counts the days used up to today only, inside a pause and after the due date', () => {
    expect(at([{ from: '2025-03-05', to: '2025-03-07', reason: 'hearing' }], '2025-03-05').workingDaysUsed).toBe(1);
    expect(at([], '2025-03-14')).toMatchObject({ workingDaysUsed: 5, workingDaysLeft: 0, workingDaysOverdue: 4 });
  });

  it('a pause that starts the working day after the due date does not move it', () => {
    expect(at([{ from: '2025-03-06', to: '2025-03-07', reason: 'hearing' }], '2025-03-03', 2).dueDate).toBe(
      '2025-03-05',
    );
  });
});

describe('pauses outside the count', () => {
  it('a reversed pause far from acceptance moves nothing either', () => {
    const pauses = [{ from: '2025-03-10', to: '2025-03-05', reason: 'testing' as const }];
    expect(clock({ acceptedOn: '2025-03-03', pauses }, '2025-03-03').dueDate).toBe('2025-03-10');
  });

  it('a pause that ended before acceptance (refused by the schema) counts for nothing', () => {
    const pauses = [{ from: '2025-02-24', to: '2025-02-26', reason: 'hearing' as const }];
    expect(clock({ acceptedOn: '2025-03-03', pauses }, '2025-03-03')).toMatchObject({
      dueDate: '2025-03-10',
      pausedWorkingDays: 0,
    });
  });

  it('days counted in an unpublished year before a pause keep the due date provisional', () => {
    // A desk whose 2025 schedule was never entered: 23–26 December 2025 are Monday–Friday guesses.
    const without2025 = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS.filter((y) => y.year !== 2025));
    const input = {
      acceptedOn: '2025-12-22',
      limitDays: 10,
      pauses: [{ from: '2025-12-27', to: '2026-01-09' }],
      extensions: [],
    };
    const result = caseDeadline(input, without2025, '2025-12-22');
    expect(result.dueDate).toBe('2026-01-19'); // 23–26 Dec, then 12–16 and 19 January
    expect(result.provisional).toBe(true);
    expect(caseDeadline(input, calendar, '2025-12-22').provisional).toBe(false);
  });
});
