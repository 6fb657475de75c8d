// The seeded supervision-report scenario of tests/unit/shared/reports/scenario.test.ts (March 2026, today 2 April),
// as the raw events HQ stores, built with the same builders, for the projection's and the SQL figures' tests. One
// pad rating is filed under contact C1's id, as a pad rating is (its service's id), so a contact and a rating share
// a record id and a fact id.
import type { CaseEvent } from '../../shared/model/caseEvents.ts';
import type { ComplaintEvent } from '../../shared/model/complaintEvents.ts';
import type { ContactEvent } from '../../shared/model/contactEvents.ts';
import type { DeskEvent } from '../../shared/model/events.ts';
import { commitComplaintEvent } from '../../server/src/storage/complaints.ts';
import { appendEvents } from '../../server/src/storage/events.ts';
import type { Db } from '../../server/src/storage/db.ts';
import { contactEvent, contactOpened } from '../unit/shared/builders.ts';
import { accepted, caseEv, completed, inOrder, opened, resultNotified } from '../unit/shared/caseBuilders.ts';
import * as cb from '../unit/shared/complaintBuilders.ts';
import { given, ratingEv, SUPERVISOR } from '../unit/shared/followUpBuilders.ts';

export const SCENARIO_TODAY = '2026-04-02';
/** 12:00 in Beijing on a day. */
export const noonOf = (day: string) => Date.parse(`${day}T12:00:00+08:00`);

const bj = (day: string, hm: string) => Date.parse(`${day}T${hm}:00+08:00`);
function contact(id: string, channel: string, staffId: string, day: string, hm: string, then: ContactEvent[] = []) {
  const open = contactOpened({ ms: bj(day, hm), contactId: id, staffId });
  return [{ ...open, payload: { ...open.payload, channel } } as ContactEvent, ...then];
}
const act = (type: ContactEvent['type'], payload: object, id: string, staffId: string, day: string, hm: string) =>
  contactEvent(type, payload as never, { ms: bj(day, hm), contactId: id, staffId });
const transferTo = (id: string, by: string, day: string, hm: string) =>
  act(
    'contact.transferred',
    {
      toDepartmentId: 'dept-high-tech',
      toStaffId: 'liu-yang',
      toldApplicant: { departmentName: '高新科', handlerName: '刘洋', phone: '0377-63176320' },
    },
    id,
    by,
    day,
    hm,
  );
const answer = (id: string, by: string, day: string, hm: string) =>
  act('contact.answered', { answer: '已答复' }, id, by, day, hm);
const accept = (t: ContactEvent, id: string, day: string, hm: string) =>
  act('contact.transferAccepted', { transferEventId: t.eventId }, id, 'liu-yang', day, hm);

function contacts(): DeskEvent[][] {
  const t3 = transferTo('C3', 'li-na', '2026-03-30', '09:10');
  const t4 = transferTo('C4', 'zhang-wei', '2026-03-27', '16:10');
  const t8 = transferTo('C8', 'zhang-wei', '2026-03-02', '09:05');
  const t9 = transferTo('C9', 'li-na', '2026-03-03', '10:05');
  return [
    contact('C1', 'visit', 'zhang-wei', '2026-03-31', '10:00', [answer('C1', 'zhang-wei', '2026-03-31', '10:05')]),
    contact('C2', 'visit', 'zhang-wei', '2026-04-01', '07:30', [answer('C2', 'zhang-wei', '2026-04-01', '07:35')]),
    contact('C3', 'call', 'li-na', '2026-03-30', '09:00', [t3, accept(t3, 'C3', '2026-03-31', '15:00')]),
    contact('C4', 'call', 'zhang-wei', '2026-03-27', '16:00', [t4, accept(t4, 'C4', '2026-04-01', '10:00')]),
    contact('C5', 'online', 'li-na', '2026-03-31', '17:00', [transferTo('C5', 'li-na', '2026-03-31', '17:05')]),
    contact('C6', 'call', 'li-na', '2026-03-30', '10:00', [answer('C6', 'li-na', '2026-03-31', '09:00')]),
    contact('C7', 'letter', 'zhang-wei', '2026-03-31', '11:00', [
      act(
        'contact.escalated',
        { toLeaderId: 'he-jianguo', reason: '管辖不明' },
        'C7',
        'zhang-wei',
        '2026-03-31',
        '11:10',
      ),
      act('contact.assigned', { toStaffId: 'zhang-wei' }, 'C7', 'he-jianguo', '2026-04-01', '09:00'),
    ]),
    contact('C8', 'call', 'zhang-wei', '2026-03-02', '09:00', [
      t8,
      act(
        'contact.transferReturned',
        { transferEventId: t8.eventId, reason: '非本科职责' },
        'C8',
        'liu-yang',
        '2026-03-02',
        '11:00',
      ),
      answer('C8', 'zhang-wei', '2026-03-02', '14:00'),
    ]),
    contact('C9', 'call', 'li-na', '2026-03-03', '10:00', [t9, accept(t9, 'C9', '2026-03-05', '10:00')]),
    // C10 is still open on the day it came: undisposed only once that day is over.
    contact('C10', 'visit', 'wang-fang', SCENARIO_TODAY, '09:00'),
  ];
}

const HANDLER = { staffId: 'liu-yang' };
const kase = (id: string, events: CaseEvent[]): DeskEvent[] =>
  inOrder(events).map((e) => ({ ...e, aggregateId: id }) as CaseEvent);

function cases(): DeskEvent[][] {
  const k4Extension = caseEv(
    'case.extensionRequested',
    { days: 5, reason: '需专家评审' },
    { on: '2026-03-30', ...HANDLER },
  );
  return [
    kase('K1', [
      opened('2026-03-24'),
      accepted('2026-03-24', {}, HANDLER),
      completed('2026-03-31'),
      resultNotified('2026-03-31'),
    ]),
    kase('K2', [
      opened('2026-03-16'),
      accepted('2026-03-16', {}, HANDLER),
      completed('2026-03-25'),
      resultNotified('2026-03-25'),
    ]),
    kase('K3', [opened('2026-03-02'), accepted('2026-03-02', {}, HANDLER)]),
    kase('K4', [
      opened('2026-03-26'),
      accepted('2026-03-26', {}, HANDLER),
      k4Extension,
      caseEv(
        'case.extensionDecided',
        { requestEventId: k4Extension.eventId, decision: 'approved' },
        { on: '2026-03-30', staffId: 'he-jianguo' },
      ),
    ]),
    kase('K5', [
      opened('2026-03-25'),
      caseEv('case.materialsChecked', { checks: [{ materialId: 'm1', state: 'missing' }] }, { on: '2026-03-25' }),
      caseEv('case.supplementRequested', { requestedOn: '2026-03-25', materialIds: ['m1'] }, { on: '2026-03-25' }),
      accepted('2026-03-27', {}, HANDLER),
    ]),
    kase('K6', [
      opened('2026-03-10'),
      caseEv(
        'case.rejectionProposed',
        { reason: '  ', legalBasis: '  ', toLeaderId: 'he-jianguo' },
        { on: '2026-03-10', staffId: 'zhang-wei' },
      ),
      caseEv('case.rejectionReviewed', { decision: 'approved' }, { on: '2026-03-11', staffId: 'he-jianguo' }),
    ]),
  ];
}

function ratings(): DeskEvent[][] {
  const rating = (key: string, on: string, level: string | null, extra: Record<string, unknown> = {}) =>
    given(on, level, extra, { on, aggregateId: key });
  const step = (
    key: string,
    type: 'rating.verified' | 'rating.rectified' | 'rating.feedbackGiven',
    on: string,
    payload: object,
  ) => ratingEv(type, payload as never, { on, staffId: SUPERVISOR, aggregateId: key });
  return [
    // Filed under contact C1's id, as a pad rating of C1 is.
    [rating('C1', '2026-03-10', 'verySatisfied')],
    [rating('R2', '2026-03-11', 'satisfied', { source: 'qr' })],
    [rating('R3', '2026-03-12', 'basicallySatisfied')],
    [rating('R4', '2026-03-13', null)],
    [
      rating('R5', '2026-03-16', 'dissatisfied'),
      step('R5', 'rating.verified', '2026-03-17', { on: '2026-03-17', means: 'phone', note: '已核实' }),
      step('R5', 'rating.rectified', '2026-03-18', { mode: 'immediate', note: '已整改' }),
      step('R5', 'rating.feedbackGiven', '2026-03-19', { on: '2026-03-19', how: 'phone', newLevel: 'satisfied' }),
    ],
    [rating('R6', '2026-03-20', 'veryDissatisfied')],
  ];
}

/** Every aggregate's events, each aggregate's in the order a desk would send them. */
export function scenarioLogs(): DeskEvent[][] {
  return [...contacts(), ...cases(), ...ratings()];
}

/** Store events as a push would (the checks of a push are not what these tests are about). */
export async function storeEvents(db: Db, events: readonly DeskEvent[]): Promise<void> {
  await appendEvents(db, {
    deviceId: 'reports-test-desk',
    events: events.map((event) => ({ event, flags: null })),
    settledDeviceSeq: 0,
    receivedAt: new Date().toISOString(),
    judgeExisting: () => null,
  });
}

const LEADER = 'he-jianguo';
const INVESTIGATOR = 'huang-xiuying';
/** Complaint ids (ULIDs, as the complaint schema wants). */
export const Q1 = `01JZQ1${'0'.repeat(20)}`;
export const Q2 = `01JZQ2${'0'.repeat(20)}`;
export const Q3 = `01JZQ3${'0'.repeat(20)}`;
const about = (complaintId: string, events: ComplaintEvent[]) =>
  events.map((e) => ({ ...e, complaintId }) as ComplaintEvent);

/**
 * The scenario's complaints (art. 31–33), as the demo bureau's people would act on them: Q1 about 张伟 and 李娜,
 * received 5 March, investigated, both heard, decided founded on 30 March with a measure for 张伟 only; Q2 about
 * 高新科 alone, received 20 March and dismissed (不予立案) the next day; Q3 about 刘洋, received 1 April, open.
 */
export function scenarioComplaints(): ComplaintEvent[][] {
  return [
    about(Q1, [
      cb.received(
        '2026-03-05',
        { accusedStaffIds: ['zhang-wei', 'li-na'], accusedDepartmentIds: [] },
        { by: 'wang-fang' },
      ),
      cb.ordered('2026-03-06', [INVESTIGATOR], LEADER),
      cb.findingsClosed('2026-03-12', INVESTIGATOR),
      cb.invited('2026-03-12', '2026-03-27', 'zhang-wei', INVESTIGATOR),
      cb.invited('2026-03-12', '2026-03-27', 'li-na', INVESTIGATOR),
      cb.waived('2026-03-13', 'zhang-wei'),
      cb.stated('2026-03-13', 'li-na'),
      cb.founded('2026-03-30', [{ staffId: 'zhang-wei', measures: ['criticism'], gravity: 'ordinary' }], LEADER),
    ]),
    about(Q2, [
      cb.received('2026-03-20', { accusedStaffIds: [], accusedDepartmentIds: ['dept-high-tech'] }, { by: 'wang-fang' }),
      cb.dismissed('2026-03-21', LEADER),
    ]),
    about(Q3, [cb.received('2026-04-01', { accusedStaffIds: ['liu-yang'] }, { by: 'wang-fang' })]),
  ];
}

/** Store complaint acts as HQ's complaint routes do (their checks are the complaint tests' business). */
export async function storeComplaints(db: Db, logs: readonly ComplaintEvent[][] = scenarioComplaints()): Promise<void> {
  for (const event of logs.flat()) {
    const result = await commitComplaintEvent(db, {
      eventId: event.eventId,
      complaintId: event.complaintId,
      build: () => event,
      judge: () => null,
    });
    if (result.kind !== 'stored') throw new Error(`complaint act ${event.type} not stored: ${result.kind}`);
  }
}
