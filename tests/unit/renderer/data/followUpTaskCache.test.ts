import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { ReferenceDoc } from '../../../../shared/model/reference.ts';
import { deskCalendar, today } from '../../../../renderer/data/calendar.ts';
import { acceptCase, checkMaterials, completeCase, openCase } from '../../../../renderer/data/caseOperations.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { recordAttempt, recordFollowUp } from '../../../../renderer/data/followUpOperations.ts';
import {
  readFollowUpTasksCached,
  watchFollowUpTasks,
  watchRatesSources,
} from '../../../../renderer/data/followUpTaskCache.ts';
import { appendEvents } from '../../../../renderer/data/append.ts';
import { readFollowUpTasks } from '../../../../renderer/data/followUps.ts';
import { recordContact } from '../../../../renderer/data/operations.ts';
import { mergeReferenceDocs } from '../../../../renderer/data/references.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';
import { signedInOnline } from './sessions.ts';

// The inbox and the board read the follow-up tasks from memory brought up to date by what changed: after every
// kind of change they must answer exactly what a full read answers.

const clerk = 'zhang-wei' as StaffId;
const handler = 'li-na' as StaffId;
const supervisor = signedInOnline('huang-xiuying');
let db: DeskDb;

const doc = (kind: ReferenceDoc['kind'], id: string, body: unknown, rev = 1) =>
  ({ kind, id, rev, hlc: `00000000000000${rev}-00000-hq-${id}`, updatedAt: '2026-11-28T00:00:00.000Z', body }) as ReferenceDoc;
const SUPERVISOR = doc('staff', 'huang-xiuying', { id: 'huang-xiuying', name: '黄秀英', departmentId: 'dept-window', rank: 'sectionChief', title: '科长', roles: ['supervisor'], active: true });

async function completedCase(): Promise<string> {
  const contactId = await recordContact(db, clerk, { channel: 'visit', visitor: { name: '王芳', phone: '13937712345' }, matter: '技术合同认定登记', askedStaffIds: [] });
  const caseId = await openCase(db, clerk, contactId, 'tech-contract');
  await checkMaterials(db, handler, caseId, [
    { materialId: 'contract-text', state: 'received' },
    { materialId: 'authorisation', state: 'received' },
  ]);
  await acceptCase(db, handler, caseId);
  await completeCase(db, handler, caseId, { outcome: 'granted', result: '已认定登记' });
  return caseId;
}

const same = async () => {
  const cached = await readFollowUpTasksCached(db, deskCalendar(), today());
  expect(cached).toEqual(await readFollowUpTasks(db, deskCalendar(), today()));
  return cached;
};

beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [SUPERVISOR]));
});

describe('follow-up tasks from memory', () => {
  it('answers what a full read answers after a case ends, a try, a record and a settings change', async () => {
    expect(await same()).toEqual([]);
    const first = await completedCase();
    expect((await same()).map((v) => v.task.subject.id)).toEqual([first]);
    await recordAttempt(db, supervisor, first, { means: 'phone', note: '无人接听' });
    expect((await same())[0]?.status.attempts).toBe(1);
    const second = await completedCase();
    await recordFollowUp(db, supervisor, first, { means: 'phone', resultAsRecorded: 'yes', ratings: { overall: 'satisfied' }, strong: false });
    const views = await same();
    expect(views.find((v) => v.task.subject.id === first)?.status.status).toBe('done');
    expect(views.find((v) => v.task.subject.id === second)?.status.status).toBe('pending');
    // The bureau gives the tasks to the departments: every task is derived again.
    await db.transaction('rw', db.refs, () =>
      mergeReferenceDocs(db, [doc('settings', 'bureau', { bureauCode: 'NYKJ', hotline: '0377-12345', idleLockMinutes: 5, nightlySyncAt: '02:00', followUp: { dueDays: 3, owner: 'department', contactSampleRate: 0, rectifyDays: 5 } }, 2)]),
    );
    expect((await same()).map((v) => v.task.owner)).toEqual([
      { kind: 'department', departmentId: 'dept-hightech' },
      { kind: 'department', departmentId: 'dept-hightech' },
    ]);
  });

  it('tells its watchers of a change that concerns the tasks, and not of one that does not', async () => {
    await same();
    let calls = 0;
    const stop = watchFollowUpTasks(db, () => (calls += 1));
    await db.meta.put({ key: 'unrelated', value: 1 });
    expect(calls).toBe(0);
    await completedCase();
    expect(calls).toBeGreaterThan(0);
    stop();
    const before = calls;
    await completedCase();
    expect(calls).toBe(before);
  });

  it('tells the rates of a rating given, and the task watchers not', async () => {
    await same();
    let tasks = 0;
    let rates = 0;
    const stopTasks = watchFollowUpTasks(db, () => (tasks += 1));
    const stopRates = watchRatesSources(db, () => (rates += 1));
    const id = await recordContact(db, clerk, { channel: 'visit', visitor: { name: '王芳' }, matter: '咨询', askedStaffIds: [] });
    const [tasksBefore, ratesBefore] = [tasks, rates];
    await appendEvents(db, clerk, [
      {
        type: 'rating.given',
        aggregateId: id,
        payload: { service: { kind: 'contact', id }, ratedStaffId: clerk, source: 'pad', level: 'satisfied', reasons: [] },
      },
    ]);
    expect(rates).toBeGreaterThan(ratesBefore);
    expect(tasks).toBe(tasksBefore);
    stopTasks();
    stopRates();
  });
});
