import type { FollowUpRatings } from '../model/followUpEvents.ts';
import type { StrongRule } from '../model/reference.ts';
import { isBadLevel } from '../model/satisfaction.ts';

// art. 30 对反映强烈、意见较大的，要及时向领导报告. What counts as strong is the person's judgement (they mark it) and the
// bureau's rule (settings.followUp.strongWhen). An overall 非常不满意 always counts (the folds apply that floor to every
// record, old ones included); the bureau may widen it. The desk applies the rule when the follow-up is recorded, so
// the event carries the judgement of its day and a later change of the rule never rewrites an old record.

/** True when the bureau's rule makes a follow-up with these ratings 反映强烈, whatever was marked. */
export function strongByBureauRule(ratings: FollowUpRatings, rule: StrongRule = 'overall'): boolean {
  if (ratings.overall === 'veryDissatisfied') return true;
  const levels = Object.values(ratings);
  if (rule === 'anyVeryDissatisfied') return levels.includes('veryDissatisfied');
  if (rule === 'anyDissatisfied') return levels.some((level) => isBadLevel(level));
  return false;
}
