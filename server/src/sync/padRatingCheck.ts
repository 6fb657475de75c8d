import type { ContactEvent } from '../../../shared/model/contactEvents.ts';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { foldContact } from '../../../shared/rules/contact.ts';
import { servedContact } from '../../../shared/rules/ratingService.ts';
import type { Rejection } from '../../../shared/sync/protocol.ts';
import type { ReferenceLookup } from '../storage/referenceLookup.ts';

// A rating at the window (评价器) is written by the desk that asked for it, so HQ checks what a desk could make up:
// the service is a contact HQ holds (stored, or earlier in this push: an offline desk pushes the contact and its
// rating together), the person rated served it (shared/rules/ratingService.ts, the rule the pad asks too), and the
// service has no rating yet (一次一评: the first HQ stored stands; a second is never stored, so no later or
// backdated one can take its place by causal order). QR ratings are HQ's own (authorize.ts refuses them from desks).

type Given = Extract<DeskEvent, { type: 'rating.given' }>;

export async function checkPadRating(
  event: DeskEvent,
  earlier: readonly DeskEvent[],
  lookup: Pick<ReferenceLookup, 'ratingGivens' | 'aggregateEvents'>,
): Promise<Rejection | null> {
  if (event.type !== 'rating.given' || event.payload.source !== 'pad') return null;
  const refuse = (code: Rejection['code'], message: string): Rejection => ({
    eventId: event.eventId,
    deviceSeq: event.deviceSeq,
    code,
    message,
  });
  const { service, ratedStaffId } = event.payload;
  if (service.kind !== 'contact') {
    return refuse(
      'unknown-reference',
      `a rating at the window rates a contact; this one names ${service.kind} ${service.id}`,
    );
  }
  const isGiven = (e: DeskEvent): e is Given => e.type === 'rating.given' && e.aggregateId === event.aggregateId;
  const first = [...(await lookup.ratingGivens(event.aggregateId)), ...earlier].find(isGiven);
  if (first) {
    return refuse(
      'not-authorised',
      `service ${service.id} is already rated (event ${first.eventId}): one rating per service (一次一评), the first stands`,
    );
  }
  const ofContact = (e: DeskEvent): e is ContactEvent => e.aggregate === 'contact' && e.aggregateId === service.id;
  const contact = foldContact([...(await lookup.aggregateEvents('contact', service.id)), ...earlier].filter(ofContact));
  if (!contact) {
    return refuse(
      'unknown-reference',
      `contact ${service.id} is not held by this server: a rating is pushed after (or in the same push as) its service`,
    );
  }
  if (!servedContact(contact, ratedStaffId)) {
    return refuse(
      'not-authorised',
      `${ratedStaffId} did not serve contact ${service.id} (neither opened it, was asked, nor was responsible), ` +
        `so may not be rated for it`,
    );
  }
  return null;
}
