import { z } from 'zod';
import { staffIdSchema } from './ids.ts';
import { LIMITS, listOf, singleLine } from './limits.ts';
import { dayNumber, isIsoDate, isWeekendDay, yearOf } from '../rules/isoDate.ts';

export const isoDateSchema = z
  .string()
  .max(LIMITS.isoDate, 'invalidDate')
  .refine(isIsoDate, { message: 'invalidDate' });

/**
 * One exception to the Monday–Friday rule: a statutory holiday (or a day moved into one) on a weekday is
 * 'rest'; a make-up working Saturday or Sunday (调休上班) is 'work'. `name` is the holiday it belongs to
 * (春节, 国庆节…); a make-up day carries the name of the holiday it pays for.
 */
export const CALENDAR_DAY_KINDS = ['rest', 'work'] as const;
export const calendarDayKindSchema = z.enum(CALENDAR_DAY_KINDS);
export type CalendarDayKind = z.infer<typeof calendarDayKindSchema>;

export const calendarDaySchema = z.object({
  date: isoDateSchema,
  kind: calendarDayKindSchema,
  name: singleLine(LIMITS.holidayName).min(1).optional(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const CALENDAR_YEAR_STATUSES = ['proposed', 'confirmed'] as const;
export const calendarYearStatusSchema = z.enum(CALENDAR_YEAR_STATUSES);
export type CalendarYearStatus = z.infer<typeof calendarYearStatusSchema>;

/** True when the entry changes the Monday–Friday answer for its date (and so belongs in a year's list). */
export function isCalendarException(day: Pick<CalendarDay, 'date' | 'kind'>): boolean {
  return isWeekendDay(dayNumber(day.date)) === (day.kind === 'work');
}

/**
 * A year's schedule as the State Council published it (国务院办公厅关于 YYYY 年部分节假日安排的通知).
 * Only the exceptions to Monday–Friday are listed. An admin enters it as 'proposed'; it takes effect only when
 * a second person confirms it (DOMAIN "Working days and deadlines"), so `confirmedBy` ≠ `enteredBy`.
 * `noticeNumber` is the notice's 文号, e.g. 国办发明电〔2024〕12号 — several separated by '、' when an amending
 * notice or the next year's notice (a New Year bridge in late December) also moved days of this year;
 * null while it is not known for certain.
 */
export const calendarYearSchema = z
  .object({
    year: z.number().int().min(1990).max(2200),
    noticeNumber: singleLine(LIMITS.noticeNumber).min(1).nullable(),
    days: listOf(calendarDaySchema, LIMITS.calendarDays),
    status: calendarYearStatusSchema,
    enteredBy: staffIdSchema,
    confirmedBy: staffIdSchema.optional(),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.days.forEach((day, i) => {
      if (!isIsoDate(day.date)) return; // already reported as invalidDate
      if (yearOf(day.date) !== doc.year) {
        ctx.addIssue({ code: 'custom', message: 'calendarDayOutsideYear', path: ['days', i, 'date'] });
      } else if (seen.has(day.date)) {
        ctx.addIssue({ code: 'custom', message: 'calendarDayDuplicate', path: ['days', i, 'date'] });
      } else if (!isCalendarException(day)) {
        // A rest Saturday or a working Wednesday changes nothing: listing it hides what the notice moved.
        ctx.addIssue({ code: 'custom', message: 'calendarDayNotAnException', path: ['days', i, 'kind'] });
      }
      seen.add(day.date);
    });
    if (doc.status === 'confirmed' && !doc.confirmedBy) {
      ctx.addIssue({ code: 'custom', message: 'calendarConfirmationRequired', path: ['confirmedBy'] });
    }
    if (doc.status === 'proposed' && doc.confirmedBy) {
      ctx.addIssue({ code: 'custom', message: 'calendarNotYetConfirmed', path: ['confirmedBy'] });
    }
    if (doc.confirmedBy && doc.confirmedBy === doc.enteredBy) {
      ctx.addIssue({ code: 'custom', message: 'calendarConfirmedBySamePerson', path: ['confirmedBy'] });
    }
  });
export type CalendarYear = z.infer<typeof calendarYearSchema>;

/**
 * The canonical list for a year from whatever an admin clicked or pasted: days of other years and entries that
 * change nothing (a holiday's own Saturday marked rest) are dropped, a later entry for a date wins, sorted by date.
 */
export function canonicalCalendarDays(year: number, days: readonly CalendarDay[]): CalendarDay[] {
  const byDate = new Map<string, CalendarDay>();
  for (const day of days) {
    if (isIsoDate(day.date) && yearOf(day.date) === year) byDate.set(day.date, day);
  }
  return [...byDate.values()].filter(isCalendarException).sort((a, b) => (a.date < b.date ? -1 : 1));
}
