import { addDays, dayNumber, isIsoDate, weekdayOfDay, type IsoDate } from '../isoDate.ts';

// The periods a supervision report covers, in Beijing calendar days (facts are dated in Beijing, never UTC). Both
// ends are inclusive: a case ended on the last day of a month counts in that month.

export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A range of days, checked: bad input is refused with a message and nothing is computed from it. */
export function period(from: IsoDate, to: IsoDate): Period {
  if (!isIsoDate(from) || !isIsoDate(to))
    throw new RangeError(`a period needs two days as YYYY-MM-DD, got ${from} – ${to}`);
  if (from > to) throw new RangeError(`a period must not end before it begins: ${from} – ${to}`);
  return { from, to };
}

/** The day, week (Monday to Sunday, as Chinese offices count), month, quarter or year that holds `anchor`. */
export function periodOf(kind: PeriodKind, anchor: IsoDate): Period {
  if (!isIsoDate(anchor)) throw new RangeError(`a period needs a day as YYYY-MM-DD, got ${anchor}`);
  const year = anchor.slice(0, 4);
  const month = Number(anchor.slice(5, 7));
  switch (kind) {
    case 'day':
      return { from: anchor, to: anchor };
    case 'week': {
      const back = (weekdayOfDay(dayNumber(anchor)) + 6) % 7; // days since Monday
      const from = addDays(anchor, -back);
      return { from, to: addDays(from, 6) };
    }
    case 'month':
      return monthsFrom(year, month, 1);
    case 'quarter':
      return monthsFrom(year, month - ((month - 1) % 3), 3);
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

/** `count` months from the first of `month` (1–12) of `year`, through the last day of the last one. */
function monthsFrom(year: string, month: number, count: number): Period {
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const end = month + count; // the month after the last, 13 meaning January of the next year
  const next = end > 12 ? `${Number(year) + 1}-01-01` : `${year}-${String(end).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

export function inPeriod(day: IsoDate | undefined, p: Period): boolean {
  return day !== undefined && day >= p.from && day <= p.to;
}

export type SeriesStep = 'week' | 'month';

/**
 * The weeks (Monday to Sunday) or months that overlap `p`, in order, each clipped to it: the buckets of a chart's
 * series. The first and last may be partial; together they cover `p` exactly, day for day.
 */
export function seriesBuckets(p: Period, step: SeriesStep): Period[] {
  const buckets: Period[] = [];
  for (let from = p.from; from <= p.to;) {
    const whole = periodOf(step, from);
    const to = whole.to < p.to ? whole.to : p.to;
    buckets.push({ from, to });
    from = addDays(to, 1);
  }
  return buckets;
}

/** How many buckets seriesBuckets(p, step) makes, without making them (to refuse a range before any work). */
export function seriesBucketCount(p: Period, step: SeriesStep): number {
  if (step === 'week') {
    const mondayOf = (d: IsoDate) => dayNumber(periodOf('week', d).from);
    return (mondayOf(p.to) - mondayOf(p.from)) / 7 + 1;
  }
  const months = (d: IsoDate) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return months(p.to) - months(p.from) + 1;
}

/** Days in a period, both ends counted. */
export function periodDays(p: Period): number {
  return dayNumber(p.to) - dayNumber(p.from) + 1;
}
