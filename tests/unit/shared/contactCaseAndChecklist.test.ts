import { describe, expect, it } from 'vitest';
import { contactEventSchema, type ContactEvent } from '../../../shared/model/contactEvents.ts';
import { foldContact, isEnded } from '../../../shared/rules/contact.ts';
import { at, contactAnswered, contactEvent, contactOpened, contactTransferred, DESK_B } from './builders.ts';

const CASE_1 = '01JDESK0000000000000000001';
const CASE_2 = '01JDESK0000000000000000002';
const opened = contactOpened({ staffId: 'zhang-wei' });
const fold = (...events: ContactEvent[]) => foldContact(events)!;
const caseOpened = (caseId = CASE_1, s: Parameters<typeof contactEvent>[2] = {}) =>
  contactEvent('contact.caseOpened', { caseId, serviceItemId: 'sme-evaluation' } as never, { ms: at(10), ...s });
const checklist = (how: 'printed' | 'readOut' | 'message', s: Parameters<typeof contactEvent>[2] = {}) =>
  contactEvent('contact.checklistGiven', { serviceItemId: 'sme-evaluation', catalogRev: 3, how } as never, {
    ms: at(5),
    ...s,
  });

describe('a case opened for the matter disposes of its contact (受理/开办件)', () => {
  it('art. 8: opening a case is the contact’s disposition — it leaves 待处置 and nobody’s inbox', () => {
    const state = fold(opened, caseOpened());
    expect(state.status).toBe('caseOpened');
    expect(isEnded(state)).toBe(true);
    expect(state.awaitingStaffId).toBeUndefined();
    expect(state.endedAt).toBe(new Date(at(10)).toISOString());
    expect(state.cases).toEqual([
      expect.objectContaining({ caseId: CASE_1, serviceItemId: 'sme-evaluation', by: 'zhang-wei' }),
    ]);
    expect(state.dispositionEventId).toBe(state.cases[0]!.eventId);
    expect(state.flags).toEqual([]);
  });

  it('art. 8: an answered contact keeps a later case as a link, without a conflict', () => {
    const state = fold(opened, contactAnswered({ ms: at(2) }), caseOpened());
    expect(state.status).toBe('answered');
    expect(state.cases.map((c) => c.caseId)).toEqual([CASE_1]);
    expect(state.flags).toEqual([]);
  });

  it('art. 8(3): a transferred contact stays with the handler; the case is a link', () => {
    const state = fold(opened, contactTransferred({ ms: at(2), deviceSeq: 2 }, 'liu-yang'), caseOpened());
    expect(state.status).toBe('transferPending');
    expect(state.awaitingStaffId).toBe('liu-yang');
    expect(state.cases).toHaveLength(1);
    expect(state.flags).toEqual([]);
  });

  it('art. 8: a second case for the same contact is linked, the first stays the disposition', () => {
    const first = caseOpened(CASE_1);
    const state = fold(opened, first, caseOpened(CASE_2, { ms: at(20) }));
    expect(state.cases.map((c) => c.caseId)).toEqual([CASE_1, CASE_2]);
    expect(state.dispositionEventId).toBe(first.eventId);
  });

  it('art. 8: the same case arriving twice (two desks resend it) is one link', () => {
    const state = fold(opened, caseOpened(CASE_1), caseOpened(CASE_1, { ms: at(11), deviceId: DESK_B }));
    expect(state.cases).toHaveLength(1);
  });

  it('art. 8: an answer and a case made on two desks apart give the same contact in either order, unflagged', () => {
    const early = fold(opened, contactAnswered({ ms: at(2) }), caseOpened(CASE_1, { ms: at(10) }));
    const late = fold(opened, caseOpened(CASE_1, { ms: at(2) }), contactAnswered({ ms: at(10), deviceId: DESK_B }));
    for (const state of [early, late]) {
      expect(state.status).toBe('answered');
      expect(state.cases.map((c) => c.caseId)).toEqual([CASE_1]);
      expect(state.flags).toEqual([]);
    }
    expect(late.endedAt).toBe(new Date(at(10)).toISOString());
  });

  it('art. 8(3): a transfer recorded on another desk after the case was opened puts the contact back in the handler’s inbox', () => {
    const state = fold(opened, caseOpened(CASE_1, { ms: at(2) }), contactTransferred({ ms: at(10) }, 'liu-yang'));
    expect(state.status).toBe('transferPending');
    expect(state.endedAt).toBeUndefined();
    expect(state.awaitingStaffId).toBe('liu-yang');
  });

  it('art. 7–8: a case opened by someone who may not dispose of the contact is linked and flagged, not a disposition', () => {
    const state = fold(opened, caseOpened(CASE_1, { staffId: 'sun-li' }));
    expect(state.status).toBe('open');
    expect(state.awaitingStaffId).toBe('zhang-wei');
    expect(state.cases).toHaveLength(1);
    expect(state.flags.map((f) => f.code)).toEqual(['notAllowed']);
  });

  it('art. 8: a second disposition after a case disposed of the contact and another one is flagged as a conflict', () => {
    const state = fold(
      opened,
      caseOpened(CASE_1, { ms: at(2) }),
      contactAnswered({ ms: at(5) }),
      contactAnswered({ ms: at(9), deviceId: DESK_B }),
    );
    expect(state.flags.map((f) => f.code)).toEqual(['conflictingDisposition']);
  });

  it('refuses a case id that is not a ULID and an item id that is not a catalog slug', () => {
    const bad = { ...caseOpened(), payload: { caseId: 'case-1', serviceItemId: 'SME Evaluation' } };
    const issues = contactEventSchema.safeParse(bad).error?.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(expect.arrayContaining(['payload.caseId', 'payload.serviceItemId']));
  });
});

describe('art. 10: the one-time checklist at first inquiry, without a case', () => {
  it('art. 10: records which item, which catalog version and how, and does not dispose of the contact', () => {
    const state = fold(opened, checklist('readOut'), checklist('message', { ms: at(6) }));
    expect(state.status).toBe('open');
    expect(state.awaitingStaffId).toBe('zhang-wei');
    expect(state.cases).toEqual([]);
    expect(state.checklists.map((c) => [c.serviceItemId, c.catalogRev, c.how])).toEqual([
      ['sme-evaluation', 3, 'readOut'],
      ['sme-evaluation', 3, 'message'],
    ]);
  });

  it('art. 10: a checklist given after the answer is still recorded and changes no disposition', () => {
    const state = fold(opened, contactAnswered({ ms: at(2) }), checklist('printed'));
    expect(state.status).toBe('answered');
    expect(state.checklists).toHaveLength(1);
    expect(state.flags).toEqual([]);
  });

  it('art. 10: refuses a checklist without a positive catalog version or with an unknown way of giving it', () => {
    const base = checklist('printed');
    for (const payload of [
      { serviceItemId: 'sme-evaluation', catalogRev: 0, how: 'printed' },
      { serviceItemId: 'sme-evaluation', catalogRev: 1.5, how: 'printed' },
      { serviceItemId: 'sme-evaluation', catalogRev: 1, how: 'email' },
    ]) {
      expect(contactEventSchema.safeParse({ ...base, payload }).success).toBe(false);
    }
    expect(contactEventSchema.safeParse(base).success).toBe(true);
  });
});
