import { canonicalCalendarDays, type CalendarDay, type CalendarDayKind } from '../model/calendar.ts';
import type { AdminEvent } from '../model/adminEvents.ts';
import { dayNumber, isWeekendDay, yearOf, type IsoDate } from './isoDate.ts';

// The working-day calendar as administrators change it: entering a year by clicking dates, comparing a
// proposal with what is in force, and the two-person rule (an admin proposes, a second admin confirms;
// DOMAIN "Working days and deadlines"). Pure, so the desk and the server judge a proposal the same way.

/** The aggregate id of a year's calendar events: the year itself, '2027'. */
export const calendarAggregateId = (year: number): string => String(year);

/**
 * Clicking a date in the month grid: a date already listed is taken out again; otherwise a weekday becomes a
 * holiday ('rest') and a Saturday or Sunday a make-up working day ('work', 调休) — the only two exceptions a
 * State Council notice makes. `name` is the holiday the day belongs to.
 */
export function toggleCalendarDay(days: readonly CalendarDay[], date: IsoDate, name?: string): CalendarDay[] {
  const year = yearOf(date);
  if (days.some((d) => d.date === date))
    return canonicalCalendarDays(
      year,
      days.filter((d) => d.date !== date),
    );
  const kind: CalendarDayKind = isWeekendDay(dayNumber(date)) ? 'work' : 'rest';
  const day: CalendarDay = name?.trim() ? { date, kind, name: name.trim() } : { date, kind };
  return canonicalCalendarDays(year, [...days, day]);
}

/** One date whose meaning a proposal changes, for the confirming admin's preview. */
export interface CalendarChange {
  readonly date: string;
  /** absent: the date was an ordinary day before. */
  readonly before?: CalendarDay;
  /** absent: the date becomes an ordinary day. */
  readonly after?: CalendarDay;
}

/** What a proposal changes against the schedule in force (or against plain Monday–Friday when there is none). */
export function calendarChanges(
  current: readonly CalendarDay[] | undefined,
  proposed: readonly CalendarDay[],
): CalendarChange[] {
  const before = new Map((current ?? []).map((d) => [d.date, d]));
  const after = new Map(proposed.map((d) => [d.date, d]));
  const dates = [...new Set([...before.keys(), ...after.keys()])].sort();
  return dates.flatMap((date) => {
    const b = before.get(date);
    const a = after.get(date);
    if (b && a && b.kind === a.kind && b.name === a.name) return [];
    return [{ date, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) }];
  });
}

type Proposed = Extract<AdminEvent, { type: 'calendar.yearProposed' }>;
type Confirmed = Extract<AdminEvent, { type: 'calendar.yearConfirmed' }>;

/** Where a year's schedule stands, from its calendar events. */
export interface CalendarYearProgress {
  /** The newest proposal: only it can be confirmed (an older one was superseded by it). */
  readonly latest?: Proposed;
  /** The confirmation of `latest`, when a second admin has given it. */
  readonly confirmation?: Confirmed;
  /** Proposals that a newer one replaced. */
  readonly supersededIds: ReadonlySet<string>;
}

/**
 * Fold the calendar events of one year, given in commit order (the server's sequence; on a desk, the events
 * it has from the server first, then its own not yet sent). A confirmation counts only for the proposal it
 * names, and only when someone other than the proposer gave it.
 */
export function calendarYearProgress(events: readonly AdminEvent[]): CalendarYearProgress {
  let latest: Proposed | undefined;
  let confirmation: Confirmed | undefined;
  const supersededIds = new Set<string>();
  for (const event of events) {
    if (event.type === 'calendar.yearProposed') {
      if (latest) supersededIds.add(latest.eventId);
      latest = event;
      confirmation = undefined;
    } else if (
      event.type === 'calendar.yearConfirmed' &&
      latest &&
      event.payload.proposalEventId === latest.eventId &&
      event.staffId !== latest.staffId
    ) {
      confirmation ??= event;
    }
  }
  return { ...(latest ? { latest } : {}), ...(confirmation ? { confirmation } : {}), supersededIds };
}
