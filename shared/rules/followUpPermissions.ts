import type { Role } from '../model/reference.ts';
import type { FollowUpOwner } from './followUpTasks.ts';
import type { RatingState } from './rating.ts';
import { isBadLevel } from '../model/satisfaction.ts';

// Who may do what in chapter 7 and 好差评: pure predicates the desk asks before it writes and the folds apply when
// they judge what was written (the server checks roles against its directory, server/src/sync/authorize.ts).

/** What the predicates read of a staff member (a directory Staff fits). */
export interface StaffFacts {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly departmentId: string;
  readonly active: boolean;
}

/** Tasks never go to, and follow-ups are never recorded by, the person whose work is followed up (art. 27–28). */
export function isFollowedUpPerson(excludedStaffIds: readonly string[], staffId: string): boolean {
  return excludedStaffIds.includes(staffId);
}

/**
 * A follow-up is recorded by its task's owner — a supervisor for the supervisors' team, a member of the department
 * for the department — who is active and not one of the persons followed up.
 */
export function mayRecordFollowUp(
  staff: StaffFacts,
  task: { readonly owner: FollowUpOwner; readonly excludedStaffIds: readonly string[] },
): boolean {
  if (!staff.active || isFollowedUpPerson(task.excludedStaffIds, staff.id)) return false;
  return task.owner.kind === 'supervisors'
    ? staff.roles.includes('supervisor')
    : staff.departmentId === task.owner.departmentId;
}

/** Who may decide an appeal, by role: a supervisor or a leader (rating.appealDecided is privileged). */
export function hasAppealDeciderRole(staff: Pick<StaffFacts, 'roles'>): boolean {
  return staff.roles.includes('supervisor') || staff.roles.includes('leader');
}

/** 申诉: only the rated person, only against a valid bad rating, once. */
export function mayAppealRating(staffId: string, rating: RatingState): boolean {
  return (
    rating.ratedStaffId === staffId &&
    isBadLevel(rating.level) &&
    rating.appeal === undefined &&
    rating.invalid === undefined
  );
}

/** 复核: a supervisor or leader who is not the rated person decides a pending appeal. */
export function mayDecideAppeal(
  staff: Pick<StaffFacts, 'id' | 'roles' | 'active'>,
  rating: Pick<RatingState, 'ratedStaffId' | 'appeal'>,
): boolean {
  return (
    staff.active &&
    hasAppealDeciderRole(staff) &&
    staff.id !== rating.ratedStaffId &&
    rating.appeal !== undefined &&
    rating.appeal.decision === undefined
  );
}

/**
 * The call-back that verifies a bad rating, and a new level given at feedback, speak for the applicant: never taken
 * by the person rated or followed up ("no staff member can record or change a rating of their own service").
 */
export function maySpeakForApplicant(excludedStaffIds: readonly string[], staffId: string): boolean {
  return !isFollowedUpPerson(excludedStaffIds, staffId);
}
