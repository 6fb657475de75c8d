import type { Staff } from '../../../shared/model/reference.ts';
import { firstInquiryResponsible } from '../../../shared/rules/contact.ts';
import type { Directory, Refusal } from './authorize.ts';

/**
 * art. 7: when two or more staff were asked together, the highest-ranked is first-inquiry responsible. The desk
 * picks that person with the same shared rule (on equal rank, the first listed, which the desk makes the clerk
 * who registers); the server repeats it against its directory so a desk cannot name someone else. Every id must
 * already be known to be active staff (checked before).
 */
export function checkFirstInquiryResponsible(
  directory: Directory,
  askedStaffIds: readonly string[],
  responsibleStaffId: string,
): Refusal | null {
  const asked = askedStaffIds.flatMap((id) => {
    const staff = directory.staff.get(id);
    return staff ? [staff] : [];
  });
  if (!askedStaffIds.includes(responsibleStaffId)) {
    return {
      code: 'not-authorised',
      message: `art. 7: the first-inquiry responsible person ${responsibleStaffId} must be one of the staff asked (${askedStaffIds.join(', ')})`,
    };
  }
  const highest = firstInquiryResponsible(asked);
  if (!highest || highest.id === responsibleStaffId) return null;
  const named = directory.staff.get(responsibleStaffId);
  return {
    code: 'not-authorised',
    message:
      `art. 7: of the staff asked together the highest-ranked is first-inquiry responsible: ` +
      `${describe(highest)}, not ${named ? describe(named) : responsibleStaffId}` +
      (named && named.rank === highest.rank ? ' (of equal rank, the first listed)' : ''),
  };
}

const describe = (staff: Staff): string => `${staff.id} (${staff.rank})`;
