import { describe, expect, it } from 'vitest';
import type { CalendarYear } from '../../../../shared/model/calendar.ts';
import type { StaffId } from '../../../../shared/model/ids.ts';
import { buildWorkingCalendar, type WorkingCalendar } from '../../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/rules/calendarData.ts';
import { caseDeadline, type DeadlineInput } from '../../../../shared/rules/deadline.ts';
import { addDays, type IsoDate } from '../../../../shared/rules/isoDate.ts';
import { seededRandom, type Random } from './random.ts';

// Property tests with a fixed seed: 2000 generated cases each, the same on every run. A mutation run (npm run
// mutation) repeats them for every mutant and asks for fewer through FIRSTDESK_PROPERTY_RUNS.
const RUNS = Number(process.env.FIRSTDESK_PROPERTY_RUNS ?? 2000);
const calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);

/** Reference answers by walking day by day over `dayKind`, with no index and no cleverness. */
function walkCount(cal: WorkingCalendar, fromExclusive: IsoDate, toInclusive: IsoDate): number {
  let n = 0;
  for (let d = addDays(fromExclusive, 1); d <= toInclusive; d = addDays(d, 1)) if (cal.dayKind(d).working) n++;
  return n;
}

function walkDueDate(cal: WorkingCalendar, input: DeadlineInput, today: IsoDate): IsoDate {
  const total = input.limitDays + input.extensions.reduce((s, e) => s + e.days, 0);
  const paused = (d: IsoDate) =>
    input.pauses.some((p) => d >= p.from && d <= (p.to ?? (today > p.from ? today : p.from)));
  let counted = 0;
  for (let d = addDays(input.acceptedOn, 1); ; d = addDays(d, 1)) {
    if (!paused(d) && cal.dayKind(d).working && ++counted === total) return d;
  }
}

function randomCase(r: Random): { input: DeadlineInput; today: IsoDate } {
  const acceptedOn = r.date('2004-01-01', '2027-06-30');
  const pauses = Array.from({ length: r.int(0, 3) }, () => {
    const from = addDays(acceptedOn, r.int(0, 60));
    return r.next() < 0.1 ? { from } : { from, to: addDays(from, r.int(0, 20)) };
  });
  const extensions = Array.from({ length: r.int(0, 2) }, () => ({ days: r.int(1, 30) }));
  return {
    input: { acceptedOn, limitDays: r.int(1, 60), pauses, extensions },
    today: addDays(acceptedOn, r.int(0, 150)),
  };
}

describe('working-day arithmetic, on 2000 generated cases', () => {
  it('counting back the working days just added gives n again', () => {
    const r = seededRandom(20260214);
    for (let i = 0; i < RUNS; i++) {
      const start = r.date('2003-06-01', '2031-12-31'); // before, inside and beyond the bundled years
      const n = r.int(0, 60);
      const end = calendar.addWorkingDays(start, n).date;
      expect(calendar.countWorkingDays(start, end).days, `${start} + ${n}`).toBe(n);
    }
  });

  it('adding n ≥ 1 working days lands on a working day, and on the first one with that count', () => {
    const r = seededRandom(20251011);
    for (let i = 0; i < RUNS; i++) {
      const start = r.date('2003-06-01', '2031-12-31');
      const n = r.int(1, 60);
      const end = calendar.addWorkingDays(start, n).date;
      expect(calendar.dayKind(end).working, `${start} + ${n}`).toBe(true);
      expect(calendar.countWorkingDays(start, addDays(end, -1)).days).toBe(n - 1);
    }
  });

  it('the indexed count agrees with walking day by day, inside and outside the bundled years', () => {
    const r = seededRandom(20250928);
    for (let i = 0; i < RUNS; i++) {
      const from = r.date('2000-01-01', '2033-12-31');
      const to = addDays(from, r.int(-5, 400));
      expect(calendar.countWorkingDays(from, to).days, `${from}..${to}`).toBe(walkCount(calendar, from, to));
    }
  });
});

describe('case deadlines, on 2000 generated cases', () => {
  it('the due date is the one found by walking day by day, and always a working day', () => {
    const r = seededRandom(4);
    for (let i = 0; i < RUNS; i++) {
      const { input, today } = randomCase(r);
      const result = caseDeadline(input, calendar, today);
      expect(result.dueDate, JSON.stringify({ input, today })).toBe(walkDueDate(calendar, input, today));
      expect(calendar.dayKind(result.dueDate).working).toBe(true);
      if (today <= result.dueDate)
        expect(result.workingDaysUsed + result.workingDaysLeft).toBe(result.totalWorkingDays);
    }
  });

  it('pauses never shorten a deadline', () => {
    const r = seededRandom(5);
    for (let i = 0; i < RUNS; i++) {
      const { input, today } = randomCase(r);
      const withPauses = caseDeadline(input, calendar, today).dueDate;
      const without = caseDeadline({ ...input, pauses: [] }, calendar, today).dueDate;
      expect(withPauses >= without, JSON.stringify({ input, today })).toBe(true);
    }
  });

  it('extensions never shorten a deadline', () => {
    const r = seededRandom(6);
    for (let i = 0; i < RUNS; i++) {
      const { input, today } = randomCase(r);
      const extended = caseDeadline(input, calendar, today).dueDate;
      const without = caseDeadline({ ...input, extensions: [] }, calendar, today).dueDate;
      expect(extended >= without, JSON.stringify({ input, today })).toBe(true);
    }
  });

  it('a newly confirmed holiday never brings a deadline forward', () => {
    const r = seededRandom(7);
    for (let i = 0; i < RUNS; i++) {
      const { input, today } = randomCase(r);
      const holiday = addDays(input.acceptedOn, r.int(1, 60));
      const year = Number(holiday.slice(0, 4));
      const kind = calendar.dayKind(holiday);
      if (!kind.working || kind.provisional) continue; // an extra rest day only on a working day of a known year
      const doc = BUNDLED_CALENDAR_YEARS.find((y) => y.year === year)!;
      const amended: CalendarYear = {
        ...doc,
        days: [...doc.days.filter((d) => d.date !== holiday), { date: holiday, kind: 'rest' }],
        confirmedBy: 'leader-qian' as StaffId,
      };
      const before = caseDeadline(input, calendar, today).dueDate;
      const after = caseDeadline(input, buildWorkingCalendar([...BUNDLED_CALENDAR_YEARS, amended]), today).dueDate;
      expect(after >= before).toBe(true);
    }
  });
});
