import { useLiveQuery } from 'dexie-react-hooks';
import type { WorkingCalendar } from '../../../shared/rules/calendar.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import type { DeskDb } from '../db.ts';
import { followUpSettingsOf } from '../followUps.ts';
import { readRatingView, readRatingViews, type RatingView } from './ratingViews.ts';
import type { RectificationItem, RectificationTarget } from './rectificationItems.ts';
import { readRectificationItem, readRectificationItems } from './rectificationReads.ts';

// Live reads for the 好差评 screens: each re-runs once when a rating, follow-up or reference changes (a pad rating
// written in the other window, a pull from HQ), never per row.

export function useRatingViews(db: DeskDb): RatingView[] | undefined {
  return useLiveQuery(() => readRatingViews(db), [db]);
}

export function useRatingView(db: DeskDb, key: string | undefined): RatingView | null | undefined {
  return useLiveQuery(async () => (key ? ((await readRatingView(db, key)) ?? null) : null), [db, key]);
}

export function useRectificationItems(
  db: DeskDb,
  calendar: WorkingCalendar,
  day: IsoDate,
): RectificationItem[] | undefined {
  return useLiveQuery(() => readRectificationItems(db, calendar, day), [db, calendar, day]);
}

export function useRectificationItem(
  db: DeskDb,
  target: RectificationTarget | undefined,
  calendar: WorkingCalendar,
  day: IsoDate,
): RectificationItem | null | undefined {
  const key = target ? (target.origin === 'rating' ? `r:${target.key}` : `f:${target.subjectId}`) : undefined;
  return useLiveQuery(
    async () => (target ? ((await readRectificationItem(db, target, calendar, day)) ?? null) : null),
    // The target by value: a new object for the same rating must not re-run the query.
    [db, key, calendar, day],
  );
}

/** settings.followUp.rectifyDays, live (an admin may change it). */
export function useRectifyDays(db: DeskDb): number | undefined {
  return useLiveQuery(async () => (await followUpSettingsOf(db)).rectifyDays, [db]);
}
