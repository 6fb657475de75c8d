import type { ContactState } from './contact.ts';
import type { CountedDay, WorkingCalendar } from './calendar.ts';
import type { IsoDate } from './isoDate.ts';

/**
 * art. 8(3) practice: a transfer must be accepted by the end of the next working day after it was sent
 * (a make-up Saturday counts, a holiday does not). Past that it is flagged and goes to the head of the
 * handler's department. Derived from the events and the calendar — no timer writes anything.
 */
export function transferAcceptanceDue(
  state: Pick<ContactState, 'status' | 'transfer'>,
  calendar: WorkingCalendar,
): CountedDay | null {
  if (state.status !== 'transferPending' || !state.transfer) return null;
  return calendar.endOfNextWorkingDay(state.transfer.at.slice(0, 10) as IsoDate);
}

export function isTransferOverdue(
  state: Pick<ContactState, 'status' | 'transfer'>,
  calendar: WorkingCalendar,
  today: IsoDate,
): boolean {
  const due = transferAcceptanceDue(state, calendar);
  return due !== null && today > due.date;
}
