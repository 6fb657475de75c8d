import type { Staff } from '../../../shared/model/reference.ts';
import { mayRecordFollowUp } from '../../../shared/rules/followUpPermissions.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import type { Rate } from '../../../shared/rules/rates.ts';
import type { FollowUpTaskView } from '../../data/followUps.ts';

// What the 服务回访 board shows of the derived tasks: whose they are to see, the filters and the counts on top.

/** Where a task stands, as the board words it (art. 27–30). */
export type BoardState = 'pending' | 'unreached' | 'done' | 'dissatisfied' | 'strong';

export function boardState(view: FollowUpTaskView): BoardState {
  // art. 30: strong dissatisfaction no leader has been told of outranks everything else on the row.
  if (view.state?.leaderReportDue) return 'strong';
  if (view.status.status === 'dissatisfied') return 'dissatisfied';
  if (view.status.status === 'done') return 'done';
  return view.status.attempts > 0 ? 'unreached' : 'pending';
}

/** The department a task belongs to: its owner department, else the case's department, else the worker's. */
export function taskDepartment(view: FollowUpTaskView, departmentOf: (staffId: string) => string | undefined) {
  if (view.task.owner.kind === 'department') return view.task.owner.departmentId;
  return view.departmentId ?? (view.workOf ? departmentOf(view.workOf) : undefined);
}

/**
 * Leaders and the follow-up team (supervisors) see every task; a department head sees their department's. Nobody
 * else has the board (they see the tasks they own in their inbox).
 */
export function visibleTasks(
  staff: Staff,
  views: readonly FollowUpTaskView[],
  departmentOf: (staffId: string) => string | undefined,
): FollowUpTaskView[] {
  if (staff.roles.includes('leader') || staff.roles.includes('supervisor')) return [...views];
  if (!staff.roles.includes('deptHead')) return [];
  return views.filter((v) => taskDepartment(v, departmentOf) === staff.departmentId);
}

export interface BoardFilter {
  /** Not yet followed up, or dissatisfied and to be followed up again. */
  readonly open: boolean;
  readonly overdue: boolean;
  /** Tasks this person may record (owner, and not one whose work it was). */
  readonly mine: boolean;
  /** Ended within [from, to] (either end optional). */
  readonly from?: IsoDate | undefined;
  readonly to?: IsoDate | undefined;
  readonly departmentId?: string | undefined;
}

export function filterTasks(
  views: readonly FollowUpTaskView[],
  filter: BoardFilter,
  staff: Staff,
  departmentOf: (staffId: string) => string | undefined,
): FollowUpTaskView[] {
  return views.filter(
    (v) =>
      (!filter.open || v.status.status !== 'done') &&
      (!filter.overdue || v.status.overdue) &&
      (!filter.mine || mayRecordFollowUp(staff, v.task)) &&
      (!filter.from || v.task.endedOn >= filter.from) &&
      (!filter.to || v.task.endedOn <= filter.to) &&
      (!filter.departmentId || taskDepartment(v, departmentOf) === filter.departmentId),
  );
}

export interface BoardCounts {
  /** Open tasks (待回访, including the dissatisfied ones followed up again). */
  readonly open: number;
  readonly overdue: number;
  /** Open and due today. */
  readonly dueToday: number;
}

export function boardCounts(views: readonly FollowUpTaskView[], today: IsoDate): BoardCounts {
  const open = views.filter((v) => v.status.status !== 'done');
  return {
    open: open.length,
    overdue: open.filter((v) => v.status.overdue).length,
    dueToday: open.filter((v) => v.task.dueOn === today).length,
  };
}

/** Overdue first, then by due day, then the most recently ended. */
export function byUrgency(a: FollowUpTaskView, b: FollowUpTaskView): number {
  const open = (v: FollowUpTaskView) => Number(v.status.status !== 'done');
  return (
    open(b) - open(a) ||
    Number(b.status.overdue) - Number(a.status.overdue) ||
    (a.task.dueOn < b.task.dueOn ? -1 : a.task.dueOn > b.task.dueOn ? 1 : 0)
  );
}

/** "92.3 %（24/26）" as parts; null when nothing is counted (shown as —, never 0 %). */
export function rateParts(r: Rate): { percent: string; numerator: number; denominator: number } | null {
  if (r.value === null) return null;
  return { percent: (Math.round(r.value * 1000) / 10).toFixed(1), numerator: r.numerator, denominator: r.denominator };
}

/** This month, from its first day to today (the rates' default period). */
export function thisMonth(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: `${today.slice(0, 8)}01` as IsoDate, to: today };
}
