import type { DeskEvent } from '../../../shared/model/events.ts';
import { byCausalOrder } from '../../../shared/rules/contact.ts';
import type { Rejection } from '../../../shared/sync/protocol.ts';
import type { ReferenceLookup } from '../storage/referenceLookup.ts';
import { authorizeRatingRectification, isRatingRectificationStep, type Directory } from './authorize.ts';

// Who may take a step of a rating's 差评整改 depends on the rated person, named only in the rating.given of the same
// key: looked up in the stored log or among the events of this push admitted before the step (an offline desk pushes
// the pad's rating and its first steps in one batch, in the order it wrote them).
//
// A step whose rating HQ does not hold at all is refused as 'unknown-reference': no honest desk can write one (it
// took the step on a rating it held, which it wrote itself and pushes first, or pulled from HQ), and a step HQ
// cannot judge would otherwise pass unjudged and be applied by any desk that later receives a forged rating.given.

type Given = Extract<DeskEvent, { type: 'rating.given' }>;

export async function checkRatingRectifier(
  event: DeskEvent,
  earlier: readonly DeskEvent[],
  lookup: ReferenceLookup,
  directory: Directory,
): Promise<Rejection | null> {
  if (event.aggregate !== 'rating' || !isRatingRectificationStep(event)) return null;
  const key = event.aggregateId;
  const isGiven = (e: DeskEvent): e is Given => e.type === 'rating.given' && e.aggregateId === key;
  // The rating is what its first rating.given in causal order says, as in the fold (一次一评).
  const given = [...(await lookup.ratingGivens(key)), ...earlier].filter(isGiven).sort(byCausalOrder)[0];
  const refuse = (code: Rejection['code'], message: string): Rejection => ({
    eventId: event.eventId,
    deviceSeq: event.deviceSeq,
    code,
    message,
  });
  if (!given) {
    return refuse(
      'unknown-reference',
      `rating ${key} is not held by this server: a rectification step is pushed after (or in the same push as) ` +
        `the rating it rectifies`,
    );
  }
  const refusal = authorizeRatingRectification(event, given.payload.ratedStaffId, directory);
  return refusal ? refuse(refusal.code, refusal.message) : null;
}
