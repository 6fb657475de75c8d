import type { ComplaintStage } from '../model/complaintEvents.ts';
import { DEFAULT_COMPLAINT_SETTINGS, type ComplaintSettings } from '../model/reference.ts';
import type { WorkingCalendar } from './calendar.ts';
import type { ComplaintAct, ComplaintState } from './complaint.ts';
import { addDays, type IsoDate } from './isoDate.ts';

// The stage limits of a complaint (art. 31; DOMAIN "Complaints and accountability"), in statutory working days on
// the WorkingCalendar, from settings.complaints: decide whether to investigate (acceptance), investigate, decide
// after the findings (decision), tell the complainant (telling). Each stage counts from the Beijing day HQ recorded
// the act that began it, the limit starting the working day after, like a case's. An extension counts only when a
// leader approved it on or before the stage's due day in force that day (like a case's, rules/case.ts). A stage is
// judged on the day it was done, so a breach, once it happened, stays.

export interface StageExtensionVerdict {
  readonly extension: ComplaintState['extensions'][number];
  /** The due day in force on the day the extension was decided. */
  readonly dueAtDecision: IsoDate;
  /** Approved on or before that day: only then it adds its days. */
  readonly counts: boolean;
}

export interface StageClock {
  readonly stage: ComplaintStage;
  /** Whose inbox turns red when it is overdue. */
  readonly owedBy: 'leaders' | 'investigators';
  readonly from: IsoDate;
  readonly dueOn: IsoDate;
  /** The count ran into a year without a confirmed schedule. */
  readonly provisional: boolean;
  readonly doneOn?: IsoDate;
  readonly extensions: readonly StageExtensionVerdict[];
  readonly state: 'running' | 'dueToday' | 'overdue' | 'doneInTime' | 'doneLate';
  /** Working days past the due day, through the day it was done or today. */
  readonly workingDaysLate: number;
}

export interface ComplaintBreach {
  readonly code: 'stageOverdue';
  readonly stage: ComplaintStage;
  readonly article: 'art. 31';
  /** The first day after the due day. */
  readonly since: IsoDate;
  readonly days: number;
}

// Stryker disable next-line EqualityOperator: on equal days both branches return the same day
const earlier = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
// Stryker disable next-line EqualityOperator: on equal days both branches return the same day
const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

interface Span {
  readonly stage: ComplaintStage;
  readonly owedBy: StageClock['owedBy'];
  readonly from: IsoDate;
  readonly limitDays: number;
  readonly doneOn?: IsoDate;
}

const done = (act: ComplaintAct | undefined) => (act ? { doneOn: act.on } : {});

/**
 * art. 31 陈述申辩 before any decision: the leaders' decision clock starts once the findings are closed AND the
 * accused invited by then have been heard — stated, declined, or let the invitation's day pass — so an invitation
 * giving the statutory minimum never makes the decision late by itself. An invitation made after the findings
 * were closed does not move the clock (a breach that happened cannot be pushed away).
 */
function decisionFrom(state: ComplaintState, closedOn: IsoDate): IsoDate {
  let from = closedOn;
  for (const statement of state.statements) {
    if (!statement.invitations.some((i) => i.on <= closedOn)) continue;
    const dueOn = statement.invitations.filter((i) => i.on <= closedOn).reduce((d, i) => later(d, i.dueOn), closedOn);
    const heardOn = statement.given?.on ?? statement.waived?.on;
    from = later(from, heardOn !== undefined && heardOn < dueOn ? heardOn : dueOn);
  }
  return from;
}

/** The stages the complaint has reached, each with the day it began and, when done, the day it was done. */
function spans(state: ComplaintState, settings: ComplaintSettings): Span[] {
  // A complaint taken on a desk offline reaches HQ later: its clock starts on the day it was received when that
  // is earlier than the day HQ stored it (the stricter of the two).
  const acceptanceDone = state.dismissal ?? state.investigation;
  const result: Span[] = [
    {
      stage: 'acceptance',
      owedBy: 'leaders',
      from: earlier(state.receivedOn, state.received.on),
      limitDays: settings.decideDays,
      ...done(acceptanceDone),
    },
  ];
  if (state.investigation) {
    const { on } = state.investigation;
    result.push({
      stage: 'investigation',
      owedBy: 'investigators',
      from: on,
      limitDays: settings.investigateDays,
      ...done(state.findingsClosed),
    });
  }
  if (state.findingsClosed) {
    result.push({
      stage: 'decision',
      owedBy: 'leaders',
      from: decisionFrom(state, state.findingsClosed.on),
      limitDays: settings.decideDays,
      ...done(state.decision),
    });
  }
  const outcome = state.decision ?? state.dismissal;
  if (outcome && !state.complainant.anonymous) {
    // Told on a day typed earlier than it was recorded counts on the day recorded; typed later, on that day.
    result.push({
      stage: 'telling',
      owedBy: state.investigation ? 'investigators' : 'leaders',
      from: outcome.on,
      limitDays: settings.tellDays,
      ...(state.told ? { doneOn: later(state.told.toldOn, state.told.on) } : {}),
    });
  }
  return result;
}

function clock(span: Span, state: ComplaintState, calendar: WorkingCalendar, today: IsoDate): StageClock {
  let days = span.limitDays;
  const dueWith = (n: number) => calendar.addWorkingDays(span.from, n);
  const extensions: StageExtensionVerdict[] = [];
  // The fold keeps them in the order HQ stored them, so the days of decision ascend.
  for (const extension of state.extensions.filter((x) => x.stage === span.stage)) {
    const dueAtDecision = dueWith(days).date;
    const counts = extension.approved && extension.on <= dueAtDecision;
    if (counts) days += extension.days;
    extensions.push({ extension, dueAtDecision, counts });
  }
  const due = dueWith(days);
  const end = span.doneOn ?? today;
  const workingDaysLate = calendar.countWorkingDays(due.date, end).days;
  let stageState: StageClock['state'];
  if (span.doneOn !== undefined) stageState = span.doneOn > due.date ? 'doneLate' : 'doneInTime';
  else if (today > due.date) stageState = 'overdue';
  else stageState = today === due.date ? 'dueToday' : 'running';
  return {
    stage: span.stage,
    owedBy: span.owedBy,
    from: span.from,
    dueOn: due.date,
    provisional: due.provisional,
    ...(span.doneOn === undefined ? {} : { doneOn: span.doneOn }),
    extensions,
    state: stageState,
    workingDaysLate,
  };
}

/** Every stage the complaint has reached, with its due day and how it stands on `today`. */
export function complaintStages(
  state: ComplaintState,
  calendar: WorkingCalendar,
  today: IsoDate,
  settings: ComplaintSettings = DEFAULT_COMPLAINT_SETTINGS,
): StageClock[] {
  return spans(state, settings).map((span) => clock(span, state, calendar, today));
}

/** The stage owed now and how it stands, or undefined once nothing is owed (closed, or told and waiting to close). */
export function currentStage(
  state: ComplaintState,
  calendar: WorkingCalendar,
  today: IsoDate,
  settings: ComplaintSettings = DEFAULT_COMPLAINT_SETTINGS,
): StageClock | undefined {
  return complaintStages(state, calendar, today, settings).find((s) => s.doneOn === undefined);
}

/** Every stage done late, or still undone past its due day, by `today`: judged on the day it was done, it stays. */
export function complaintBreaches(
  state: ComplaintState,
  calendar: WorkingCalendar,
  today: IsoDate,
  settings: ComplaintSettings = DEFAULT_COMPLAINT_SETTINGS,
): ComplaintBreach[] {
  return complaintStages(state, calendar, today, settings)
    .filter((s) => s.state === 'doneLate' || s.state === 'overdue')
    .map((s) => ({
      code: 'stageOverdue',
      stage: s.stage,
      article: 'art. 31',
      since: addDays(s.dueOn, 1),
      days: s.workingDaysLate,
    }));
}
