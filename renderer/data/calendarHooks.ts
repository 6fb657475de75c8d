import { useEffect, useSyncExternalStore } from 'react';
import type { WorkingCalendar } from '../../shared/rules/calendar.ts';
import { deskCalendar, subscribeDeskCalendar, watchDeskCalendar } from './calendar.ts';
import type { DeskDb } from './db.ts';

/**
 * The desk's working-day calendar for a screen: re-renders when a sync brings a newly confirmed year, so
 * due dates and the "provisional" marks follow at once.
 */
export function useDeskCalendar(db: DeskDb): WorkingCalendar {
  useEffect(() => watchDeskCalendar(db), [db]);
  return useSyncExternalStore(subscribeDeskCalendar, deskCalendar);
}
