import { DEFAULT_CLOCK_WARNING, type ClockWarning } from '../model/deadline.ts';
import type { WorkingCalendar } from './calendar.ts';
import { addDays, type IsoDate } from './isoDate.ts';

// Ch. 4 限时办结: a case has a limit in statutory working days. The rules here:
// - The limit starts the working day after acceptance; the deadline ends at the close of business of the N-th
//   working day, so it is always a working day (a count that would end on a rest day ends on the next working
//   day instead).
// - Approved extensions add their working days to N (which ones count is decided in rules/case.ts: only those
//   requested and approved by the due date in force then, art. 17 / 18(1)).
// - Pauses (hearing, expert review, inspection, testing; 补正 on old cases only, art. 10–11) do not count. A pause covers its first and its last
//   day, both inclusive: the day the case stopped and the day it resumed are not counted, because the case was
//   not running for the whole of either. An open pause (no `to` yet) is taken to run through `today`, so the
//   due date shown is the one that holds if the case resumes today; it moves each day the pause lasts.
// - A pause only moves the deadline if it starts on or before it: pausing a case that is already overdue does
//   not make it on time again. Which recorded pauses reach this count is decided in rules/case.ts: only those
//   recorded on or before the due date in force that day, each ending at most on the day its end was recorded.

export const CLOCK_STATES = ['onTrack', 'warning', 'dueToday', 'overdue', 'paused'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/** What the clock needs of a case: structurally a `CaseClockInput` (see model/deadline.ts), reasons not needed. */
export interface DeadlineInput {
  acceptedOn: IsoDate;
  limitDays: number;
  pauses: readonly { from: IsoDate; to?: IsoDate | undefined }[];
  extensions: readonly { days: number }[];
}

export interface CaseDeadline {
  /** The last working day: the case must be completed by its close of business. */
  dueDate: IsoDate;
  /** The count ran into a year without a confirmed schedule, so the due date may still move. */
  provisional: boolean;
  /** The limit plus approved extensions. */
  totalWorkingDays: number;
  /** Counted working days from the day after acceptance through today (today included). */
  workingDaysUsed: number;
  /** Counted working days after today up to the due date; 0 on the due date and after it. */
  workingDaysLeft: number;
  /** Working days after the due date through today; 0 unless overdue. */
  workingDaysOverdue: number;
  /** Working days between acceptance and the due date that did not count because the case was paused. */
  pausedWorkingDays: number;
  /** A pause is open today. */
  paused: boolean;
  state: ClockState;
}

type Span = [from: IsoDate, to: IsoDate];

// The later and the earlier of two days. When both are the same day either answer is right, so `>=` for `>`
// (and `<=` for `<`) cannot change a result: those two mutants are equivalent and disabled here, once.
// Stryker disable next-line EqualityOperator: on equal days both branches return the same day
const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
// Stryker disable next-line EqualityOperator: on equal days both branches return the same day
const earlier = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

/** Pauses as sorted, disjoint day spans (overlapping pauses merge; an open one ends today). */
function pauseSpans(pauses: DeadlineInput['pauses'], today: IsoDate): Span[] {
  const spans: Span[] = [];
  for (const p of pauses) {
    const to = p.to ?? later(today, p.from);
    if (to >= p.from) spans.push([p.from, to]); // a reversed pause is refused by the schema; here it counts for nothing
  }
  // ISO days all have one length, so the default order of "from,to" strings is by start, then end.
  spans.sort();
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    // Only pauses sharing a day need merging: touching ones (one ends the day before the next starts) give the
    // same counts whether merged or not, as (a, b] + (b, c] = (a, c].
    if (last && span[0] <= last[1]) last[1] = later(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** Working days in (fromExclusive, toInclusive] that fall inside a pause. */
function pausedWorkingDaysBetween(
  spans: readonly Span[],
  calendar: WorkingCalendar,
  fromExclusive: IsoDate,
  toInclusive: IsoDate,
): number {
  let days = 0;
  for (const [from, to] of spans) {
    // countWorkingDays gives 0 for an empty range (end ≤ start): a span outside (fromExclusive, toInclusive].
    days += calendar.countWorkingDays(later(addDays(from, -1), fromExclusive), earlier(to, toInclusive)).days;
  }
  return days;
}

/** The clock of one case on `today`. Expects input that passed `caseClockInputSchema`. */
export function caseDeadline(
  input: DeadlineInput,
  calendar: WorkingCalendar,
  today: IsoDate,
  warning: ClockWarning = DEFAULT_CLOCK_WARNING,
): CaseDeadline {
  const total = input.limitDays + input.extensions.reduce((sum, e) => sum + e.days, 0);
  const spans = pauseSpans(input.pauses, today);

  // Count forward from acceptance, jumping over each pause, until the whole limit has been counted. A pause that
  // starts on or before the cursor has no working days before it (countWorkingDays of an empty range is 0, not
  // provisional), and the limit is at least 1 (schema), so it never breaks the loop: no guard is needed for it.
  let remaining = total;
  let cursor = input.acceptedOn;
  let provisional = false;
  for (const [from, to] of spans) {
    const before = calendar.countWorkingDays(cursor, addDays(from, -1));
    if (before.days >= remaining) break; // the limit runs out before this pause starts
    remaining -= before.days;
    provisional ||= before.provisional;
    cursor = later(cursor, to);
  }
  const due = calendar.addWorkingDays(cursor, remaining);
  const dueDate = due.date;
  provisional ||= due.provisional;

  const countedTo = earlier(today, dueDate);
  const used =
    calendar.countWorkingDays(input.acceptedOn, countedTo).days -
    pausedWorkingDaysBetween(spans, calendar, input.acceptedOn, countedTo);
  // Counted up to the due date, `used` is the whole limit (that is what the due date is), so this is 0 on the
  // due date and after it; and the days after the due date are 0 until today passes it.
  const workingDaysLeft = total - used;
  const workingDaysOverdue = calendar.countWorkingDays(dueDate, today).days;
  const paused = input.pauses.some((p) => p.to === undefined && p.from <= today);

  let state: ClockState;
  if (today > dueDate) state = 'overdue';
  else if (paused) state = 'paused';
  else if (today === dueDate) state = 'dueToday';
  else if (workingDaysLeft <= warning.warnDaysLeft || workingDaysLeft <= warning.warnShare * total) state = 'warning';
  else state = 'onTrack';

  return {
    dueDate,
    provisional,
    totalWorkingDays: total,
    workingDaysUsed: used,
    workingDaysLeft,
    workingDaysOverdue,
    pausedWorkingDays: pausedWorkingDaysBetween(spans, calendar, input.acceptedOn, dueDate),
    paused,
    state,
  };
}
