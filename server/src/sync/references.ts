import type { DeskEvent } from '../../../shared/model/events.ts';
import { byCausalOrder } from '../../../shared/rules/contact.ts';
import type { Rejection } from '../../../shared/sync/protocol.ts';
import type { ReferenceLookup } from '../storage/referenceLookup.ts';

// The references of a contact event that the directory cannot vouch for, judged at push against what the server
// holds (authorize.ts judges the directory's). Unlike a contact's state, these never change once true: a case
// that was opened stays opened, a catalog version that existed stays in the history. So a refusal here is no
// fork between desks — an honest desk's event always finds its reference, since the desk pushes its events in
// the order it wrote them (case.opened before the contact.caseOpened appended with it).

type Of<T extends DeskEvent['type']> = Extract<DeskEvent, { type: T }>;

function unknownReference(event: DeskEvent, message: string): Rejection {
  return { eventId: event.eventId, deviceSeq: event.deviceSeq, code: 'unknown-reference', message };
}

/**
 * null when what the event names exists (stored, or admitted earlier in the same push); else its refusal.
 * `earlier`: the events of this push admitted before it, not yet visible in the store.
 */
export async function checkStoredReferences(
  event: DeskEvent,
  earlier: readonly DeskEvent[],
  lookup: ReferenceLookup,
): Promise<Rejection | null> {
  if (event.type === 'contact.caseOpened') return caseBehindContact(event, earlier, lookup);
  if (event.type === 'contact.checklistGiven') return checklistVersion(event, lookup);
  return null;
}

// Issue 12, item 7: a contact is disposed of by opening a case only when that case was opened from it. Without a
// real case.opened behind it, the event would take the contact off every 待处置 list with nothing to show for it.
async function caseBehindContact(
  event: Of<'contact.caseOpened'>,
  earlier: readonly DeskEvent[],
  lookup: ReferenceLookup,
): Promise<Rejection | null> {
  const { caseId, serviceItemId } = event.payload;
  const isOpening = (e: DeskEvent): e is Of<'case.opened'> => e.type === 'case.opened' && e.aggregateId === caseId;
  const openings = [...(await lookup.caseOpenings(caseId)), ...earlier].filter(isOpening);
  // The case is what its first opening in causal order says (the fold ignores any later one).
  const opening = openings.sort(byCausalOrder)[0];
  if (!opening) {
    return unknownReference(
      event,
      `case ${caseId} is not held by this server: a contact can record the case opened from it only after (or in ` +
        `the same push as) that case's case.opened`,
    );
  }
  if (opening.payload.contactId !== event.aggregateId) {
    return unknownReference(
      event,
      `case ${caseId} was opened from contact ${opening.payload.contactId}, not from contact ${event.aggregateId}`,
    );
  }
  if (opening.payload.serviceItemId !== serviceItemId) {
    return unknownReference(
      event,
      `case ${caseId} was opened for item ${opening.payload.serviceItemId}, not for ${serviceItemId}`,
    );
  }
  return null;
}

// art. 10 一次性告知: the record proves which catalog version the visitor was given, so that version must exist.
async function checklistVersion(
  event: Of<'contact.checklistGiven'>,
  lookup: ReferenceLookup,
): Promise<Rejection | null> {
  const { serviceItemId, catalogRev } = event.payload;
  if (await lookup.catalogVersionExists(serviceItemId, catalogRev)) return null;
  return unknownReference(
    event,
    `the catalog has no item ${serviceItemId} at version ${catalogRev}: a checklist is given from a published ` +
      `version of a catalog item (art. 10)`,
  );
}
