import type { ComplaintGravity, ComplaintGround, ComplaintMeasure, FindingGround } from '../model/complaintEvents.ts';
import type { ComplaintState } from './complaint.ts';
import type { IsoDate } from './isoDate.ts';

// What of a complaint is shown to whom beyond those who work it (issue 14, points 3 and 4): the accused person's
// view for 陈述申辩, and a staff member's accountability record for the supervisors. Whether someone may see the
// whole complaint is rules/complaintPermissions.ts (mayReadComplaint).

/**
 * What the accused person sees to state their side: what they are said to have done and the findings' summary, and
 * their own invitation, statement and outcome. Never the complainant's identity, the records linked (a contact
 * names its visitor), nor the findings' working texts. null for anyone not accused.
 */
export interface StatementView {
  readonly complaintId: string;
  readonly receivedOn: IsoDate;
  readonly account: string;
  readonly findingsSummary?: string;
  readonly ground?: FindingGround;
  readonly invitedDueOn?: IsoDate;
  readonly statement?: string;
  readonly waived: boolean;
  /** Once decided: unfounded, or founded with this person's own measures (none when the decision named none). */
  readonly outcome?: 'unfounded' | 'founded';
  readonly ownMeasures?: readonly ComplaintMeasure[];
}

export function statementViewOf(state: ComplaintState, staffId: string): StatementView | null {
  const own = state.statements.find((s) => s.staffId === staffId);
  if (!own) return null;
  const decision = state.decision;
  const measures = decision?.outcome === 'founded' ? decision.measures.find((m) => m.staffId === staffId) : undefined;
  return {
    complaintId: state.complaintId,
    receivedOn: state.receivedOn,
    account: state.account,
    ...(state.findingsClosed
      ? { findingsSummary: state.findingsClosed.summary, ground: state.findingsClosed.ground }
      : {}),
    ...(own.dueOn === undefined ? {} : { invitedDueOn: own.dueOn }),
    ...(own.given ? { statement: own.given.text } : {}),
    waived: own.waived !== undefined,
    ...(decision ? { outcome: decision.outcome } : {}),
    ...(measures ? { ownMeasures: measures.measures } : {}),
  };
}

export interface AccountabilityCorrection {
  readonly on: IsoDate;
  readonly by: string;
  readonly measures: readonly ComplaintMeasure[];
  readonly gravity: ComplaintGravity;
  readonly reason: string;
}

export interface AccountabilityEntry {
  readonly complaintId: string;
  /** The Beijing day the founded decision was recorded. */
  readonly decidedOn: IsoDate;
  readonly ground: ComplaintGround;
  /** As decided, then as each correction left it: the last one stands. */
  readonly measures: readonly ComplaintMeasure[];
  readonly gravity: ComplaintGravity;
  readonly decided: { readonly measures: readonly ComplaintMeasure[]; readonly gravity: ComplaintGravity };
  readonly corrections: readonly AccountabilityCorrection[];
}

/**
 * art. 33 on a person's record (issue 14, point 4): each founded decision's measures for `staffId`, corrections
 * applied in the order HQ stored them (a correction is a new entry with its reason, never an edit), oldest first.
 */
export function accountabilityRecord(states: readonly ComplaintState[], staffId: string): AccountabilityEntry[] {
  const entries: AccountabilityEntry[] = [];
  for (const state of states) {
    const decision = state.decision;
    if (decision?.outcome !== 'founded') continue;
    const decided = decision.measures.find((m) => m.staffId === staffId);
    if (!decided) continue;
    const corrections = state.corrections
      .filter((c) => c.staffId === staffId)
      .map((c) => ({ on: c.on, by: c.by, measures: c.measures, gravity: c.gravity, reason: c.reason }));
    const current = corrections.at(-1) ?? decided;
    entries.push({
      complaintId: state.complaintId,
      decidedOn: decision.on,
      ground: decision.ground,
      measures: current.measures,
      gravity: current.gravity,
      decided: { measures: decided.measures, gravity: decided.gravity },
      corrections,
    });
  }
  return entries.sort((a, b) => a.decidedOn.localeCompare(b.decidedOn));
}
