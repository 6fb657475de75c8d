import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { InvalidEventError } from '../../../../renderer/data/append.ts';
import { SessionRequiredError } from '../../../../renderer/data/author.ts';
import { today } from '../../../../renderer/data/calendar.ts';
import { closeCase, proposeRejection, reviewRejection, withdrawCase } from '../../../../renderer/data/caseEndings.ts';
import { acceptCase, checkMaterials, openCase } from '../../../../renderer/data/caseOperations.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { recordContact } from '../../../../renderer/data/operations.ts';
import type { IsoDate } from '../../../../shared/rules/isoDate.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';
import { signedInOnline } from './sessions.ts';

// How a case ends on the desk other than by completion: a leader-approved 不予受理, withdrawal, closure.

const clerk = 'zhang-wei' as StaffId;
const leaderId = 'he-jianguo' as StaffId;
const leader = signedInOnline(leaderId);
const proposal = { toLeaderId: leaderId, reason: '申请人不在本市注册', legalBasis: '《技术合同认定登记管理办法》第六条' };
let db: DeskDb;
let caseId: string;

const messages = (e: unknown) => (e as InvalidEventError).issues.map((i) => i.message);
/** A letter registered `n` days ago, its materials received that day (only Date is faked: IndexedDB's timers run). */
async function registeredDaysAgo(n: number): Promise<string> {
  const day = new Date(`${today()}T10:00:00+08:00`);
  day.setUTCDate(day.getUTCDate() - n);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(day);
  try {
    return await recordContact(db, clerk, {
      channel: 'letter',
      visitor: { organisation: '南阳某材料公司' },
      matter: '技术合同认定登记',
      askedStaffIds: [],
    });
  } finally {
    vi.useRealTimers();
  }
}
const row = () => db.cases.get(caseId);
const countEvents = () => db.events.count();

beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
  const contactId = await recordContact(db, clerk, {
    channel: 'visit',
    visitor: { organisation: '外地某科技有限公司' },
    matter: '技术合同认定登记',
    askedStaffIds: [],
  });
  caseId = await openCase(db, clerk, contactId, 'tech-contract');
});

describe('art. 8(二): 不予受理 is proposed to a leader, final only when approved', () => {
  it('a proposal waits for the leader and is not yet a rejection', async () => {
    await proposeRejection(db, clerk, caseId, proposal);
    expect((await row())?.status).toBe('rejectionPending');
    expect((await row())?.rejection).toBeUndefined();
    expect((await row())?.rejectionProposals).toMatchObject([{ toLeaderId: leaderId, fromStatus: 'checking' }]);
    // One proposal at a time: a second waits for nothing.
    const again = await proposeRejection(db, clerk, caseId, proposal).catch((e: unknown) => e);
    expect(messages(again)).toEqual(['rejectionAlreadyPending']);
  });

  it('a proposal must name a leader, and a reason and its legal basis', async () => {
    const notLeader = await proposeRejection(db, clerk, caseId, { ...proposal, toLeaderId: 'zhao-gang' as StaffId }).catch(
      (e: unknown) => e,
    );
    expect(messages(notLeader)).toEqual(['leaderRequired']);
    const bare = await proposeRejection(db, clerk, caseId, { ...proposal, reason: ' ', legalBasis: '' }).catch(
      (e: unknown) => e,
    );
    expect(messages(bare).sort()).toEqual(['legalBasisRequired', 'rejectionReasonRequired']);
    expect((await row())?.status).toBe('checking');
  });

  it('the leader, signed in online, approves: the rejection is final and names who approved it', async () => {
    await proposeRejection(db, clerk, caseId, proposal);
    await reviewRejection(db, leader, caseId, { decision: 'approved' });
    expect(await row()).toMatchObject({
      status: 'rejected',
      rejection: { reason: proposal.reason, by: clerk, approvedBy: leaderId },
    });
  });

  it("refuses a clerk's approval, and a leader's without an online sign-in, storing nothing", async () => {
    await proposeRejection(db, clerk, caseId, proposal);
    const before = await countEvents();
    const byClerk = await reviewRejection(db, signedInOnline(clerk), caseId, { decision: 'approved' }).catch(
      (e: unknown) => e,
    );
    expect(messages(byClerk)).toEqual(['leaderRequired']);
    const offline = await reviewRejection(db, leaderId, caseId, { decision: 'approved' }).catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(SessionRequiredError);
    expect(await countEvents()).toBe(before);
    expect((await row())?.status).toBe('rejectionPending');
  });

  it('an overrule needs its reason and sends the case back to where it was', async () => {
    await proposeRejection(db, clerk, caseId, proposal);
    const bare = await reviewRejection(db, leader, caseId, { decision: 'overruled', note: '' }).catch((e: unknown) => e);
    expect(messages(bare)).toEqual(['overruleReasonRequired']);
    await reviewRejection(db, leader, caseId, { decision: 'overruled', note: '注册地在本市，应予受理' });
    expect((await row())?.status).toBe('checking');
    expect((await row())?.rejection).toBeUndefined();
    expect((await row())?.rejectionProposals[0]).toMatchObject({ decision: 'overruled', decidedBy: leaderId });
  });

  it('nothing is reviewed when nothing is pending, and an accepted case cannot be proposed for rejection', async () => {
    expect(messages(await reviewRejection(db, leader, caseId, { decision: 'approved' }).catch((e: unknown) => e))).toEqual([
      'noPendingRejection',
    ]);
    await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'received' }]);
    await acceptCase(db, clerk, caseId);
    expect(messages(await proposeRejection(db, clerk, caseId, proposal).catch((e: unknown) => e))).toEqual([
      'rejectOnlyBeforeAcceptance',
    ]);
  });
});

describe('撤回申请 and 办件终结', () => {
  it('the applicant withdraws a running case; it ends, and nothing more can end it', async () => {
    await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'received' }]);
    await acceptCase(db, clerk, caseId);
    await withdrawCase(db, clerk, caseId, { on: today(), how: 'written', reason: '企业决定暂不申请' });
    expect(await row()).toMatchObject({ status: 'withdrawn', withdrawal: { how: 'written', on: today() } });
    const again = await withdrawCase(db, clerk, caseId, { on: today(), how: 'phone' }).catch((e: unknown) => e);
    expect(messages(again)).toEqual(['caseAlreadyEnded']);
  });

  it('refuses a withdrawal dated in the future or before the materials came in', async () => {
    const future = await withdrawCase(db, clerk, caseId, { on: '2999-01-01' as IsoDate, how: 'onSite' }).catch(
      (e: unknown) => e,
    );
    expect(messages(future)).toEqual(['dateInFuture']);
    const early = await withdrawCase(db, clerk, caseId, { on: '2000-01-01' as IsoDate, how: 'onSite' }).catch(
      (e: unknown) => e,
    );
    expect(messages(early)).toEqual(['dateBeforeReceipt']);
    expect((await row())?.status).toBe('checking');
  });

  it('closes a case never accepted, with its reason and a note; never an accepted one', async () => {
    const bare = await closeCase(db, clerk, caseId, { on: today(), reason: 'applicantUnreachable', note: '' }).catch(
      (e: unknown) => e,
    );
    expect(messages(bare)).toEqual(['closureNoteRequired']);
    await closeCase(db, clerk, caseId, { on: today(), reason: 'applicantUnreachable', note: '三次电话均无人接听' });
    expect(await row()).toMatchObject({ status: 'closed', closure: { reason: 'applicantUnreachable' } });
  });

  it('refuses a closure dated in the future or before the materials came in', async () => {
    const close = (on: string) =>
      closeCase(db, clerk, caseId, { on: on as IsoDate, reason: 'applicantUnreachable', note: '电话无人接听' }).catch(
        (e: unknown) => e,
      );
    expect(messages(await close('2999-01-01'))).toEqual(['dateInFuture']);
    expect(messages(await close('2000-01-01'))).toEqual(['dateBeforeReceipt']);
    expect((await row())?.status).toBe('checking');
  });

  it('行政许可法 §32: refuses to close an application that counts as accepted, recorded or not; a withdrawal still ends it', async () => {
    const letter = await registeredDaysAgo(30);
    const deemed = await openCase(db, clerk, letter, 'tech-contract');
    const before = await countEvents();
    const error = await closeCase(db, clerk, deemed, { on: today(), reason: 'other', note: '材料不全' }).catch(
      (e: unknown) => e,
    );
    expect(messages(error)).toEqual(['closeAfterDeemed']);
    expect(await countEvents()).toBe(before);
    expect((await db.cases.get(deemed))?.status).toBe('checking');
    await withdrawCase(db, clerk, deemed, { on: today(), how: 'phone', reason: '不再办理' });
    expect((await db.cases.get(deemed))?.status).toBe('withdrawn');
  });

  it('refuses to close an accepted case', async () => {
    await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'received' }]);
    await acceptCase(db, clerk, caseId);
    const error = await closeCase(db, clerk, caseId, { on: today(), reason: 'other', note: '其他' }).catch(
      (e: unknown) => e,
    );
    expect(messages(error)).toEqual(['closeOnlyBeforeAcceptance']);
    expect((await row())?.status).toBe('running');
  });
});
