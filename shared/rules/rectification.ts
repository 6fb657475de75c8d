import type { StaffId } from '../model/ids.ts';
import type { RectificationMode } from '../model/rectification.ts';
import type { FollowUpMeans, RatingLevel } from '../model/satisfaction.ts';
import { isBadLevel } from '../model/satisfaction.ts';
import type { WorkingCalendar } from './calendar.ts';
import type { IsoDate } from './isoDate.ts';

// 差评整改, folded the same way for a bad rating and a dissatisfied follow-up record: verification (核实回访), then
// 立行立改 / 限期整改 / 解释说明, then feedback to the applicant, who may rate again. Due within the bureau's
// settings.followUp.rectifyDays working days of the bad rating; a 限期整改 may set its own, later date for the fix.

export interface RectificationAct {
  readonly by: StaffId;
  readonly at: string;
  readonly eventId: string;
}

export interface RectificationState {
  /** The bad rating or follow-up record that opened it, and the day it was given. */
  readonly openedByEventId: string;
  readonly openedOn: IsoDate;
  readonly verification?: RectificationAct & {
    readonly on: IsoDate;
    readonly means: FollowUpMeans;
    readonly note: string;
  };
  readonly decision?: RectificationAct & {
    readonly mode: RectificationMode;
    readonly dueOn?: IsoDate;
    readonly note: string;
  };
  readonly feedback?: RectificationAct & {
    readonly on: IsoDate;
    readonly how: FollowUpMeans;
    readonly newLevel?: RatingLevel;
    readonly note?: string;
  };
}

/** The three steps as events of either aggregate present them (the type's suffix and its payload). */
export type RectificationStep =
  | { readonly step: 'verified'; readonly payload: { on: IsoDate; means: FollowUpMeans; note: string } }
  | {
      readonly step: 'rectified';
      readonly payload: { mode: RectificationMode; dueOn?: IsoDate | undefined; note: string };
    }
  | {
      readonly step: 'feedbackGiven';
      readonly payload: {
        on: IsoDate;
        how: FollowUpMeans;
        newLevel?: RatingLevel | undefined;
        note?: string | undefined;
      };
    };

/**
 * conflictingTransition: the step was already recorded (two desks, or twice); the first stands.
 * outOfOrder: recorded before the step it follows (a decision before the call-back, feedback before any decision):
 * kept on the log and flagged, never applied — a rectification with no 核实回访 is not one, and would otherwise count
 * in 整改率.
 */
export type RectificationProblem = 'conflictingTransition' | 'outOfOrder';

export function openRectification(eventId: string, on: IsoDate): RectificationState {
  return { openedByEventId: eventId, openedOn: on };
}

/** One step applied to a rectification; a step already taken changes nothing and says so. */
export function applyRectificationStep(
  state: RectificationState,
  step: RectificationStep,
  act: RectificationAct,
): { state: RectificationState; problem?: RectificationProblem } {
  switch (step.step) {
    case 'verified':
      if (state.verification) return { state, problem: 'conflictingTransition' };
      return { state: { ...state, verification: { ...act, ...step.payload } } };
    case 'rectified': {
      if (state.decision) return { state, problem: 'conflictingTransition' };
      if (!state.verification) return { state, problem: 'outOfOrder' };
      const { dueOn, ...rest } = step.payload;
      return { state: { ...state, decision: { ...act, ...rest, ...(dueOn ? { dueOn } : {}) } } };
    }
    case 'feedbackGiven': {
      if (state.feedback) return { state, problem: 'conflictingTransition' };
      if (!state.decision) return { state, problem: 'outOfOrder' };
      const { newLevel, note, ...rest } = step.payload;
      const feedback = { ...act, ...rest, ...(newLevel ? { newLevel } : {}), ...(note ? { note } : {}) };
      return { state: { ...state, feedback } };
    }
  }
}

/** Feedback given: the rectification is closed (whatever the new rating, which the rates judge). */
export function isRectificationClosed(state: RectificationState): boolean {
  return state.feedback !== undefined;
}

/** The applicant, told, rated again and was no longer dissatisfied (整改满意). */
export function isRectificationSatisfied(state: RectificationState): boolean {
  return state.feedback?.newLevel !== undefined && !isBadLevel(state.feedback.newLevel);
}

export type RectificationStage = 'verify' | 'rectify' | 'feedback' | 'done';

export function rectificationStage(state: RectificationState): RectificationStage {
  if (state.feedback) return 'done';
  if (state.decision) return 'feedback';
  return state.verification ? 'rectify' : 'verify';
}

/**
 * The day by which the rectification must be closed: `rectifyDays` working days after the bad rating; a 限期整改
 * whose own date for the fix is later moves it there (the applicant is told once the fix is done).
 */
export function rectificationDueOn(state: RectificationState, calendar: WorkingCalendar, rectifyDays: number): IsoDate {
  const limit = calendar.addWorkingDays(state.openedOn, rectifyDays).date;
  const fixBy = state.decision?.mode === 'byDate' ? state.decision.dueOn : undefined;
  return fixBy !== undefined && fixBy > limit ? fixBy : limit;
}

export interface RectificationStatus {
  readonly stage: RectificationStage;
  readonly dueOn: IsoDate;
  /** Not closed and `today` is past the due day: shown red. */
  readonly overdue: boolean;
  /** Closed after the due day: stays marked after it is done. */
  readonly closedLate: boolean;
}

export function rectificationStatus(
  state: RectificationState,
  calendar: WorkingCalendar,
  rectifyDays: number,
  today: IsoDate,
): RectificationStatus {
  const stage = rectificationStage(state);
  const dueOn = rectificationDueOn(state, calendar, rectifyDays);
  return {
    stage,
    dueOn,
    overdue: stage !== 'done' && today > dueOn,
    closedLate: state.feedback !== undefined && state.feedback.on > dueOn,
  };
}
