import type { CaseEvent } from '../model/caseEvents.ts';
import type { PauseReason } from '../model/deadline.ts';
import type { StaffId } from '../model/ids.ts';
import { byCausalOrder, type FoldContext } from './contact.ts';
import type { DeadlineInput } from './deadline.ts';
import type { IsoDate } from './isoDate.ts';

/**
 * checking            — materials being checked against the catalog's list (art. 10–11)
 * supplementRequested — told once, exactly what to supplement; the clock has not started
 * running             — accepted: the working-day clock runs (art. 14–19)
 * rejected / completed — ended
 */
export type CaseStatus = 'checking' | 'supplementRequested' | 'running' | 'rejected' | 'completed';
export const CASE_ENDED: readonly CaseStatus[] = ['rejected', 'completed'];

/**
 * Incomplete materials: the applicant is told once, within this many working days of receipt, everything to
 * supplement (the 5-day practice of the Administrative Licensing Law, art. 32, which service halls follow).
 */
export const SUPPLEMENT_NOTICE_DAYS = 5;

export interface CaseFlag {
  /** conflictingTransition: two desks moved the case in ways that exclude each other; notAllowed: a role rule broken. */
  readonly code: 'conflictingTransition' | 'notAllowed' | 'eventBeforeOpened';
  readonly eventIds: readonly string[];
}

interface Act {
  readonly by: StaffId;
  readonly at: string;
  readonly eventId: string;
}

export interface ExtensionRequest extends Act {
  readonly days: number;
  readonly reason: string;
  readonly decision?: 'approved' | 'refused';
  readonly decidedBy?: StaffId;
  readonly decidedAt?: string;
  readonly decisionNote?: string;
}

export interface CaseState {
  readonly caseId: string;
  readonly contactId: string;
  readonly serviceItemId: string;
  readonly catalogRev: number;
  readonly openedAt: string;
  readonly openedBy: StaffId;
  readonly openedDeviceId: string;
  /** Who handles the case now: the one who accepted it, else the one who opened it. */
  readonly handlerStaffId: StaffId;
  readonly status: CaseStatus;
  readonly checks: Readonly<
    Record<string, { readonly state: 'received' | 'missing' | 'nonConforming'; readonly note?: string }>
  >;
  readonly supplement?: Act & { readonly requestedOn: IsoDate; readonly materialIds: readonly string[] };
  readonly acceptance?: Act & {
    readonly acceptedOn: IsoDate;
    readonly promisedLimitDays: number;
    readonly statutoryLimitDays: number;
  };
  readonly rejection?: Act & {
    readonly reason: string;
    readonly legalBasis: string;
    readonly competentAgencyId?: string;
  };
  readonly pauses: readonly (Act & {
    readonly from: IsoDate;
    readonly to?: IsoDate;
    readonly reason: PauseReason;
    readonly note: string;
  })[];
  readonly extensions: readonly ExtensionRequest[];
  readonly notifications: readonly (Act & { readonly about: 'extension' | 'result'; readonly how: string })[];
  readonly completion?: Act & {
    readonly completedOn: IsoDate;
    readonly outcome: 'granted' | 'notGranted' | 'done';
    readonly result: string;
  };
  readonly flags: readonly CaseFlag[];
  readonly lastHlc: string;
  readonly eventCount: number;
}

/** The clock's input: null until the case is accepted. Only approved extensions add days (art. 17). */
export function caseClock(state: CaseState): DeadlineInput | null {
  if (!state.acceptance) return null;
  return {
    acceptedOn: state.acceptance.acceptedOn,
    limitDays: state.acceptance.promisedLimitDays,
    pauses: state.pauses.map((p) => ({ from: p.from, to: p.to })),
    extensions: state.extensions.filter((e) => e.decision === 'approved').map((e) => ({ days: e.days })),
  };
}

export function pendingExtension(state: CaseState): ExtensionRequest | undefined {
  return state.extensions.find((e) => e.decision === undefined);
}

export function openPause(state: CaseState): CaseState['pauses'][number] | undefined {
  return state.pauses.find((p) => p.to === undefined);
}

/** Fold a case's events; order-independent (de-duplicated, causally sorted) like foldContact. */
export function foldCase(events: readonly CaseEvent[], context: FoldContext = {}): CaseState | null {
  const unique = new Map<string, CaseEvent>();
  for (const e of events) unique.set(e.eventId, e);
  let state: CaseState | null = null;
  const early: string[] = [];
  for (const e of [...unique.values()].sort(byCausalOrder)) {
    if (e.type === 'case.opened') {
      if (state) continue;
      state = {
        caseId: e.aggregateId,
        contactId: e.payload.contactId,
        serviceItemId: e.payload.serviceItemId,
        catalogRev: e.payload.catalogRev,
        openedAt: e.occurredAt,
        openedBy: e.staffId,
        openedDeviceId: e.deviceId,
        handlerStaffId: e.staffId,
        status: 'checking',
        checks: {},
        pauses: [],
        extensions: [],
        notifications: [],
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
    state = { ...applyCaseEvent(state, e, context), lastHlc: e.hlc, eventCount: state.eventCount + 1 };
  }
  return state;
}

function flag(state: CaseState, code: CaseFlag['code'], eventId: string): CaseState {
  return { ...state, flags: [...state.flags, { code, eventIds: [eventId] }] };
}

const BEFORE_ACCEPTANCE: readonly CaseStatus[] = ['checking', 'supplementRequested'];

function applyCaseEvent(
  state: CaseState,
  e: Exclude<CaseEvent, { type: 'case.opened' }>,
  context: FoldContext,
): CaseState {
  const act = { by: e.staffId, at: e.occurredAt, eventId: e.eventId };
  const conflict = () => flag(state, 'conflictingTransition', e.eventId);
  switch (e.type) {
    case 'case.materialsChecked': {
      if (!BEFORE_ACCEPTANCE.includes(state.status)) return conflict();
      const checks = { ...state.checks };
      for (const c of e.payload.checks) checks[c.materialId] = { state: c.state, note: c.note };
      return { ...state, checks };
    }
    case 'case.supplementRequested':
      // art. 11 / 一次性告知: one supplement notice lists everything; a second one is a conflict to settle.
      if (state.status !== 'checking') return conflict();
      return {
        ...state,
        status: 'supplementRequested',
        supplement: { ...act, requestedOn: e.payload.requestedOn as IsoDate, materialIds: e.payload.materialIds },
      };
    case 'case.accepted':
      if (!BEFORE_ACCEPTANCE.includes(state.status)) return conflict();
      return {
        ...state,
        status: 'running',
        handlerStaffId: e.staffId,
        acceptance: {
          ...act,
          acceptedOn: e.payload.acceptedOn as IsoDate,
          promisedLimitDays: e.payload.promisedLimitDays,
          statutoryLimitDays: e.payload.statutoryLimitDays,
        },
      };
    case 'case.rejected':
      if (!BEFORE_ACCEPTANCE.includes(state.status)) return conflict();
      return { ...state, status: 'rejected', rejection: { ...act, ...e.payload } };
    case 'case.paused':
      if (state.status !== 'running' || openPause(state)) return conflict();
      return {
        ...state,
        pauses: [
          ...state.pauses,
          { ...act, from: e.payload.from as IsoDate, reason: e.payload.reason, note: e.payload.note },
        ],
      };
    case 'case.resumed': {
      const open = openPause(state);
      if (state.status !== 'running' || !open || e.payload.on < open.from) return conflict();
      return { ...state, pauses: state.pauses.map((p) => (p === open ? { ...p, to: e.payload.on as IsoDate } : p)) };
    }
    case 'case.extensionRequested':
      if (state.status !== 'running' || pendingExtension(state)) return conflict();
      return {
        ...state,
        extensions: [...state.extensions, { ...act, days: e.payload.days, reason: e.payload.reason }],
      };
    case 'case.extensionDecided': {
      // art. 17: only a leader approves an extension.
      if (!context.isLeader?.(e.staffId)) return flag(state, 'notAllowed', e.eventId);
      const request = state.extensions.find((x) => x.eventId === e.payload.requestEventId);
      if (!request || request.decision) return conflict();
      return {
        ...state,
        extensions: state.extensions.map((x) =>
          x === request
            ? {
                ...x,
                decision: e.payload.decision,
                decidedBy: e.staffId,
                decidedAt: e.occurredAt,
                decisionNote: e.payload.note,
              }
            : x,
        ),
      };
    }
    case 'case.applicantNotified':
      return {
        ...state,
        notifications: [...state.notifications, { ...act, about: e.payload.about, how: e.payload.how }],
      };
    case 'case.completed': {
      if (state.status !== 'running') return conflict();
      const open = openPause(state);
      const pauses = open
        ? state.pauses.map((p) => (p === open ? { ...p, to: e.payload.completedOn as IsoDate } : p))
        : state.pauses;
      return {
        ...state,
        status: 'completed',
        pauses,
        completion: {
          ...act,
          completedOn: e.payload.completedOn as IsoDate,
          outcome: e.payload.outcome,
          result: e.payload.result,
        },
      };
    }
  }
}
