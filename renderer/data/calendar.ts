import { buildWorkingCalendar, type WorkingCalendar } from '../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../shared/rules/calendarData.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { dayOf, localIso } from './time.ts';

let bundled: WorkingCalendar | undefined;

/** The desk's working-day calendar: the published State Council schedules bundled with the app. */
export function deskCalendar(): WorkingCalendar {
  bundled ??= buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);
  return bundled;
}

export function today(): IsoDate {
  return dayOf(localIso()) as IsoDate;
}
