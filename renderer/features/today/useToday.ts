import { useNow } from '../../app/useNow.ts';
import { today } from '../../data/calendar.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';

/** Today's day, re-read every minute, so a desk left open moves on to the next day at midnight. */
export function useToday(): IsoDate {
  useNow();
  return today();
}
