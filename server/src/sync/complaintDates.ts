import type { ComplaintEvent } from '../../../shared/model/complaintEvents.ts';
import { beijingDate } from '../../../shared/rules/case.ts';
import { foldComplaint, type ComplaintFoldContext } from '../../../shared/rules/complaint.ts';
import { addDays, type IsoDate } from '../../../shared/rules/isoDate.ts';

// The days a person names in a complaint's acts, held to HQ's own Beijing day (the day of the act's `at`, HQ's
// clock). The stage clocks and breaches count from these days (rules/complaintDeadlines.ts), so a day a desk makes up
// would plant a breach nobody can ever clear: an acceptance overdue since 1990 against the leaders, or a telling
// "done late" in 2030 against an investigator.

/**
 * How many calendar days before HQ's Beijing today a complaint may say it was received. A letter is logged some
 * days after it arrived, and a desk offline for weeks sends its intakes when it is back (its outbox keeps them):
 * two months covers both. Anything older is a wrong date, or a backdated acceptance overdue from its first day.
 */
export const RECEIVED_ON_MAX_AGE_DAYS = 60;

export const COMPLAINT_DATE_REFUSALS = [
  'receivedOnFuture',
  'receivedOnTooOld',
  'toldOnFuture',
  'toldBeforeOutcome',
  'statementDueOnPast',
] as const;
export type ComplaintDateRefusal = (typeof COMPLAINT_DATE_REFUSALS)[number];

export const isDateRefusal = (code: string): code is ComplaintDateRefusal =>
  (COMPLAINT_DATE_REFUSALS as readonly string[]).includes(code);

/** The day the act names that HQ holds to its calendar (what a refusal quotes back), if it names one. */
export function namedDayOf(event: { readonly type: string; readonly payload: unknown }): IsoDate | undefined {
  const { type, payload } = event as ComplaintEvent;
  if (type === 'complaint.received') return payload.receivedOn;
  if (type === 'complaint.complainantTold') return payload.on;
  if (type === 'complaint.statementInvited') return payload.dueOn;
  return undefined;
}

/** The earliest receivedOn HQ accepts on `today`. */
export const earliestReceivedOn = (today: IsoDate): IsoDate => addDays(today, -RECEIVED_ON_MAX_AGE_DAYS);

/** What the act's own day says against HQ's today, before the fold is asked (a day in the wrong place is bad input). */
export function ownDateRefusal(event: ComplaintEvent): ComplaintDateRefusal | null {
  const today = beijingDate(event.at);
  switch (event.type) {
    case 'complaint.received': {
      const { receivedOn } = event.payload;
      if (receivedOn > today) return 'receivedOnFuture';
      return receivedOn < earliestReceivedOn(today) ? 'receivedOnTooOld' : null;
    }
    case 'complaint.complainantTold':
      return event.payload.on > today ? 'toldOnFuture' : null;
    case 'complaint.statementInvited':
      // Already passed, the invitation would let a founded decision go ahead at once without hearing anyone.
      return event.payload.dueOn < today ? 'statementDueOnPast' : null;
    default:
      return null;
  }
}

/**
 * A telling the fold applied is told no earlier than the Beijing day the decision or dismissal it tells of was
 * recorded: the complainant cannot have heard of an outcome before there was one.
 */
export function toldDateRefusal(
  stored: readonly ComplaintEvent[],
  event: ComplaintEvent,
  context: ComplaintFoldContext,
): ComplaintDateRefusal | null {
  if (event.type !== 'complaint.complainantTold') return null;
  const state = foldComplaint(stored, context);
  const outcome = state?.decision ?? state?.dismissal;
  if (!outcome) return null; // the fold refused it as out of order already
  return event.payload.on < outcome.on ? 'toldBeforeOutcome' : null;
}
