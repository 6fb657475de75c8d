import { describe, expect, it } from 'vitest';
import { msUntilNext, nextOccurrence } from '../../../../../electron/main/pure/schedule.ts';

// Local wall-clock dates: the expectations hold in any time zone without daylight saving (China has none).
const at = (day: number, hours: number, minutes: number, seconds = 0) =>
  new Date(2026, 2, day, hours, minutes, seconds);
const MINUTE = 60_000;

describe('the nightly sync time', () => {
  it('is later today when the time has not come yet', () => {
    expect(msUntilNext('02:30', at(10, 1, 0))).toBe(90 * MINUTE);
    expect(nextOccurrence('02:30', at(10, 1, 0))).toEqual(at(10, 2, 30));
  });

  it('is tomorrow once the time has passed', () => {
    expect(nextOccurrence('02:30', at(10, 9, 15))).toEqual(at(11, 2, 30));
    expect(msUntilNext('02:30', at(10, 2, 31))).toBe(24 * 60 * MINUTE - MINUTE);
  });

  it('is tomorrow at exactly the time, so a sync that just ran is not repeated', () => {
    expect(nextOccurrence('02:30', at(10, 2, 30))).toEqual(at(11, 2, 30));
  });

  it('is a moment away just before the time', () => {
    expect(msUntilNext('02:30', at(10, 2, 29, 59))).toBe(1_000);
  });

  it('rolls over the end of a month', () => {
    expect(nextOccurrence('00:00', at(31, 23, 59))).toEqual(new Date(2026, 3, 1, 0, 0));
  });

  it('refuses a time that is not HH:MM', () => {
    for (const bad of ['2:30', '24:00', '12:60', 'noon', '']) {
      expect(() => msUntilNext(bad, at(10, 1, 0)), bad).toThrow(/HH:MM/);
    }
  });
});
