import { useLiveQuery } from 'dexie-react-hooks';
import type { WorkingCalendar } from '../../shared/rules/calendar.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import type { DeskDb } from './db.ts';
import { readFollowUpTasks, type FollowUpTaskView } from './followUps.ts';
import { readSatisfactionRates, type RatesPeriod, type SatisfactionRatesReport } from './satisfactionRates.ts';

// Live queries of the 服务回访 board (issue 13): every task, and the rates of a period.

export function useFollowUpBoard(db: DeskDb, calendar: WorkingCalendar, day: IsoDate): FollowUpTaskView[] | undefined {
  return useLiveQuery(() => readFollowUpTasks(db, calendar, day), [db, calendar, day]);
}

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
