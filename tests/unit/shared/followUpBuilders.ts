import type { FollowUpEvent } from '../../../shared/model/followUpEvents.ts';
import type { RatingEvent } from '../../../shared/model/ratingEvents.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import { createUlidFactory } from '../../../shared/rules/ulid.ts';
import { buildWorkingCalendar } from '../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../shared/rules/calendarData.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';

// Follow-up and rating events stamped on a given Beijing day, in the order a test writes them; fixed ids so a
// failure reproduces. The events are not parsed here: the schema tests parse their own.
let seed = 13;
export const ulid = createUlidFactory((n) =>
  Uint8Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255),
);
const T0 = Date.UTC(2025, 0, 1);
export const DESK = ulid(T0);
export const CASE_ID = ulid(T0);
export const CONTACT_ID = ulid(T0);
export const calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);

export const HANDLER = 'liu-yang';
export const CLERK = 'zhang-wei';
export const SUPERVISOR = 'huang-xiuying';
export const LEADER = 'he-jianguo';

let counter = 0;

export interface Stamp {
  readonly on: IsoDate;
  readonly staffId?: string;
  readonly aggregateId?: string;
}

function envelope(aggregate: 'followUp' | 'rating', on: IsoDate, staffId: string, aggregateId: string) {
  const ms = Date.parse(`${on}T10:00:00+08:00`);
  counter += 1;
  return {
    eventId: ulid(ms),
    aggregate,
    aggregateId,
    v: 1,
    // Causal order follows the day acted on, then the order the test wrote the events in.
    hlc: formatHlc({ ms: ms + counter, counter: 0, node: DESK }),
    deviceId: DESK,
    deviceSeq: counter,
    staffId,
    occurredAt: new Date(ms).toISOString(),
  };
}

const SUBJECT = { kind: 'case', id: CASE_ID } as const;

export function followUpEv(
  type: FollowUpEvent['type'],
  payload: Record<string, unknown>,
  { on, staffId = SUPERVISOR, aggregateId = CASE_ID }: Stamp,
): FollowUpEvent {
  return {
    ...envelope('followUp', on, staffId, aggregateId),
    type,
    payload: { subject: { ...SUBJECT, id: aggregateId }, ...payload },
  } as FollowUpEvent;
}

const ALL = (level: string) => ({
  overall: level,
  attitude: level,
  quality: level,
  efficiency: level,
  integrity: level,
});

export const recorded = (
  on: IsoDate,
  level = 'satisfied',
  extra: Record<string, unknown> = {},
  stamp: Partial<Stamp> = {},
) =>
  followUpEv(
    'followUp.recorded',
    { means: 'phone', resultAsRecorded: 'yes', ratings: ALL(level), strong: false, ...extra },
    { on, ...stamp },
  );

export const attempted = (on: IsoDate, stamp: Partial<Stamp> = {}) =>
  followUpEv('followUp.attempted', { means: 'phone', note: '电话无人接听' }, { on, ...stamp });

export function ratingEv(
  type: RatingEvent['type'],
  payload: Record<string, unknown>,
  { on, staffId = HANDLER, aggregateId = CONTACT_ID }: Stamp,
): RatingEvent {
  return { ...envelope('rating', on, staffId, aggregateId), type, payload } as RatingEvent;
}

/** A pad rating of the contact's service by the applicant, of HANDLER's work. */
export const given = (
  on: IsoDate,
  level: string | null,
  extra: Record<string, unknown> = {},
  stamp: Partial<Stamp> = {},
) =>
  ratingEv(
    'rating.given',
    {
      service: { kind: 'contact', id: stamp.aggregateId ?? CONTACT_ID },
      ratedStaffId: HANDLER,
      source: 'pad',
      level,
      reasons: [],
      ...extra,
    },
    { on, ...stamp },
  );

/** Reversed, and each event twice: a fold must give the same state in any order. */
export const shuffled = <T>(events: readonly T[]): T[] => [...events].reverse().flatMap((e) => [e, e]);
