import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings } from '../../../shared/model/reference.ts';
import type { CaseState } from '../../../shared/rules/case.ts';
import type { ContactState } from '../../../shared/rules/contact.ts';
import { foldFollowUp } from '../../../shared/rules/followUp.ts';
import { mayRecordFollowUp } from '../../../shared/rules/followUpPermissions.ts';
import {
  followUpTasks,
  followUpTaskStatus,
  isContactSampled,
  sampleOf,
  type FollowUpTask,
} from '../../../shared/rules/followUpTasks.ts';
import { attempted, calendar, CASE_ID, HANDLER, recorded, SUPERVISOR, ulid } from './followUpBuilders.ts';

// Partial states: only what the task rule reads (the folds that make them are tested in their own files).
const aCase = (caseId: string, status: CaseState['status'], extra: Partial<CaseState> = {}) =>
  ({
    caseId,
    contactId: '01JY0000000000000000000000',
    status,
    openedBy: 'zhang-wei',
    handlerStaffId: HANDLER,
    ...extra,
  }) as CaseState;

const aContact = (contactId: string, status: ContactState['status'], extra: Partial<ContactState> = {}) =>
  ({
    contactId,
    status,
    openedBy: 'li-na',
    firstInquiryStaffId: 'li-na',
    responsibleStaffId: 'li-na',
    cases: [],
    endedAt: '2025-04-30T09:00:00.000+08:00',
    ...extra,
  }) as ContactState;

const DEPARTMENTS: Record<string, string> = { 'liu-yang': 'dept-high-tech', 'li-na': 'dept-window' };
const tasksOf = (
  cases: CaseState[],
  contacts: ContactState[] = [],
  settings: Partial<FollowUpSettings> = {},
): FollowUpTask[] =>
  followUpTasks({
    cases,
    contacts,
    settings: { ...DEFAULT_FOLLOW_UP_SETTINGS, ...settings },
    calendar,
    departmentOf: (id) => DEPARTMENTS[id],
  });

const completedOn = (on: string) => ({ completion: { completedOn: on } }) as Partial<CaseState>;

describe('art. 27: a follow-up task for every matter that ended', () => {
  it('follows up a case completed, rejected, withdrawn or closed, and none still running', () => {
    const tasks = tasksOf([
      aCase('01JY00000000000000000000C1', 'completed', completedOn('2025-04-30')),
      aCase('01JY00000000000000000000C2', 'rejected', {
        rejection: { at: '2025-06-02T10:00:00.000+08:00', approvedAt: '2025-06-03T01:30:00.000Z' },
      } as Partial<CaseState>),
      aCase('01JY00000000000000000000C3', 'withdrawn', { withdrawal: { on: '2025-06-03' } } as Partial<CaseState>),
      aCase('01JY00000000000000000000C4', 'closed', { closure: { on: '2025-06-04' } } as Partial<CaseState>),
      aCase('01JY00000000000000000000C5', 'running'),
      aCase('01JY00000000000000000000C6', 'rejectionPending'),
    ]);
    // Due 5 working days on: 2025-04-30 + 5 passes the May Day holiday (1–5 May) to Monday 12 May; a rejection
    // approved at 09:30 Beijing on 3 June ends that day, not on the UTC date or the proposal's.
    expect(tasks.map((t) => [t.subject.id.slice(-2), t.endedOn, t.dueOn])).toEqual([
      ['C1', '2025-04-30', '2025-05-12'],
      ['C2', '2025-06-03', '2025-06-10'],
      ['C3', '2025-06-03', '2025-06-10'],
      ['C4', '2025-06-04', '2025-06-11'],
    ]);
    expect(tasks[0]).toMatchObject({
      subject: { kind: 'case' },
      owner: { kind: 'supervisors' },
      dueProvisional: false,
    });
  });

  it('never gives the task to the people whose work it was: who opened, accepted, handled, ended it, and first heard it', () => {
    const contact = aContact('01JY0000000000000000000000', 'caseOpened', {
      firstInquiryStaffId: 'wang-fang',
    } as Partial<ContactState>);
    const [task] = tasksOf(
      [
        aCase('01JY00000000000000000000C1', 'completed', {
          ...completedOn('2025-04-30'),
          acceptance: { by: 'li-na' },
        } as Partial<CaseState>),
      ],
      [contact],
    );
    expect(task?.excludedStaffIds).toEqual(['li-na', 'liu-yang', 'wang-fang', 'zhang-wei']);
    // …and none of them may record it, even a supervisor.
    const huang = { id: SUPERVISOR, roles: ['supervisor' as const], departmentId: 'dept-party', active: true };
    expect(mayRecordFollowUp(huang, task!)).toBe(true);
    expect(mayRecordFollowUp({ ...huang, id: 'li-na' }, task!)).toBe(false);
    expect(mayRecordFollowUp({ ...huang, roles: ['handler'] }, task!)).toBe(false);
    expect(mayRecordFollowUp({ ...huang, active: false }, task!)).toBe(false);
  });

  it('gives the task to the department whose work it was when the bureau says so', () => {
    const [task] = tasksOf([aCase(CASE_ID, 'completed', completedOn('2025-04-30'))], [], { owner: 'department' });
    expect(task?.owner).toEqual({ kind: 'department', departmentId: 'dept-high-tech' });
    const head = { id: 'chen-jing', roles: ['deptHead' as const], departmentId: 'dept-high-tech', active: true };
    expect(mayRecordFollowUp(head, task!)).toBe(true);
    expect(mayRecordFollowUp({ ...head, departmentId: 'dept-window' }, task!)).toBe(false);
    expect(mayRecordFollowUp({ ...head, id: HANDLER }, task!)).toBe(false);
  });
});

describe('contacts that ended without a case are sampled (art. 27, the bureau’s rate)', () => {
  it('maps an id to [0,1) by FNV-1a 32-bit, the same everywhere', () => {
    // Published FNV-1a test vectors: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
    expect(sampleOf('')).toBe(0x811c9dc5 / 2 ** 32);
    expect(sampleOf('a')).toBe(0xe40c292c / 2 ** 32);
    expect(sampleOf('foobar')).toBe(0xbf9cf968 / 2 ** 32);
  });

  it('follows up a contact when its share is under the rate: none at 0, every one at 1', () => {
    const ids = ['a', 'foobar', ''];
    // 'a' ≈ 0.891, 'foobar' ≈ 0.748, '' ≈ 0.504
    expect(ids.map((id) => isContactSampled(id, 0.75))).toEqual([false, true, true]);
    expect(ids.map((id) => isContactSampled(id, 0))).toEqual([false, false, false]);
    expect(ids.map((id) => isContactSampled(id, 1))).toEqual([true, true, true]);
  });

  it('samples answered, referred and refused contacts, never one still open or one that opened a case', () => {
    // Contacts registered a minute apart, with ids as desks make them (ULIDs: time, then 80 random bits).
    const ids = Array.from({ length: 400 }, (_, i) => ulid(Date.UTC(2025, 3, 30) + i * 60_000));
    const answered = ids.map((id) => aContact(id, 'answered'));
    const tasks = tasksOf([], [...answered, aContact('01JY00000000000000000OPEN1', 'open')], {
      contactSampleRate: 0.2,
    });
    const expected = ids.filter((id) => sampleOf(id) < 0.2);
    expect(tasks.map((t) => t.subject.id).sort()).toEqual(expected);
    // About a fifth, as the bureau set: a skewed hash would not give it.
    expect(expected.length).toBeGreaterThan(55);
    expect(expected.length).toBeLessThan(105);

    const all = { contactSampleRate: 1 };
    const withCase = aContact('01JY00000000000000000CASE1', 'answered', {
      cases: [{ caseId: CASE_ID }] as unknown as ContactState['cases'],
    });
    expect(tasksOf([], [withCase, aContact('01JY0000000000000000REFUSD', 'refused')], all)).toMatchObject([
      { subject: { kind: 'contact', id: '01JY0000000000000000REFUSD' }, endedOn: '2025-04-30', dueOn: '2025-05-12' },
    ]);
  });
});

describe('a task today', () => {
  const [task] = tasksOf([aCase(CASE_ID, 'completed', completedOn('2025-06-03'))]);

  it('is pending until recorded, and overdue the day after its due day however many tries failed', () => {
    expect(task?.dueOn).toBe('2025-06-10');
    expect(followUpTaskStatus(task!, null, '2025-06-10')).toEqual({ status: 'pending', overdue: false, attempts: 0 });
    const tried = foldFollowUp([attempted('2025-06-05'), attempted('2025-06-09')]);
    expect(followUpTaskStatus(task!, tried, '2025-06-11')).toEqual({ status: 'pending', overdue: true, attempts: 2 });
  });

  it('is done on time, done late, or dissatisfied (art. 30) and so still open', () => {
    const onTime = foldFollowUp([recorded('2025-06-10')]);
    expect(followUpTaskStatus(task!, onTime, '2025-06-20')).toEqual({
      status: 'done',
      overdue: false,
      onTime: true,
      attempts: 0,
    });
    const late = foldFollowUp([recorded('2025-06-11')]);
    expect(followUpTaskStatus(task!, late, '2025-06-20')).toMatchObject({ status: 'done', onTime: false });
    const bad = foldFollowUp([recorded('2025-06-09', 'dissatisfied')]);
    expect(followUpTaskStatus(task!, bad, '2025-06-20')).toMatchObject({ status: 'dissatisfied', onTime: true });
  });
});
