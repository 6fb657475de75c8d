import { MAX_CLOCK_DRIFT_MS } from '../sync/hlc.ts';

// When an event may say it happened. Two clocks stamp an event: its HLC (which orders the fold) and occurredAt
// (the desk's wall clock, shown to people). Both are the desk's word, so the server bounds both.

/**
 * The bureau's first year in service began 2020-01-01 in Beijing: no desk acted before it, so a time before it is
 * a desk clock that was reset (a flat CMOS battery boots in 2000 or 1970), not history.
 */
export const EARLIEST_EVENT_MS = Date.parse('2020-01-01T00:00:00+08:00');

/**
 * How far ahead of the server an event may be and still be taken. Beyond MAX_CLOCK_DRIFT_MS (5 min) it is only
 * flagged: a desk whose clock runs minutes fast, or hours off from a wrong time zone (a PC whose hardware clock
 * keeps Beijing time read as UTC is 8 h ahead), must still record its work. Beyond a day it is refused: such a
 * clock has the wrong date, and a flagged event sorts after every event stamped before its time, so this bound is
 * also how long a flagged event can outrank later ones — at most a day, never for good.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

/** ISO 8601 with offset and nanoseconds is 35 characters; more is padding, not precision. */
export const MAX_ISO_TIME_LENGTH = 35;

// A flag bound at or beyond the refusal bound would make the flag unreachable.
if (MAX_CLOCK_DRIFT_MS >= MAX_CLOCK_AHEAD_MS) throw new Error('the refusal bound must lie beyond the flag bound');

/**
 * Why a time stamped on an event cannot be believed, or null when it can: before the bureau's first year, or more
 * than MAX_CLOCK_AHEAD_MS ahead of `now` (the server's clock). `what` names the stamp in the message.
 */
export function eventTimeProblem(what: string, ms: number, now: number): string | null {
  // ±8.64e15 ms is the range of a JavaScript Date; beyond it toISOString would throw.
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return `${what} is not a time`;
  if (ms < EARLIEST_EVENT_MS) {
    return `${what} ${new Date(ms).toISOString()} is before the bureau's first year in service (2020-01-01, Beijing): this desk's clock is wrong`;
  }
  if (ms - now > MAX_CLOCK_AHEAD_MS) {
    const hours = Math.round((ms - now) / 3_600_000);
    return `${what} ${new Date(ms).toISOString()} is ${hours} h ahead of the server's clock (more than 24 h are refused): this desk's clock is wrong`;
  }
  return null;
}
