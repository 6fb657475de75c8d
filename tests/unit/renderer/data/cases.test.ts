import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { InvalidEventError } from '../../../../renderer/data/append.ts';
import {
  acceptCase,
  checkMaterials,
  decideExtension,
  openCase,
  pauseCase,
  requestExtension,
  requestSupplement,
  resumeCase,
} from '../../../../renderer/data/caseOperations.ts';
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

describe('a case on the desk', () => {
  it('records the catalog version it was opened with, and its department', async () => {
    const caseId = await openCase(db, clerk, contactId, 'tech-contract');
    const row = await db.cases.get(caseId);
    expect(row).toMatchObject({ catalogRev: 1, departmentId: 'dept-hightech', serviceItemName: '技术合同认定登记', status: 'checking' });
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

  it('starts the clock on acceptance with the promised limit of the catalog', async () => {
    const caseId = await openCase(db, clerk, contactId, 'tech-contract');
    await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'received' }]);
    await acceptCase(db, clerk, caseId);
    const row = await db.cases.get(caseId);
    expect(row?.status).toBe('running');
    expect(row?.acceptance).toMatchObject({ promisedLimitDays: 5, statutoryLimitDays: 10 });
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

    it('refuses a resumption dated before the pause started', async () => {
      const acceptedOn = (await db.cases.get(caseId))!.acceptance!.acceptedOn;
      await pauseCase(db, clerk, caseId, { from: acceptedOn, reason: 'expertReview', note: '专家评审' });
      const error = await resumeCase(db, clerk, caseId, { on: '2000-01-01' as IsoDate }).catch((e: unknown) => e);
      expect(messages(error)).toEqual(['pauseEndsBeforeStart']);
      expect((await db.cases.get(caseId))?.pauses[0]?.to).toBeUndefined();
    });
  });
});
