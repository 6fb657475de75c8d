import type { ComplaintState } from '../complaint.ts';
import {
  departmentFor,
  UNKNOWN_DEPARTMENT,
  type AggregateFacts,
  type ComplaintFact,
  type FactContext,
} from './facts.ts';

// The report rows of one complaint (issue 14, art. 31–33): one fact per person complained about, on the day the
// complaint was received (受理日期), counted under the person's department; a department complained about with none
// of its people named counts once under that department, with no person (staffId UNKNOWN_DEPARTMENT), so a complaint
// about a department alone is never dropped from its count.
//
//   founded  — true once a leader decided it founded (查实, art. 31); false once decided unfounded or dismissed
//              (不予立案: closed without being founded); absent while undecided.
//   measures — art. 33: how many measures stand against that person (the decision's, as the last correction left
//              them, complaintViews.ts accountabilityRecord); 0 for a department, or a person given none.
//
// Only ids, days and counts: who complained, what about and why stay in the confidential complaint log, behind
// GET /complaints/:id's standing check. A complaint's rows change only with its own acts (settled).

export function complaintFacts(
  state: ComplaintState,
  ctx: Pick<FactContext, 'departmentOf'>,
): Omit<AggregateFacts, 'facts'> & { readonly facts: readonly ComplaintFact[] } {
  const recordId = state.complaintId;
  const decision = state.decision;
  const founded =
    decision !== undefined ? decision.outcome === 'founded' : state.dismissal !== undefined ? false : undefined;
  const measuresOf = (staffId: string): number => {
    if (decision?.outcome !== 'founded') return 0;
    const current =
      state.corrections.filter((c) => c.staffId === staffId).at(-1) ??
      decision.measures.find((m) => m.staffId === staffId);
    return current?.measures.length ?? 0;
  };
  const base = {
    kind: 'complaint' as const,
    recordId,
    day: state.receivedOn,
    ...(founded !== undefined ? { founded } : {}),
  };
  const people: ComplaintFact[] = state.accusedStaffIds.map((staffId) => ({
    ...base,
    id: `${recordId}:${staffId}`,
    staffId,
    departmentId: departmentFor(ctx, staffId),
    measures: measuresOf(staffId),
  }));
  const named = new Set(people.map((f) => f.departmentId));
  const departments: ComplaintFact[] = state.accusedDepartmentIds
    .filter((departmentId) => !named.has(departmentId))
    .map((departmentId) => ({
      ...base,
      id: `${recordId}:department:${departmentId}`,
      staffId: UNKNOWN_DEPARTMENT,
      departmentId,
      measures: 0,
    }));
  return { recordId, facts: [...people, ...departments], settled: true };
}
