// Pure: when the next nightly sync is due, in the desk's local time.
import { z } from 'zod';

/** A time of day as the bureau writes it, 00:00–23:59. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day written HH:MM, from 00:00 to 23:59');

function parseClockTime(clockTime: string): { hours: number; minutes: number } {
  const parsed = clockTimeSchema.safeParse(clockTime);
  if (!parsed.success) throw new Error(`Nightly sync time "${clockTime}" ${parsed.error.issues[0]?.message ?? ''}`);
  const [hours, minutes] = parsed.data.split(':').map(Number);
  return { hours: hours ?? 0, minutes: minutes ?? 0 };
}

/** The first moment strictly after `after` whose local wall-clock time is `clockTime`. */
export function nextOccurrence(clockTime: string, after: Date): Date {
  const { hours, minutes } = parseClockTime(clockTime);
  const next = new Date(after.getTime());
  next.setHours(hours, minutes, 0, 0);
  if (next.getTime() <= after.getTime()) {
    // Step the calendar day, then set the wall-clock time again: correct even across a DST change.
    next.setDate(next.getDate() + 1);
    next.setHours(hours, minutes, 0, 0);
  }
  return next;
}

/** Milliseconds from `now` until the next `clockTime` (never 0: at exactly that time, the next one is tomorrow). */
export function msUntilNext(clockTime: string, now: Date): number {
  return nextOccurrence(clockTime, now).getTime() - now.getTime();
}
