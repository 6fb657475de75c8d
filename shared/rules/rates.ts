import type { RatingLevel } from '../model/satisfaction.ts';
import { isBadLevel, isGoodLevel } from '../model/satisfaction.ts';
import type { FollowUpState } from './followUp.ts';
import type { FollowUpTask } from './followUpTasks.ts';
import type { IsoDate } from './isoDate.ts';
import { isCountedRating, type RatingState } from './rating.ts';
import { isRectificationSatisfied, type RectificationState } from './rectification.ts';

// The published rates of 好差评 and chapter 7, defined once here for the screens and the supervision reports. Each
// is a fraction with its numerator and denominator (value null when nothing is counted). The caller chooses whom
// and when (selectRatings: a staff member, a department's staff, a period); the definitions never change with it.
//
//   好评率   goodRate                   非常满意 + 满意  /  valid ratings with a level  (基本满意 is not 好评)
//   主动评价好评率 proactiveGoodRate     好评  /  valid ratings with a level the applicant gave unprompted: by the
//                                       slip's QR code on their own phone (no clerk asked for it, unlike the pad)
//   差评率   badRate                    不满意 + 非常不满意  /  valid ratings with a level
//   未评率   unratedRate                declined (未评)  /  valid ratings, declined ones included
//   差评回访率 badFollowedUpRate         差评 verified by a call-back (核实回访)  /  every valid 差评  (must reach 100 %)
//   整改率   rectifiedRate              差评 with a rectification (立行立改/限期整改/解释说明) recorded after its
//                                       call-back  /  差评  — a decision without a 核实回访 is no rectification
//   整改满意率 rectificationSatisfiedRate feedback whose new level is not 差评  /  feedback with a new level
//   回访覆盖率 followUpCoverage          tasks with a follow-up record  /  tasks
//   按时回访率 followUpOnTime            tasks whose first record came on or before the due day  /  tasks
//
// 整改满意率 counts a new rating of 基本满意 as satisfied: the rate asks whether the applicant is still dissatisfied
// after the rectification (差评 or not, the split that opened it), not whether they now give 好评; 好评率 is where
// 基本满意 is not good. 差评回访率's denominator is every valid 差评: every rating here is tied to a service with a
// known applicant (a contact or a slip), so none is anonymous and none may be left out as unreachable.
//
// DOMAIN.md's published list (好评率, 主动评价好评率, 未评率, 差评回复率, 回访整改率, 整改满意率) maps as: 差评回复率 is
// badFollowedUpRate (the 差评 answered by a call-back), 回访整改率 is rectifiedRate (rectified after that call-back).
//
// Valid: never a rating invalidated by an upheld appeal, never a duplicate (一次一评: the fold keeps one rating per
// service or slip), never one filed under another service.

export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator; null when the denominator is 0 (nothing to rate, not 0 %). */
  readonly value: number | null;
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** What a rate needs of one rating, whether given at the window, by QR, or in a follow-up record. */
export interface RatedOutcome {
  readonly level: RatingLevel | null;
  /** Given by the applicant on their own (QR), not asked for at the window or in a follow-up. */
  readonly unprompted?: boolean;
  readonly rectification?: RectificationState;
}

export function outcomeOfRating(state: RatingState): RatedOutcome {
  return {
    level: state.level,
    ...(state.source === 'qr' ? { unprompted: true } : {}),
    ...(state.rectification ? { rectification: state.rectification } : {}),
  };
}

/**
 * A follow-up counts as the applicant's rating by its first record's overall level (null: would not say), with the
 * rectification that record opened. None, before any record.
 */
export function outcomeOfFollowUp(state: FollowUpState): RatedOutcome | undefined {
  const first = state.records[0];
  if (!first) return undefined;
  const rectification = state.rectifications.find((r) => r.openedByEventId === first.eventId);
  return { level: first.ratings.overall ?? null, ...(rectification ? { rectification } : {}) };
}

export interface SatisfactionRates {
  readonly goodRate: Rate;
  readonly proactiveGoodRate: Rate;
  readonly badRate: Rate;
  readonly unratedRate: Rate;
  readonly badFollowedUpRate: Rate;
  readonly rectifiedRate: Rate;
  readonly rectificationSatisfiedRate: Rate;
}

/** The rates of the given outcomes (already valid: see validRatingOutcomes). */
export function satisfactionRates(outcomes: readonly RatedOutcome[]): SatisfactionRates {
  const rated = outcomes.filter((o) => o.level !== null);
  const bad = rated.filter((o) => isBadLevel(o.level));
  const withNewLevel = bad.filter((o) => o.rectification?.feedback?.newLevel !== undefined);
  const unprompted = rated.filter((o) => o.unprompted === true);
  return {
    goodRate: rate(rated.filter((o) => isGoodLevel(o.level)).length, rated.length),
    proactiveGoodRate: rate(unprompted.filter((o) => isGoodLevel(o.level)).length, unprompted.length),
    badRate: rate(bad.length, rated.length),
    unratedRate: rate(outcomes.length - rated.length, outcomes.length),
    badFollowedUpRate: rate(bad.filter((o) => o.rectification?.verification).length, bad.length),
    rectifiedRate: rate(
      bad.filter((o) => o.rectification?.verification && o.rectification.decision).length,
      bad.length,
    ),
    rectificationSatisfiedRate: rate(
      withNewLevel.filter((o) => o.rectification && isRectificationSatisfied(o.rectification)).length,
      withNewLevel.length,
    ),
  };
}

/** The ratings that count (not invalidated, filed under their service), as outcomes. */
export function validRatingOutcomes(ratings: readonly RatingState[]): RatedOutcome[] {
  return ratings.filter(isCountedRating).map(outcomeOfRating);
}

/** Ratings of some staff (a person, a department's staff) given within [from, to], both inclusive and optional. */
export function selectRatings(
  ratings: readonly RatingState[],
  by: { readonly staffIds?: readonly string[]; readonly from?: IsoDate; readonly to?: IsoDate },
): RatingState[] {
  return ratings.filter(
    (r) =>
      (by.staffIds === undefined || by.staffIds.includes(r.ratedStaffId)) &&
      (by.from === undefined || r.ratedOn >= by.from) &&
      (by.to === undefined || r.ratedOn <= by.to),
  );
}

export interface FollowUpRates {
  readonly followUpCoverage: Rate;
  readonly followUpOnTime: Rate;
}

/** Coverage and timeliness of the given tasks, with each task's follow-ups folded (absent: none yet). */
export function followUpRates(
  tasks: readonly FollowUpTask[],
  stateOf: (subjectId: string) => FollowUpState | null | undefined,
): FollowUpRates {
  let covered = 0;
  let onTime = 0;
  for (const task of tasks) {
    const first = stateOf(task.subject.id)?.records[0];
    if (!first) continue;
    covered += 1;
    if (first.on <= task.dueOn) onTime += 1;
  }
  return { followUpCoverage: rate(covered, tasks.length), followUpOnTime: rate(onTime, tasks.length) };
}
