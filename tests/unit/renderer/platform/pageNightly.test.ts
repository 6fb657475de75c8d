import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageNightlyTimer } from '../../../../renderer/platform/pageNightly.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 10, 28, 20, 0)); // 20:00, the page left open overnight
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the browser desk’s own nightly timer', () => {
  it('wakes the page at the bureau’s time, and again the next night', () => {
    const timer = pageNightlyTimer();
    const wake = vi.fn();
    timer.onWake(wake);
    const armed = timer.arm('02:30');
    expect(new Date(armed.nextAt)).toEqual(new Date(2026, 10, 29, 2, 30));
    vi.advanceTimersByTime(6 * HOUR + 30 * MINUTE - 1);
    expect(wake).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(wake).toHaveBeenCalledExactlyOnceWith('nightly');
    vi.advanceTimersByTime(24 * HOUR);
    expect(wake).toHaveBeenCalledTimes(2);
  });

  it('follows a changed time instead of keeping both', () => {
    const timer = pageNightlyTimer();
    const wake = vi.fn();
    timer.onWake(wake);
    timer.arm('02:30');
    timer.arm('23:00');
    vi.advanceTimersByTime(3 * HOUR);
    expect(wake).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(4 * HOUR);
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('stops waking a listener that unsubscribed', () => {
    const timer = pageNightlyTimer();
    const wake = vi.fn();
    const unsubscribe = timer.onWake(wake);
    timer.arm('21:00');
    unsubscribe();
    vi.advanceTimersByTime(2 * HOUR);
    expect(wake).not.toHaveBeenCalled();
  });
});
