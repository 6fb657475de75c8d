import type { Staff } from '../../../shared/model/reference.ts';
import { maySpeakForApplicant } from '../../../shared/rules/followUpPermissions.ts';
import type { RectificationItem } from './rectificationItems.ts';

// 差评整改 is the work of the department whose service was rated, of the follow-up's owner for a dissatisfied
// follow-up, and of the bureau's supervisors and leaders, who oversee every one. The call-back and a new rating speak
// for the applicant: never by the rated person (the folds flag it, shared/rules/rating.ts and followUp.ts).

export function overseesAll(staff: Pick<Staff, 'roles'>): boolean {
  return staff.roles.includes('supervisor') || staff.roles.includes('leader');
}

/** Whether this person's work includes the rectification (and so sees it in 差评整改 and may take its steps). */
export function mayWorkOnRectification(staff: Staff, item: RectificationItem): boolean {
  if (!staff.active) return false;
  if (overseesAll(staff)) return true;
  if (item.departmentId !== undefined && staff.departmentId === item.departmentId) return true;
  const owner = item.followUpOwner;
  return owner?.kind === 'department' && owner.departmentId === staff.departmentId;
}

/** The call-back (核实回访) and the new level at feedback: never by anyone whose work was rated. */
export function maySpeakFor(staff: Pick<Staff, 'id'>, item: Pick<RectificationItem, 'excludedStaffIds'>): boolean {
  return maySpeakForApplicant(item.excludedStaffIds, staff.id);
}

/** The 差评整改 list of this person: everything for supervisors and leaders, their department's work otherwise. */
export function rectificationsFor(staff: Staff, items: readonly RectificationItem[]): RectificationItem[] {
  return items.filter((i) => mayWorkOnRectification(staff, i));
}
