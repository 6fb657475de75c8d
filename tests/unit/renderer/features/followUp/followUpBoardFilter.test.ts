import { describe, expect, it } from 'vitest';
import type { Staff } from '../../../../../shared/model/reference.ts';
import { rate } from '../../../../../shared/rules/rates.ts';
import type { FollowUpTaskView } from '../../../../../renderer/data/followUps.ts';
import {
  boardCounts,
  boardState,
  filterTasks,
  rateParts,
  thisMonth,
  visibleTasks,
} from '../../../../../renderer/features/followUp/followUpBoardFilter.ts';

// The 服务回访 board's scope, filters, counts and states (art. 27–30).

const TODAY = '2026-12-02';
const staff = (id: string, roles: Staff['roles'], departmentId = 'dept-window') =>
  ({ id, name: id, roles, departmentId, active: true }) as unknown as Staff;
const supervisor = staff('huang', ['supervisor']);
const head = staff('chen', ['handler', 'deptHead'], 'dept-hightech');

function view(
  id: string,
  over: {
    dueOn?: string;
    endedOn?: string;
    status?: 'pending' | 'dissatisfied' | 'done';
    overdue?: boolean;
    attempts?: number;
    strong?: boolean;
    departmentId?: string;
    excluded?: string[];
  } = {},
): FollowUpTaskView {
  return {
    task: {
      subject: { kind: 'case', id },
      endedOn: over.endedOn ?? '2026-11-20',
      dueOn: over.dueOn ?? '2026-12-04',
      dueProvisional: false,
      owner: { kind: 'supervisors' },
      excludedStaffIds: over.excluded ?? [],
    },
    state: over.strong ? ({ leaderReportDue: true } as never) : null,
    status: { status: over.status ?? 'pending', overdue: over.overdue ?? false, attempts: over.attempts ?? 0 },
    applicant: '王芳',
    matter: '技术合同认定登记',
    ...(over.departmentId ? { departmentId: over.departmentId } : {}),
  };
}

const views = [
  view('a', { overdue: true, dueOn: '2026-11-30', departmentId: 'dept-hightech' }),
  view('b', { dueOn: TODAY, attempts: 2, departmentId: 'dept-hightech' }),
  view('c', { status: 'dissatisfied', endedOn: '2026-10-01', departmentId: 'dept-window' }),
  view('d', { status: 'done', departmentId: 'dept-hightech', excluded: ['huang'] }),
];
const none = () => undefined;

describe('the board', () => {
  it('counts open, overdue and due-today tasks ("待回访 3 · 逾期 1 · 今日到期 1")', () => {
    expect(boardCounts(views, TODAY)).toEqual({ open: 3, overdue: 1, dueToday: 1 });
  });

  it('words each state: not reached N times, dissatisfied, strong before everything', () => {
    expect(views.map(boardState)).toEqual(['pending', 'unreached', 'dissatisfied', 'done']);
    expect(boardState(view('e', { status: 'dissatisfied', strong: true }))).toBe('strong');
  });

  it('shows a department head only their department, a supervisor everything, a clerk nothing', () => {
    expect(visibleTasks(supervisor, views, none)).toHaveLength(4);
    expect(visibleTasks(head, views, none).map((v) => v.task.subject.id)).toEqual(['a', 'b', 'd']);
    expect(visibleTasks(staff('zhang', ['clerk']), views, none)).toEqual([]);
  });

  it('filters open, overdue, mine, period and department', () => {
    const ids = (f: Parameters<typeof filterTasks>[1]) =>
      filterTasks(views, f, supervisor, none).map((v) => v.task.subject.id);
    const off = { open: false, overdue: false, mine: false };
    expect(ids({ ...off, open: true })).toEqual(['a', 'b', 'c']);
    expect(ids({ ...off, overdue: true })).toEqual(['a']);
    // 'd' was the supervisor's own work: never theirs to follow up.
    expect(ids({ ...off, mine: true })).toEqual(['a', 'b', 'c']);
    expect(ids({ ...off, from: '2026-11-01', to: '2026-11-30' })).toEqual(['a', 'b', 'd']);
    expect(ids({ ...off, departmentId: 'dept-window' })).toEqual(['c']);
  });
});

describe('rates as shown', () => {
  it('gives one decimal with the fraction, and nothing (—) when the denominator is 0', () => {
    expect(rateParts(rate(24, 26))).toEqual({ percent: '92.3', numerator: 24, denominator: 26 });
    expect(rateParts(rate(0, 0))).toBeNull();
    expect(rateParts(rate(0, 3))?.percent).toBe('0.0');
  });

  it('defaults to this month up to today', () => {
    expect(thisMonth(TODAY)).toEqual({ from: '2026-12-01', to: TODAY });
  });
});
