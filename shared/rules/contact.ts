import type { Channel, ChecklistHow, ContactEvent, Visitor } from '../model/contactEvents.ts';
import type { StaffId } from '../model/ids.ts';
import { rankOrder, type Rank } from '../model/reference.ts';
import { applyDisposition } from './contactDispositions.ts';

/**
 * open            — the responsible person must answer, transfer, refer, escalate or propose a refusal (art. 8)
 * transferPending — waiting for the handler to accept (art. 8(3)); the sender stays responsible meanwhile
 * escalated       — jurisdiction unclear, waiting for a leader to assign it (art. 8(4))
 * refusalPending  — a proposed "no" waiting for a leader's review (说"不"提级管理)
 * answered / referred / refused — ended with a disposition
 * caseOpened      — ended by opening a case for the matter (受理/开办件): the case carries it on (issue 12, item 7)
 */
export type ContactStatus =
  'open' | 'answered' | 'transferPending' | 'referred' | 'escalated' | 'refusalPending' | 'refused' | 'caseOpened';

export const ENDED_STATUSES: readonly ContactStatus[] = ['answered', 'referred', 'refused', 'caseOpened'];

export interface ContactFlag {
  /**
   * conflictingDisposition: two desks acted on one contact while apart and the actions exclude each other;
   * notAllowed: an action by someone the rules do not allow (e.g. accepting a transfer meant for another).
   * Both keep the event in the log and ask a person to settle it. eventBeforeOpened: arrived before its contact.
   */
  readonly code: 'conflictingDisposition' | 'notAllowed' | 'eventBeforeOpened';
  readonly eventIds: readonly string[];
}

interface Act {
  readonly by: StaffId;
  readonly at: string;
  readonly eventId: string;
}

/** art. 12: one escalation and how it was resolved — kept after a later one, so a late answer stays on record. */
export interface EscalationRecord extends Act {
  readonly toLeaderId: StaffId;
  readonly reason: string;
  /** When a leader decided who handles it (contact.assigned). */
  readonly decidedAt?: string;
  readonly decidedBy?: StaffId;
  /** When the applicant was first told something after that decision (answered, transferred, referred…). */
  readonly toldAt?: string;
}

export interface ContactState {
  readonly contactId: string;
  readonly channel: Channel;
  readonly visitor: Visitor;
  readonly matter: string;
  readonly materials: readonly { readonly name: string; readonly count: number }[];
  readonly openedAt: string;
  readonly openedBy: StaffId;
  readonly openedDeviceId: string;
  readonly askedStaffIds: readonly StaffId[];
  /** The first-inquiry responsible person as registered (art. 7). */
  readonly firstInquiryStaffId: StaffId;
  /** Who carries the responsibility now (the handler once a transfer is accepted, art. 8(3)). */
  readonly responsibleStaffId: StaffId;
  readonly status: ContactStatus;
  /** Whose inbox it is in: who must act next. Absent when nothing is left to do. */
  readonly awaitingStaffId?: StaffId;
  /** Since when it has waited for that person. */
  readonly waitingSince: string;
  readonly answer?: Act & { readonly text: string; readonly basis?: string };
  readonly transfer?: Act & {
    readonly toDepartmentId: string;
    readonly toStaffId: StaffId;
    readonly toldApplicant: { readonly departmentName: string; readonly handlerName: string; readonly phone: string };
    readonly note?: string;
    readonly acceptedAt?: string;
  };
  readonly lastReturn?: Act & { readonly reason: string };
  readonly referral?: Act & {
    readonly agencyId: string;
    readonly toldApplicant: { readonly agencyName: string; readonly phone: string; readonly address: string };
    readonly explanation: string;
  };
  /** The latest escalation (art. 8(4)); every one, with its resolution, is in `escalations`. */
  readonly escalation?: EscalationRecord;
  readonly escalations: readonly EscalationRecord[];
  readonly refusal?: Act & {
    readonly toLeaderId: StaffId;
    readonly reason: string;
    readonly basis: string;
    readonly decision?: 'approved' | 'overruled';
    readonly decidedBy?: StaffId;
    readonly decidedAt?: string;
    readonly decisionNote?: string;
  };
  readonly outcomeNotified?: Act & { readonly how: string };
  /** Cases opened for this contact's matter (item 7); the first, while nothing else disposed of it, disposes of it. */
  readonly cases: readonly (Act & { readonly caseId: string; readonly serviceItemId: string })[];
  /** art. 10: every one-time checklist given at first inquiry: which item, which catalog version, how. */
  readonly checklists: readonly (Act & {
    readonly serviceItemId: string;
    readonly catalogRev: number;
    readonly how: ChecklistHow;
  })[];
  readonly endedAt?: string;
  /** The event that gave the contact its current disposition. */
  readonly dispositionEventId?: string;
  readonly corrections: number;
  readonly flags: readonly ContactFlag[];
  readonly lastHlc: string;
  readonly eventCount: number;
}

/** What the fold may ask about people; without it only the named leader may decide. */
export interface FoldContext {
  readonly isLeader?: (staffId: string) => boolean;
}

/** The shared order of events: HLC, then eventId so every replica sorts identically. */
export function byCausalOrder(a: { hlc: string; eventId: string }, b: { hlc: string; eventId: string }): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/**
 * Fold a contact's events into its current state. Pure and order-independent: events are
 * de-duplicated by eventId and sorted causally first, so every desk and the server agree.
 * Returns null while the contact.opened event has not arrived.
 */
export function foldContact(events: readonly ContactEvent[], context: FoldContext = {}): ContactState | null {
  const unique = new Map<string, ContactEvent>();
  for (const e of events) unique.set(e.eventId, e);
  const ordered = [...unique.values()].sort(byCausalOrder);

  let state: ContactState | null = null;
  const early: string[] = [];
  for (const e of ordered) {
    if (e.type === 'contact.opened') {
      if (state) continue; // ids are ULIDs: a second opening of one id cannot happen; the first wins
      state = {
        contactId: e.aggregateId,
        channel: e.payload.channel,
        visitor: e.payload.visitor,
        matter: e.payload.matter,
        materials: e.payload.materials ?? [],
        openedAt: e.occurredAt,
        openedBy: e.staffId,
        openedDeviceId: e.deviceId,
        askedStaffIds: e.payload.askedStaffIds,
        firstInquiryStaffId: e.payload.responsibleStaffId,
        responsibleStaffId: e.payload.responsibleStaffId,
        status: 'open',
        awaitingStaffId: e.payload.responsibleStaffId,
        waitingSince: e.occurredAt,
        escalations: [],
        cases: [],
        checklists: [],
        corrections: 0,
        flags: early.length ? [{ code: 'eventBeforeOpened', eventIds: [...early] }] : [],
        lastHlc: e.hlc,
        eventCount: 1,
      };
      continue;
    }
    if (!state) {
      early.push(e.eventId);
      continue;
    }
    state = { ...applyDisposition(state, e, context), lastHlc: e.hlc, eventCount: state.eventCount + 1 };
  }
  return state;
}

/** art. 7: of several staff asked together, the highest-ranked is first-inquiry responsible. */
export function firstInquiryResponsible<T extends { id: StaffId; rank: Rank }>(asked: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const s of asked) if (!best || rankOrder(s.rank) > rankOrder(best.rank)) best = s;
  return best;
}

export function isEnded(state: Pick<ContactState, 'status'>): boolean {
  return ENDED_STATUSES.includes(state.status);
}
