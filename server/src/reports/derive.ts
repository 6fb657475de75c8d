import type { ComplaintEvent } from '../../../shared/model/complaintEvents.ts';
import type { CaseEvent } from '../../../shared/model/caseEvents.ts';
import type { ContactEvent } from '../../../shared/model/contactEvents.ts';
import type { DeskEvent } from '../../../shared/model/events.ts';
import type { RatingEvent } from '../../../shared/model/ratingEvents.ts';
import { foldCase } from '../../../shared/rules/case.ts';
import { foldComplaint } from '../../../shared/rules/complaint.ts';
import { foldContact } from '../../../shared/rules/contact.ts';
import { foldRating } from '../../../shared/rules/rating.ts';
import { caseFacts } from '../../../shared/rules/reports/caseFacts.ts';
import { complaintFacts } from '../../../shared/rules/reports/complaintFacts.ts';
import { contactFacts } from '../../../shared/rules/reports/contactFacts.ts';
import { ratingFacts } from '../../../shared/rules/reports/ratingFacts.ts';
import type { DerivedAggregate, EventAggregate } from '../storage/reportFacts.ts';
import type { ReportContext } from './context.ts';

/**
 * Fold one aggregate's whole stored log and derive its facts with the shared rules. An aggregate that does not
 * fold yet (its opening event has not arrived) contributes no rows and is settled: its next event re-derives it.
 */
export function deriveAggregate(
  aggregate: EventAggregate,
  id: string,
  events: readonly DeskEvent[],
  ctx: ReportContext,
): DerivedAggregate {
  const derived =
    aggregate === 'contact'
      ? fold(foldContact(events as ContactEvent[], ctx.fold), (s) => contactFacts(s, ctx.facts))
      : aggregate === 'case'
        ? fold(foldCase(events as CaseEvent[], ctx.fold), (s) => caseFacts(s, ctx.facts))
        : fold(foldRating(events as RatingEvent[], ctx.rating), (s) => ratingFacts(s, ctx.facts));
  return { aggregate, id, facts: derived?.facts ?? [], settled: derived?.settled ?? true };
}

/** The same for one complaint, from its own log (the confidential complaint_events, art. 31–33). */
export function deriveComplaint(id: string, events: readonly ComplaintEvent[], ctx: ReportContext): DerivedAggregate {
  const derived = fold(foldComplaint(events, ctx.complaint), (s) => complaintFacts(s, ctx.facts));
  return { aggregate: 'complaint', id, facts: derived?.facts ?? [], settled: derived?.settled ?? true };
}

function fold<S, R>(state: S | null, derive: (s: S) => R): R | null {
  return state === null ? null : derive(state);
}
