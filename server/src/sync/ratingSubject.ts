import type { CaseEvent } from '../../../shared/model/caseEvents.ts';
import type { ContactEvent } from '../../../shared/model/contactEvents.ts';
import type { DeskEvent } from '../../../shared/model/events.ts';
import type { SlipSubject } from '../../../shared/model/slipEvents.ts';
import { foldCase } from '../../../shared/rules/case.ts';
import { foldContact } from '../../../shared/rules/contact.ts';
import type { ReferenceLookup } from '../storage/referenceLookup.ts';

// Whose service a slip's QR rating rates, as HQ's own log says (issue 13): never the slip's envelope or content,
// which the printing desk writes. A subject HQ does not hold is no service to rate.

export interface RatedService {
  /** The staff member rated: the case's handler (its acceptor until a transfer), or the contact's responsible. */
  readonly ratedStaffId: string;
  /** The case's catalog item, for the page to name from HQ's catalog. */
  readonly serviceItemId: string | null;
}

/** HQ's view of the slip's subject: stored events and those admitted earlier in the same push. */
export async function ratedServiceOf(
  subject: SlipSubject,
  earlier: readonly DeskEvent[],
  lookup: ReferenceLookup,
): Promise<RatedService | null> {
  if (subject.kind === 'case') {
    const events = [...(await lookup.aggregateEvents('case', subject.caseId)), ...earlier].filter(
      (e): e is CaseEvent => e.aggregate === 'case' && e.aggregateId === subject.caseId,
    );
    const state = foldCase(events);
    return state ? { ratedStaffId: state.handlerStaffId, serviceItemId: state.serviceItemId } : null;
  }
  const events = [...(await lookup.aggregateEvents('contact', subject.contactId)), ...earlier].filter(
    (e): e is ContactEvent => e.aggregate === 'contact' && e.aggregateId === subject.contactId,
  );
  const state = foldContact(events);
  return state ? { ratedStaffId: state.responsibleStaffId, serviceItemId: null } : null;
}
