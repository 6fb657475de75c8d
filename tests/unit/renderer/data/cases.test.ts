import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { InvalidEventError } from '../../../../renderer/data/append.ts';
import {
  acceptAsDeemed,
  acceptCase,
  advanceStep,
  checkMaterials,
  decideExtension,
  openCase,
  pauseCase,
  requestExtension,
  requestSupplement,
  resumeCase,
} from '../../../../renderer/data/caseOperations.ts';
import { deskCalendar, today } from '../../../../renderer/data/calendar.ts';
import type { PauseReason } from '../../../../shared/model/deadline.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { recordContact } from '../../../../renderer/data/operations.ts';
import type { IsoDate } from '../../../../shared/rules/isoDate.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';
import { signedInOnline } from './sessions.ts';

const clerk = 'zhang-wei' as StaffId;
// An extension decision is privileged: the leader signed in online (issue 11).
const leader = signedInOnline('he-jianguo');
let db: DeskDb;
let contactId: string;

beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
  contactId = await recordContact(db, clerk, {
    channel: 'visit',
    visitor: { organisation: '南阳某科技有限公司' },
    matter: '技术合同认定登记',
    askedStaffIds: [],
  });
});

const messages = (e: unknown) => (e as InvalidEventError).issues.map((i) => i.message);
/** Each issue as [the field it is shown on, its message key]. */
const fields = (e: unknown) => (e as InvalidEventError).issues.map((i) => [String(i.path.at(-1)), i.message]);
/** A day `n` calendar days before today (Beijing desk time). */
const daysAgo = (n: number) => {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10) as IsoDate;
};
/** A contact registered `n` days ago (only Date is faked: IndexedDB's timers keep running). */
async function registeredDaysAgo(n: number, channel: 'visit' | 'letter' = 'visit'): Promise<string> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${daysAgo(n)}T10:00:00+08:00`));
  try {
    return await recordContact(db, clerk, {
      channel,
      visitor: { organisation: '南阳某材料公司' },
      matter: '技术合同认定登记',
      askedStaffIds: [],
    });
  } finally {
    vi.useRealTimers();
  }
}
const caseEvents = async (id: string) =>
  (await db.events.where('[aggregate+aggregateId]').equals(['case', id]).toArray()).map((s) => s.event);

describe('a case on the desk', () => {
  it('records the catalog version it was opened with, and its department', async () => {
    const caseId = await openCase(db, clerk, contactId, 'tech-contract');
    const row = await db.cases.get(caseId);
    expect(row).toMatchObject({ catalogRev: 1, departmentId: 'dept-hightech', serviceItemName: '技术合同认定登记', status: 'checking' });
  });

  it('art. 11: opening records the day of receipt, the intake and the limits of the catalog version, and disposes of the contact in the same append', async () => {
    const caseId = await openCase(db, clerk, contactId, 'tech-contract');
    const [opened] = await caseEvents(caseId);
    expect(opened?.payload).toMatchObject({ receivedOn: today(), intake: 'inPerson', promisedLimitDays: 5, statutoryLimitDays: 10 });
    const linked = await db.events.where('[aggregate+aggregateId]').equals(['contact', contactId]).toArray();
    const caseOpened = linked.find((s) => s.event.type === 'contact.caseOpened');
    expect(caseOpened?.event.payload).toEqual({ caseId, serviceItemId: 'tech-contract' });
    // One append: consecutive device sequence numbers, the same moment.
    expect(caseOpened!.event.deviceSeq).toBe(opened!.deviceSeq + 1);
    expect(caseOpened!.event.occurredAt).toBe(opened!.occurredAt);
  });

  it('opens a letter for review from the day it was registered, unless the clerk says otherwise', async () => {
    const letter = await registeredDaysAgo(3, 'letter');
    const caseId = await openCase(db, clerk, letter, 'tech-contract');
    expect(await db.cases.get(caseId)).toMatchObject({ intake: 'leftForReview', receivedOn: daysAgo(3) });
    const other = await openCase(db, clerk, letter, 'tech-contract', { intake: 'inPerson', receivedOn: today() });
    expect(await db.cases.get(other)).toMatchObject({ intake: 'inPerson', receivedOn: today() });
  });

  it('refuses a day of receipt in the future or before the contact, or an unknown contact, and appends nothing', async () => {
    const before = await db.events.count();
    const tomorrow = deskCalendar().addWorkingDays(today(), 1).date;
    const error = await openCase(db, clerk, contactId, 'tech-contract', { receivedOn: tomorrow }).catch((e: unknown) => e);
    expect(messages(error)).toEqual(['receivedInFuture']);
    const early = await openCase(db, clerk, contactId, 'tech-contract', { receivedOn: daysAgo(1) }).catch((e: unknown) => e);
    expect(messages(early)).toEqual(['receivedBeforeContact']);
    const unknown = await openCase(db, clerk, '01JZZZZZZZZZZZZZZZZZZZZZZZ', 'tech-contract').catch((e: unknown) => e);
    expect(messages(unknown)).toEqual(['contactMissing']);
    expect(await db.events.count()).toBe(before);
  });

  it('will not accept while a required material is missing, and changes nothing', async () => {
    const caseId = await openCase(db, clerk, contactId, 'tech-contract');
    await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'missing' }]);
    const error = await acceptCase(db, clerk, caseId).catch((e: unknown) => e);
    expect(messages(error)).toEqual(['materialsIncomplete']);
    expect((await db.cases.get(caseId))?.status).toBe('checking');
  });

  it('lists exactly the missing and non-conforming materials in the one supplement notice', async () => {
    const caseId = await openCase(db, clerk, contactId, 'tech-contract');
    await checkMaterials(db, clerk, caseId, [
      { materialId: 'contract-text', state: 'nonConforming', note: '缺少乙方盖章' },
      { materialId: 'authorisation', state: 'received' },
    ]);
    await requestSupplement(db, clerk, caseId);
    expect((await db.cases.get(caseId))?.supplement?.materialIds).toEqual(['contract-text']);
  });

  it('requires a note on a non-conforming material', async () => {
    const caseId = await openCase(db, clerk, contactId, 'tech-contract');
    const error = await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'nonConforming' }]).catch(
      (e: unknown) => e,
    );
    expect(messages(error)).toEqual(['nonConformingNoteRequired']);
  });

  it('art. 10–11: a supplement is told once; a second notice is refused', async () => {
    const caseId = await openCase(db, clerk, contactId, 'tech-contract');
    await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'missing' }]);
    await requestSupplement(db, clerk, caseId);
    const error = await requestSupplement(db, clerk, caseId).catch((e: unknown) => e);
    expect(messages(error)).toEqual(['supplementOnlyOnce']);
    expect((await caseEvents(caseId)).filter((e) => e.type === 'case.supplementRequested')).toHaveLength(1);
  });

  describe('行政许可法 §32: not told within five working days of receipt', () => {
    let caseId: string;
    beforeEach(async () => {
      const letter = await registeredDaysAgo(30, 'letter');
      caseId = await openCase(db, clerk, letter, 'tech-contract');
      await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'missing' }]);
    });

    it('art. 11: refuses a supplement notice once the application counts as accepted', async () => {
      const error = await requestSupplement(db, clerk, caseId).catch((e: unknown) => e);
      expect(messages(error)).toEqual(['supplementTooLate']);
      expect((await db.cases.get(caseId))?.status).toBe('checking');
    });

    it('records the deemed acceptance from the day of receipt, with the limits recorded at opening, whatever the materials', async () => {
      await acceptAsDeemed(db, clerk, caseId);
      const row = await db.cases.get(caseId);
      expect(row?.status).toBe('running');
      expect(row?.acceptance).toMatchObject({ acceptedOn: daysAgo(30), deemed: true, promisedLimitDays: 5, statutoryLimitDays: 10 });
    });

    it('records the deemed acceptance once: a second acceptance is refused', async () => {
      await acceptAsDeemed(db, clerk, caseId);
      expect(messages(await acceptCase(db, clerk, caseId).catch((e: unknown) => e))).toEqual(['notAcceptable']);
      expect((await caseEvents(caseId)).filter((e) => e.type === 'case.accepted')).toHaveLength(1);
    });

    it('turns an ordinary acceptance into the deemed one (the clock runs from receipt, not from today)', async () => {
      await acceptCase(db, clerk, caseId);
      expect((await db.cases.get(caseId))?.acceptance).toMatchObject({ acceptedOn: daysAgo(30), deemed: true });
    });

    it('art. 17: refuses an extension requested after the due date, and an approval after it', async () => {
      await acceptAsDeemed(db, clerk, caseId);
      const error = await requestExtension(db, clerk, caseId, { days: 5, reason: '需专家评审' }).catch((e: unknown) => e);
      expect(messages(error)).toEqual(['extensionAfterDue']);
      expect((await db.cases.get(caseId))?.extensions).toEqual([]);
    });

    it('art. 18(1): refuses a pause once the due date has passed, dated after it or back before it', async () => {
      await acceptAsDeemed(db, clerk, caseId);
      const before = await caseEvents(caseId);
      const now = await pauseCase(db, clerk, caseId, { from: today(), reason: 'testing', note: '送检' }).catch(
        (e: unknown) => e,
      );
      expect(fields(now)).toEqual([['from', 'pauseAfterDue']]);
      // Dated back into the time allowed, it would erase the overrun after the fact.
      const backdated = await pauseCase(db, clerk, caseId, { from: daysAgo(29), reason: 'testing', note: '送检' }).catch(
        (e: unknown) => e,
      );
      expect(fields(backdated)).toEqual([['form', 'pauseAfterDue']]);
      expect(await caseEvents(caseId)).toEqual(before);
      expect((await db.cases.get(caseId))?.pauses).toEqual([]);
    });
  });

  it('does not count an in-time case as deemed accepted', async () => {
    const caseId = await openCase(db, clerk, contactId, 'tech-contract');
    const error = await acceptAsDeemed(db, clerk, caseId).catch((e: unknown) => e);
    expect(messages(error)).toEqual(['notDeemedAccepted']);
    expect((await db.cases.get(caseId))?.status).toBe('checking');
  });

  it('starts the clock on acceptance with the promised limit of the catalog', async () => {
    const caseId = await openCase(db, clerk, contactId, 'tech-contract');
    await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'received' }]);
    await acceptCase(db, clerk, caseId);
    const row = await db.cases.get(caseId);
    expect(row?.status).toBe('running');
    expect(row?.acceptance).toMatchObject({ promisedLimitDays: 5, statutoryLimitDays: 10 });
  });

  it('refuses a pause dated back before today, even inside the running time: it counts only from the day it is recorded', async () => {
    // Accepted yesterday, so the day typed is after the acceptance and before any due date: only the backdating is wrong.
    const yesterdays = await registeredDaysAgo(1);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${daysAgo(1)}T10:00:00+08:00`));
    let caseId: string;
    try {
      caseId = await openCase(db, clerk, yesterdays, 'tech-contract');
      await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'received' }]);
      await acceptCase(db, clerk, caseId);
    } finally {
      vi.useRealTimers();
    }
    expect((await db.cases.get(caseId))?.acceptance?.acceptedOn).toBe(daysAgo(1));
    const before = await caseEvents(caseId);
    const backdated = { from: daysAgo(1), reason: 'hearing' as const, note: '听证' };
    const error = await pauseCase(db, clerk, caseId, backdated).catch((e: unknown) => e);
    expect(fields(error)).toEqual([['from', 'pauseBackdated']]);
    expect(await caseEvents(caseId)).toEqual(before);
    await pauseCase(db, clerk, caseId, { ...backdated, from: today() });
    expect((await db.cases.get(caseId))?.pauses).toMatchObject([{ from: today(), reason: 'hearing' }]);
  });

  describe('while running', () => {
    let caseId: string;
    beforeEach(async () => {
      caseId = await openCase(db, clerk, contactId, 'tech-contract');
      await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'received' }]);
      await acceptCase(db, clerk, caseId);
    });

    it('refuses an extension without a reason, and one approved by a non-leader', async () => {
      expect(messages(await requestExtension(db, clerk, caseId, { days: 5, reason: ' ' }).catch((e: unknown) => e))).toEqual([
        'extensionReasonRequired',
      ]);
      await requestExtension(db, clerk, caseId, { days: 5, reason: '需专家评审' });
      expect(messages(await decideExtension(db, clerk, caseId, { decision: 'approved' }).catch((e: unknown) => e))).toEqual([
        'leaderRequired',
      ]);
      await decideExtension(db, leader, caseId, { decision: 'approved' });
      expect((await db.cases.get(caseId))?.extensions[0]?.decision).toBe('approved');
    });

    it('art. 16: moves the running case through the steps of its catalog version, never past the last', async () => {
      for (let i = 0; i < 3; i += 1) await advanceStep(db, clerk, caseId);
      expect((await db.cases.get(caseId))?.steps.map((s) => s.step)).toEqual([1, 2, 3]);
      const error = await advanceStep(db, clerk, caseId).catch((e: unknown) => e);
      expect(messages(error)).toEqual(['noNextStep']);
    });

    it("art. 10–11: refuses a pause 'for 补正' (a second supplement in disguise)", async () => {
      const acceptedOn = (await db.cases.get(caseId))!.acceptance!.acceptedOn;
      const error = await pauseCase(db, clerk, caseId, {
        from: acceptedOn,
        reason: 'supplement' as PauseReason,
        note: '补正',
      }).catch((e: unknown) => e);
      expect(messages(error)).toEqual(['pauseReasonNotAllowed']);
      expect((await db.cases.get(caseId))?.pauses).toEqual([]);
    });

    it('refuses a resumption dated before the pause started', async () => {
      const acceptedOn = (await db.cases.get(caseId))!.acceptance!.acceptedOn;
      await pauseCase(db, clerk, caseId, { from: acceptedOn, reason: 'expertReview', note: '专家评审' });
      const error = await resumeCase(db, clerk, caseId, { on: '2000-01-01' as IsoDate }).catch((e: unknown) => e);
      expect(messages(error)).toEqual(['pauseEndsBeforeStart']);
      expect((await db.cases.get(caseId))?.pauses[0]?.to).toBeUndefined();
    });

    it('refuses a pause dated in the future: it would stop the clock for days not yet come', async () => {
      const tomorrow = daysAgo(-1);
      const error = await pauseCase(db, clerk, caseId, { from: tomorrow, reason: 'hearing', note: '听证' }).catch(
        (e: unknown) => e,
      );
      expect(fields(error)).toEqual([['from', 'pauseInFuture']]);
      expect((await db.cases.get(caseId))?.pauses).toEqual([]);
    });

    it('refuses a pause dated before the acceptance', async () => {
      const error = await pauseCase(db, clerk, caseId, { from: daysAgo(1), reason: 'hearing', note: '听证' }).catch(
        (e: unknown) => e,
      );
      expect(fields(error)).toEqual([['from', 'pauseBeforeAcceptance']]);
      expect((await db.cases.get(caseId))?.pauses).toEqual([]);
    });

    it('refuses a resumption dated in the future, which would keep the clock stopped; takes one dated today', async () => {
      await pauseCase(db, clerk, caseId, { from: today(), reason: 'expertReview', note: '专家评审' });
      const error = await resumeCase(db, clerk, caseId, { on: daysAgo(-3) }).catch((e: unknown) => e);
      expect(fields(error)).toEqual([['on', 'resumeInFuture']]);
      expect((await db.cases.get(caseId))?.pauses[0]?.to).toBeUndefined();
      await resumeCase(db, clerk, caseId, { on: today() });
      expect((await db.cases.get(caseId))?.pauses).toMatchObject([{ from: today(), to: today() }]);
    });

    it('refuses a resumption dated before the acceptance', async () => {
      const error = await resumeCase(db, clerk, caseId, { on: '2000-01-01' as IsoDate }).catch((e: unknown) => e);
      expect(fields(error)).toEqual([['on', 'resumeBeforeAcceptance']]);
      expect((await caseEvents(caseId)).filter((e) => e.type === 'case.resumed')).toEqual([]);
    });
  });
});
