import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { today } from '../../data/calendar.ts';
import { useDeskCalendar } from '../../data/calendarHooks.ts';
import { useRectificationItems } from '../../data/rating/ratingViewHooks.ts';
import { rectificationsOwed } from '../../data/rating/rectificationInbox.ts';
import type { RectificationItem } from '../../data/rating/rectificationItems.ts';

/** The 差评整改 due today or overdue that this person owes: what the inbox lists and its count counts. */
export function useRectificationInbox(staff: Staff): RectificationItem[] | undefined {
  const { db } = useDesk();
  const calendar = useDeskCalendar(db);
  const day = today();
  const items = useRectificationItems(db, calendar, day);
  return items && rectificationsOwed(staff, items, day);
}
