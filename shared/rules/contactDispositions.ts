import type { ContactEvent } from '../model/contactEvents.ts';
import type { StaffId } from '../model/ids.ts';
import type { ContactFlag, ContactState, EscalationRecord, FoldContext } from './contact.ts';

type Disposition = Exclude<ContactEvent, { type: 'contact.opened' }>;

function flag(state: ContactState, code: ContactFlag['code'], ...eventIds: (string | undefined)[]): ContactState {
  return { ...state, flags: [...state.flags, { code, eventIds: eventIds.filter((id): id is string => Boolean(id)) }] };
}

/**
 * art. 7–8: the responsible person disposes of the matter. While it is still with the first-inquiry person,
 * anyone asked together with them may record the disposition for them (the clerk types for the section chief).
 */
export function mayDispose(state: ContactState, actor: StaffId): boolean {
  if (actor === state.responsibleStaffId) return true;
  return state.responsibleStaffId === state.firstInquiryStaffId && state.askedStaffIds.includes(actor);
}

function mayDecide(leaderId: StaffId, actor: StaffId, context: FoldContext): boolean {
  return actor === leaderId || Boolean(context.isLeader?.(actor));
}

/** Apply one event after contact.opened. An action the state does not allow is kept and flagged, never dropped. */
export function applyDisposition(state: ContactState, e: Disposition, context: FoldContext): ContactState {
  const act = { by: e.staffId, at: e.occurredAt, eventId: e.eventId };
  switch (e.type) {
    case 'contact.answered':
    case 'contact.transferred':
    case 'contact.referred':
    case 'contact.escalated':
    case 'contact.refusalProposed': {
      // A case opened for the matter yields to any other disposition, whichever desk's came first: both stand
      // (the case stays linked), so the outcome does not depend on the order two desks' events sort in.
      const disposable = state.status === 'open' || (state.status === 'caseOpened' && isCaseDisposition(state));
      if (!disposable) return flag(state, 'conflictingDisposition', state.dispositionEventId, e.eventId);
      if (!mayDispose(state, e.staffId)) return flag(state, 'notAllowed', e.eventId);
      const reopened = state.status === 'caseOpened' ? { ...state, endedAt: undefined } : state;
      return { ...told(openDisposition(reopened, e, act), e), dispositionEventId: e.eventId };
    }
    case 'contact.caseOpened': {
      const cases = state.cases.some((c) => c.caseId === e.payload.caseId)
        ? state.cases
        : [...state.cases, { ...act, caseId: e.payload.caseId, serviceItemId: e.payload.serviceItemId }];
      const linked = { ...state, cases };
      // Already disposed of (answered, transferred, escalated…) or a case already disposes of it: a link only.
      if (state.status !== 'open') return linked;
      if (!mayDispose(state, e.staffId)) return flag(linked, 'notAllowed', e.eventId);
      return told(
        {
          ...linked,
          status: 'caseOpened',
          awaitingStaffId: undefined,
          endedAt: e.occurredAt,
          dispositionEventId: e.eventId,
        },
        e,
      );
    }
    case 'contact.checklistGiven':
      // art. 10: a record of what the visitor was told, not a disposition; anyone at the desk may give it.
      return {
        ...state,
        checklists: [
          ...state.checklists,
          { ...act, serviceItemId: e.payload.serviceItemId, catalogRev: e.payload.catalogRev, how: e.payload.how },
        ],
      };
    case 'contact.transferAccepted':
    case 'contact.transferReturned': {
      const transfer = state.transfer;
      if (!transfer || transfer.eventId !== e.payload.transferEventId) return flag(state, 'notAllowed', e.eventId);
      if (e.staffId !== transfer.toStaffId) return flag(state, 'notAllowed', e.eventId);
      if (state.status !== 'transferPending') {
        // The same handler accepting twice (two desks) changes nothing; anything else needs a person.
        const repeat = e.type === 'contact.transferAccepted' && transfer.acceptedAt !== undefined;
        return repeat ? state : flag(state, 'conflictingDisposition', state.dispositionEventId, e.eventId);
      }
      if (e.type === 'contact.transferAccepted') {
        // art. 8(3): 该承办人承接首问责任 — the handler now carries first-inquiry responsibility.
        return {
          ...state,
          status: 'open',
          responsibleStaffId: e.staffId,
          awaitingStaffId: e.staffId,
          waitingSince: e.occurredAt,
          transfer: { ...transfer, acceptedAt: e.occurredAt },
          dispositionEventId: e.eventId,
        };
      }
      // A mis-routed transfer goes back to the sender's inbox with the reason.
      return {
        ...state,
        status: 'open',
        awaitingStaffId: state.responsibleStaffId,
        waitingSince: e.occurredAt,
        transfer: undefined,
        lastReturn: { ...act, reason: e.payload.reason },
        dispositionEventId: e.eventId,
      };
    }
    case 'contact.assigned': {
      if (state.status !== 'escalated' || !state.escalation)
        return flag(state, 'conflictingDisposition', state.dispositionEventId, e.eventId);
      if (!mayDecide(state.escalation.toLeaderId, e.staffId, context)) return flag(state, 'notAllowed', e.eventId);
      const decided = withLastEscalation(state, (r) => ({ ...r, decidedAt: e.occurredAt, decidedBy: e.staffId }));
      return assignTo(decided, e.payload.toStaffId, e.occurredAt, e.eventId);
    }
    case 'contact.refusalReviewed': {
      const refusal = state.refusal;
      if (state.status !== 'refusalPending' || !refusal)
        return flag(state, 'conflictingDisposition', state.dispositionEventId, e.eventId);
      if (!mayDecide(refusal.toLeaderId, e.staffId, context)) return flag(state, 'notAllowed', e.eventId);
      const decided = {
        ...refusal,
        decision: e.payload.decision,
        decidedBy: e.staffId,
        decidedAt: e.occurredAt,
        decisionNote: e.payload.note,
      };
      if (e.payload.decision === 'overruled') {
        return { ...assignTo(state, e.payload.assignToStaffId, e.occurredAt, e.eventId), refusal: decided };
      }
      // The "no" is final now; the responsible person still has to tell the visitor.
      return {
        ...state,
        status: 'refused',
        refusal: decided,
        endedAt: e.occurredAt,
        awaitingStaffId: state.outcomeNotified ? undefined : state.responsibleStaffId,
        waitingSince: e.occurredAt,
        dispositionEventId: e.eventId,
      };
    }
    case 'contact.outcomeNotified': {
      const notified = told({ ...state, outcomeNotified: { ...act, how: e.payload.how } }, e);
      return state.status === 'refused' ? { ...notified, awaitingStaffId: undefined } : notified;
    }
    case 'contact.corrected': {
      const v = e.payload.visitor;
      return {
        ...state,
        visitor: v ? { ...state.visitor, ...v } : state.visitor,
        matter: e.payload.matter ?? state.matter,
        corrections: state.corrections + 1,
      };
    }
  }
}

function openDisposition(
  state: ContactState,
  e: Extract<
    Disposition,
    {
      type:
        | 'contact.answered'
        | 'contact.transferred'
        | 'contact.referred'
        | 'contact.escalated'
        | 'contact.refusalProposed';
    }
  >,
  act: { by: StaffId; at: string; eventId: string },
): ContactState {
  switch (e.type) {
    case 'contact.answered':
      return {
        ...state,
        status: 'answered',
        answer: { ...act, text: e.payload.answer, basis: e.payload.basis },
        awaitingStaffId: undefined,
        endedAt: e.occurredAt,
      };
    case 'contact.transferred':
      // art. 8(3): responsibility stays with the sender until the handler accepts.
      return {
        ...state,
        status: 'transferPending',
        transfer: {
          ...act,
          toDepartmentId: e.payload.toDepartmentId,
          toStaffId: e.payload.toStaffId,
          toldApplicant: e.payload.toldApplicant,
          note: e.payload.note,
        },
        awaitingStaffId: e.payload.toStaffId,
        waitingSince: e.occurredAt,
      };
    case 'contact.referred':
      return {
        ...state,
        status: 'referred',
        referral: {
          ...act,
          agencyId: e.payload.agencyId,
          toldApplicant: e.payload.toldApplicant,
          explanation: e.payload.explanation,
        },
        awaitingStaffId: undefined,
        endedAt: e.occurredAt,
      };
    case 'contact.escalated': {
      const escalation = { ...act, toLeaderId: e.payload.toLeaderId, reason: e.payload.reason };
      return {
        ...state,
        status: 'escalated',
        escalation,
        escalations: [...state.escalations, escalation],
        awaitingStaffId: e.payload.toLeaderId,
        waitingSince: e.occurredAt,
      };
    }
    case 'contact.refusalProposed':
      return {
        ...state,
        status: 'refusalPending',
        refusal: { ...act, toLeaderId: e.payload.toLeaderId, reason: e.payload.reason, basis: e.payload.basis },
        awaitingStaffId: e.payload.toLeaderId,
        waitingSince: e.occurredAt,
      };
  }
}

function isCaseDisposition(state: ContactState): boolean {
  return state.cases.some((c) => c.eventId === state.dispositionEventId);
}

function withLastEscalation(state: ContactState, update: (r: EscalationRecord) => EscalationRecord): ContactState {
  const last = state.escalations.at(-1);
  if (!last) return state;
  const next = update(last);
  return { ...state, escalation: next, escalations: [...state.escalations.slice(0, -1), next] };
}

/** Acts that tell the visitor something (an answer, a handler's name, an agency, a case, an outcome). */
const TELLS_APPLICANT: ReadonlySet<Disposition['type']> = new Set([
  'contact.answered',
  'contact.transferred',
  'contact.referred',
  'contact.caseOpened',
  'contact.outcomeNotified',
]);

/** art. 12: the first act after a leader's decision on an escalation that tells the visitor closes it. */
function told(state: ContactState, e: Disposition): ContactState {
  const last = state.escalations.at(-1);
  if (!last?.decidedAt || last.toldAt || !TELLS_APPLICANT.has(e.type)) return state;
  return withLastEscalation(state, (r) => ({ ...r, toldAt: e.occurredAt }));
}

/** A leader's decision hands the matter to someone, who becomes responsible and must dispose of it. */
function assignTo(state: ContactState, staffId: StaffId, at: string, eventId: string): ContactState {
  return {
    ...state,
    status: 'open',
    responsibleStaffId: staffId,
    awaitingStaffId: staffId,
    waitingSince: at,
    transfer: undefined,
    dispositionEventId: eventId,
  };
}
