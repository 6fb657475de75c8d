import { describe, expect, it } from 'vitest';
import type { Role, Staff } from '../../../../../shared/model/reference.ts';
import { owesRectification, rectificationsOwed } from '../../../../../renderer/data/rating/rectificationInbox.ts';
import type { RectificationItem } from '../../../../../renderer/data/rating/rectificationItems.ts';

// The inbox's 差评整改: due today or overdue, still open, and owed by this person — the rated person's department or
// the follow-up owner; never every supervisor and leader, who oversee them all on the 好差评 tab.

const TODAY = '2025-06-10';
const person = (id: string, departmentId: string, roles: Role[] = ['clerk'], active = true) =>
  ({ id, name: id, departmentId, roles, active }) as unknown as Staff;
const handler = person('liu-yang', 'dept-high-tech');
const head = person('chen-jing', 'dept-high-tech', ['clerk', 'deptHead']);
const windowClerk = person('zhang-wei', 'dept-window');
const supervisor = person('huang-xiuying', 'dept-party', ['supervisor']);
const leader = person('he-jianguo', 'dept-party', ['leader']);

function item(over: Partial<RectificationItem> & { dueOn?: string; stage?: string; overdue?: boolean } = {}) {
  const { dueOn = TODAY, stage = 'rectify', overdue = false, ...rest } = over;
  return {
    id: `rating:${Math.random()}`,
    target: { origin: 'rating', key: 'k' },
    rectification: { openedByEventId: 'e', openedOn: '2025-06-01' },
    current: true,
    status: { stage, dueOn, overdue, closedLate: false },
    source: 'pad',
    level: 'dissatisfied',
    reasons: [],
    ratedOn: '2025-06-01',
    ratedStaffId: handler.id,
    excludedStaffIds: [handler.id],
    departmentId: 'dept-high-tech',
    ...rest,
  } as RectificationItem;
}

describe('rectificationsOwed', () => {
  it('lists an overdue and a due-today rectification of the department, not one due later, most urgent first', () => {
    const overdue = item({ dueOn: '2025-06-06', overdue: true });
    const dueToday = item();
    const later = item({ dueOn: '2025-06-11' });
    expect(rectificationsOwed(head, [overdue, dueToday, later], TODAY)).toEqual([overdue, dueToday]);
  });

  it('leaves out what is closed, invalidated or superseded, and inactive staff', () => {
    const done = item({ stage: 'done', dueOn: '2025-06-06' });
    const invalid = item({ invalid: { reason: '申诉成立' }, dueOn: '2025-06-06', overdue: true });
    const superseded = item({ current: false, dueOn: '2025-06-06', overdue: true });
    expect(rectificationsOwed(head, [done, invalid, superseded], TODAY)).toEqual([]);
    expect(rectificationsOwed({ ...head, active: false }, [item()], TODAY)).toEqual([]);
  });

  it('is owed by the rated department, not by another department, a supervisor or a leader overseeing', () => {
    const due = item({ dueOn: '2025-06-06', overdue: true });
    expect(owesRectification(head, due)).toBe(true);
    expect(owesRectification(windowClerk, due)).toBe(false);
    expect(owesRectification(supervisor, due)).toBe(false);
    expect(owesRectification(leader, due)).toBe(false);
  });

  it('does not put the call-back in the rated person’s inbox, which they may not take, but the next step', () => {
    expect(owesRectification(handler, item({ stage: 'verify' }))).toBe(false);
    expect(owesRectification(head, item({ stage: 'verify' }))).toBe(true);
    expect(owesRectification(handler, item({ stage: 'rectify' }))).toBe(true);
  });

  it('gives a follow-up to its owner: the supervisors’ team, or the owner department besides the rated one', () => {
    const bySupervisors = item({ followUpOwner: { kind: 'supervisors' }, target: { origin: 'followUp', subjectId: 's' } });
    expect(owesRectification(supervisor, bySupervisors)).toBe(true);
    expect(owesRectification(leader, bySupervisors)).toBe(false);
    const byWindow = item({ followUpOwner: { kind: 'department', departmentId: 'dept-window' } });
    expect(owesRectification(windowClerk, byWindow)).toBe(true);
    expect(owesRectification(head, byWindow)).toBe(true);
  });

  it('gives a rating whose department is unknown to the supervisors, so it is owed by someone', () => {
    const { departmentId: _none, ...rest } = item();
    const orphan = rest as RectificationItem;
    expect(owesRectification(supervisor, orphan)).toBe(true);
    expect(owesRectification(head, orphan)).toBe(false);
  });
});
