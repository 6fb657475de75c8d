import { describe, expect, it } from 'vitest';
import { firstInquiryResponsible, foldContact } from '../../../shared/rules/contact.ts';
import type { Rank } from '../../../shared/model/reference.ts';
import type { StaffId } from '../../../shared/model/ids.ts';
import { at, contactAnswered, contactOpened, contactTransferred, DESK_A, DESK_B } from './builders.ts';

describe('art. 6–7 first-inquiry responsibility', () => {
  it('makes the staff member who received the contact first-inquiry responsible', () => {
    const state = foldContact([contactOpened({ staffId: 'zhang-wei' })]);
    expect(state?.firstInquiryStaffId).toBe('zhang-wei');
    expect(state?.responsibleStaffId).toBe('zhang-wei');
    expect(state?.status).toBe('open');
  });

  it('makes the highest-ranked staff member responsible when several were asked together', () => {
    const asked: { id: StaffId; rank: Rank }[] = [
      { id: 'clerk-a' as StaffId, rank: 'clerk' },
      { id: 'chief-b' as StaffId, rank: 'sectionChief' },
      { id: 'deputy-c' as StaffId, rank: 'deputySectionChief' },
    ];
    expect(firstInquiryResponsible(asked)?.id).toBe('chief-b');
  });

  it('is unknown until the contact.opened event has arrived', () => {
    expect(foldContact([contactAnswered({ ms: at(1) })])).toBeNull();
  });
});

describe('art. 8 dispositions', () => {
  it('art. 8(2): records an answer given on the spot with its basis', () => {
    const state = foldContact([contactOpened(), contactAnswered({ ms: at(2), deviceSeq: 2 })]);
    expect(state?.status).toBe('answered');
    expect(state?.answer?.basis).toContain('评价办法');
  });

  it('art. 8(3): keeps responsibility with the sender until the handler accepts the transfer', () => {
    const state = foldContact([contactOpened(), contactTransferred({ ms: at(3), deviceSeq: 2 })]);
    expect(state?.status).toBe('transferPending');
    expect(state?.transfer?.toStaffId).toBe('li-na');
    expect(state?.transfer?.toldApplicant.phone).toBe('0377-63176320');
    expect(state?.responsibleStaffId).toBe('zhang-wei');
  });

  it('gives the same state whatever order the events arrive in, and ignores a replayed event', () => {
    const events = [contactOpened(), contactAnswered({ ms: at(2), deviceSeq: 2 })];
    const forward = foldContact(events);
    const backward = foldContact([...events].reverse());
    const replayed = foldContact([...events, ...events]);
    expect(backward).toEqual(forward);
    expect(replayed).toEqual(forward);
    expect(forward?.eventCount).toBe(2);
  });

  it('keeps both dispositions made on two desks offline and flags them for a person', () => {
    const answered = contactAnswered({ ms: at(5), deviceId: DESK_A, deviceSeq: 2 });
    const transferred = contactTransferred({ ms: at(6), deviceId: DESK_B, deviceSeq: 1, staffId: 'wang-fang' });
    const state = foldContact([transferred, contactOpened(), answered]);
    expect(state?.status).toBe('answered');
    expect(state?.flags).toEqual([
      { code: 'conflictingDisposition', eventIds: [answered.eventId, transferred.eventId] },
    ]);
    expect(state?.eventCount).toBe(3);
  });
});
