import { describe, expect, it } from 'vitest';
import type { ContactEvent } from '../../../shared/model/contactEvents.ts';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { Rank } from '../../../shared/model/reference.ts';
import {
  byCausalOrder,
  firstInquiryResponsible,
  foldContact,
  isEnded,
  type ContactStatus,
} from '../../../shared/rules/contact.ts';
import { at, contactAnswered, contactEvent, contactOpened, contactTransferred, DESK_A, DESK_B } from './builders.ts';

// What the contact fold does at the edges that mutation testing (npm run mutation) showed no test looked at.

const fold = (...events: ContactEvent[]) => foldContact(events)!;
const opened = contactOpened({ staffId: 'zhang-wei' });

const escalated = contactEvent('contact.escalated', { toLeaderId: 'he-jianguo', reason: '事权不明' } as never, {
  ms: at(1),
  deviceSeq: 2,
});
const assigned = contactEvent('contact.assigned', { toStaffId: 'zhang-wei' } as never, {
  ms: at(10),
  staffId: 'he-jianguo',
  deviceId: DESK_B,
});
const refusalProposed = contactEvent(
  'contact.refusalProposed',
  { toLeaderId: 'he-jianguo', reason: '不符合申报条件', basis: '《评价办法》第六条' } as never,
  { ms: at(1), deviceSeq: 2 },
);
const refusalApproved = (ms = at(10)) =>
  contactEvent('contact.refusalReviewed', { decision: 'approved' } as never, {
    ms,
    staffId: 'he-jianguo',
    deviceId: DESK_B,
  });
const outcomeNotified = (ms: number) =>
  contactEvent('contact.outcomeNotified', { how: 'phone' } as never, { ms, deviceSeq: 5 });
const caseOpened = (ms: number, caseId: string) =>
  contactEvent('contact.caseOpened', { caseId, serviceItemId: 'sme-evaluation' } as never, { ms, deviceSeq: 3 });
const CASE_1 = contactAnswered({ ms: at(100) }).eventId; // any ULID
const CASE_2 = contactAnswered({ ms: at(101) }).eventId;

describe('art. 6–8: which contacts are ended', () => {
  it.each<[ContactStatus, boolean]>([
    ['answered', true],
    ['referred', true],
    ['refused', true],
    ['caseOpened', true],
    ['open', false],
    ['transferPending', false],
    ['escalated', false],
    ['refusalPending', false],
  ])('art. 8: a contact %s is ended: %s', (status, ended) => {
    expect(isEnded({ status })).toBe(ended);
  });
});

describe('the order every desk folds in', () => {
  const e = (hlc: string, eventId: string) => ({ hlc, eventId });

  it('orders by hybrid clock first, then by event id, and finds two copies of one event equal', () => {
    expect(byCausalOrder(e('1', 'B'), e('2', 'A'))).toBe(-1);
    expect(byCausalOrder(e('2', 'A'), e('1', 'B'))).toBe(1);
    expect(byCausalOrder(e('1', 'A'), e('1', 'B'))).toBe(-1);
    expect(byCausalOrder(e('1', 'B'), e('1', 'A'))).toBe(1);
    expect(byCausalOrder(e('1', 'A'), e('1', 'A'))).toBe(0);
  });

  it('keeps the first opening of a contact if a second one with the same id arrives', () => {
    const second = { ...contactOpened({ ms: at(5), staffId: 'li-na' }), aggregateId: opened.aggregateId };
    const state = fold(second, opened);
    expect(state.openedBy).toBe('zhang-wei');
    expect(state.eventCount).toBe(1);
  });

  it('flags the events that arrived before their contact was opened, and counts them nowhere else', () => {
    const early = contactAnswered({ ms: at(-5) });
    const state = fold(opened, early);
    expect(state.flags).toEqual([{ code: 'eventBeforeOpened', eventIds: [early.eventId] }]);
    expect(state.status).toBe('open');
  });

  it('has no materials when none were recorded at registration', () => {
    expect(fold(opened).materials).toEqual([]);
  });
});

describe('art. 7: of several staff asked together, the highest-ranked is first-inquiry responsible', () => {
  const staff = (id: string, rank: Rank) => ({ id: id as StaffId, rank });

  it('art. 7: of two of equal rank, the first named stays responsible', () => {
    const first = staff('zhang-wei', 'clerk');
    const second = staff('li-na', 'clerk');
    expect(firstInquiryResponsible([first, second])).toBe(first);
    expect(firstInquiryResponsible([second, first])).toBe(second);
  });

  it('art. 7: a higher rank wins wherever it stands, and nobody asked gives nobody', () => {
    const chief = staff('chen-jing', 'sectionChief');
    expect(firstInquiryResponsible([staff('zhang-wei', 'clerk'), chief])).toBe(chief);
    expect(firstInquiryResponsible([])).toBeUndefined();
  });
});

describe('art. 7–8: who may dispose of a contact, and what a second disposition does', () => {
  it('art. 8(3): once a handler accepted a transfer, a colleague asked at first inquiry may no longer dispose', () => {
    const withColleague = {
      ...opened,
      payload: { ...(opened.payload as object), askedStaffIds: ['zhang-wei', 'li-na'] },
    } as ContactEvent;
    const transfer = contactTransferred({ ms: at(1), deviceSeq: 2 }, 'liu-yang');
    const accept = contactEvent('contact.transferAccepted', { transferEventId: transfer.eventId } as never, {
      ms: at(2),
      staffId: 'liu-yang',
      deviceId: DESK_B,
    });
    // Before the transfer li-na may answer for zhang-wei; after liu-yang accepted, only liu-yang may.
    expect(fold(withColleague, contactAnswered({ ms: at(1), staffId: 'li-na' })).status).toBe('answered');
    const late = contactAnswered({ ms: at(3), staffId: 'li-na', deviceSeq: 3 });
    const state = fold(withColleague, transfer, accept, late);
    expect(state.status).toBe('open');
    expect(state.flags).toEqual([{ code: 'notAllowed', eventIds: [late.eventId] }]);
  });

  it('art. 8: a second answer from another desk is kept and flagged, and the first stands', () => {
    const first = contactAnswered({ ms: at(1) });
    const second = contactAnswered({ ms: at(2), deviceId: DESK_B });
    const state = fold(opened, first, second);
    expect(state.answer?.eventId).toBe(first.eventId);
    expect(state.flags).toEqual([{ code: 'conflictingDisposition', eventIds: [first.eventId, second.eventId] }]);
  });

  it('art. 8: an answer supersedes the case that disposed of the contact, even with a second case linked', () => {
    const answer = contactAnswered({ ms: at(3), deviceId: DESK_B });
    const state = fold(opened, caseOpened(at(1), CASE_1), caseOpened(at(2), CASE_2), answer);
    expect(state.status).toBe('answered');
    expect(state.cases.map((c) => c.caseId)).toEqual([CASE_1, CASE_2]);
    expect(state.flags).toEqual([]);
  });
});

describe('art. 8(3): acceptance and return of a transfer', () => {
  const transfer = contactTransferred({ ms: at(1), deviceSeq: 2 }, 'liu-yang');
  const accept = (transferEventId: string, ms = at(2)) =>
    contactEvent('contact.transferAccepted', { transferEventId } as never, {
      ms,
      staffId: 'liu-yang',
      deviceId: DESK_B,
    });

  it('art. 8(3): an acceptance of another transfer, or of none, is refused and flagged', () => {
    const wrong = accept(opened.eventId);
    expect(fold(opened, transfer, wrong).flags).toEqual([{ code: 'notAllowed', eventIds: [wrong.eventId] }]);
    const none = accept(transfer.eventId);
    expect(fold(opened, none).flags).toEqual([{ code: 'notAllowed', eventIds: [none.eventId] }]);
    expect(fold(opened, none).status).toBe('open');
  });

  it('art. 8(3): a return after the same handler accepted is a conflict for a person to settle', () => {
    const accepted = accept(transfer.eventId);
    const returned = contactEvent(
      'contact.transferReturned',
      { transferEventId: transfer.eventId, reason: '误转' } as never,
      { ms: at(3), staffId: 'liu-yang', deviceId: DESK_A },
    );
    const state = fold(opened, transfer, accepted, returned);
    expect(state.flags).toEqual([{ code: 'conflictingDisposition', eventIds: [accepted.eventId, returned.eventId] }]);
    expect(state.responsibleStaffId).toBe('liu-yang');
  });
});

describe('art. 8(4), art. 12: decisions on what was not escalated or proposed', () => {
  it('art. 8(4): a leader’s assignment of a contact nobody escalated is flagged, naming only that event', () => {
    expect(fold(opened, assigned).flags).toEqual([{ code: 'conflictingDisposition', eventIds: [assigned.eventId] }]);
    expect(fold(opened, assigned).responsibleStaffId).toBe('zhang-wei');
  });

  it('art. 8(二): a review of a refusal nobody proposed is flagged and changes nothing', () => {
    const review = refusalApproved();
    const state = fold(opened, review);
    expect(state.status).toBe('open');
    expect(state.flags).toEqual([{ code: 'conflictingDisposition', eventIds: [review.eventId] }]);
  });
});

describe('art. 8(二): telling the visitor the outcome of a refusal', () => {
  it('art. 8(二): after the leader approves, the responsible person must tell the visitor; telling ends it', () => {
    const approved = fold(opened, refusalProposed, refusalApproved());
    expect(approved.status).toBe('refused');
    expect(approved.awaitingStaffId).toBe('zhang-wei');
    const told = fold(opened, refusalProposed, refusalApproved(), outcomeNotified(at(20)));
    expect(told.outcomeNotified?.how).toBe('phone');
    expect(told.awaitingStaffId).toBeUndefined();
  });

  it('art. 8(二): a visitor told before the approval arrived waits for nobody once it is approved', () => {
    const early = fold(opened, refusalProposed, outcomeNotified(at(5)));
    expect(early.status).toBe('refusalPending');
    expect(early.awaitingStaffId).toBe('he-jianguo');
    const state = fold(opened, refusalProposed, outcomeNotified(at(5)), refusalApproved(at(10)));
    expect(state.status).toBe('refused');
    expect(state.awaitingStaffId).toBeUndefined();
  });
});

describe('art. 12: the visitor is told the leader’s answer to an escalated matter', () => {
  const referred = (ms: number) =>
    contactEvent(
      'contact.referred',
      {
        agencyId: 'agency-tax',
        toldApplicant: { agencyName: '税务局', phone: '12366', address: '南阳市' },
        explanation: '属税务事项',
      } as never,
      { ms, deviceSeq: 4 },
    );
  const transferred = (ms: number) => contactTransferred({ ms, deviceSeq: 4 }, 'liu-yang');

  it.each([
    ['an answer', (ms: number) => contactAnswered({ ms, deviceSeq: 4 })],
    ['a transfer naming the handler', transferred],
    ['a referral naming the agency', referred],
    ['a case opened for it', (ms: number) => caseOpened(ms, CASE_1)],
    ['an outcome told', outcomeNotified],
  ])('art. 12: %s after the leader decided tells the visitor', (_, act) => {
    const state = fold(opened, escalated, assigned, act(at(20)));
    expect(state.escalation?.toldAt).toBe(new Date(at(20)).toISOString());
    expect(state.escalations[0]?.toldAt).toBe(new Date(at(20)).toISOString());
  });

  it('art. 12: a checklist or a correction is not the leader’s answer told', () => {
    const checklist = contactEvent(
      'contact.checklistGiven',
      { serviceItemId: 'sme-evaluation', catalogRev: 1, how: 'readOut' } as never,
      { ms: at(20), deviceSeq: 4 },
    );
    expect(fold(opened, escalated, assigned, checklist).escalation?.toldAt).toBeUndefined();
  });

  it('art. 12: the first telling counts; a later act does not move it', () => {
    const state = fold(opened, escalated, assigned, outcomeNotified(at(20)), contactAnswered({ ms: at(30) }));
    expect(state.escalation?.toldAt).toBe(new Date(at(20)).toISOString());
  });
});

describe('a correction keeps what it does not change', () => {
  it('a corrected phone keeps the visitor’s name and organisation, and is counted', () => {
    const corrected = contactEvent(
      'contact.corrected',
      { visitor: { phone: '13900139000' }, reason: '电话记错' } as never,
      { ms: at(2), deviceSeq: 2 },
    );
    const state = fold(opened, corrected);
    expect(state.visitor).toEqual({ name: '李明', organisation: '南阳某某科技有限公司', phone: '13900139000' });
    expect(state.corrections).toBe(1);
  });
});
