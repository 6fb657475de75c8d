import type { StaffId } from '../model/ids.ts';
import type { RatedService, RatingEvent } from '../model/ratingEvents.ts';
import type { LowRatingReason, RatingLevel } from '../model/satisfaction.ts';
import { isBadLevel } from '../model/satisfaction.ts';
import { beijingDate } from './case.ts';
import { byCausalOrder } from './contact.ts';
import {
  mayTakeRectificationStep,
  ratingRectifierDepartments,
  type RectifierFacts,
} from './rectificationPermissions.ts';
import type { IsoDate } from './isoDate.ts';
import {
  applyRectificationStep,
  openRectification,
  type RectificationState,
  type RectificationStep,
} from './rectification.ts';

// 好差评: one rating folded with its appeal and its rectification. Order-independent like foldContact (de-duplicated
// by eventId, sorted causally); whatever breaks a rule is kept and flagged, never dropped and never counted.

export interface RatingFlag {
  /**
   * duplicate: a second rating of the same service or slip (一次一评), kept and never counted — also how a declined
   * rating stays 未评; notAllowed: an appeal by someone other than the rated person or against a rating that is not
   * 差评, an appeal decided by the rated person (or by someone without the role), any rectification step by the
   * rated person, a rectification step by someone outside the rated person's department who is neither supervisor
   * nor leader; conflictingTransition: a second appeal, decision or rectification step; outOfOrder: a decision
   * without an appeal, a rectification of a rating that is not 差评, a decision before the call-back or feedback before a decision (kept,
   * not applied); eventBeforeGiven:
   * arrived before the rating itself; serviceMismatch: a pad rating not filed under its service (the schema refuses
   * it; kept for old logs).
   */
  readonly code:
    'duplicate' | 'notAllowed' | 'conflictingTransition' | 'outOfOrder' | 'eventBeforeGiven' | 'serviceMismatch';
  readonly eventIds: readonly string[];
}

interface Act {
  readonly by: StaffId;
  readonly at: string;
  readonly eventId: string;
}

export interface RatingState extends Act {
  /** The aggregate id: the service's id (pad) or the slip serial (QR). */
  readonly ratingKey: string;
  readonly service: RatedService;
  readonly ratedStaffId: StaffId;
  readonly source: 'pad' | 'qr';
  /** null: declined (未评). */
  readonly level: RatingLevel | null;
  readonly reasons: readonly LowRatingReason[];
  readonly comment?: string;
  /** The day it was given (Beijing): rectification counts from it. */
  readonly ratedOn: IsoDate;
  /** Later ratings of the same key (一次一评): kept, never counted. */
  readonly duplicateEventIds: readonly string[];
  readonly appeal?: Act & {
    readonly reason: string;
    readonly decision?: Act & { readonly upheld: boolean; readonly reason: string };
  };
  /** An appeal upheld: kept and shown as invalid with the reason, left out of every rate. */
  readonly invalid?: Act & { readonly reason: string };
  /** Opened by a 差评 (不满意, 非常不满意). */
  readonly rectification?: RectificationState;
  readonly flags: readonly RatingFlag[];
  readonly lastHlc: string;
  readonly eventCount: number;
}

export interface RatingFoldContext {
  /** Who may decide an appeal by role (supervisor or leader); without it, anyone but the rated person. */
  readonly mayDecideAppeals?: (staffId: string) => boolean;
  /**
   * The staff directory's roles and departments, for who may take a rectification step (rectificationPermissions.ts);
   * without it, anyone (old callers, tests of other rules).
   */
  readonly staffOf?: (staffId: string) => RectifierFacts | undefined;
}

const RECTIFICATION_STEPS = {
  'rating.verified': 'verified',
  'rating.rectified': 'rectified',
  'rating.feedbackGiven': 'feedbackGiven',
} as const;

/** null while the rating.given event has not arrived. */
export function foldRating(events: readonly RatingEvent[], context: RatingFoldContext = {}): RatingState | null {
  const unique = new Map<string, RatingEvent>();
  for (const e of events) unique.set(e.eventId, e);
  const ordered = [...unique.values()].sort(byCausalOrder);

  let state = null as RatingState | null;
  const flags: RatingFlag[] = [];
  const early: string[] = [];
  const flag = (code: RatingFlag['code'], e: RatingEvent) => flags.push({ code, eventIds: [e.eventId] });
  for (const e of ordered) {
    const act: Act = { by: e.staffId, at: e.occurredAt, eventId: e.eventId };
    if (e.type === 'rating.given') {
      if (state) {
        // 一次一评: the first rating stands; a later one (a declined rating "filled in") is kept, never counted.
        flag('duplicate', e);
        state = { ...state, duplicateEventIds: [...state.duplicateEventIds, e.eventId] };
      } else {
        state = given(e, act, early);
        if (e.payload.source === 'pad' && e.aggregateId !== e.payload.service.id) flag('serviceMismatch', e);
      }
    } else if (!state) {
      early.push(e.eventId);
    } else {
      state = apply(state, e, act, context, flag);
    }
    if (state) state = { ...state, lastHlc: e.hlc, eventCount: state.eventCount + 1 };
  }
  const folded = state as RatingState | null;
  return folded ? { ...folded, flags: [...folded.flags, ...flags] } : null;
}

function given(e: Extract<RatingEvent, { type: 'rating.given' }>, act: Act, early: string[]): RatingState {
  const { service, ratedStaffId, source, level, reasons, comment } = e.payload;
  const ratedOn = beijingDate(e.occurredAt);
  return {
    ...act,
    ratingKey: e.aggregateId,
    service,
    ratedStaffId,
    source,
    level,
    reasons,
    ...(comment ? { comment } : {}),
    ratedOn,
    duplicateEventIds: [],
    ...(isBadLevel(level) ? { rectification: openRectification(e.eventId, ratedOn) } : {}),
    flags: early.length ? [{ code: 'eventBeforeGiven', eventIds: [...early] }] : [],
    lastHlc: e.hlc,
    eventCount: early.length, // the early events counted too; the given one is added by the caller
  };
}

function apply(
  state: RatingState,
  e: Exclude<RatingEvent, { type: 'rating.given' }>,
  act: Act,
  context: RatingFoldContext,
  flag: (code: RatingFlag['code'], e: RatingEvent) => void,
): RatingState {
  switch (e.type) {
    case 'rating.appealed':
      // 申诉: the rated person, against a 差评, once.
      if (e.staffId !== state.ratedStaffId || !isBadLevel(state.level)) {
        flag('notAllowed', e);
        return state;
      }
      if (state.appeal) {
        flag('conflictingTransition', e);
        return state;
      }
      return { ...state, appeal: { ...act, reason: e.payload.reason } };
    case 'rating.appealDecided': {
      // 复核: by someone else, with the role; one decision per appeal.
      const mayDecide = context.mayDecideAppeals?.(e.staffId) ?? true;
      if (e.staffId === state.ratedStaffId || !mayDecide) {
        flag('notAllowed', e);
        return state;
      }
      if (!state.appeal) {
        flag('outOfOrder', e);
        return state;
      }
      if (state.appeal.decision) {
        flag('conflictingTransition', e);
        return state;
      }
      const decision = { ...act, upheld: e.payload.upheld, reason: e.payload.reason };
      const next = { ...state, appeal: { ...state.appeal, decision } };
      return e.payload.upheld ? { ...next, invalid: { ...act, reason: e.payload.reason } } : next;
    }
    case 'rating.verified':
    case 'rating.rectified':
    case 'rating.feedbackGiven': {
      if (!state.rectification) {
        flag('outOfOrder', e);
        return state;
      }
      // The rated person takes no step; anyone else only within the rated department or as supervisor or leader.
      const { staffOf } = context;
      const rated = [state.ratedStaffId];
      const outsider =
        staffOf !== undefined &&
        !mayTakeRectificationStep(
          e.staffId,
          staffOf(e.staffId),
          ratingRectifierDepartments(staffOf(state.ratedStaffId)),
          rated,
        );
      if (outsider || rated.includes(e.staffId)) {
        flag('notAllowed', e);
        return state;
      }
      const step = { step: RECTIFICATION_STEPS[e.type], payload: e.payload } as RectificationStep;
      const applied = applyRectificationStep(state.rectification, step, act);
      if (applied.problem) flag(applied.problem, e);
      return { ...state, rectification: applied.state };
    }
  }
}

/** Counted in the rates: not invalidated by an upheld appeal, and filed under its own service. */
export function isCountedRating(state: RatingState): boolean {
  return state.invalid === undefined && !state.flags.some((f) => f.code === 'serviceMismatch');
}
