import type { Staff } from '../../../shared/model/reference.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import type { RectificationItem } from './rectificationItems.ts';
import { maySpeakFor, mayWorkOnRectification, rectifierDepartmentsOf } from './rectificationPermissions.ts';

// The inbox's 差评整改 (issue 13, item 5): a rectification due today or overdue waits in the inbox of those who owe
// it — the department whose work was rated, the follow-up task's owner — not of every supervisor and leader, who
// oversee them all on the 好差评 tab; the supervisors owe it only as the follow-up team or when no department is known.

/** Still to be done: the current rectification of a valid rating, not closed. */
function isOpen(item: RectificationItem): boolean {
  return item.current && item.invalid === undefined && item.status.stage !== 'done';
}

/** Whether this person owes the rectification's next step (whatever its due day). */
export function owesRectification(staff: Staff, item: RectificationItem): boolean {
  if (!isOpen(item) || !mayWorkOnRectification(staff, item)) return false;
  // The call-back speaks for the applicant: the rated person cannot take it, so it is not theirs to do.
  if (item.status.stage === 'verify' && !maySpeakFor(staff, item)) return false;
  const departments = rectifierDepartmentsOf(item).filter((d): d is string => d !== undefined);
  if (departments.includes(staff.departmentId)) return true;
  const isSupervisor = staff.roles.includes('supervisor');
  if (item.followUpOwner?.kind === 'supervisors') return isSupervisor;
  return departments.length === 0 && isSupervisor;
}

/** What waits in this person's inbox: owed, and due today or overdue; most urgent first (as the items come). */
export function rectificationsOwed(
  staff: Staff,
  items: readonly RectificationItem[],
  today: IsoDate,
): RectificationItem[] {
  return items.filter((i) => i.status.dueOn <= today && owesRectification(staff, i));
}
