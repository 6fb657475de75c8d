import type { CaseEvent } from '../../../shared/model/caseEvents.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import { createUlidFactory } from '../../../shared/rules/ulid.ts';
import { buildWorkingCalendar } from '../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../shared/rules/calendarData.ts';
import { foldCase, type CaseState } from '../../../shared/rules/case.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';

// Case events stamped on a given Beijing day; fixed ids so a failure reproduces.
let seed = 12;
const ulid = createUlidFactory((n) =>
  Uint8Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255),
);
const T0 = Date.UTC(2025, 0, 1);
export const DESK = ulid(T0);
export const CASE_ID = ulid(T0);
export const CONTACT_ID = ulid(T0);
export const LEADER = 'he-jianguo';
export const CLERK = 'zhang-wei';
export const calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);
export const isLeader = (id: string) => id === LEADER;

let counter = 0;

export interface Stamp {
  /** The Beijing day the desk acted. */
  readonly on: IsoDate;
  /** Beijing wall-clock time, HH:MM (default 10:00). */
  readonly time?: string;
  readonly staffId?: string;
  readonly v?: number;
}

/** An event as a desk writes it: occurredAt is stored in UTC ('…Z'), as `toISOString` gives it. */
export function caseEv<T extends CaseEvent['type']>(
  type: T,
  payload: Record<string, unknown>,
  { on, time = '10:00', staffId = CLERK, v = 1 }: Stamp,
): CaseEvent {
  const ms = Date.parse(`${on}T${time}:00+08:00`);
  counter += 1;
  return {
    eventId: ulid(ms),
    aggregate: 'case',
    aggregateId: CASE_ID,
    type,
    v,
    hlc: formatHlc({ ms: T0 + counter * 1000, counter: 0, node: DESK }),
    deviceId: DESK,
    deviceSeq: counter,
    staffId,
    occurredAt: new Date(ms).toISOString(),
    payload,
  } as CaseEvent;
}

/** case.opened on `on` with the limits recorded (promised 5, statutory 10 unless given). */
export function opened(on: IsoDate, payload: Record<string, unknown> = {}, stamp: Partial<Stamp> = {}): CaseEvent {
  return caseEv(
    'case.opened',
    {
      contactId: CONTACT_ID,
      serviceItemId: 'tech-contract',
      catalogRev: 3,
      receivedOn: on,
      intake: 'inPerson',
      promisedLimitDays: 5,
      statutoryLimitDays: 10,
      ...payload,
    },
    { on, ...stamp },
  );
}

export const accepted = (on: IsoDate, payload: Record<string, unknown> = {}, stamp: Partial<Stamp> = {}) =>
  caseEv(
    'case.accepted',
    { acceptedOn: on, promisedLimitDays: 5, statutoryLimitDays: 10, ...payload },
    { on, ...stamp },
  );

export const supplement = (on: IsoDate, materialIds = ['contract-text']) =>
  caseEv('case.supplementRequested', { requestedOn: on, materialIds }, { on });

export const missing = (on: IsoDate, materialId = 'contract-text') =>
  caseEv('case.materialsChecked', { checks: [{ materialId, state: 'missing' }] }, { on });

export const allReceived = (on: IsoDate, materialId = 'contract-text') =>
  caseEv('case.materialsChecked', { checks: [{ materialId, state: 'received' }] }, { on });

export const extensionRequested = (on: IsoDate, days = 5) =>
  caseEv('case.extensionRequested', { days, reason: '需组织专家评审' }, { on });

export const extensionDecided = (request: CaseEvent, on: IsoDate, decision: 'approved' | 'refused' = 'approved') =>
  caseEv('case.extensionDecided', { requestEventId: request.eventId, decision }, { on, staffId: LEADER });

export const completed = (on: IsoDate) =>
  caseEv('case.completed', { completedOn: on, outcome: 'granted', result: '准予登记' }, { on });

export const resultNotified = (on: IsoDate, how = 'phone') =>
  caseEv('case.applicantNotified', { about: 'result', how }, { on });

/** The events with their HLCs restamped in the order given, so the order a test reads is the fold's. */
export const inOrder = (events: readonly CaseEvent[]): CaseEvent[] =>
  events.map((e, i) => ({ ...e, hlc: formatHlc({ ms: T0 + i * 1000, counter: 0, node: DESK }) }));

/** Folds the events in the order given, with `isLeader` knowing LEADER. */
export const fold = (...events: CaseEvent[]): CaseState => {
  const state = foldCase(inOrder(events), { isLeader });
  if (!state) throw new Error('no case.opened among the events');
  return state;
};
