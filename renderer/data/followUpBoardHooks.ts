import { useEffect, useState } from 'react';
import type { WorkingCalendar } from '../../shared/rules/calendar.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import type { DeskDb } from './db.ts';
import { readFollowUpTasksCached, watchFollowUpTasks, watchRatesSources } from './followUpTaskCache.ts';
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

/**
 * The rates of a period, computed again after each change to a rating, a follow-up or a task's case or contact
 * (watchRatesSources); undefined while the period is not a valid one.
 */
export function useSatisfactionRates(
  db: DeskDb,
  calendar: WorkingCalendar,
  day: IsoDate,
  period: RatesPeriod | undefined,
): SatisfactionRatesReport | undefined {
  // Kept with the period it answers, so a new period never shows the last one's figures.
  const [answer, setAnswer] = useState<{ key: string; report: SatisfactionRatesReport }>();
  const [error, setError] = useState<unknown>();
  const from = period?.from;
  const to = period?.to;
  const key = `${from}~${to}`;
  useEffect(() => {
    if (from === undefined || to === undefined) return;
    let alive = true;
    const refresh = () =>
      readSatisfactionRates(db, calendar, day, { from, to }).then(
        (report) => alive && setAnswer({ key: `${from}~${to}`, report }),
        (e: unknown) => alive && setError(e),
      );
    void refresh();
    const stop = watchRatesSources(db, () => void refresh());
    return () => {
      alive = false;
      stop();
    };
  }, [db, calendar, day, from, to]);
  if (error) throw error;
  return period && answer?.key === key ? answer.report : undefined;
}
