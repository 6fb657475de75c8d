import { beforeEach, describe, expect, it } from 'vitest';
import type { ContactId, StaffId } from '../../../../shared/model/ids.ts';
import type { ReferenceDoc } from '../../../../shared/model/reference.ts';
import { sampleOf } from '../../../../shared/rules/followUpTasks.ts';
import type { IsoDate } from '../../../../shared/rules/isoDate.ts';
import type { InvalidEventError } from '../../../../renderer/data/append.ts';
import { deskCalendar, today } from '../../../../renderer/data/calendar.ts';
import { acceptCase, checkMaterials, completeCase, openCase } from '../../../../renderer/data/caseOperations.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { followUpsFor, strongFollowUps } from '../../../../renderer/data/followUpHooks.ts';
import {
  considerSuggestion,
  informLeader,
  recordAttempt,
  recordFollowUp,
} from '../../../../renderer/data/followUpOperations.ts';
import { readFollowUpTask, readFollowUpTasks } from '../../../../renderer/data/followUps.ts';
import { answerContact, recordContact } from '../../../../renderer/data/operations.ts';
import { getStaff, mergeReferenceDocs } from '../../../../renderer/data/references.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';
import { signedInOnline } from './sessions.ts';

// Chapter 7 服务回访 at the desk: tasks derived from the ended cases and contacts, recorded by their owners only.

const clerk = 'zhang-wei' as StaffId;
const handler = 'li-na' as StaffId;
const supervisorId = 'huang-xiuying' as StaffId;
const supervisor = signedInOnline(supervisorId);
const leaderId = 'he-jianguo' as StaffId;
let db: DeskDb;

const doc = (kind: ReferenceDoc['kind'], id: string, body: unknown, rev = 1) =>
  ({ kind, id, rev, hlc: `000000000000002-00000-hq-${id}`, updatedAt: '2026-11-28T00:00:00.000Z', body }) as ReferenceDoc;
const SUPERVISOR = doc('staff', 'huang-xiuying', {
  id: 'huang-xiuying',
  name: '黄秀英',
  departmentId: 'dept-window',
  rank: 'sectionChief',
  title: '科长',
  roles: ['supervisor'],
  active: true,
});
const settings = (followUp: {
  dueDays: number;
  owner: 'supervisors' | 'department';
  contactSampleRate: number;
  strongWhen?: 'overall' | 'anyVeryDissatisfied' | 'anyDissatisfied';
}) =>
  doc(
    'settings',
    'bureau',
    { bureauCode: 'NYKJ', hotline: '0377-12345', idleLockMinutes: 5, nightlySyncAt: '02:00', followUp: { ...followUp, rectifyDays: 5 } },
    2,
  );

const messages = (e: unknown) => (e as InvalidEventError).issues.map((i) => i.message);
const staff = async (id: string) => (await getStaff(db, id))!;
const tasks = (day: IsoDate = today()) => readFollowUpTasks(db, deskCalendar(), day);
const ratingsAll = (level: 'satisfied' | 'dissatisfied' | 'veryDissatisfied') => ({
  overall: level,
  attitude: level,
  quality: level,
  efficiency: level,
  integrity: level,
});

async function contact(matter = '技术合同认定登记'): Promise<ContactId> {
  return recordContact(db, clerk, { channel: 'visit', visitor: { name: '王芳' }, matter, askedStaffIds: [] });
}

/** A case opened by the clerk, accepted and completed by the handler. */
async function completedCase(): Promise<string> {
  const caseId = await openCase(db, clerk, await contact(), 'tech-contract');
  await checkMaterials(db, handler, caseId, [
    { materialId: 'contract-text', state: 'received' },
    { materialId: 'authorisation', state: 'received' },
  ]);
  await acceptCase(db, handler, caseId);
  await completeCase(db, handler, caseId, { outcome: 'granted', result: '已认定登记' });
  return caseId;
}

beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [SUPERVISOR]));
});

describe('art. 27: a task for every ended case', () => {
  it('a completed case gives the supervisors a follow-up task, due after the working days set, never the handler', async () => {
    const caseId = await completedCase();
    const [view, ...more] = await tasks();
    expect(more).toEqual([]);
    expect(view).toMatchObject({
      task: { subject: { kind: 'case', id: caseId }, endedOn: today(), owner: { kind: 'supervisors' } },
      status: { status: 'pending', overdue: false, attempts: 0 },
      applicant: '王芳',
      matter: '技术合同认定登记',
    });
    expect(view?.task.dueOn).toBe(deskCalendar().addWorkingDays(today(), 5).date);
    expect(view?.task.excludedStaffIds).toEqual(expect.arrayContaining([clerk, handler]));
    expect(followUpsFor(await staff(supervisorId), await tasks())).toHaveLength(1);
    expect(followUpsFor(await staff(handler), await tasks())).toEqual([]);
    expect(followUpsFor(await staff(clerk), await tasks())).toEqual([]);
  });

  it('is overdue, in red, only once dueDays working days have passed with no record', async () => {
    await completedCase();
    const [view] = await tasks();
    const dueOn = view!.task.dueOn;
    expect((await tasks(dueOn))[0]?.status.overdue).toBe(false);
    const after = deskCalendar().addWorkingDays(dueOn, 1).date;
    expect((await tasks(after))[0]?.status.overdue).toBe(true);
  });

  it('goes to the department whose work it was when the bureau sets it so', async () => {
    await db.transaction('rw', db.refs, () =>
      mergeReferenceDocs(db, [settings({ dueDays: 3, owner: 'department', contactSampleRate: 0 })]),
    );
    await completedCase();
    const [view] = await tasks();
    expect(view?.task.owner).toEqual({ kind: 'department', departmentId: 'dept-hightech' });
    expect(view?.task.dueOn).toBe(deskCalendar().addWorkingDays(today(), 3).date);
    // 孙丽 of the same department did not handle it; the supervisor is no longer its owner.
    expect(followUpsFor(await staff('sun-li'), await tasks())).toHaveLength(1);
    expect(followUpsFor(await staff(handler), await tasks())).toEqual([]);
    expect(followUpsFor(await staff(supervisorId), await tasks())).toEqual([]);
  });
});

describe('art. 27: contacts ended without a case, sampled', () => {
  it('a sampled answered contact has a task and an unsampled one has none', async () => {
    // A rate between the two contacts' shares samples exactly one of them, the same on every desk.
    const a = await contact('咨询高企认定');
    const b = await contact('咨询科技型中小企业评价');
    await answerContact(db, clerk, a, { answer: '已告知条件' });
    await answerContact(db, clerk, b, { answer: '已告知条件' });
    const [low, high] = [a, b].sort((x, y) => sampleOf(x) - sampleOf(y));
    const rate = (sampleOf(low!) + sampleOf(high!)) / 2;
    await db.transaction('rw', db.refs, () =>
      mergeReferenceDocs(db, [settings({ dueDays: 5, owner: 'supervisors', contactSampleRate: rate })]),
    );
    expect((await tasks()).map((v) => v.task.subject)).toEqual([{ kind: 'contact', id: low }]);
    expect(await readFollowUpTask(db, high!, deskCalendar(), today())).toBeUndefined();
  });
});

describe('art. 28–30: recording a follow-up', () => {
  let caseId: string;
  beforeEach(async () => {
    caseId = await completedCase();
  });
  const record = (level: 'satisfied' | 'dissatisfied' | 'veryDissatisfied', extra = {}) =>
    recordFollowUp(db, supervisor, caseId, {
      means: 'phone',
      resultAsRecorded: 'yes',
      ratings: ratingsAll(level),
      strong: false,
      ...extra,
    });
  const view = async () => (await readFollowUpTask(db, caseId, deskCalendar(), today()))!;

  it('the handler cannot record the follow-up of their own case, nor try to: nothing is stored', async () => {
    const before = await db.events.count();
    expect(messages(await recordFollowUp(db, handler, caseId, {
      means: 'phone',
      resultAsRecorded: 'yes',
      ratings: ratingsAll('satisfied'),
      strong: false,
    }).catch((e: unknown) => e))).toEqual(['followUpNotYours']);
    expect(messages(await recordAttempt(db, clerk, caseId, { means: 'phone' }).catch((e: unknown) => e))).toEqual([
      'followUpNotYours',
    ]);
    // Nor an uninvolved handler who is not a supervisor (the supervisors own it).
    expect(messages(await recordAttempt(db, 'sun-li' as StaffId, caseId, { means: 'phone' }).catch((e: unknown) => e))).toEqual([
      'followUpNotYours',
    ]);
    expect(await db.events.count()).toBe(before);
  });

  it('counts a try that did not reach the applicant and keeps the task pending', async () => {
    await recordAttempt(db, supervisor, caseId, { means: 'phone', note: '无人接听' });
    expect((await view()).status).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await view()).state?.attempts[0]).toMatchObject({ by: supervisorId, means: 'phone', note: '无人接听' });
  });

  it('a dissatisfied record keeps the task open; a later satisfied one closes it', async () => {
    await record('dissatisfied', { opinions: '办理时间偏长' });
    expect((await view()).status.status).toBe('dissatisfied');
    expect(followUpsFor(await staff(supervisorId), await tasks())).toHaveLength(1);
    await record('satisfied');
    expect((await view()).status).toMatchObject({ status: 'done', onTime: true });
    expect((await view()).state?.records).toHaveLength(2);
    expect(followUpsFor(await staff(supervisorId), await tasks())).toEqual([]);
    // Done: no more tries or records are taken.
    expect(messages(await record('satisfied').catch((e: unknown) => e))).toEqual(['followUpAlreadyDone']);
  });

  it('refuses a record the shared schema refuses (no means), storing nothing', async () => {
    const before = await db.events.count();
    await expect(record('satisfied', { means: 'pigeon' })).rejects.toThrow();
    expect(await db.events.count()).toBe(before);
  });

  it('strong dissatisfaction waits in the leaders’ inbox until a leader takes it', async () => {
    await record('veryDissatisfied', { strong: true });
    expect(strongFollowUps(await tasks()).map((v) => v.task.subject.id)).toEqual([caseId]);
    // Only a leader may be named; the handler may not report on their own case.
    expect(messages(await informLeader(db, supervisor, caseId, { leaderId: handler }).catch((e: unknown) => e))).toEqual([
      'leaderRequired',
    ]);
    expect(messages(await informLeader(db, handler, caseId, { leaderId }).catch((e: unknown) => e))).toEqual([
      'followUpNotYours',
    ]);
    await informLeader(db, leaderId, caseId, { leaderId, note: '已阅，请窗口跟进' });
    expect(strongFollowUps(await tasks())).toEqual([]);
    expect(messages(await informLeader(db, supervisor, caseId, { leaderId }).catch((e: unknown) => e))).toEqual([
      'followUpLeaderAlreadyInformed',
    ]);
  });

  it('art. 30: the bureau’s rule marks 反映强烈 when the record is saved; an overall 非常不满意 always does', async () => {
    // 不满意 keeps the task open (art. 30 加强跟踪回访), so each record below is taken.
    const integrityOnly = { overall: 'dissatisfied', integrity: 'dissatisfied' } as const;
    const recordWith = (ratings: object) =>
      recordFollowUp(db, supervisor, caseId, { means: 'phone', resultAsRecorded: 'yes', ratings, strong: false });
    // The default rule: an aspect 不满意 alone is not strong.
    await recordWith(integrityOnly);
    expect((await view()).state?.records.at(-1)?.strong).toBe(false);
    // The bureau widens it: the same answers now go to a leader, the event itself says so.
    await db.transaction('rw', db.refs, () =>
      mergeReferenceDocs(db, [
        settings({ dueDays: 5, owner: 'supervisors', contactSampleRate: 0, strongWhen: 'anyDissatisfied' }),
      ]),
    );
    await recordWith(integrityOnly);
    const saved = (await db.events.where('[aggregate+aggregateId]').equals(['followUp', caseId]).toArray()).at(-1);
    expect(saved?.event.payload).toMatchObject({ strong: true });
    expect(strongFollowUps(await tasks()).map((v) => v.task.subject.id)).toEqual([caseId]);
    // anyVeryDissatisfied: 不满意 is not enough, 非常不满意 in one aspect is.
    await db.transaction('rw', db.refs, () =>
      mergeReferenceDocs(db, [
        { ...settings({ dueDays: 5, owner: 'supervisors', contactSampleRate: 0, strongWhen: 'anyVeryDissatisfied' }), rev: 3 },
      ]),
    );
    await recordWith(integrityOnly);
    expect((await view()).state?.records.at(-1)?.strong).toBe(false);
    await recordWith({ overall: 'dissatisfied', integrity: 'veryDissatisfied' });
    expect((await view()).state?.records.at(-1)?.strong).toBe(true);
  });

  it('art. 30: suggestions are considered by the bureau, only once there are some', async () => {
    expect(
      messages(await considerSuggestion(db, supervisor, caseId, { outcome: 'adopted', note: '采纳' }).catch((e: unknown) => e)),
    ).toEqual(['followUpNoSuggestions']);
    await record('satisfied', { suggestions: '希望增加网上办理' });
    expect(
      messages(await considerSuggestion(db, handler, caseId, { outcome: 'adopted', note: '采纳' }).catch((e: unknown) => e)),
    ).toEqual(['followUpNotBureau']);
    await considerSuggestion(db, supervisor, caseId, { outcome: 'underStudy', note: '提交局务会研究' });
    expect((await view()).state?.suggestionOutcomes).toMatchObject([{ outcome: 'underStudy', by: supervisorId }]);
  });
});
