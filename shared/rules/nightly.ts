// Pure: the bureau's nightly sync, a wall-clock time of day set by the admin at HQ (settings.nightlySyncAt).
// Times are the desk's local time. The bureau's zone (Asia/Shanghai) has no daylight saving; the date arithmetic
// below still steps calendar days and sets the wall-clock time again, so it stays right in a zone that has it.
import { z } from 'zod';

/** A time of day as the bureau writes it, 00:00–23:59. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day written HH:MM, from 00:00 to 23:59');
export type ClockTime = z.infer<typeof clockTimeSchema>;

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

/** The last moment at or before `now` whose local wall-clock time is `clockTime`. */
export function latestOccurrence(clockTime: string, now: Date): Date {
  const { hours, minutes } = parseClockTime(clockTime);
  const latest = new Date(now.getTime());
  latest.setHours(hours, minutes, 0, 0);
  if (latest.getTime() > now.getTime()) {
    latest.setDate(latest.getDate() - 1);
    latest.setHours(hours, minutes, 0, 0);
  }
  return latest;
}

/** Milliseconds from `now` until the next `clockTime` (never 0: at exactly that time, the next one is tomorrow). */
export function msUntilNext(clockTime: string, now: Date): number {
  return nextOccurrence(clockTime, now).getTime() - now.getTime();
}

/**
 * Was a nightly run due since the last one? True when the most recent scheduled time (at or before `now`) came
 * after the last nightly run — the machine was off, asleep or the page closed at that hour — and when this desk
 * never had one. A run at exactly the scheduled minute counts for that night.
 */
export function missedNightly(lastNightlyRunAt: Date | undefined, nightlyAt: string, now: Date): boolean {
  const due = latestOccurrence(nightlyAt, now);
  return lastNightlyRunAt === undefined || lastNightlyRunAt.getTime() < due.getTime();
}
