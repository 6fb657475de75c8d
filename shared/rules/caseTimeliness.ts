import type { WorkingCalendar } from './calendar.ts';
import {
  actDay,
  beijingDate,
  CASE_ENDED,
  caseClock,
  caseEndDay,
  clockVerdicts,
  deemedAcceptanceOn,
  firstAnswerDay,
  supplementLegalLimit,
  type CaseState,
} from './case.ts';
import { caseDeadline, type DeadlineInput } from './deadline.ts';
import { addDays, type IsoDate } from './isoDate.ts';

// Whether a case kept its times, from its events, the working-day calendar and today (issue 12, decisions 1, 2, 6–8).
// Pure. A breach, once it happened, stays: each is judged on the day the duty ended (the notice given, the case
// completed, the extension approved), never on what was decided after it, so nothing later can erase it. Every
// day that decides a breach is the Beijing day the act was recorded; a day the desk typed counts only where it is
// stricter (see `actDay` and the clock in case.ts).

export const BREACH_CODES = [
  'supplementNotImmediate',
  'supplementLate',
  'deemedAccepted',
  'overdue',
  'completedLate',
  'resultNotifiedLate',
  'extensionRequestedLate',
  'extensionApprovedLate',
  'stepOverdue',
] as const;
export type BreachCode = (typeof BREACH_CODES)[number];

export interface CaseBreach {
  readonly code: BreachCode;
  /** The article of the regulation the breach is against, e.g. 'art. 18(1)'. */
  readonly article: string;
  /** The day it happened: the first day after a missed due date, or the day of a late act. */
  readonly since: IsoDate;
  /** Working days late, where a count makes sense (through today while the duty is still unmet). */
  readonly days?: number;
  /** stepOverdue: the step (0 = the first, begun at acceptance). */
  readonly step?: number;
}

/** One step of the item's procedure (art. 16 环节时限); `limitDays` absent when the step has no limit. */
export interface ProcedureStepLimit {
  readonly name: string;
  readonly limitDays?: number;
}

export interface SupplementNoticeStatus {
  /** inPerson: the day of receipt (art. 11 立即); leftForReview: the 5th working day after it (§32). */
  readonly dueDate: IsoDate;
  readonly state: 'notNeeded' | 'due' | 'given' | 'givenLate' | 'overdue';
  readonly givenOn?: IsoDate;
  /**
   * 'overdue' on an application that was then answered otherwise, or whose materials all came in: the day the
   * notice stopped being owed. The breach stays; it ran up to this day.
   */
  readonly missedUntil?: IsoDate;
  /** 视为受理 (§32): the application counts as accepted from this day (the day of receipt). */
  readonly deemedAcceptedOn?: IsoDate;
  /**
   * The notice came after the application already counted as accepted (§32): it changes nothing — the clock runs
   * from receipt — and the desk must not present it as a supplement told in time (review D5).
   */
  readonly afterDeemed?: true;
}

/**
 * art. 11 (立即告知补正) and 行政许可法 §32. inPerson: checked with the applicant at the window, so the notice belongs
 * to the day of receipt. leftForReview: within SUPPLEMENT_LEGAL_LIMIT_DAYS working days. 'due'/'overdue' once a
 * check found something missing or non-conforming (or nothing was checked yet, before the due date) and no notice
 * came; 'overdue' stays after the application was answered otherwise or the materials came in, if that was after
 * the due date (`missedUntil`); 'notNeeded' when it was in time. The notice counts on the day it was recorded.
 */
export function supplementNotice(state: CaseState, calendar: WorkingCalendar, today: IsoDate): SupplementNoticeStatus {
  const dueDate = state.intake === 'inPerson' ? state.receivedOn : supplementLegalLimit(state, calendar);
  const deemedAcceptedOn = deemedAcceptanceOn(state, calendar, today);
  const deemed = deemedAcceptedOn === undefined ? {} : { deemedAcceptedOn };
  if (state.supplement) {
    const givenOn = actDay(state.supplement.requestedOn, state.supplement.at);
    const afterDeemed = givenOn > supplementLegalLimit(state, calendar) ? { afterDeemed: true as const } : {};
    return { dueDate, state: givenOn <= dueDate ? 'given' : 'givenLate', givenOn, ...deemed, ...afterDeemed };
  }
  const answered = firstAnswerDay(state);
  const found = state.foundIncomplete;
  if (found) {
    const ends = [answered, found.until].filter((d) => d !== undefined);
    const missedUntil = ends.length ? ends.reduce((a, b) => (b < a ? b : a)) : undefined;
    if (missedUntil === undefined) return { dueDate, state: today <= dueDate ? 'due' : 'overdue', ...deemed };
    if (missedUntil > dueDate) return { dueDate, state: 'overdue', missedUntil, ...deemed };
  } else if (answered === undefined && Object.keys(state.checks).length === 0 && today <= dueDate) {
    return { dueDate, state: 'due', ...deemed };
  }
  return { dueDate, state: 'notNeeded', ...deemed };
}

/** The day the case's clock stops being judged: the day it ended (completed, withdrawn, closed, rejected), else today. */
function endDay(state: CaseState, today: IsoDate): IsoDate {
  return caseEndDay(state) ?? today;
}

export interface ResultNoticeStatus {
  /** art. 18(3): the result is told by the case's due date. */
  readonly dueDate: IsoDate;
  readonly notifiedOn?: IsoDate;
  readonly how?: string;
  readonly by?: string;
  /** Told after the due date, or completed and still not told once the due date passed. */
  readonly late: boolean;
}

/**
 * art. 18(3): when the result must be told and whether it was told in time; null while the clock does not run
 * and for a case that ended without a result (withdrawn, closed, rejected). The first notice about the result counts.
 */
export function resultNotice(state: CaseState, calendar: WorkingCalendar, today: IsoDate): ResultNoticeStatus | null {
  const input = caseClock(state, calendar, today);
  if (!input || (CASE_ENDED.includes(state.status) && state.status !== 'completed')) return null;
  const dueDate = caseDeadline(input, calendar, endDay(state, today)).dueDate;
  const told = state.notifications.find((n) => n.about === 'result');
  if (told) {
    const notifiedOn = beijingDate(told.at);
    return { dueDate, notifiedOn, how: told.how, by: told.by, late: notifiedOn > dueDate };
  }
  return { dueDate, late: state.status === 'completed' && today > dueDate };
}

export interface StepStatus {
  /** 0 is the first step, begun at acceptance. */
  readonly index: number;
  /** Undefined when the case moved past the steps the catalog version lists. */
  readonly name?: string;
  readonly from: IsoDate;
  /** Undefined when the step has no limit. */
  readonly dueDate?: IsoDate;
  readonly overdue: boolean;
}

/** The steps the case has been at, with the day each began and the day it ended (the next one's start, or end). */
function stepSpans(state: CaseState, input: DeadlineInput, end: IsoDate) {
  const starts = [{ index: 0, from: input.acceptedOn }, ...state.steps.map((s) => ({ index: s.step, from: s.from }))];
  return starts.map((s, i) => ({ ...s, to: starts[i + 1]?.from ?? end }));
}

/** A step's due date: its limit counted from the day it began, pauses inside it not counted (like the case clock). */
function stepDue(
  input: DeadlineInput,
  from: IsoDate,
  limitDays: number | undefined,
  calendar: WorkingCalendar,
  on: IsoDate,
): IsoDate | undefined {
  if (limitDays === undefined) return undefined;
  return caseDeadline({ acceptedOn: from, limitDays, pauses: input.pauses, extensions: [] }, calendar, on).dueDate;
}

/**
 * art. 16 环节时限: the step a running case is at, its due date and whether it is over; null while the clock does not
 * run and once the case ended. `steps` are those of the case's catalog version.
 */
export function stepStatus(
  state: CaseState,
  steps: readonly ProcedureStepLimit[],
  calendar: WorkingCalendar,
  today: IsoDate,
): StepStatus | null {
  const input = caseClock(state, calendar, today);
  if (!input || CASE_ENDED.includes(state.status)) return null;
  const current = stepSpans(state, input, today).at(-1)!;
  const step = steps[current.index];
  const dueDate = stepDue(input, current.from, step?.limitDays, calendar, today);
  return {
    index: current.index,
    name: step?.name,
    from: current.from,
    dueDate,
    overdue: dueDate !== undefined && today > dueDate,
  };
}

const late = (calendar: WorkingCalendar, due: IsoDate, on: IsoDate) => calendar.countWorkingDays(due, on).days;

/**
 * Every breach that happened on the case by `today` (decision 8), ordered by day. `steps` (the case's catalog
 * version's procedure) adds art. 16 step breaches; without them none are judged.
 */
export function caseBreaches(
  state: CaseState,
  calendar: WorkingCalendar,
  today: IsoDate,
  steps: readonly ProcedureStepLimit[] = [],
): CaseBreach[] {
  const breaches: CaseBreach[] = [];
  const missed = (code: BreachCode, article: string, due: IsoDate, on: IsoDate, step?: number) =>
    breaches.push({
      code,
      article,
      since: addDays(due, 1),
      days: late(calendar, due, on),
      ...(step === undefined ? {} : { step }),
    });

  // art. 11 立即 (inPerson) and §32's outer limit (leftForReview): given late, or still not given past the due date.
  const notice = supplementNotice(state, calendar, today);
  if (notice.state === 'givenLate' || notice.state === 'overdue') {
    const code = state.intake === 'inPerson' ? 'supplementNotImmediate' : 'supplementLate';
    missed(code, 'art. 11', notice.dueDate, notice.givenOn ?? notice.missedUntil ?? today);
  }
  // art. 11 (及时受理) / §32: nothing answered the application in time, so it counts as accepted from receipt. A
  // deemed acceptance recorded before the limit ran out starts the clock from receipt but breached nothing.
  const legalLimit = supplementLegalLimit(state, calendar);
  if (notice.deemedAcceptedOn !== undefined && (firstAnswerDay(state) ?? today) > legalLimit) {
    breaches.push({ code: 'deemedAccepted', article: 'art. 11', since: addDays(legalLimit, 1) });
  }

  const clock = clockVerdicts(state, calendar, today);
  if (clock) {
    const { input } = clock;
    // art. 18(1): judged on the day the case ended (or today), whichever way it ended; only pauses and extensions
    // recorded in time count (clockVerdicts).
    const end = endDay(state, today);
    const dueDate = caseDeadline(input, calendar, end).dueDate;
    if (end > dueDate) missed(state.completion ? 'completedLate' : 'overdue', 'art. 18(1)', dueDate, end);

    const result = resultNotice(state, calendar, today);
    if (result?.late) missed('resultNotifiedLate', 'art. 18(3)', result.dueDate, result.notifiedOn ?? today);

    // art. 17 + 18(1): an extension asked for only once the matter was late (18(2) is about asking the applicant
    // to file one, not this); art. 17: approved only after the due date.
    for (const v of clock.extensions) {
      if (!v.requestedInTime) {
        breaches.push({
          code: 'extensionRequestedLate',
          article: 'art. 17, 18(1)',
          since: v.requestedOn,
          days: late(calendar, v.dueAtRequest, v.requestedOn),
        });
      }
      if (v.request.decision === 'approved' && v.decidedInTime === false && v.decidedOn && v.dueAtDecision) {
        breaches.push({
          code: 'extensionApprovedLate',
          article: 'art. 17',
          since: v.decidedOn,
          days: late(calendar, v.dueAtDecision, v.decidedOn),
        });
      }
    }

    // art. 16 环节时限: each step the case has been at, judged on the day it ended (or today for the current one).
    for (const span of stepSpans(state, input, end)) {
      const stepDueDate = stepDue(input, span.from, steps[span.index]?.limitDays, calendar, span.to);
      if (stepDueDate !== undefined && span.to > stepDueDate)
        missed('stepOverdue', 'art. 16', stepDueDate, span.to, span.index);
    }
  }
  return breaches.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}
