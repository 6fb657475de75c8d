import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { today } from '../../data/calendar.ts';
import { useDeskCalendar } from '../../data/calendarHooks.ts';
import { useFollowUpInbox } from '../../data/followUpHooks.ts';

/**
 * How many follow-ups wait in this person's inbox (art. 27–30): theirs, and for a leader the strong ones not yet
 * reported, each counted once (a leader may own a strong one too). The same list FollowUpInbox shows.
 */
export function useFollowUpCount(staff: Staff): number | undefined {
  const { db } = useDesk();
  const calendar = useDeskCalendar(db);
  const inbox = useFollowUpInbox(db, staff, calendar, today());
  return inbox && new Set([...inbox.mine, ...inbox.strong].map((v) => v.task.subject.id)).size;
}
