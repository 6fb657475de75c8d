import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../shared/model/caseEvents.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import { createUlidFactory } from '../../../shared/rules/ulid.ts';
import { caseClock, foldCase, pendingExtension } from '../../../shared/rules/case.ts';
import { buildWorkingCalendar } from '../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../shared/rules/calendarData.ts';
import { caseDeadline } from '../../../shared/rules/deadline.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';

let seed = 7;
const ulid = createUlidFactory((n) =>
  Uint8Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255),
);
const T0 = Date.UTC(2025, 8, 26, 2, 0, 0);
const DESK_A = ulid(T0);
const DESK_B = ulid(T0);
const CASE = ulid(T0);
const CONTACT = ulid(T0);
const calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);
const isLeader = (id: string) => id === 'he-jianguo';

let minute = 0;
function ev<T extends CaseEvent['type']>(
  type: T,
  payload: Extract<CaseEvent, { type: T }>['payload'],
  staffId = 'zhang-wei',
  deviceId = DESK_A,
): CaseEvent {
  const ms = T0 + ++minute * 60_000;
  return {
    eventId: ulid(ms),
    aggregate: 'case',
    aggregateId: CASE,
    type,
    v: 1,
    hlc: formatHlc({ ms, counter: 0, node: deviceId }),
    deviceId,
    deviceSeq: minute,
    staffId,
    occurredAt: new Date(ms).toISOString(),
    payload,
  } as CaseEvent;
}

const opened = ev('case.opened', { contactId: CONTACT, serviceItemId: 'tech-contract', catalogRev: 3 } as never);
const accepted = ev('case.accepted', {
  acceptedOn: '2025-09-26',
  promisedLimitDays: 5,
  statutoryLimitDays: 10,
} as never);
const fold = (...events: CaseEvent[]) => foldCase(events, { isLeader })!;

describe('art. 11 acceptance and one-time supplement', () => {
  it('keeps the clock stopped until the case is accepted', () => {
    const state = fold(
      opened,
      ev('case.supplementRequested', { requestedOn: '2025-09-26', materialIds: ['contract-text'] } as never),
    );
    expect(state.status).toBe('supplementRequested');
    expect(caseClock(state, calendar)).toBeNull();
  });

  it('starts counting on the working day after acceptance, make-up Sunday included (art. 19: 法定工作日)', () => {
    const state = fold(opened, accepted);
    const clock = caseDeadline(caseClock(state, calendar)!, calendar, '2025-09-26' as IsoDate);
    // 28 Sep (Sunday, 调休 working day), 29, 30 Sep, then 9 and 10 Oct after the National Day holiday.
    expect(clock.dueDate).toBe('2025-10-10');
    expect(clock.state).toBe('onTrack');
  });

  it('flags a second supplement notice: the applicant is told everything once', () => {
    const first = ev('case.supplementRequested', { requestedOn: '2025-09-26', materialIds: ['a'] } as never);
    const second = ev('case.supplementRequested', { requestedOn: '2025-09-27', materialIds: ['b'] } as never);
    const state = fold(opened, first, second);
    expect(state.supplement?.materialIds).toEqual(['a']);
    expect(state.flags.map((f) => f.code)).toEqual(['conflictingTransition']);
  });
});

describe('art. 17 extensions need a leader', () => {
  const request = ev('case.extensionRequested', { days: 5, reason: '需组织专家评审' } as never);

  it('adds no days while the extension awaits a leader', () => {
    const state = fold(opened, accepted, request);
    expect(pendingExtension(state)?.days).toBe(5);
    expect(caseClock(state, calendar)?.extensions).toEqual([]);
  });

  it('adds the days once a leader approves', () => {
    const approved = ev(
      'case.extensionDecided',
      { requestEventId: request.eventId, decision: 'approved' } as never,
      'he-jianguo',
    );
    const state = fold(opened, accepted, request, approved);
    expect(caseClock(state, calendar)?.extensions).toEqual([{ days: 5 }]);
    // 10 Oct + 5 working days: Sat 11 Oct (调休), 13, 14, 15, 16 Oct.
    expect(caseDeadline(caseClock(state, calendar)!, calendar, '2025-09-26' as IsoDate).dueDate).toBe('2025-10-16');
  });

  it('ignores and flags an approval by someone who is not a leader', () => {
    const forged = ev(
      'case.extensionDecided',
      { requestEventId: request.eventId, decision: 'approved' } as never,
      'zhang-wei',
    );
    const state = fold(opened, accepted, request, forged);
    expect(pendingExtension(state)).toBeDefined();
    expect(state.flags.map((f) => f.code)).toEqual(['notAllowed']);
  });
});

describe('pauses (expert review, hearing…) do not count', () => {
  it('moves the due date by the paused working days', () => {
    const paused = ev('case.paused', { from: '2025-09-29', reason: 'expertReview', note: '专家评审' } as never);
    // Resumed on the 30th, recorded that day (a resume counts at most up to the day it was recorded).
    const resumed = { ...ev('case.resumed', { on: '2025-09-30' } as never), occurredAt: '2025-09-30T02:00:00.000Z' };
    const state = fold(opened, accepted, paused, resumed);
    // 29 and 30 Sep do not count: the two days move to Sat 11 Oct (调休) and Mon 13 Oct.
    expect(caseDeadline(caseClock(state, calendar)!, calendar, '2025-10-01' as IsoDate).dueDate).toBe('2025-10-13');
  });

  it('refuses a resumption before the pause started, keeping the pause open', () => {
    const paused = ev('case.paused', { from: '2025-09-29', reason: 'hearing', note: '听证' } as never);
    const early = ev('case.resumed', { on: '2025-09-28' } as never);
    const state = fold(opened, accepted, paused, early);
    expect(state.pauses[0]?.to).toBeUndefined();
    expect(state.flags[0]?.code).toBe('conflictingTransition');
  });
});

describe('two desks acting on one case while apart', () => {
  it('keeps both the acceptance and the rejection, and flags them for a person', () => {
    const rejected = ev(
      'case.rejected',
      { reason: '不属于受理范围', legalBasis: '《技术合同认定登记管理办法》第六条' } as never,
      'li-na',
      DESK_B,
    );
    const forward = fold(opened, accepted, rejected);
    const backward = fold(rejected, accepted, opened);
    expect(forward).toEqual(backward);
    expect(forward.status).toBe('running');
    expect(forward.flags.map((f) => f.code)).toEqual(['conflictingTransition']);
    expect(forward.eventCount).toBe(3);
  });
});
