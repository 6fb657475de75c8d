import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { CaseDeadline } from '../../../../shared/rules/deadline.ts';
import type { IsoDate } from '../../../../shared/rules/isoDate.ts';
import { acceptCase, checkMaterials, openCase } from '../../../../renderer/data/caseOperations.ts';
import { deskCalendar, today } from '../../../../renderer/data/calendar.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import {
  answerContact,
  escalateContact,
  proposeRefusal,
  recordContact,
  returnTransfer,
  transferContact,
} from '../../../../renderer/data/operations.ts';
import { caseDueState, countToday, readTodayNumbers } from '../../../../renderer/data/today.ts';
import { freshDeskDb, withDirectory } from '../data/deskDb.ts';

// Today's numbers at the desk (issue 15, point 4), counted by the regulation's meaning: registered today at this
// window / by this person (art. 6–7), disposed = has a disposition (art. 8), waiting = none yet (art. 9), transfers
// waiting for this person or their department to accept (art. 8(3)), this person's cases due within two working
// days or overdue (art. 17–18).

const clerk = 'zhang-wei' as StaffId;
const zhangWei = { id: clerk, departmentId: 'dept-window' };
const liNa = { id: 'li-na', departmentId: 'dept-hightech' };
const zhaoGang = { id: 'zhao-gang', departmentId: 'dept-hightech' };
const visit = (matter: string) => ({
  channel: 'visit' as const,
  visitor: { name: '李明', phone: '13800138000' },
  matter,
  askedStaffIds: [],
});

let db: DeskDb;
beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
});

const numbersOf = (staff: { id: string; departmentId: string }, day: IsoDate = today()) =>
  readTodayNumbers(db, staff as never, day);

/** A contact registered `days` calendar days ago (only Date is faked: IndexedDB's timers keep running). */
async function registeredDaysAgo(days: number, by: StaffId = clerk): Promise<string> {
  const at = new Date(`${today()}T10:00:00+08:00`);
  at.setUTCDate(at.getUTCDate() - days);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    return await recordContact(db, by, visit('昨天的咨询'));
  } finally {
    vi.useRealTimers();
  }
}

describe('today at this window and for this clerk', () => {
  it('two contacts registered, one answered: 2 registered, 1 disposed, 1 waiting', async () => {
    const first = await recordContact(db, clerk, visit('咨询高新技术企业认定'));
    await recordContact(db, clerk, visit('咨询技术合同登记'));
    await answerContact(db, clerk, first, { answer: '已告知认定条件' });
    const numbers = await numbersOf(zhangWei);
    expect(numbers.day).toBe(today());
    expect(numbers.window).toEqual({ registered: 2, disposed: 1, waiting: 1 });
    expect(numbers.mine).toEqual({ registered: 2, disposed: 1, waiting: 1 });
  });

  it('counts only the contacts registered today: an undisposed one from an earlier day is not today’s', async () => {
    await registeredDaysAgo(1);
    await recordContact(db, clerk, visit('今天的咨询'));
    const numbers = await numbersOf(zhangWei);
    expect(numbers.window).toEqual({ registered: 1, disposed: 0, waiting: 1 });
    // art. 9: yesterday's still waits, and is said apart from today's.
    expect(numbers.carriedOver).toBe(1);
  });

  it('art. 9: carried over are this window’s earlier contacts still undisposed — not a disposed one, not another desk’s', async () => {
    const answered = await registeredDaysAgo(2);
    await answerContact(db, clerk, answered, { answer: '已答复' });
    const elsewhere = await registeredDaysAgo(1);
    await db.contacts.put({ ...(await db.contacts.get(elsewhere))!, openedDeviceId: 'another-desk' });
    expect((await numbersOf(zhangWei)).carriedOver).toBe(0);
    await registeredDaysAgo(3);
    expect((await numbersOf(zhangWei)).carriedOver).toBe(1);
  });

  it('the window counts every person registering at this desk; the clerk only what they registered', async () => {
    await recordContact(db, clerk, visit('张伟登记'));
    await recordContact(db, 'li-na' as StaffId, visit('李娜在本窗口登记'));
    const numbers = await numbersOf(zhangWei);
    expect(numbers.window.registered).toBe(2);
    expect(numbers.mine.registered).toBe(1);
    expect((await numbersOf(liNa)).mine.registered).toBe(1);
  });

  it('a contact registered at another window reaches this desk by sync: the clerk’s, not this window’s', async () => {
    const id = await recordContact(db, clerk, visit('在另一窗口登记'));
    const row = (await db.contacts.get(id))!;
    await db.contacts.put({ ...row, openedDeviceId: 'another-desk' });
    const numbers = await numbersOf(zhangWei);
    expect(numbers.window.registered).toBe(0);
    expect(numbers.mine.registered).toBe(1);
  });

  it('art. 8: a transfer, an escalation and a proposed “no” are dispositions; a returned transfer is not', async () => {
    const transferred = await recordContact(db, clerk, visit('转办'));
    const escalated = await recordContact(db, clerk, visit('请示领导'));
    const refused = await recordContact(db, clerk, visit('拟不予办理'));
    await transferContact(db, clerk, transferred, { toStaffId: 'li-na' as StaffId });
    await escalateContact(db, clerk, escalated, { toLeaderId: 'he-jianguo' as StaffId, reason: '管辖不明' });
    await proposeRefusal(db, clerk, refused, {
      toLeaderId: 'he-jianguo' as StaffId,
      reason: '不属于本局职责',
      basis: '三定方案',
    });
    expect((await numbersOf(zhangWei)).window).toEqual({ registered: 3, disposed: 3, waiting: 0 });

    const transferEventId = (await db.contacts.get(transferred))!.transfer!.eventId;
    await returnTransfer(db, 'li-na' as StaffId, transferred, { transferEventId, reason: '不属于本科室' });
    expect((await numbersOf(zhangWei)).window).toEqual({ registered: 3, disposed: 2, waiting: 1 });
  });

  it('art. 8(3): a waiting transfer counts for its handler and for everyone of the receiving department, once each', async () => {
    const id = await recordContact(db, clerk, visit('转高新科'));
    await transferContact(db, clerk, id, { toStaffId: 'li-na' as StaffId });
    expect((await numbersOf(liNa)).transfers).toEqual({ toMe: 1, toDepartment: 0, total: 1 });
    expect((await numbersOf(zhaoGang)).transfers).toEqual({ toMe: 0, toDepartment: 1, total: 1 });
    expect((await numbersOf(zhangWei)).transfers).toEqual({ toMe: 0, toDepartment: 0, total: 0 });

    const transferEventId = (await db.contacts.get(id))!.transfer!.eventId;
    await returnTransfer(db, 'li-na' as StaffId, id, { transferEventId, reason: '材料不全，请先补正' });
    expect((await numbersOf(liNa)).transfers.total).toBe(0);
  });

  it('art. 17–18: this person’s accepted case counts as due soon within two working days of its due date, then overdue', async () => {
    const contactId = await recordContact(db, clerk, visit('技术合同认定登记'));
    const caseId = await openCase(db, clerk, contactId, 'tech-contract');
    await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'received' }]);
    expect((await numbersOf(zhangWei)).casesDue.total).toBe(0); // not accepted yet: nothing runs
    await acceptCase(db, clerk, caseId);
    const calendar = deskCalendar();
    // Promised 5 working days from the day after acceptance: due on the 5th working day.
    const dueDate = calendar.addWorkingDays(today(), 5).date;
    expect((await numbersOf(zhangWei)).casesDue).toEqual({ soon: 0, overdue: 0, total: 0 });
    const twoLeft = calendar.addWorkingDays(today(), 3).date;
    expect((await numbersOf(zhangWei, twoLeft)).casesDue).toEqual({ soon: 1, overdue: 0, total: 1 });
    const threeLeft = calendar.addWorkingDays(today(), 2).date;
    expect((await numbersOf(zhangWei, threeLeft)).casesDue.total).toBe(0);
    expect((await numbersOf(zhangWei, dueDate)).casesDue).toEqual({ soon: 1, overdue: 0, total: 1 });
    const after = calendar.addWorkingDays(dueDate, 1).date;
    expect((await numbersOf(zhangWei, after)).casesDue).toEqual({ soon: 0, overdue: 1, total: 1 });
    // Someone else's case is not this person's.
    expect((await numbersOf(liNa, after)).casesDue.total).toBe(0);
  });
});

describe('countToday and caseDueState (pure)', () => {
  const clock = (over: Partial<CaseDeadline>): CaseDeadline => ({
    dueDate: '2026-12-10' as IsoDate,
    provisional: false,
    totalWorkingDays: 5,
    workingDaysUsed: 0,
    workingDaysLeft: 5,
    workingDaysOverdue: 0,
    pausedWorkingDays: 0,
    paused: false,
    state: 'onTrack',
    ...over,
  });

  it('judges due soon by working days left (≤ 2), a paused case as not running out, an overdue one as overdue', () => {
    expect(caseDueState(null)).toBeUndefined();
    expect(caseDueState(clock({ workingDaysLeft: 3 }))).toBeUndefined();
    expect(caseDueState(clock({ workingDaysLeft: 2, state: 'warning' }))).toBe('soon');
    expect(caseDueState(clock({ workingDaysLeft: 0, state: 'dueToday' }))).toBe('soon');
    expect(caseDueState(clock({ workingDaysLeft: 1, paused: true, state: 'paused' }))).toBeUndefined();
    expect(caseDueState(clock({ workingDaysLeft: 0, workingDaysOverdue: 2, state: 'overdue' }))).toBe('overdue');
    expect(caseDueState(clock({ workingDaysLeft: 0, paused: true, state: 'overdue' }))).toBe('overdue');
  });

  it('counts nothing as this window’s before the desk is enrolled', () => {
    const row = { status: 'open', openedBy: 'zhang-wei', openedDeviceId: 'd1', escalations: [] } as never;
    const numbers = countToday({
      day: '2026-12-02' as IsoDate,
      deviceId: undefined,
      staff: zhangWei as never,
      contactsOfDay: [row],
      stillOpen: [{ ...(row as object), openedDay: '2026-12-01' } as never],
      pendingTransfers: [],
      openCases: [],
    });
    expect(numbers.window.registered).toBe(0);
    expect(numbers.mine).toEqual({ registered: 1, disposed: 0, waiting: 1 });
    expect(numbers.carriedOver).toBe(0);
  });
});
