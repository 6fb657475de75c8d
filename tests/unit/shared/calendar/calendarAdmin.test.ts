import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../../../shared/model/calendar.ts';
import { calendarChanges, calendarYearProgress, toggleCalendarDay } from '../../../../shared/rules/calendarAdmin.ts';
import { makeYearConfirmed, makeYearProposed, SCHEDULE_2027 } from '../../../fixtures/adminEvents.ts';
import { newDeviceId } from '../../../fixtures/events.ts';

describe('entering a year by clicking dates in the month grid', () => {
  it('makes a clicked weekday a holiday and a clicked weekend day a make-up working day (调休)', () => {
    let days: CalendarDay[] = [];
    days = toggleCalendarDay(days, '2027-10-01', '国庆节'); // Friday
    days = toggleCalendarDay(days, '2027-10-09', '国庆节'); // Saturday
    expect(days).toEqual([
      { date: '2027-10-01', kind: 'rest', name: '国庆节' },
      { date: '2027-10-09', kind: 'work', name: '国庆节' },
    ]);
  });

  it('takes a date out again when it is clicked a second time, and leaves the list sorted', () => {
    const days = toggleCalendarDay(toggleCalendarDay(SCHEDULE_2027, '2027-10-04'), '2027-05-03', '劳动节');
    expect(days.some((d) => d.date === '2027-10-04')).toBe(false);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(days.find((d) => d.date === '2027-05-03')).toEqual({ date: '2027-05-03', kind: 'rest', name: '劳动节' });
  });
});

describe('what a proposal changes, for the confirming admin', () => {
  it('lists added, removed and changed dates against the schedule in force', () => {
    const current: CalendarDay[] = [
      { date: '2027-10-08', kind: 'rest', name: '国庆节' },
      { date: '2027-10-09', kind: 'work', name: '国庆节' },
      { date: '2027-01-01', kind: 'rest', name: '元旦' },
    ];
    const proposed: CalendarDay[] = [
      { date: '2027-01-01', kind: 'rest', name: '元旦' },
      { date: '2027-10-08', kind: 'rest', name: '中秋节、国庆节' },
      { date: '2027-10-11', kind: 'work', name: '国庆节' },
    ];
    expect(calendarChanges(current, proposed)).toEqual([
      { date: '2027-10-08', before: current[0], after: proposed[1] },
      { date: '2027-10-09', before: current[1] },
      { date: '2027-10-11', after: proposed[2] },
    ]);
  });

  it('lists every day of a year that had no schedule yet', () => {
    expect(calendarChanges(undefined, SCHEDULE_2027)).toHaveLength(SCHEDULE_2027.length);
  });
});

describe('the two-person rule over a year’s calendar events', () => {
  const desk = newDeviceId();
  const proposal = makeYearProposed({ deviceId: desk, deviceSeq: 1, staffId: 'ma-jun' }, 2027, SCHEDULE_2027);

  it('counts a confirmation by a second admin', () => {
    const confirmed = makeYearConfirmed(
      { deviceId: desk, deviceSeq: 2, staffId: 'huang-xiuying' },
      2027,
      proposal.eventId,
    );
    expect(calendarYearProgress([proposal, confirmed])).toMatchObject({ latest: proposal, confirmation: confirmed });
  });

  it('does not count a confirmation by the admin who entered the year', () => {
    const self = makeYearConfirmed({ deviceId: desk, deviceSeq: 2, staffId: 'ma-jun' }, 2027, proposal.eventId);
    expect(calendarYearProgress([proposal, self]).confirmation).toBeUndefined();
  });

  it('lets a newer proposal replace an older one, whose confirmation then no longer counts', () => {
    const newer = makeYearProposed({ deviceId: desk, deviceSeq: 2, staffId: 'ma-jun' }, 2027, SCHEDULE_2027.slice(1));
    const late = makeYearConfirmed({ deviceId: desk, deviceSeq: 3, staffId: 'huang-xiuying' }, 2027, proposal.eventId);
    const progress = calendarYearProgress([proposal, newer, late]);
    expect(progress.latest).toBe(newer);
    expect(progress.confirmation).toBeUndefined();
    expect([...progress.supersededIds]).toEqual([proposal.eventId]);
  });
});
