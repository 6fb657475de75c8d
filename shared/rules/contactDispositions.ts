import type { ContactEvent } from '../model/contactEvents.ts';
import type { StaffId } from '../model/ids.ts';
import type { ContactFlag, ContactState, FoldContext } from './contact.ts';

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
      if (state.status !== 'open') return flag(state, 'conflictingDisposition', state.dispositionEventId, e.eventId);
      if (!mayDispose(state, e.staffId)) return flag(state, 'notAllowed', e.eventId);
      return { ...openDisposition(state, e, act), dispositionEventId: e.eventId };
    }
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
      return assignTo(state, e.payload.toStaffId, e.occurredAt, e.eventId);
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
      const told = { ...state, outcomeNotified: { ...act, how: e.payload.how } };
      return state.status === 'refused' ? { ...told, awaitingStaffId: undefined } : told;
    }
    case 'contact.caseOpened':
    case 'contact.checklistGiven':
      // Placeholder until the fold records them (issue 12, items 6–7): the state is kept as it is.
      return state;
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
    case 'contact.escalated':
      return {
        ...state,
        status: 'escalated',
        escalation: { ...act, toLeaderId: e.payload.toLeaderId, reason: e.payload.reason },
        awaitingStaffId: e.payload.toLeaderId,
        waitingSince: e.occurredAt,
      };
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
