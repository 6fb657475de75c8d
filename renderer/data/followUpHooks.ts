import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Staff } from '../../shared/model/reference.ts';
import type { WorkingCalendar } from '../../shared/rules/calendar.ts';
import { mayRecordFollowUp } from '../../shared/rules/followUpPermissions.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import type { DeskDb } from './db.ts';
import { useFollowUpTaskViews } from './followUpBoardHooks.ts';
import { readFollowUpTask, type FollowUpTaskView } from './followUps.ts';

/**
 * The follow-ups waiting for this person: open tasks (never followed up, or dissatisfied and to be followed up
 * again) of which they are an owner and not a person followed up, overdue first, then by due day.
 */
export function followUpsFor(staff: Staff, views: readonly FollowUpTaskView[]): FollowUpTaskView[] {
  return views
    .filter((v) => v.status.status !== 'done' && mayRecordFollowUp(staff, v.task))
    .sort((a, b) => Number(b.status.overdue) - Number(a.status.overdue) || (a.task.dueOn < b.task.dueOn ? -1 : 1));
}

/** art. 30: strong dissatisfaction no leader has been told of yet, for every leader's inbox. */
export function strongFollowUps(views: readonly FollowUpTaskView[]): FollowUpTaskView[] {
  return views.filter((v) => v.state?.leaderReportDue);
}

export function useFollowUpInbox(
  db: DeskDb,
  staff: Staff,
  calendar: WorkingCalendar,
  day: IsoDate,
): { mine: FollowUpTaskView[]; strong: FollowUpTaskView[] } | undefined {
  // The tasks kept up to date by what changed (followUpTaskCache.ts): a full read is seconds at a bureau's scale.
  const views = useFollowUpTaskViews(db, calendar, day);
  return useMemo(
    () =>
      views && {
        mine: followUpsFor(staff, views),
        strong: staff.roles.includes('leader') ? strongFollowUps(views) : [],
      },
    [views, staff],
  );
}

export function useFollowUpTask(
  db: DeskDb,
  subjectId: string | undefined,
  calendar: WorkingCalendar,
  day: IsoDate,
): FollowUpTaskView | null | undefined {
  return useLiveQuery(
    async () => (subjectId ? ((await readFollowUpTask(db, subjectId, calendar, day)) ?? null) : null),
    [db, subjectId, calendar, day],
  );
}
