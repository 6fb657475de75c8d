import { describe, expect, it } from 'vitest';
import { foldContact, isEnded } from '../../../shared/rules/contact.ts';
import type { ContactEvent } from '../../../shared/model/contactEvents.ts';
import { at, contactEvent, contactOpened, contactTransferred, DESK_A, DESK_B } from './builders.ts';

const opened = contactOpened({ staffId: 'zhang-wei' });
const transfer = contactTransferred({ ms: at(1), deviceSeq: 2 }, 'liu-yang');
const accept = (s = {}) =>
  contactEvent('contact.transferAccepted', { transferEventId: transfer.eventId } as never, {
    ms: at(30),
    staffId: 'liu-yang',
    deviceId: DESK_B,
    ...s,
  });
const fold = (...events: ContactEvent[]) => foldContact(events)!;

describe('art. 8(3) transfer inside the bureau', () => {
  it('puts the transfer in the handler’s inbox while the sender stays responsible', () => {
    const state = fold(opened, transfer);
    expect(state.status).toBe('transferPending');
    expect(state.awaitingStaffId).toBe('liu-yang');
    expect(state.responsibleStaffId).toBe('zhang-wei');
  });

  it('passes first-inquiry responsibility to the handler who accepts (该承办人承接首问责任)', () => {
    const state = fold(opened, transfer, accept());
    expect(state.status).toBe('open');
    expect(state.responsibleStaffId).toBe('liu-yang');
    expect(state.firstInquiryStaffId).toBe('zhang-wei');
    expect(state.awaitingStaffId).toBe('liu-yang');
    expect(state.transfer?.acceptedAt).toBeDefined();
  });

  it('refuses an acceptance by someone the transfer was not meant for, and flags it', () => {
    const state = fold(opened, transfer, accept({ staffId: 'sun-li' }));
    expect(state.status).toBe('transferPending');
    expect(state.flags.map((f) => f.code)).toEqual(['notAllowed']);
  });

  it('treats the same handler accepting on two desks as one acceptance', () => {
    const state = fold(opened, transfer, accept(), accept({ ms: at(31), deviceId: DESK_A }));
    expect(state.responsibleStaffId).toBe('liu-yang');
    expect(state.flags).toEqual([]);
  });

  it('sends a mis-routed transfer back to the sender’s inbox with the reason', () => {
    const returned = contactEvent(
      'contact.transferReturned',
      { transferEventId: transfer.eventId, reason: '不属于本科室职责，应由农村科技科办理' } as never,
      { ms: at(20), staffId: 'liu-yang', deviceId: DESK_B },
    );
    const state = fold(opened, transfer, returned);
    expect(state.status).toBe('open');
    expect(state.awaitingStaffId).toBe('zhang-wei');
    expect(state.lastReturn?.reason).toContain('农村科技科');
    expect(state.transfer).toBeUndefined();
  });

  it('flags an acceptance and a return of one transfer made on two desks offline', () => {
    const returned = contactEvent(
      'contact.transferReturned',
      { transferEventId: transfer.eventId, reason: '误转' } as never,
      {
        ms: at(31),
        staffId: 'liu-yang',
        deviceId: DESK_A,
      },
    );
    const state = fold(opened, transfer, accept(), returned);
    expect(state.responsibleStaffId).toBe('liu-yang');
    expect(state.flags[0]?.code).toBe('conflictingDisposition');
    expect(state.eventCount).toBe(4);
  });
});

describe('art. 8(4) referral and escalation', () => {
  it('ends a matter outside the bureau’s remit with the agency the visitor was told about', () => {
    const referred = contactEvent(
      'contact.referred',
      {
        agencyId: 'agency-amr',
        toldApplicant: { agencyName: '南阳市市场监督管理局', phone: '0377-63139315', address: '南阳市七一路' },
        explanation: '营业执照变更属市场监管部门职责',
      } as never,
      { ms: at(5) },
    );
    const state = fold(opened, referred);
    expect(state.status).toBe('referred');
    expect(isEnded(state)).toBe(true);
    expect(state.awaitingStaffId).toBeUndefined();
    expect(state.referral?.toldApplicant.agencyName).toBe('南阳市市场监督管理局');
  });

  it('puts an unclear-jurisdiction matter in the leader’s inbox until the leader assigns it', () => {
    const escalated = contactEvent(
      'contact.escalated',
      { toLeaderId: 'he-jianguo', reason: '涉及多个科室，职责不明' } as never,
      {
        ms: at(5),
      },
    );
    expect(fold(opened, escalated).awaitingStaffId).toBe('he-jianguo');
    const assigned = contactEvent('contact.assigned', { toStaffId: 'wu-min' } as never, {
      ms: at(60),
      staffId: 'he-jianguo',
    });
    const state = fold(opened, escalated, assigned);
    expect(state.status).toBe('open');
    expect(state.responsibleStaffId).toBe('wu-min');
    expect(state.awaitingStaffId).toBe('wu-min');
  });

  it('does not let a non-leader assign an escalated matter', () => {
    const escalated = contactEvent('contact.escalated', { toLeaderId: 'he-jianguo', reason: '职责不明' } as never, {
      ms: at(5),
    });
    const assigned = contactEvent('contact.assigned', { toStaffId: 'zhang-wei' } as never, {
      ms: at(6),
      staffId: 'zhang-wei',
    });
    const state = fold(opened, escalated, assigned);
    expect(state.status).toBe('escalated');
    expect(state.flags.map((f) => f.code)).toEqual(['notAllowed']);
  });

  it('lets any leader decide when the directory says so', () => {
    const escalated = contactEvent('contact.escalated', { toLeaderId: 'he-jianguo', reason: '职责不明' } as never, {
      ms: at(5),
    });
    const assigned = contactEvent('contact.assigned', { toStaffId: 'wu-min' } as never, {
      ms: at(6),
      staffId: 'lin-zhiyuan',
    });
    const state = foldContact([opened, escalated, assigned], { isLeader: (id) => id === 'lin-zhiyuan' });
    expect(state?.responsibleStaffId).toBe('wu-min');
  });
});

describe('art. 8(2) 说"不"事项提级管理: a refusal is never final at clerk level', () => {
  const proposed = contactEvent(
    'contact.refusalProposed',
    {
      toLeaderId: 'he-jianguo',
      reason: '企业注册地不在本市',
      basis: '《南阳市科技型中小企业评价实施细则》第三条',
    } as never,
    { ms: at(5) },
  );

  it('waits for a leader’s review and is not ended', () => {
    const state = fold(opened, proposed);
    expect(state.status).toBe('refusalPending');
    expect(isEnded(state)).toBe(false);
    expect(state.awaitingStaffId).toBe('he-jianguo');
  });

  it('becomes final when the leader approves, and the visitor must still be told', () => {
    const approved = contactEvent('contact.refusalReviewed', { decision: 'approved' } as never, {
      ms: at(40),
      staffId: 'he-jianguo',
    });
    const state = fold(opened, proposed, approved);
    expect(state.status).toBe('refused');
    expect(state.awaitingStaffId).toBe('zhang-wei');
    const told = contactEvent('contact.outcomeNotified', { how: 'phone' } as never, { ms: at(50) });
    expect(fold(opened, proposed, approved, told).awaitingStaffId).toBeUndefined();
  });

  it('goes to the person the leader assigns when the leader overrules the "no"', () => {
    const overruled = contactEvent(
      'contact.refusalReviewed',
      { decision: 'overruled', note: '可按特殊情况受理', assignToStaffId: 'chen-jing' } as never,
      { ms: at(40), staffId: 'he-jianguo' },
    );
    const state = fold(opened, proposed, overruled);
    expect(state.status).toBe('open');
    expect(state.responsibleStaffId).toBe('chen-jing');
    expect(state.refusal?.decision).toBe('overruled');
  });

  it('ignores a clerk approving their own refusal, and flags it', () => {
    const selfApproved = contactEvent('contact.refusalReviewed', { decision: 'approved' } as never, { ms: at(6) });
    const state = fold(opened, proposed, selfApproved);
    expect(state.status).toBe('refusalPending');
    expect(state.flags.map((f) => f.code)).toEqual(['notAllowed']);
  });
});

describe('art. 7–8: who records the disposition, and the record', () => {
  it('lets a colleague asked together record the disposition, but not a stranger', () => {
    const chiefOpened = contactOpened({ staffId: 'zhang-wei' }, 'wang-fang');
    const byStranger = contactEvent('contact.answered', { answer: '已答复' } as never, {
      ms: at(2),
      staffId: 'sun-li',
    });
    expect(fold(chiefOpened, byStranger).flags.map((f) => f.code)).toEqual(['notAllowed']);
  });

  it('corrects the record with a new event and its reason, never in place', () => {
    const corrected = contactEvent(
      'contact.corrected',
      { matter: '咨询技术合同认定登记（更正）', reason: '记录有误' } as never,
      {
        ms: at(3),
      },
    );
    const state = fold(opened, corrected);
    expect(state.matter).toBe('咨询技术合同认定登记（更正）');
    expect(state.corrections).toBe(1);
    expect(state.eventCount).toBe(2);
  });
});
