import os from 'node:os';
import { expect, it } from 'vitest';
import type { CalendarYear } from '../../shared/model/calendar.ts';
import type { StaffId } from '../../shared/model/ids.ts';
import { buildWorkingCalendar, type WorkingCalendar } from '../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../shared/rules/calendarData.ts';
import { caseDeadline, type CaseDeadline, type DeadlineInput } from '../../shared/rules/deadline.ts';
import { addDays } from '../../shared/rules/isoDate.ts';
import { seededRandom } from '../unit/shared/calendar/random.ts';
import { summarise } from './stats.ts';

// When a year's schedule changes, every open case's deadline is recomputed (DOMAIN "Working days and
// deadlines"). Measured: building the new calendar and recomputing 50,000 open cases, after one more rest day
// is confirmed in 2026.
const CASES = 50_000;
const TODAY = '2026-12-15';
const EXTRA_REST_DAY = '2026-12-21'; // a Monday, as if a late notice gave it

function openCases(): DeadlineInput[] {
  const r = seededRandom(50_000);
  const limits = [5, 10, 15, 20, 20, 20, 30];
  return Array.from({ length: CASES }, () => {
    const acceptedOn = r.date('2025-01-01', TODAY);
    const pauses = Array.from({ length: r.int(0, 2) }, () => {
      const from = addDays(acceptedOn, r.int(1, 30));
      return r.next() < 0.2 || from > TODAY ? { from } : { from, to: addDays(from, r.int(0, 15)) };
    }).filter((p) => p.from <= TODAY);
    return {
      acceptedOn,
      limitDays: limits[r.int(0, limits.length - 1)]!,
      pauses,
      extensions: r.next() < 0.15 ? [{ days: 10 }] : [],
    };
  });
}

function withExtraRestDay(): CalendarYear[] {
  return BUNDLED_CALENDAR_YEARS.map((doc) =>
    doc.year === 2026
      ? {
          ...doc,
          days: [...doc.days, { date: EXTRA_REST_DAY, kind: 'rest' as const, name: '临时调整' }],
          enteredBy: 'admin-zhao' as StaffId,
          confirmedBy: 'leader-qian' as StaffId,
        }
      : doc,
  );
}

const recompute = (cases: DeadlineInput[], calendar: WorkingCalendar): CaseDeadline[] =>
  cases.map((c) => caseDeadline(c, calendar, TODAY));

it('recomputes the deadlines of 50,000 open cases after a calendar change', () => {
  const cases = openCases();
  const before = recompute(cases, buildWorkingCalendar(BUNDLED_CALENDAR_YEARS));
  const changedYears = withExtraRestDay();

  let after: CaseDeadline[] = [];
  let calendar = buildWorkingCalendar(changedYears);
  recompute(cases, calendar); // warm-up
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    calendar = buildWorkingCalendar(changedYears);
    after = recompute(cases, calendar);
    samples.push(performance.now() - t0);
  }
  const { median } = summarise(samples);
  const moved = after.filter((a, i) => a.dueDate !== before[i]!.dueDate).length;

  console.log(
    `deadline recompute: ${CASES} cases in ${median.toFixed(1)} ms (${Math.round(CASES / (median / 1000))} cases/s)`,
  );
  console.log(
    `  median of ${samples.length} runs, calendar build included; ${moved} due dates moved; ` +
      `${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}`,
  );

  expect(after).toHaveLength(CASES);
  expect(moved).toBeGreaterThan(0);
  expect(after.every((a) => calendar.dayKind(a.dueDate).working)).toBe(true);
  expect(after.every((a, i) => a.dueDate >= before[i]!.dueDate)).toBe(true); // a rest day added never brings one forward
});
