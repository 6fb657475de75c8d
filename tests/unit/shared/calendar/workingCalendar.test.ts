import { describe, expect, it } from 'vitest';
import type { CalendarYear } from '../../../../shared/model/calendar.ts';
import type { StaffId } from '../../../../shared/model/ids.ts';
import { buildWorkingCalendar } from '../../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/rules/calendarData.ts';

const calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);

const year2027 = (status: CalendarYear['status']): CalendarYear => ({
  year: 2027,
  noticeNumber: null,
  days: [{ date: '2027-01-01', kind: 'rest', name: '元旦' }],
  status,
  enteredBy: 'admin-zhao' as StaffId,
  ...(status === 'confirmed' ? { confirmedBy: 'leader-qian' as StaffId } : {}),
});

describe('Spring Festival 2026 (国办发明电〔2025〕7号: 15–23 February off, Saturdays 14 and 28 February worked)', () => {
  it.each([
    ['2026-02-13', true, 'Friday before the holiday'],
    ['2026-02-14', true, 'make-up Saturday'],
    ['2026-02-15', false, 'Sunday, first day of the holiday'],
    ['2026-02-16', false, 'Monday in the holiday'],
    ['2026-02-20', false, 'Friday in the holiday'],
    ['2026-02-21', false, 'Saturday in the holiday'],
    ['2026-02-23', false, 'Monday, last day of the holiday'],
    ['2026-02-24', true, 'first working day after it'],
    ['2026-02-28', true, 'second make-up Saturday'],
    ['2026-03-01', false, 'an ordinary Sunday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(calendar.dayKind(date)).toMatchObject({ working, provisional: false });
  });

  it('counts a make-up Saturday (调休) as a working day', () => {
    expect(calendar.dayKind('2026-02-14')).toEqual({ working: true, provisional: false, name: '春节' });
    expect(calendar.addWorkingDays('2026-02-13', 1)).toEqual({ date: '2026-02-14', provisional: false });
  });

  it('adds working days across the holiday', () => {
    expect(calendar.addWorkingDays('2026-02-12', 3).date).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2026-02-13', 5).date).toBe('2026-02-27');
    expect(calendar.addWorkingDays('2026-02-13', 6).date).toBe('2026-02-28');
    expect(calendar.addWorkingDays('2026-02-13', 7).date).toBe('2026-03-02');
  });

  it('counts no working day inside the holiday', () => {
    expect(calendar.countWorkingDays('2026-02-14', '2026-02-23')).toEqual({ days: 0, provisional: false });
    expect(calendar.countWorkingDays('2026-02-13', '2026-02-28').days).toBe(6);
  });
});

describe('National Day 2025 (国办发明电〔2024〕12号: 1–8 October off, Sunday 28 September and Saturday 11 October worked)', () => {
  it.each([
    ['2025-09-27', false],
    ['2025-09-28', true],
    ['2025-09-30', true],
    ['2025-10-01', false],
    ['2025-10-06', false],
    ['2025-10-08', false],
    ['2025-10-09', true],
    ['2025-10-11', true],
    ['2025-10-12', false],
  ])('%s is a working day: %s', (date, working) => {
    expect(calendar.dayKind(date).working).toBe(working);
  });

  it('counts the make-up Sunday before the holiday and the make-up Saturday after it', () => {
    expect(calendar.addWorkingDays('2025-09-26', 1).date).toBe('2025-09-28');
    expect(calendar.addWorkingDays('2025-09-26', 4).date).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2025-09-26', 6).date).toBe('2025-10-11');
    expect(calendar.addWorkingDays('2025-09-26', 7).date).toBe('2025-10-13');
  });

  it('names the Mid-autumn day inside the National Day break', () => {
    expect(calendar.dayKind('2025-10-06')).toEqual({ working: false, provisional: false, name: '中秋节' });
  });
});

describe('National Day 2026 (1–7 October off, Sunday 20 September and Saturday 10 October worked; 中秋 25–27 September)', () => {
  it('counts the make-up Sunday and skips the Mid-autumn Friday', () => {
    // 20 Sep (Sunday, worked) + 21–24 Sep + 28–30 Sep; 25 Sep is 中秋.
    expect(calendar.countWorkingDays('2026-09-18', '2026-09-30')).toEqual({ days: 8, provisional: false });
  });

  it('reaches the make-up Saturday on the third working day after the holiday begins', () => {
    expect(calendar.addWorkingDays('2026-09-30', 3).date).toBe('2026-10-10');
  });
});

describe('moving and counting', () => {
  it('moves a day in a holiday forward to the next working day, and keeps a working day as it is', () => {
    expect(calendar.workingDayOnOrAfter('2026-10-01').date).toBe('2026-10-08');
    expect(calendar.workingDayOnOrAfter('2026-10-10').date).toBe('2026-10-10');
    expect(calendar.nextWorkingDay('2026-10-10').date).toBe('2026-10-12');
  });

  it('art. 8(3): a transfer must be accepted by the end of the next working day', () => {
    expect(calendar.endOfNextWorkingDay('2026-02-13').date).toBe('2026-02-14'); // Friday → make-up Saturday
    expect(calendar.endOfNextWorkingDay('2026-02-14').date).toBe('2026-02-24');
    expect(calendar.endOfNextWorkingDay('2025-09-30').date).toBe('2025-10-09');
    expect(calendar.endOfNextWorkingDay('2025-03-07').date).toBe('2025-03-10'); // ordinary Friday → Monday
  });

  it('adding nothing gives the start back, and counting an empty span gives zero', () => {
    expect(calendar.addWorkingDays('2026-02-15', 0)).toEqual({ date: '2026-02-15', provisional: false });
    expect(calendar.countWorkingDays('2026-03-02', '2026-03-02').days).toBe(0);
    expect(calendar.countWorkingDays('2026-03-09', '2026-03-02').days).toBe(0);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => calendar.addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });
});

describe('a year the State Council has not yet published', () => {
  it('never takes 2027 silently as Monday–Friday: every answer that used it is provisional', () => {
    expect(calendar.isPublished(2026)).toBe(true);
    expect(calendar.isPublished(2027)).toBe(false);
    expect(calendar.dayKind('2027-03-01')).toEqual({ working: true, provisional: true });
    expect(calendar.addWorkingDays('2026-12-30', 3)).toEqual({ date: '2027-01-05', provisional: true });
    expect(calendar.countWorkingDays('2026-12-01', '2027-01-05').provisional).toBe(true);
    expect(calendar.countWorkingDays('2026-12-01', '2026-12-31').provisional).toBe(false);
    // art. 19: 元旦 is a statutory holiday even before the 2027 schedule is published (issue 12, item 13).
    expect(calendar.endOfNextWorkingDay('2026-12-31')).toEqual({ date: '2027-01-04', provisional: true });
  });

  it('ignores a proposed schedule until a second person confirms it', () => {
    const withProposal = buildWorkingCalendar([...BUNDLED_CALENDAR_YEARS, year2027('proposed')]);
    expect(withProposal.isPublished(2027)).toBe(false);
    expect(withProposal.dayKind('2027-01-01')).toEqual({ working: false, provisional: true, name: '元旦' });

    const confirmed = buildWorkingCalendar([...BUNDLED_CALENDAR_YEARS, year2027('confirmed')]);
    expect(confirmed.isPublished(2027)).toBe(true);
    expect(confirmed.dayKind('2027-01-01')).toEqual({ working: false, provisional: false, name: '元旦' });
    expect(confirmed.endOfNextWorkingDay('2026-12-31')).toEqual({ date: '2027-01-04', provisional: false });
  });

  it('lets an admin’s confirmed year replace the bundled one for the same year', () => {
    const corrected: CalendarYear = { ...year2027('confirmed'), year: 2026, days: [] };
    const cal = buildWorkingCalendar([...BUNDLED_CALENDAR_YEARS, corrected]);
    expect(cal.dayKind('2026-10-01')).toEqual({ working: true, provisional: false });
  });

  it('with no schedule at all, everything is provisional', () => {
    const empty = buildWorkingCalendar([]);
    expect(empty.publishedYears).toEqual([]);
    expect(empty.addWorkingDays('2026-02-13', 1)).toEqual({ date: '2026-02-16', provisional: true });
    expect(empty.countWorkingDays('2026-02-13', '2026-02-20')).toEqual({ days: 5, provisional: true });
  });
});
