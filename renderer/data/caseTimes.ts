import { caseClock, deemedAcceptanceOn, type CaseState } from '../../shared/rules/case.ts';
import { caseDeadline, type CaseDeadline } from '../../shared/rules/deadline.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { deskCalendar } from './calendar.ts';

// What a case's times are today, on the desk's working-day calendar. Computed when asked (they depend on today and
// on the calendar, which an admin may amend), never stored: the rules in shared/ decide, this file only feeds them.

/** The clock of a case today: null until the case is accepted (before acceptance nothing counts). */
export function clockOf(state: CaseState, day: IsoDate): CaseDeadline | null {
  const calendar = deskCalendar();
  const input = caseClock(state, calendar, day);
  return input ? caseDeadline(input, calendar, day) : null;
}

/** 行政许可法 §32: the day of receipt, when the application now counts as accepted from it; else undefined. */
export function deemedAcceptedOn(state: CaseState, day: IsoDate): IsoDate | undefined {
  return deemedAcceptanceOn(state, deskCalendar(), day);
}

/**
 * art. 17 / 18(2): an extension is requested, and approved, on or before the due date in force that day. Returns
 * that due date when `day` is after it (the request or approval would add no days), else undefined.
 */
export function extensionTooLate(state: CaseState, day: IsoDate): IsoDate | undefined {
  return dueDatePassed(state, day);
}

/**
 * The due date in force on `day` when `day` is after it, else undefined. art. 17–18: what is recorded after the due
 * date (an extension, a pause) cannot move it any more: the case was already late.
 */
export function dueDatePassed(state: CaseState, day: IsoDate): IsoDate | undefined {
  const clock = clockOf(state, day);
  return clock && day > clock.dueDate ? clock.dueDate : undefined;
}
