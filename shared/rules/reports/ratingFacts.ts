import { DEFAULT_FOLLOW_UP_SETTINGS } from '../../model/reference.ts';
import { isCountedRating, type RatingState } from '../rating.ts';
import { rectificationStatus } from '../rectification.ts';
import { addDays } from '../isoDate.ts';
import {
  departmentFor,
  noneOpen,
  workingDaysLate,
  type AggregateFacts,
  type FactContext,
  type ReportFact,
} from './facts.ts';

// The report rows of one 好差评 rating (issue 13, art. 27–30): the rating, the breach of a 差评 not rectified (verified,
// decided, the applicant told) within settings.followUp.rectifyDays working days, or the rectification still due.
// The rates' definitions stay in rates.ts; figures.ts counts the same things from these rows. A rating left out of
// the rates (an upheld appeal) raises no card either.

export function ratingFacts(state: RatingState, ctx: FactContext): AggregateFacts {
  const { calendar, today } = ctx;
  const recordId = state.ratingKey;
  const who = { recordId, staffId: state.ratedStaffId, departmentId: departmentFor(ctx, state.ratedStaffId) };
  const counted = isCountedRating(state);
  const rect = state.rectification;
  const facts: ReportFact[] = [
    {
      kind: 'rating',
      id: recordId,
      day: state.ratedOn,
      ...who,
      counted,
      level: state.level,
      unprompted: state.source === 'qr',
      verified: rect?.verification !== undefined,
      rectified: rect?.verification !== undefined && rect.decision !== undefined,
      ...(rect?.feedback?.newLevel ? { newLevel: rect.feedback.newLevel } : {}),
    },
  ];
  if (rect && counted) {
    const rectifyDays = (ctx.settings?.followUp ?? DEFAULT_FOLLOW_UP_SETTINGS).rectifyDays;
    const status = rectificationStatus(rect, calendar, rectifyDays, today);
    if (status.overdue || status.closedLate) {
      facts.push({
        kind: 'breach',
        id: `${recordId}:rectificationLate`,
        day: addDays(status.dueOn, 1),
        ...who,
        code: 'rectificationLate',
        article: 'art. 30',
        days: workingDaysLate(calendar, status.dueOn, rect.feedback?.on ?? today),
        ongoing: status.overdue,
      });
    } else if (status.stage !== 'done') {
      facts.push({
        kind: 'due',
        id: `${recordId}:rectification`,
        day: status.dueOn,
        ...who,
        code: 'rectification',
        article: 'art. 30',
      });
    }
  }
  return { recordId, facts, settled: noneOpen(facts) };
}
