import { describe, expect, it } from 'vitest';
import { deskEventSchema, type DeskEvent } from '../../../../shared/model/events.ts';
import { authorizeEvent, directoryOf, isActiveStaff } from '../../../../server/src/sync/authorize.ts';
import { firstInquiryResponsible } from '../../../../shared/rules/contact.ts';
import { TEST_DIRECTORY_DOCS, testDirectory } from '../../../fixtures/directory.ts';
import {
  makeContactEvent,
  makeContactOpened,
  makeContactTransferred,
  newContactId,
  newDeviceId,
  stampEnvelope,
} from '../../../fixtures/events.ts';

const directory = testDirectory();
const desk = newDeviceId();
const contactId = makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: 'zhang-wei' }).aggregateId;
const by = (staffId: string) => ({ deviceId: desk, deviceSeq: 2, staffId, contactId });
const judge = (event: DeskEvent) => authorizeEvent(event, directory);

const review = (staffId: string) => makeContactEvent(by(staffId), 'contact.refusalReviewed', { decision: 'approved' });
const overrule = (assignToStaffId: string) =>
  makeContactEvent(by('he-jianguo'), 'contact.refusalReviewed', {
    decision: 'overruled',
    note: '属于本局职责，应予办理',
    assignToStaffId,
  });
const assign = (staffId: string, toStaffId: string) => makeContactEvent(by(staffId), 'contact.assigned', { toStaffId });
const escalate = (toLeaderId: string) =>
  makeContactEvent(by('zhang-wei'), 'contact.escalated', { toLeaderId, reason: '职责不清，请领导明确' });
const proposeRefusal = (toLeaderId: string) =>
  makeContactEvent(by('zhang-wei'), 'contact.refusalProposed', {
    toLeaderId,
    reason: '不属于科技项目资助范围',
    basis: '《南阳市科技计划项目管理办法》第五条',
  });
const transfer = (toStaffId: string, toDepartmentId: string) =>
  makeContactTransferred({ ...by('zhang-wei'), toStaffId, toDepartmentId });
const refer = (agencyId: string) =>
  makeContactEvent(by('zhang-wei'), 'contact.referred', {
    agencyId,
    toldApplicant: { agencyName: '国家税务总局南阳市税务局', phone: '0377-63162003', address: '南阳市七一路 789 号' },
    explanation: '研发费用加计扣除由税务部门办理',
  });

describe('说"不"提级管理: only a leader decides on a refusal', () => {
  it('refuses a refusal review from someone who is not a leader', () => {
    expect(judge(review('wang-fang'))).toEqual({
      code: 'not-authorised',
      message: 'only a leader may review a refusal; wang-fang is not a leader',
    });
  });

  it('lets any active leader review a refusal, not only the one it was sent to', () => {
    expect(judge(review('he-jianguo'))).toBeNull();
    expect(judge(review('lin-zhiyuan'))).toBeNull();
  });

  it('refuses an overruled refusal handed to someone who is not active staff', () => {
    expect(judge(overrule('chen-jing'))).toBeNull();
    expect(judge(overrule('qian-tao'))).toMatchObject({
      code: 'unknown-reference',
      message: expect.stringContaining('qian-tao'),
    });
    expect(judge(overrule('nobody-here'))).toMatchObject({ code: 'unknown-reference' });
  });

  it('refuses a refusal proposal sent to someone who is not a leader', () => {
    expect(judge(proposeRefusal('chen-jing'))).toEqual({
      code: 'not-authorised',
      message: 'a proposed refusal must go to a leader for review; chen-jing is not a leader',
    });
    expect(judge(proposeRefusal('lin-zhiyuan'))).toBeNull();
  });

  it('refuses a refusal proposal sent to a leader who has left or was never in the directory', () => {
    expect(judge(proposeRefusal('gao-tuixiu'))).toMatchObject({ code: 'unknown-reference' });
    expect(judge(proposeRefusal('nobody-here'))).toMatchObject({ code: 'unknown-reference' });
  });
});

describe('art. 8(4): an unclear jurisdiction goes to a leader, who assigns it', () => {
  it('accepts an escalation to an active leader', () => {
    expect(judge(escalate('he-jianguo'))).toBeNull();
  });

  it('refuses an escalation to someone who is not a leader', () => {
    expect(judge(escalate('wang-fang'))).toEqual({
      code: 'not-authorised',
      message: 'an escalation must go to a leader; wang-fang is not a leader',
    });
  });

  it('refuses an escalation to a leader who is no longer active', () => {
    expect(judge(escalate('gao-tuixiu'))).toEqual({
      code: 'unknown-reference',
      message: "the leader 'gao-tuixiu' is not an active member of the staff directory",
    });
  });

  it('refuses an assignment from someone who is not a leader', () => {
    expect(judge(assign('chen-jing', 'liu-yang'))).toEqual({
      code: 'not-authorised',
      message: 'only a leader may assign an escalated contact; chen-jing is not a leader',
    });
  });

  it('lets a leader assign to any active staff member, and refuses one who is not', () => {
    expect(judge(assign('he-jianguo', 'liu-yang'))).toBeNull();
    expect(judge(assign('he-jianguo', 'qian-tao'))).toEqual({
      code: 'unknown-reference',
      message: "the assignee 'qian-tao' is not an active member of the staff directory",
    });
  });

  it('refuses a referral to an agency that is not in the directory', () => {
    expect(judge(refer('agency-tax'))).toBeNull();
    expect(judge(refer('agency-gone'))).toEqual({
      code: 'unknown-reference',
      message: "agency 'agency-gone' is not in the directory",
    });
  });
});

describe('art. 8(3): a transfer names a handler the applicant can call', () => {
  it('accepts a transfer to an active handler with a phone, in the department named', () => {
    expect(judge(transfer('liu-yang', 'dept-high-tech'))).toBeNull();
  });

  it('refuses a transfer to a handler who has no phone in the directory', () => {
    expect(judge(transfer('sun-li', 'dept-social'))).toMatchObject({
      code: 'unknown-reference',
      message: expect.stringContaining('sun-li has no phone in the directory'),
    });
  });

  it('refuses a transfer to someone who is not in the directory or no longer active', () => {
    expect(judge(transfer('qian-tao', 'dept-rural'))).toMatchObject({ code: 'unknown-reference' });
    expect(judge(transfer('nobody-here', 'dept-rural'))).toMatchObject({ code: 'unknown-reference' });
  });

  it("refuses a transfer whose department is not the handler's", () => {
    expect(judge(transfer('liu-yang', 'dept-window'))).toEqual({
      code: 'unknown-reference',
      message: 'the handler liu-yang belongs to dept-high-tech, not to dept-window',
    });
  });

  it('refuses a transfer to a department that is not in the directory', () => {
    expect(judge(transfer('liu-yang', 'dept-closed'))).toEqual({
      code: 'unknown-reference',
      message: "department 'dept-closed' is not in the directory",
    });
  });
});

describe('art. 6–7: a contact is registered with real, current staff', () => {
  it('refuses a contact whose responsible person or anyone asked is not active staff', () => {
    const opened = (askedStaffIds: string[], responsibleStaffId: string) =>
      makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: 'zhang-wei', askedStaffIds, responsibleStaffId });
    expect(judge(opened(['zhang-wei', 'chen-jing'], 'chen-jing'))).toBeNull();
    expect(judge(opened(['zhang-wei', 'qian-tao'], 'zhang-wei'))).toMatchObject({ code: 'unknown-reference' });
    expect(judge(opened(['zhang-wei'], 'nobody-here'))).toMatchObject({ code: 'unknown-reference' });
  });
});

describe('art. 7: of several staff asked together, the highest-ranked is first-inquiry responsible', () => {
  const opened = (askedStaffIds: string[], responsibleStaffId: string) =>
    makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: 'zhang-wei', askedStaffIds, responsibleStaffId });

  it('art. 7: refuses a contact whose responsible person is not the highest-ranked of those asked', () => {
    expect(judge(opened(['zhang-wei', 'chen-jing'], 'zhang-wei'))).toEqual({
      code: 'not-authorised',
      message:
        'art. 7: of the staff asked together the highest-ranked is first-inquiry responsible: ' +
        'chen-jing (sectionChief), not zhang-wei (clerk)',
    });
    expect(judge(opened(['zhang-wei', 'wang-fang', 'he-jianguo'], 'wang-fang'))).toMatchObject({
      code: 'not-authorised',
      message: expect.stringContaining('he-jianguo (deputyDirector), not wang-fang (deputySectionChief)'),
    });
  });

  it('art. 7: refuses a responsible person who is not among the staff asked, even the highest-ranked', () => {
    expect(judge(opened(['zhang-wei'], 'lin-zhiyuan'))).toEqual({
      code: 'not-authorised',
      message: 'art. 7: the first-inquiry responsible person lin-zhiyuan must be one of the staff asked (zhang-wei)',
    });
  });

  it('art. 7: of equal rank, the first listed is responsible, as the desk picks it', () => {
    expect(judge(opened(['zhang-wei', 'liu-yang'], 'zhang-wei'))).toBeNull();
    expect(judge(opened(['zhang-wei', 'liu-yang'], 'liu-yang'))).toMatchObject({
      code: 'not-authorised',
      message: expect.stringContaining('(of equal rank, the first listed)'),
    });
    expect(judge(opened(['liu-yang', 'zhang-wei'], 'liu-yang'))).toBeNull();
  });

  it("art. 7: accepts exactly the desk's own pick (the shared rule) whatever the order of those asked", () => {
    const ids = ['zhang-wei', 'li-na', 'liu-yang', 'wang-fang', 'chen-jing', 'he-jianguo', 'lin-zhiyuan'];
    for (let n = 1; n <= 3; n += 1) {
      for (const asked of orderedPicks(ids, n)) {
        const pick = firstInquiryResponsible(asked.map((id) => directory.staff.get(id)!))!.id;
        for (const named of asked) {
          const verdict = judge(opened(asked, named));
          if (named === pick) expect(verdict, `${asked.join(',')} → ${named}`).toBeNull();
          else expect(verdict, `${asked.join(',')} → ${named}`).toMatchObject({ code: 'not-authorised' });
        }
      }
    }
  });
});

/** Every ordered choice of n distinct ids: the desk lists the clerk first, the server must not care how. */
function orderedPicks(ids: readonly string[], n: number): string[][] {
  if (n === 0) return [[]];
  return ids.flatMap((id) =>
    orderedPicks(
      ids.filter((other) => other !== id),
      n - 1,
    ).map((rest) => [id, ...rest]),
  );
}

describe("what depends on the contact's state is left to the fold", () => {
  it('accepts an acceptance or return by someone other than the transfer’s target: the fold flags it, both desks keep it', () => {
    const transferEventId = transfer('liu-yang', 'dept-high-tech').eventId;
    expect(judge(makeContactEvent(by('li-na'), 'contact.transferAccepted', { transferEventId }))).toBeNull();
    expect(
      judge(makeContactEvent(by('li-na'), 'contact.transferReturned', { transferEventId, reason: '不属本科职责' })),
    ).toBeNull();
  });

  it('accepts an answer, a notice of the outcome and a correction by any active staff member', () => {
    expect(judge(makeContactEvent(by('li-na'), 'contact.answered', { answer: '已当场答复' }))).toBeNull();
    expect(judge(makeContactEvent(by('li-na'), 'contact.outcomeNotified', { how: 'phone' }))).toBeNull();
    expect(
      judge(makeContactEvent(by('li-na'), 'contact.corrected', { matter: '咨询技术合同登记', reason: '记错事项' })),
    ).toBeNull();
  });
});

describe('the directory the server judges by', () => {
  it('holds every staff member (active or not), the departments and the agencies of the reference docs', () => {
    const read = directoryOf(TEST_DIRECTORY_DOCS);
    expect(read.staff.get('qian-tao')?.active).toBe(false);
    expect(isActiveStaff(read, 'qian-tao')).toBe(false);
    expect(isActiveStaff(read, 'zhang-wei')).toBe(true);
    expect(isActiveStaff(read, 'nobody-here')).toBe(false);
    expect(read.departmentIds.has('dept-high-tech')).toBe(true);
    expect(read.agencyIds.has('agency-tax')).toBe(true);
    expect(read.departmentIds.has('agency-tax')).toBe(false);
  });
});

describe('art. 17: only a leader decides on a case extension', () => {
  const decide = (staffId: string) =>
    ({
      ...makeContactOpened({ deviceId: desk, deviceSeq: 3, staffId }),
      aggregate: 'case',
      type: 'case.extensionDecided',
      payload: { requestEventId: contactId, decision: 'approved' },
    }) as unknown as DeskEvent;

  it('accepts an extension decision from a leader', () => {
    expect(judge(decide('he-jianguo'))).toBeNull();
  });

  it('refuses an extension decision from someone who is not a leader', () => {
    expect(judge(decide('zhang-wei'))).toMatchObject({
      code: 'not-authorised',
      message: expect.stringContaining('extension'),
    });
  });
});

describe('art. 8(二): a case rejection is proposed to a leader and decided by one', () => {
  const caseId = newContactId();
  const caseEvent = (staffId: string, type: DeskEvent['type'], payload: object) =>
    deskEventSchema.parse({
      ...stampEnvelope({ deviceId: desk, deviceSeq: 4, staffId }, 'case'),
      aggregateId: caseId,
      type,
      payload,
    });
  const grounds = { reason: '不属于本局受理范围', legalBasis: '《技术合同认定登记管理办法》第六条' };
  const propose = (toLeaderId: string, competentAgencyId?: string) =>
    caseEvent('zhang-wei', 'case.rejectionProposed', { ...grounds, toLeaderId, competentAgencyId });
  const reviewCase = (staffId: string) => caseEvent(staffId, 'case.rejectionReviewed', { decision: 'approved' });
  const legacy = (staffId: string, competentAgencyId?: string) =>
    caseEvent(staffId, 'case.rejected', { ...grounds, competentAgencyId });

  it('art. 8(二): accepts a proposed rejection sent to an active leader, naming an agency of the directory', () => {
    expect(judge(propose('he-jianguo'))).toBeNull();
    expect(judge(propose('lin-zhiyuan', 'agency-tax'))).toBeNull();
  });

  it('art. 8(二): refuses a proposed rejection sent to someone who is not a leader, or not active', () => {
    expect(judge(propose('chen-jing'))).toEqual({
      code: 'not-authorised',
      message: 'a proposed rejection must go to a leader for review; chen-jing is not a leader',
    });
    expect(judge(propose('gao-tuixiu'))).toMatchObject({ code: 'unknown-reference' });
    expect(judge(propose('nobody-here'))).toMatchObject({ code: 'unknown-reference' });
  });

  it('refuses a proposed rejection naming an agency that is not in the directory', () => {
    expect(judge(propose('he-jianguo', 'agency-gone'))).toEqual({
      code: 'unknown-reference',
      message: "agency 'agency-gone' is not in the directory",
    });
  });

  it('art. 8(二): only a leader reviews a proposed rejection', () => {
    expect(judge(reviewCase('he-jianguo'))).toBeNull();
    expect(judge(reviewCase('wang-fang'))).toEqual({
      code: 'not-authorised',
      message: 'only a leader may review a proposed rejection; wang-fang is not a leader',
    });
  });

  it('art. 8(二): a legacy one-step rejection is refused from anyone but a leader, and checks its agency', () => {
    expect(judge(legacy('zhang-wei'))).toEqual({
      code: 'not-authorised',
      message: 'only a leader may reject a case in one step; zhang-wei is not a leader',
    });
    expect(judge(legacy('he-jianguo', 'agency-tax'))).toBeNull();
    expect(judge(legacy('he-jianguo', 'agency-gone'))).toMatchObject({ code: 'unknown-reference' });
  });
});
