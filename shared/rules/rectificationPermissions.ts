import type { StaffFacts } from './followUpPermissions.ts';

// 差评整改 (issue 13, item 5) is the work of the department whose service was rated, of the follow-up task's owner for
// a dissatisfied follow-up, and of the bureau's supervisors and leaders, who oversee every one. One rule for the
// desk (before it writes), the folds (shared/rules/rating.ts, followUp.ts: a step by anyone else is flagged
// notAllowed) and HQ (server/src/sync/authorize.ts: refused at push). The call-back and a new level also speak for
// the applicant, never by the rated person: followUpPermissions.ts maySpeakForApplicant. The rated person takes none
// of the three steps (mayTakeRectificationStep): closing one's own 差评 would let a bad rating be explained away by
// the very person it is about.

/** What the rule reads of a staff member: a directory Staff fits. */
export type RectifierFacts = Pick<StaffFacts, 'roles' | 'departmentId'>;

/** Supervisors and leaders oversee every rectification. */
export function overseesAll(staff: Pick<StaffFacts, 'roles'>): boolean {
  return staff.roles.includes('supervisor') || staff.roles.includes('leader');
}

/**
 * Whether a step of a rectification whose work belongs to `departmentIds` may be taken by this person (undefined: not
 * in the directory, never). Whether they are still active is the desk's and HQ's question, not the fold's: a step
 * stays valid after its author leaves.
 */
export function mayRectify(staff: RectifierFacts | undefined, departmentIds: readonly (string | undefined)[]): boolean {
  if (!staff) return false;
  return overseesAll(staff) || departmentIds.includes(staff.departmentId);
}

/**
 * Whether this person may take a step of a rectification: never anyone whose work was rated (`ratedStaffIds`: the
 * rated person of a rating, the people followed up of a follow-up), otherwise as mayRectify says.
 */
export function mayTakeRectificationStep(
  staffId: string,
  staff: RectifierFacts | undefined,
  departmentIds: readonly (string | undefined)[],
  ratedStaffIds: readonly string[],
): boolean {
  return !ratedStaffIds.includes(staffId) && mayRectify(staff, departmentIds);
}

/** A rated service's rectification belongs to the rated person's department (undefined: unknown, overseers only). */
export function ratingRectifierDepartments(ratedStaff: RectifierFacts | undefined): (string | undefined)[] {
  return [ratedStaff?.departmentId];
}

/** A dissatisfied follow-up's belongs to the department whose work it was and to the task's owner department. */
export function followUpRectifierDepartments(
  workDepartmentId: string | undefined,
  owner: { readonly kind: 'supervisors' } | { readonly kind: 'department'; readonly departmentId: string },
): (string | undefined)[] {
  return [workDepartmentId, owner.kind === 'department' ? owner.departmentId : undefined];
}
