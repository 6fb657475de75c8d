import type { Staff } from '../../../shared/model/reference.ts';

/** Who sees the 回访 tab: the follow-up team (supervisors), leaders and department heads. */
export function seesFollowUpBoard(staff: Staff): boolean {
  return staff.roles.some((r) => r === 'supervisor' || r === 'leader' || r === 'deptHead');
}

/** 回访 (chapter 7): every follow-up task, its state and the coverage. Placeholder until the board lands. */
export function FollowUpBoard(_: { staff: Staff }) {
  return null;
}
