import type { ProcedureStep } from '../../shared/model/catalog.ts';
import type { CaseState } from '../../shared/rules/case.ts';
import { caseBreaches, resultNotice, stepStatus, supplementNotice } from '../../shared/rules/caseTimeliness.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { deskCalendar } from './calendar.ts';

// How a case stands against its time limits today, on the desk's calendar (the rules in shared/rules/caseTimeliness.ts
// decide; this feeds them the desk's calendar). Computed when shown, never stored: they depend on today.

/** art. 11 立即 / 行政许可法 §32: when the supplement notice is due, and whether the application now counts as accepted. */
export function supplementNoticeOf(state: CaseState, day: IsoDate) {
  return supplementNotice(state, deskCalendar(), day);
}

/**
 * The breaches that happened on this case; once there, they stay (issue 12, decision 8). `steps` are those of the
 * case's catalog version (art. 16 step breaches are judged only with them).
 */
export function breachesOf(state: CaseState, day: IsoDate, steps: readonly ProcedureStep[] = []) {
  return caseBreaches(state, deskCalendar(), day, steps);
}

/** art. 16 环节时限: the current step of a running case, its due date and whether it is over. */
export function stepOf(state: CaseState, steps: readonly ProcedureStep[], day: IsoDate) {
  return stepStatus(state, steps, deskCalendar(), day);
}

/** art. 18(3): when the result must be told, and whether it was told in time. */
export function resultNoticeOf(state: CaseState, day: IsoDate) {
  return resultNotice(state, deskCalendar(), day);
}
