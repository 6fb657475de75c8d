import type { Staff } from '../../../shared/model/reference.ts';
import { maySpeakForApplicant } from '../../../shared/rules/followUpPermissions.ts';
import { followUpRectifierDepartments, mayRectify } from '../../../shared/rules/rectificationPermissions.ts';
import type { FollowUpFoldContext } from '../../../shared/rules/followUp.ts';
import type { FollowUpOwner, FollowUpTask } from '../../../shared/rules/followUpTasks.ts';
import type { CaseRow, ContactRow } from '../db.ts';
import { followUpWorkDepartment, type FollowUpWork, type RectificationItem } from './rectificationItems.ts';

// The desk asks the shared rule (shared/rules/rectificationPermissions.ts) that the folds and HQ apply too, for an
// item of its 差评整改 list; only being active now is the desk's own question (a fold never asks it).

/** The departments whose work the item is: the rated person's, and for a follow-up the task owner's too. */
export function rectifierDepartmentsOf(item: Pick<RectificationItem, 'departmentId' | 'followUpOwner'>) {
  return item.followUpOwner
    ? followUpRectifierDepartments(item.departmentId, item.followUpOwner)
    : [item.departmentId];
}

/** Whether this person's work includes the rectification (and so sees it in 差评整改 and may take its steps). */
export function mayWorkOnRectification(staff: Staff, item: RectificationItem): boolean {
  return staff.active && mayRectify(staff, rectifierDepartmentsOf(item));
}

/** The call-back (核实回访) and the new level at feedback: never by anyone whose work was rated. */
export function maySpeakFor(staff: Pick<Staff, 'id'>, item: Pick<RectificationItem, 'excludedStaffIds'>): boolean {
  return maySpeakForApplicant(item.excludedStaffIds, staff.id);
}

/** The 差评整改 list of this person: everything for supervisors and leaders, their department's work otherwise. */
export function rectificationsFor(staff: Staff, items: readonly RectificationItem[]): RectificationItem[] {
  return items.filter((i) => mayWorkOnRectification(staff, i));
}

/**
 * What foldFollowUp needs to flag a rectification step by someone outside it: the directory, and the departments
 * whose work it is — the same the desk's list uses (followUpWorkDepartment). `work.contact`: a contact subject's own.
 */
export function followUpRectifierContext(
  owner: FollowUpOwner,
  work: FollowUpWork,
  staffOf: (staffId: string) => Staff | undefined,
): Pick<FollowUpFoldContext, 'staffOf' | 'rectifierDepartmentIds'> {
  return { staffOf, rectifierDepartmentIds: followUpRectifierDepartments(followUpWorkDepartment(owner, work), owner) };
}

/** What the desk's directory gives the follow-up folds (followUps.ts departmentLookup). */
export interface FollowUpDirectory {
  readonly departmentOf: (staffId: string) => string | undefined;
  readonly isLeader: (staffId: string) => boolean;
  readonly staffOf: (staffId: string) => Staff | undefined;
}

/** The whole fold context of a follow-up task: who is followed up, who is a leader, who may rectify. */
export function followUpFoldContextFor(
  task: FollowUpTask,
  cases: ReadonlyMap<string, CaseRow>,
  contacts: ReadonlyMap<string, ContactRow>,
  directory: FollowUpDirectory,
): FollowUpFoldContext {
  const caseRow = task.subject.kind === 'case' ? cases.get(task.subject.id) : undefined;
  const contact = task.subject.kind === 'contact' ? contacts.get(task.subject.id) : undefined;
  const work = { ...(caseRow ? { caseRow } : {}), ...(contact ? { contact } : {}), departmentOf: directory.departmentOf };
  return {
    excludedStaffIds: task.excludedStaffIds,
    isLeader: directory.isLeader,
    ...followUpRectifierContext(task.owner, work, directory.staffOf),
  };
}
