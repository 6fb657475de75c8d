import type { StaffFacts } from './followUpPermissions.ts';
import type { ComplaintState } from './complaint.ts';

// Who may do what with a complaint (art. 31; issue 14 points 3 and 5): pure predicates the screens ask before they
// write, that the fold (rules/complaint.ts) applies when it judges what was written, and that HQ checks against its
// directory with the actor's proven session.

/**
 * Who stands aside (回避): the accused; the head of any department concerned; and, when the bureau's settings say so
 * (settings.complaints.recuseSameDepartment), anyone of a department concerned. The departments concerned are those
 * complained about and those of the accused staff members (their colleagues are the interested ones).
 */
export interface Recusal {
  readonly staffIds: readonly string[];
  readonly departmentIds: readonly string[];
  readonly sameDepartment: boolean;
  /**
   * Departments concerned only because an accused LEADER belongs to them (局领导班子): the leadership is not a unit
   * whose members have a stake in each other, so a complaint about one leader is worked by the others. Everyone
   * else of such a department stands aside as usual (their leader is complained about).
   */
  readonly leaderPeerDepartmentIds?: readonly string[];
}

export function recusalOf(
  accusedStaffIds: readonly string[],
  accusedDepartmentIds: readonly string[],
  departmentOf: (staffId: string) => string | undefined,
  sameDepartment: boolean,
  isLeader: (staffId: string) => boolean = () => false,
): Recusal {
  const departments = new Set(accusedDepartmentIds);
  const byOthers = new Set(accusedDepartmentIds);
  for (const id of accusedStaffIds) {
    const department = departmentOf(id);
    if (department === undefined) continue;
    departments.add(department);
    if (!isLeader(id)) byOthers.add(department);
  }
  const leaderPeers = [...departments].filter((d) => !byOthers.has(d));
  return {
    staffIds: [...accusedStaffIds],
    departmentIds: [...departments],
    sameDepartment,
    ...(leaderPeers.length > 0 ? { leaderPeerDepartmentIds: leaderPeers } : {}),
  };
}

export function isRecused(staff: Pick<StaffFacts, 'id' | 'roles' | 'departmentId'>, recusal: Recusal): boolean {
  if (recusal.staffIds.includes(staff.id)) return true;
  if (!recusal.departmentIds.includes(staff.departmentId)) return false;
  if (staff.roles.includes('leader') && recusal.leaderPeerDepartmentIds?.includes(staff.departmentId)) return false;
  return recusal.sameDepartment || staff.roles.includes('deptHead');
}

/** art. 31 派人调查核实: any active staff member the recusal rule does not exclude. */
export function mayBeInvestigator(staff: StaffFacts, recusal: Recusal): boolean {
  return staff.active && !isRecused(staff, recusal);
}

/** art. 31 局领导研究确定: an active leader who does not stand aside (dismiss, order, extend, decide, correct). */
export function mayDecideComplaint(staff: StaffFacts, recusal: Recusal): boolean {
  return staff.active && staff.roles.includes('leader') && !isRecused(staff, recusal);
}

/** An investigator assigned now (the last order or change), still active. */
export function isAssignedInvestigator(staff: Pick<StaffFacts, 'id' | 'active'>, state: ComplaintState): boolean {
  return staff.active && state.investigatorIds.includes(staff.id);
}

/** 陈述申辩: only the accused person named in an invitation, once, before the decision. */
export function mayGiveStatement(staffId: string, state: ComplaintState): boolean {
  const statement = state.statements.find((s) => s.staffId === staffId);
  return (
    statement !== undefined &&
    statement.invitations.length > 0 &&
    statement.given === undefined &&
    statement.waived === undefined &&
    (state.status === 'investigating' || state.status === 'findingsClosed')
  );
}

/**
 * Complaint records are confidential (issue 14, point 3): leaders, the supervisors (机关党委/人事科) and the assigned
 * investigators read them, unless they stand aside. The accused gets `statementViewOf` only, never this.
 */
export function mayReadComplaint(staff: StaffFacts, state: ComplaintState): boolean {
  if (!staff.active || isRecused(staff, state.recusal)) return false;
  return (
    staff.roles.includes('leader') || staff.roles.includes('supervisor') || state.investigatorIds.includes(staff.id)
  );
}
