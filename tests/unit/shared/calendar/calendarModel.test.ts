import { describe, expect, it } from 'vitest';
import { calendarYearSchema, canonicalCalendarDays, type CalendarDay } from '../../../../shared/model/calendar.ts';

const proposed2027 = {
  year: 2027,
  noticeNumber: null,
  days: [
    { date: '2027-01-01', kind: 'rest', name: '元旦' },
    { date: '2027-02-06', kind: 'work', name: '春节' },
  ],
  status: 'proposed',
  enteredBy: 'admin-zhao',
};

const messages = (value: unknown) => calendarYearSchema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('a year of the working-day calendar as entered by an admin', () => {
  it('accepts a proposed schedule with an unknown notice number', () => {
    expect(calendarYearSchema.safeParse(proposed2027).success).toBe(true);
  });

  it('takes effect only once a second person confirms it', () => {
    expect(messages({ ...proposed2027, status: 'confirmed' })).toEqual(['calendarConfirmationRequired']);
    expect(messages({ ...proposed2027, status: 'confirmed', confirmedBy: 'admin-zhao' })).toEqual([
      'calendarConfirmedBySamePerson',
    ]);
    expect(messages({ ...proposed2027, confirmedBy: 'leader-qian' })).toEqual(['calendarNotYetConfirmed']);
    expect(
      calendarYearSchema.safeParse({
        ...proposed2027,
        noticeNumber: '国办发明电〔2026〕X号',
        status: 'confirmed',
        confirmedBy: 'leader-qian',
      }).success,
    ).toBe(true);
  });

  it('refuses a day of another year, the same day twice, and an impossible date', () => {
    const days = [
      { date: '2026-12-31', kind: 'rest' },
      { date: '2027-01-01', kind: 'rest' },
      { date: '2027-01-01', kind: 'rest' },
      { date: '2027-02-30', kind: 'rest' },
    ];
    expect(messages({ ...proposed2027, days })).toEqual([
      'invalidDate',
      'calendarDayOutsideYear',
      'calendarDayDuplicate',
    ]);
  });

  it('lists only exceptions: a rest Saturday or a working Wednesday changes nothing and is refused', () => {
    const days = [
      { date: '2027-01-02', kind: 'rest' }, // Saturday
      { date: '2027-01-06', kind: 'work' }, // Wednesday
    ];
    expect(messages({ ...proposed2027, days })).toEqual(['calendarDayNotAnException', 'calendarDayNotAnException']);
  });

  it('turns whatever was clicked or pasted into the canonical list', () => {
    const clicked: CalendarDay[] = [
      { date: '2027-02-10', kind: 'rest', name: '春节' },
      { date: '2027-02-06', kind: 'work', name: '春节' }, // Saturday worked: kept
      { date: '2027-02-07', kind: 'rest', name: '春节' }, // Sunday off anyway: dropped
      { date: '2026-12-31', kind: 'rest' }, // another year: dropped
      { date: '2027-02-10', kind: 'work' }, // clicked again: a working Wednesday, so no exception left
      { date: '2027-02-09', kind: 'rest', name: '春节' },
    ];
    expect(canonicalCalendarDays(2027, clicked)).toEqual([
      { date: '2027-02-06', kind: 'work', name: '春节' },
      { date: '2027-02-09', kind: 'rest', name: '春节' },
    ]);
  });
});
