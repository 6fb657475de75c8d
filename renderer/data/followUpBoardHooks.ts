import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { WorkingCalendar } from '../../shared/rules/calendar.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import type { DeskDb } from './db.ts';
import { readFollowUpTasksCached, watchFollowUpTasks } from './followUpTaskCache.ts';
import type { FollowUpTaskView } from './followUps.ts';
import { readSatisfactionRates, type RatesPeriod, type SatisfactionRatesReport } from './satisfactionRates.ts';

// Live reads of the 服务回访 board (issue 13) and the inbox's follow-ups.

/**
 * Every follow-up task, refreshed after each change that may alter one (followUpTaskCache.ts): not a useLiveQuery,
 * whose re-run depends on what the query read, and the cache reads only what changed. A failed read is thrown to
 * the screen's error boundary, never swallowed.
 */
export function useFollowUpTaskViews(
  db: DeskDb,
  calendar: WorkingCalendar,
  day: IsoDate,
): FollowUpTaskView[] | undefined {
  const [views, setViews] = useState<FollowUpTaskView[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      readFollowUpTasksCached(db, calendar, day).then(
        (v) => alive && setViews(v),
        (e: unknown) => alive && setError(e),
      );
    void refresh();
    const stop = watchFollowUpTasks(db, () => void refresh());
    return () => {
      alive = false;
      stop();
    };
  }, [db, calendar, day]);
  if (error) throw error;
  return views;
}

/** The rates of a period: a report read whole (every rating and task), re-read when anything it read changes. */
export function useSatisfactionRates(
  db: DeskDb,
  calendar: WorkingCalendar,
  day: IsoDate,
  period: RatesPeriod | undefined,
): SatisfactionRatesReport | undefined {
  return useLiveQuery(
    async () => (period ? readSatisfactionRates(db, calendar, day, period) : undefined),
    [db, calendar, day, period?.from, period?.to],
  );
}
