import type { Channel, ContactEvent, Visitor } from '../model/events.ts';
import type { StaffId } from '../model/ids.ts';
import { rankOrder, type Rank } from '../model/reference.ts';

export type ContactStatus = 'open' | 'answered' | 'transferPending';

export interface ContactFlag {
  /** conflictingDisposition: two dispositions on one contact (e.g. two desks offline) — a person decides. */
  readonly code: 'conflictingDisposition' | 'eventBeforeOpened';
  readonly eventIds: readonly string[];
}

export interface ContactState {
  readonly contactId: string;
  readonly channel: Channel;
  readonly visitor: Visitor;
  readonly matter: string;
  readonly openedAt: string;
  readonly openedBy: StaffId;
  readonly openedDeviceId: string;
  readonly askedStaffIds: readonly StaffId[];
  /** The first-inquiry responsible person as registered (art. 7). */
  readonly firstInquiryStaffId: StaffId;
  /** Who carries the responsibility now (moves to the handler when a transfer is accepted, art. 8(3)). */
  readonly responsibleStaffId: StaffId;
  readonly status: ContactStatus;
  readonly answer?: { readonly text: string; readonly basis?: string; readonly by: StaffId; readonly at: string };
  readonly transfer?: {
    readonly toDepartmentId: string;
    readonly toStaffId: StaffId;
    readonly toldApplicant: { readonly departmentName: string; readonly handlerName: string; readonly phone: string };
    readonly by: StaffId;
    readonly at: string;
  };
  /** The event that gave the contact its disposition. */
  readonly dispositionEventId?: string;
  readonly flags: readonly ContactFlag[];
  readonly lastHlc: string;
  readonly eventCount: number;
}

/** The shared order of events: HLC, then eventId so every replica sorts identically. */
export function byCausalOrder(a: { hlc: string; eventId: string }, b: { hlc: string; eventId: string }): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/**
 * Fold a contact's events into its current state. Pure and order-independent: the events are
 * de-duplicated by eventId and sorted causally first, so every desk and the server agree.
 * Returns null while the contact.opened event has not arrived.
 */
export function foldContact(events: readonly ContactEvent[]): ContactState | null {
  const unique = new Map<string, ContactEvent>();
  for (const e of events) unique.set(e.eventId, e);
  const ordered = [...unique.values()].sort(byCausalOrder);

  let state: ContactState | null = null;
  const early: string[] = [];
  for (const e of ordered) {
    if (e.type === 'contact.opened') {
      if (state) continue; // a second opening of one id cannot happen (ids are ULIDs); the first wins
      state = {
        contactId: e.aggregateId,
        channel: e.payload.channel,
        visitor: e.payload.visitor,
        matter: e.payload.matter,
        openedAt: e.occurredAt,
        openedBy: e.staffId,
        openedDeviceId: e.deviceId,
        askedStaffIds: e.payload.askedStaffIds,
        firstInquiryStaffId: e.payload.responsibleStaffId,
        responsibleStaffId: e.payload.responsibleStaffId,
        status: 'open',
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
    state = { ...applyDisposition(state, e), lastHlc: e.hlc, eventCount: state.eventCount + 1 };
  }
  return state;
}

function applyDisposition(state: ContactState, e: Exclude<ContactEvent, { type: 'contact.opened' }>): ContactState {
  if (state.status !== 'open') {
    // Two desks disposed of one contact while apart. Both events stay in the log; the first in causal
    // order stands and a person is asked to settle the other (never silently dropped).
    const first = state.dispositionEventId ?? '';
    return {
      ...state,
      flags: [...state.flags, { code: 'conflictingDisposition', eventIds: [first, e.eventId] }],
    };
  }
  if (e.type === 'contact.answered') {
    return {
      ...state,
      status: 'answered',
      answer: { text: e.payload.answer, basis: e.payload.basis, by: e.staffId, at: e.occurredAt },
      dispositionEventId: e.eventId,
    };
  }
  // art. 8(3): responsibility stays with the sender until the handler accepts (acceptance: a later event).
  return {
    ...state,
    status: 'transferPending',
    transfer: {
      toDepartmentId: e.payload.toDepartmentId,
      toStaffId: e.payload.toStaffId,
      toldApplicant: e.payload.toldApplicant,
      by: e.staffId,
      at: e.occurredAt,
    },
    dispositionEventId: e.eventId,
  } as ContactState;
}

/** art. 7: of several staff asked together, the highest-ranked is first-inquiry responsible. */
export function firstInquiryResponsible<T extends { id: StaffId; rank: Rank }>(asked: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const s of asked) if (!best || rankOrder(s.rank) > rankOrder(best.rank)) best = s;
  return best;
}
