import { beforeEach, describe, expect, it } from 'vitest';
import type { CalendarYear } from '../../../../shared/model/calendar.ts';
import type { StaffId } from '../../../../shared/model/ids.ts';
import { buildWorkingCalendar, type WorkingCalendar } from '../../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/rules/calendarData.ts';
import { addDays, dayNumber, isWeekendDay } from '../../../../shared/rules/isoDate.ts';
import { SCHEDULE_2027 } from '../../../fixtures/adminEvents.ts';

// Issue 12, item 13: a year without a published schedule is still counted in statutory working days (art. 19),
// so the fixed-date statutory holidays (元旦, 劳动节, 国庆节 1–3 October) are rest days in it, marked provisional.

// Built in each test, not at import, so that a calendar that cannot be built fails tests (see calendar.mutation.test.ts).
let calendar: WorkingCalendar; // 2004–2026 published; the index reaches 2029
/** Fewer published years, so an index that ends with 2026: every answer about 2027+ is found by walking. */
let walked: WorkingCalendar;
beforeEach(() => {
  calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);
  walked = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS.filter((y) => y.year <= 2023));
});

const confirmed2027: CalendarYear = {
  year: 2027,
  noticeNumber: '国办发明电〔2026〕X号',
  days: SCHEDULE_2027,
  status: 'confirmed',
  enteredBy: 'admin-zhao' as StaffId,
  confirmedBy: 'leader-qian' as StaffId,
};

describe('art. 19: the fixed-date statutory holidays of a year whose schedule is not published', () => {
  it('art. 19: 2027-01-01 (元旦, a Friday) is not a working day while 2027 is unpublished, and says it is a guess', () => {
    expect(calendar.isPublished(2027)).toBe(false);
    expect(calendar.dayKind('2027-01-01')).toEqual({ working: false, provisional: true, name: '元旦' });
    expect(calendar.dayKind('2026-12-31')).toEqual({ working: true, provisional: false });
    expect(calendar.dayKind('2027-01-04')).toEqual({ working: true, provisional: true });
  });

  it('art. 19: the next working day after 2026-12-31 is Monday 2027-01-04, provisional', () => {
    expect(calendar.nextWorkingDay('2026-12-31')).toEqual({ date: '2027-01-04', provisional: true });
    expect(calendar.endOfNextWorkingDay('2026-12-31')).toEqual({ date: '2027-01-04', provisional: true });
    expect(calendar.workingDayOnOrAfter('2027-01-01')).toEqual({ date: '2027-01-04', provisional: true });
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: true });
    expect(calendar.countWorkingDays('2026-12-31', '2027-01-04')).toEqual({ days: 1, provisional: true });
  });

  it('art. 19: a 5-working-day count across 2027-10-01 skips 国庆节 1–3 October', () => {
    // Wednesday 29 September: 30 Sep, then 4–7 Oct (1 Oct is a Friday, 2–3 Oct the weekend).
    expect(calendar.addWorkingDays('2027-09-29', 5)).toEqual({ date: '2027-10-07', provisional: true });
    expect(calendar.countWorkingDays('2027-09-29', '2027-10-07')).toEqual({ days: 5, provisional: true });
    for (const d of ['2027-10-01', '2027-10-02', '2027-10-03'])
      expect(calendar.dayKind(d)).toEqual({ working: false, provisional: true, name: '国庆节' });
  });

  it('art. 19: in 2029, when 1–3 October are Monday to Wednesday, the count skips all three weekdays', () => {
    expect(calendar.addWorkingDays('2029-09-28', 5)).toEqual({ date: '2029-10-10', provisional: true });
    expect(calendar.countWorkingDays('2029-09-28', '2029-10-05')).toEqual({ days: 2, provisional: true });
    expect(calendar.nextWorkingDay('2029-09-30')).toEqual({ date: '2029-10-04', provisional: true });
    expect(calendar.workingDayOnOrAfter('2029-10-02')).toEqual({ date: '2029-10-04', provisional: true });
  });

  it('art. 19: 劳动节 is 1 May in every year and also 2 May from 2025 (the holiday law as amended in force then)', () => {
    expect(calendar.dayKind('2028-05-01')).toEqual({ working: false, provisional: true, name: '劳动节' }); // Monday
    expect(calendar.dayKind('2028-05-02')).toEqual({ working: false, provisional: true, name: '劳动节' }); // Tuesday
    expect(calendar.dayKind('2028-05-03')).toEqual({ working: true, provisional: true });
    expect(calendar.addWorkingDays('2028-04-28', 1)).toEqual({ date: '2028-05-03', provisional: true });
    // 2003 is before the bundled years: 2 May was not a statutory holiday then, 1 May and 1 January were.
    expect(calendar.dayKind('2003-05-02')).toEqual({ working: true, provisional: true }); // Friday
    expect(calendar.dayKind('2003-05-01')).toEqual({ working: false, provisional: true, name: '劳动节' });
    expect(calendar.dayKind('2003-01-01')).toEqual({ working: false, provisional: true, name: '元旦' });
  });

  it('art. 19: a fixed holiday on a weekend stays a rest day and keeps its name; no day in lieu is guessed', () => {
    expect(calendar.dayKind('2027-05-01')).toEqual({ working: false, provisional: true, name: '劳动节' }); // Saturday
    expect(calendar.dayKind('2027-05-03')).toEqual({ working: true, provisional: true }); // Monday
  });

  it('art. 19: the index and the day-by-day walk give the same answers in the years past the published ones', () => {
    // 2035-10-01 is a Monday, far beyond the index of either calendar.
    expect(calendar.addWorkingDays('2035-09-28', 5)).toEqual({ date: '2035-10-10', provisional: true });
    for (let start = '2027-01-01'; start <= '2030-01-10'; start = addDays(start, 1)) {
      for (const n of [1, 5, 20])
        expect(walked.addWorkingDays(start, n), `${start} + ${n}`).toEqual(calendar.addWorkingDays(start, n));
      expect(walked.countWorkingDays(start, addDays(start, 40))).toEqual(
        calendar.countWorkingDays(start, addDays(start, 40)),
      );
      expect(walked.nextWorkingDay(start)).toEqual(calendar.nextWorkingDay(start));
    }
  });

  it('art. 19: the whole of 2027 guessed has 5 fixed holidays on weekdays fewer than Monday–Friday', () => {
    let weekdays = 0;
    for (let d = '2027-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) if (!isWeekendDay(dayNumber(d))) weekdays++;
    // 2027: 1 Jan Fri, 1 May Sat, 2 May Sun, 1 Oct Fri, 2–3 Oct weekend → two weekdays are holidays.
    expect(calendar.countWorkingDays('2026-12-31', '2027-12-31')).toEqual({ days: weekdays - 2, provisional: true });
  });
});

describe('art. 19: a published schedule is never second-guessed', () => {
  it('art. 19: once 2027 is confirmed its own days decide, and nothing is provisional', () => {
    const cal = buildWorkingCalendar([...BUNDLED_CALENDAR_YEARS, confirmed2027]);
    expect(cal.dayKind('2027-01-01')).toEqual({ working: false, provisional: false, name: '元旦' });
    expect(cal.dayKind('2027-10-04')).toEqual({ working: false, provisional: false, name: '国庆节' });
    expect(cal.addWorkingDays('2027-09-29', 5)).toEqual({ date: '2027-10-12', provisional: false }); // 9 Oct worked
  });

  it('art. 19: a confirmed year that lists no holiday on a fixed date keeps that date a working day', () => {
    const bare: CalendarYear = { ...confirmed2027, days: [] };
    const cal = buildWorkingCalendar([...BUNDLED_CALENDAR_YEARS, bare]);
    expect(cal.dayKind('2027-01-01')).toEqual({ working: true, provisional: false });
    expect(cal.dayKind('2027-10-01')).toEqual({ working: true, provisional: false });
    expect(cal.nextWorkingDay('2026-12-31')).toEqual({ date: '2027-01-01', provisional: false });
  });

  it('art. 19: every day of the bundled years 2004–2026 is exactly its schedule on Monday–Friday', () => {
    const listed = new Map(BUNDLED_CALENDAR_YEARS.flatMap((y) => y.days.map((d) => [d.date, d] as const)));
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      const day = listed.get(d);
      const expected = day
        ? { working: day.kind === 'work', provisional: false, ...(day.name ? { name: day.name } : {}) }
        : { working: !isWeekendDay(dayNumber(d)), provisional: false };
      expect(calendar.dayKind(d), d).toEqual(expected);
    }
  });
});
