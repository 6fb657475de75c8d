import { beforeEach, describe, expect, it } from 'vitest';
import type { CalendarYear } from '../../../../shared/model/calendar.ts';
import type { StaffId } from '../../../../shared/model/ids.ts';
import { buildWorkingCalendar, type WorkingCalendar } from '../../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/rules/calendarData.ts';
import { SCHEDULE_2027 } from '../../../fixtures/adminEvents.ts';

// Edges of the working-day calendar that mutation testing (npm run mutation) showed no other test looked at:
// where a count starts, where the index ends, and what an answer carries. The bundled years are 2004–2026, so
// 2003 and 2027 are unpublished and the index reaches the end of 2029.

// Built in each test, not at import: a calendar that cannot be built then fails tests, where a mutation run
// sees it, instead of failing the file's import, which Stryker's vitest runner does not count as a kill.
let calendar: WorkingCalendar;
beforeEach(() => {
  calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);
});

const confirmed2027: CalendarYear = {
  year: 2027,
  noticeNumber: '国办发明电〔2026〕X号',
  days: SCHEDULE_2027,
  status: 'confirmed',
  enteredBy: 'admin-zhao' as StaffId,
  confirmedBy: 'leader-qian' as StaffId,
};

describe('art. 19: a count of working days starts the day after its start, and only what it counts is provisional', () => {
  it('art. 19: from the last day of an unpublished year into a published one, nothing counted is a guess', () => {
    // 2003-12-31 lies in an unpublished year, but the count starts on 2004-01-01 (元旦, published).
    expect(calendar.addWorkingDays('2003-12-31', 1)).toEqual({ date: '2004-01-02', provisional: false });
    expect(calendar.nextWorkingDay('2003-12-31')).toEqual({ date: '2004-01-02', provisional: false });
    expect(calendar.endOfNextWorkingDay('2003-12-31')).toEqual({ date: '2004-01-02', provisional: false });
    expect(calendar.countWorkingDays('2003-12-31', '2004-01-05')).toEqual({ days: 2, provisional: false });
  });

  it('art. 19: the day before the start is never looked at, even when its year is unpublished', () => {
    // 2004-01-01 is published, its day before (2003-12-31) is not: a count from 2004-01-01 stays certain.
    expect(calendar.addWorkingDays('2004-01-01', 1)).toEqual({ date: '2004-01-02', provisional: false });
    expect(calendar.countWorkingDays('2004-01-01', '2004-01-02')).toEqual({ days: 1, provisional: false });
    expect(calendar.nextWorkingDay('2004-01-01')).toEqual({ date: '2004-01-02', provisional: false });
  });

  it('art. 19: adding no working day counts nothing, so it is certain even in an unpublished year', () => {
    expect(calendar.addWorkingDays('2027-03-01', 0)).toEqual({ date: '2027-03-01', provisional: false });
    expect(calendar.countWorkingDays('2027-03-01', '2027-03-01')).toEqual({ days: 0, provisional: false });
  });

  it('art. 19: a working day kept as the due date is provisional exactly when its own year is unpublished', () => {
    expect(calendar.workingDayOnOrAfter('2027-03-01')).toEqual({ date: '2027-03-01', provisional: true });
    expect(calendar.workingDayOnOrAfter('2026-03-02')).toEqual({ date: '2026-03-02', provisional: false });
    expect(calendar.workingDayOnOrAfter('2026-12-31')).toEqual({ date: '2026-12-31', provisional: false });
  });
});

describe('art. 19: the last indexed year and the first one past it', () => {
  it('art. 19: counting up to the first day past the index (2030-01-01) walks, and gets it right', () => {
    // 2029-12-31 is a Monday (guessed working), 2030-01-01 元旦 is guessed a rest day.
    expect(calendar.countWorkingDays('2029-12-28', '2030-01-01')).toEqual({ days: 1, provisional: true });
    expect(calendar.countWorkingDays('2029-12-28', '2029-12-31')).toEqual({ days: 1, provisional: true });
    expect(calendar.countWorkingDays('2029-01-01', '2029-12-31').days).toBe(
      calendar.countWorkingDays('2028-12-31', '2029-12-31').days - (calendar.dayKind('2029-01-01').working ? 1 : 0),
    );
  });

  it('art. 19: adding past the end of the index goes on day by day', () => {
    expect(calendar.addWorkingDays('2029-12-28', 1)).toEqual({ date: '2029-12-31', provisional: true });
    expect(calendar.addWorkingDays('2029-12-28', 2)).toEqual({ date: '2030-01-02', provisional: true });
    expect(calendar.addWorkingDays('2029-12-31', 1)).toEqual({ date: '2030-01-02', provisional: true });
  });

  it('art. 19: the whole last indexed year is counted, not left at zero', () => {
    // 2029: 261 weekdays; 1 Jan (Mon), 1–2 May (Tue, Wed), 1–3 Oct (Mon–Wed) are guessed holidays.
    expect(calendar.countWorkingDays('2028-12-31', '2029-12-31')).toEqual({ days: 255, provisional: true });
  });
});

describe('art. 19: what a calendar answers about its years and days', () => {
  it('art. 19: lists its published years in order, whatever order the documents came in', () => {
    const cal = buildWorkingCalendar([confirmed2027, ...BUNDLED_CALENDAR_YEARS]);
    expect(cal.publishedYears[0]).toBe(2004);
    expect(cal.publishedYears.at(-1)).toBe(2027);
    expect([...cal.publishedYears]).toEqual([...cal.publishedYears].sort((a, b) => a - b));
    // The index then reaches 2030 and still counts 2027's own schedule (9 October 2027 is a Saturday worked).
    expect(cal.addWorkingDays('2027-09-29', 5)).toEqual({ date: '2027-10-12', provisional: false });
    expect(cal.addWorkingDays('2030-09-27', 5)).toEqual({ date: '2030-10-09', provisional: true });
  });

  it('art. 19: a day that belongs to no holiday carries no name at all', () => {
    expect(calendar.dayKind('2026-03-02')).toStrictEqual({ working: true, provisional: false });
    expect(calendar.dayKind('2027-03-01')).toStrictEqual({ working: true, provisional: true });
    expect(calendar.dayKind('2026-03-01')).toStrictEqual({ working: false, provisional: false });
    expect(calendar.dayKind('2026-10-01')).toStrictEqual({ working: false, provisional: false, name: '国庆节' });
  });

  it('art. 19: with no schedule at all, 2 May is a holiday from 2025, when the amended law took effect, not before', () => {
    const empty = buildWorkingCalendar([]);
    expect(empty.dayKind('2025-05-02')).toEqual({ working: false, provisional: true, name: '劳动节' }); // Friday
    expect(empty.dayKind('2024-05-02')).toEqual({ working: true, provisional: true }); // Thursday
    expect(empty.addWorkingDays('2025-04-30', 1)).toEqual({ date: '2025-05-05', provisional: true });
  });

  it('refuses a negative or fractional number of days and says which', () => {
    expect(() => calendar.addWorkingDays('2026-03-02', -1)).toThrow(
      'addWorkingDays: n must be a whole number ≥ 0, got -1',
    );
    expect(() => calendar.addWorkingDays('2026-03-02', 0.5)).toThrow('got 0.5');
  });
});
