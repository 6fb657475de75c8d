import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  fromDayNumber,
  isIsoDate,
  weekdayOfDay,
  yearOfDay,
} from '../../../../shared/rules/isoDate.ts';

describe('calendar-day arithmetic without time zones', () => {
  it('agrees with UTC Date arithmetic on every day from 1900 to 2200', () => {
    const wrong: string[] = [];
    for (let ms = Date.UTC(1900, 0, 1); ms < Date.UTC(2200, 0, 1); ms += 86_400_000) {
      const utc = new Date(ms);
      const iso = utc.toISOString().slice(0, 10);
      const day = dayNumber(iso);
      if (
        day !== Math.round(ms / 86_400_000) ||
        fromDayNumber(day) !== iso ||
        weekdayOfDay(day) !== utc.getUTCDay() ||
        yearOfDay(day) !== utc.getUTCFullYear()
      ) {
        wrong.push(iso);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('knows 2026-02-14 is a Saturday and 2025-09-28 a Sunday', () => {
    expect(weekdayOfDay(dayNumber('2026-02-14'))).toBe(6);
    expect(weekdayOfDay(dayNumber('2025-09-28'))).toBe(0);
  });

  it('steps across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-1')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00:00Z')).toBe(false);
  });
});
