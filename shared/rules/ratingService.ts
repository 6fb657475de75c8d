import type { StaffId } from '../model/ids.ts';
import type { ContactState } from './contact.ts';

// Whom a rating at the window (评价器) may rate: one rule for the desk's pad (renderer/data/ratings.ts checkRatable)
// and HQ (server/src/sync/padRatingCheck.ts), so a desk cannot push a rating of someone who never served the contact.

/** Who served the applicant in this contact, and so may be the one rated at the window. */
export function servedContact(
  contact: Pick<ContactState, 'openedBy' | 'firstInquiryStaffId' | 'responsibleStaffId' | 'askedStaffIds'>,
  staffId: string,
): boolean {
  return (
    contact.openedBy === staffId ||
    contact.firstInquiryStaffId === staffId ||
    contact.responsibleStaffId === staffId ||
    contact.askedStaffIds.includes(staffId as StaffId)
  );
}
