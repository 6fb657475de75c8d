import { describe, expect, it } from 'vitest';
import { latestOccurrence, missedNightly, msUntilNext, nextOccurrence } from '../../../shared/rules/nightly.ts';

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
      expect(() => missedNightly(undefined, bad, at(10, 1, 0)), bad).toThrow(/HH:MM/);
    }
  });
});

describe('the most recent scheduled nightly time', () => {
  it('is today once the time has come, and yesterday before it', () => {
    expect(latestOccurrence('02:30', at(10, 9, 0))).toEqual(at(10, 2, 30));
    expect(latestOccurrence('02:30', at(10, 2, 30))).toEqual(at(10, 2, 30));
    expect(latestOccurrence('02:30', at(10, 2, 29))).toEqual(at(9, 2, 30));
  });

  it('rolls back over the start of a month', () => {
    expect(latestOccurrence('23:00', new Date(2026, 3, 1, 8, 0))).toEqual(at(31, 23, 0));
  });
});

describe('a nightly sync missed while the machine was off', () => {
  it('is owed when the scheduled time passed since the last nightly run', () => {
    // Last run the night of the 9th; the desk was switched off before 02:30 on the 10th and on again at 08:00.
    expect(missedNightly(at(9, 2, 30, 5), '02:30', at(10, 8, 0))).toBe(true);
  });

  it('is not owed when tonight’s already ran', () => {
    expect(missedNightly(at(10, 2, 30, 5), '02:30', at(10, 8, 0))).toBe(false);
  });

  it('is not owed before tonight’s time when last night’s ran', () => {
    expect(missedNightly(at(9, 2, 31), '02:30', at(10, 1, 0))).toBe(false);
  });

  it('is owed for the night before when the desk starts before tonight’s time', () => {
    // Off from the evening of the 8th to 01:00 on the 10th: the 9th's run was missed.
    expect(missedNightly(at(8, 2, 30, 5), '02:30', at(10, 1, 0))).toBe(true);
  });

  it('counts a run at exactly the scheduled minute for that night', () => {
    expect(missedNightly(at(10, 2, 30), '02:30', at(10, 2, 45))).toBe(false);
  });

  it('is owed on a desk that never had one', () => {
    expect(missedNightly(undefined, '02:30', at(10, 8, 0))).toBe(true);
  });

  it('follows a time changed by the admin: a later time not yet reached is not owed', () => {
    // Ran at 02:30 on the 10th; the bureau moved the time to 23:00, and it is now 20:00 on the 10th.
    expect(missedNightly(at(10, 2, 30, 5), '23:00', at(10, 20, 0))).toBe(false);
    expect(missedNightly(at(10, 2, 30, 5), '23:00', at(10, 23, 5))).toBe(true);
  });

  it('is not owed when the clock was set back behind the last run', () => {
    expect(missedNightly(at(10, 2, 30, 5), '02:30', at(10, 2, 20))).toBe(false);
  });
});
