import { describe, expect, it } from 'vitest';
import {
  inPeriod,
  period,
  periodDays,
  periodOf,
  seriesBucketCount,
  seriesBuckets,
} from '../../../../shared/rules/reports/periods.ts';

describe('report periods in Beijing days', () => {
  it('starts the week on Monday, whichever day it is asked from', () => {
    // 2026-04-05 is a Sunday, 2026-03-30 a Monday.
    expect(periodOf('week', '2026-04-05')).toEqual({ from: '2026-03-30', to: '2026-04-05' });
    expect(periodOf('week', '2026-03-30')).toEqual({ from: '2026-03-30', to: '2026-04-05' });
    expect(periodOf('week', '2026-04-01')).toEqual({ from: '2026-03-30', to: '2026-04-05' });
    // Across a year: Thu 2026-01-01 is in the week from Mon 2025-12-29.
    expect(periodOf('week', '2026-01-01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
  });

  it('gives whole months, quarters and years, February by the leap rule', () => {
    expect(periodOf('month', '2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(periodOf('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodOf('month', '2026-09-01')).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(periodOf('month', '2026-11-10')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodOf('quarter', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf('quarter', '2026-05-20')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodOf('quarter', '2026-09-30')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodOf('quarter', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('year', '2026-06-15')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodOf('day', '2026-06-15')).toEqual({ from: '2026-06-15', to: '2026-06-15' });
  });

  it('counts both ends of a period as inside it', () => {
    const march = periodOf('month', '2026-03-15');
    expect(inPeriod('2026-03-01', march)).toBe(true);
    expect(inPeriod('2026-03-31', march)).toBe(true);
    expect(inPeriod('2026-02-28', march)).toBe(false);
    expect(inPeriod('2026-04-01', march)).toBe(false);
    expect(inPeriod(undefined, march)).toBe(false);
  });

  it('refuses a malformed day or a range that ends before it begins, with a message', () => {
    expect(period('2026-03-01', '2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(() => period('2026-03-02', '2026-03-01')).toThrow('must not end before it begins: 2026-03-02 – 2026-03-01');
    expect(() => period('2026-02-30', '2026-03-01')).toThrow('YYYY-MM-DD, got 2026-02-30 – 2026-03-01');
    expect(() => period('2026-03-01', '2026-3-1')).toThrow(RangeError);
    expect(() => periodOf('month', '2026-13-01')).toThrow('a period needs a day as YYYY-MM-DD, got 2026-13-01');
  });

  it('splits a range into the weeks (Monday–Sunday) or months it overlaps, clipped to it, and counts them first', () => {
    // Wed 2026-04-01 to Tue 2026-04-14: a partial week, a whole one, a partial one.
    const range = { from: '2026-04-01', to: '2026-04-14' };
    expect(seriesBuckets(range, 'week')).toEqual([
      { from: '2026-04-01', to: '2026-04-05' },
      { from: '2026-04-06', to: '2026-04-12' },
      { from: '2026-04-13', to: '2026-04-14' },
    ]);
    expect(seriesBuckets(range, 'month')).toEqual([range]);
    // Across a year and February of a leap year, by month.
    expect(seriesBuckets({ from: '2023-12-15', to: '2024-03-01' }, 'month')).toEqual([
      { from: '2023-12-15', to: '2023-12-31' },
      { from: '2024-01-01', to: '2024-01-31' },
      { from: '2024-02-01', to: '2024-02-29' },
      { from: '2024-03-01', to: '2024-03-01' },
    ]);
    for (const [p, step] of [
      [range, 'week'],
      [range, 'month'],
      [{ from: '2023-12-15', to: '2024-03-01' }, 'month'],
      [{ from: '2025-12-29', to: '2026-12-31' }, 'week'],
      [{ from: '2026-04-05', to: '2026-04-06' }, 'week'], // Sunday, Monday: two weeks
      [{ from: '2026-04-06', to: '2026-04-06' }, 'week'],
    ] as const) {
      expect([p, step, seriesBucketCount(p, step)]).toEqual([p, step, seriesBuckets(p, step).length]);
    }
    expect(seriesBucketCount({ from: '2026-04-05', to: '2026-04-06' }, 'week')).toBe(2);
    expect(periodDays({ from: '2024-02-28', to: '2024-03-01' })).toBe(3);
    expect(periodDays({ from: '2026-04-06', to: '2026-04-06' })).toBe(1);
  });
});
