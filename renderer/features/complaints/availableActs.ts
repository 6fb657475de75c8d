import type { ComplaintStage } from '../../../shared/model/complaintEvents.ts';
import { statementSettled, type ComplaintState } from '../../../shared/rules/complaint.ts';
import {
  isAssignedInvestigator,
  isRecused,
  mayBeInvestigator,
  mayDecideComplaint,
} from '../../../shared/rules/complaintPermissions.ts';
import type { StaffFacts } from '../../../shared/rules/followUpPermissions.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';

// Which acts the drawer offers the caller now: the same predicates the fold (and so HQ) judges them by
// (rules/complaint.ts, complaintPermissions.ts), so a form is offered only when HQ would store what it sends.

export type ComplaintActKind =
  | 'dismiss'
  | 'order'
  | 'changeInvestigators'
  | 'recordFinding'
  | 'closeFindings'
  | 'inviteStatement'
  | 'decide'
  | 'tell'
  | 'extend'
  | 'close'
  | 'correct';

export interface Capacity {
  readonly leader: boolean;
  readonly investigator: boolean;
  readonly recused: boolean;
}

export function capacityOf(me: StaffFacts | undefined, state: ComplaintState): Capacity {
  if (!me) return { leader: false, investigator: false, recused: false };
  const recused = isRecused(me, state.recusal);
  return {
    leader: mayDecideComplaint(me, state.recusal),
    investigator: !recused && isAssignedInvestigator(me, state),
    recused,
  };
}

/** The stage an extension may lengthen now (the one running), or undefined. */
export function runningStage(state: ComplaintState): ComplaintStage | undefined {
  switch (state.status) {
    case 'received':
      return 'acceptance';
    case 'investigating':
      return 'investigation';
    case 'findingsClosed':
      return 'decision';
    case 'decided':
    case 'dismissed':
      return state.complainant.anonymous ? undefined : 'telling';
    default:
      return undefined;
  }
}

/** Accused persons still to be heard: invited or not, neither stated nor declined. */
export function unheardAccused(state: ComplaintState): string[] {
  return state.statements.filter((s) => !s.given && !s.waived).map((s) => s.staffId);
}

/** A founded decision waits until every accused person was heard (陈述申辩, art. 31). */
export function foundedBlocked(state: ComplaintState, today: IsoDate): boolean {
  return !state.statements.every((s) => statementSettled(s, today));
}

export function availableActs(state: ComplaintState, me: StaffFacts | undefined): ComplaintActKind[] {
  const who = capacityOf(me, state);
  const acts: ComplaintActKind[] = [];
  const either = who.leader || who.investigator;
  const s = state.status;
  const working = s === 'investigating' || s === 'findingsClosed';
  if (who.leader && s === 'received') acts.push('order', 'dismiss');
  if (who.leader && s === 'investigating') acts.push('changeInvestigators');
  if (who.investigator && s === 'investigating') acts.push('recordFinding', 'closeFindings');
  // Declining to state one's side is the accused person's own act (我的陈述申辩), never offered to anyone else.
  if (either && working && unheardAccused(state).length > 0) acts.push('inviteStatement');
  if (who.leader && s === 'findingsClosed') acts.push('decide');
  if (either && !state.told && !state.complainant.anonymous && (s === 'decided' || s === 'dismissed')) {
    acts.push('tell');
  }
  const closable = s === 'told' || ((s === 'decided' || s === 'dismissed') && state.complainant.anonymous);
  if (either && !state.closure && closable) acts.push('close');
  if (who.leader && runningStage(state)) acts.push('extend');
  if (who.leader && state.decision?.outcome === 'founded') acts.push('correct');
  return acts;
}

/** Investigators a leader may name: active, and not standing aside (mayBeInvestigator). */
export function eligibleInvestigators<T extends StaffFacts>(staff: readonly T[], state: ComplaintState): T[] {
  return staff.filter((p) => mayBeInvestigator(p, state.recusal));
}
