import type { CalendarYear } from '../model/calendar.ts';
import { dayNumber, fromDayNumber, isWeekendDay, yearOfDay, type IsoDate } from './isoDate.ts';

// Statutory working days (法定工作日): Monday–Friday, except the weekdays a State Council notice gives as holidays,
// plus the Saturdays and Sundays it makes working days (调休). The schedule is data, one confirmed document per
// year. A year nobody has entered is never silently taken as known: the guess (Monday–Friday less the fixed-date
// statutory holidays, see PROVISIONAL_HOLIDAYS) is used so the desk can still show a date, but every answer that
// relied on it says `provisional: true`, and the UI shows it as such.

export interface DayKind {
  working: boolean;
  /** The year of this day has no confirmed schedule: `working` is the guess (Monday–Friday less the fixed holidays). */
  provisional: boolean;
  /** The holiday the day belongs to (春节…): from the schedule, or in a year without one the fixed-date guess. */
  name?: string;
}

/** A day found by counting working days; `provisional` when any day counted lies in an unpublished year. */
export interface CountedDay {
  date: IsoDate;
  provisional: boolean;
}

export interface WorkingDayCount {
  days: number;
  provisional: boolean;
}

export interface WorkingCalendar {
  /** The years with a confirmed schedule, ascending. */
  readonly publishedYears: readonly number[];
  isPublished(year: number): boolean;
  dayKind(date: IsoDate): DayKind;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): CountedDay;
  /** `date` itself when it is a working day, else the next one: a deadline on a rest day moves forward. */
  workingDayOnOrAfter(date: IsoDate): CountedDay;
  /**
   * The n-th working day counted from the working day after `start` (DOMAIN: a limit of N working days starts
   * the working day after acceptance). n = 0 gives `start` back. n must be a whole number ≥ 0.
   */
  addWorkingDays(start: IsoDate, n: number): CountedDay;
  /** Working days d with fromExclusive < d ≤ toInclusive; 0 when toInclusive ≤ fromExclusive. */
  countWorkingDays(fromExclusive: IsoDate, toInclusive: IsoDate): WorkingDayCount;
  /**
   * The day by whose close of business a transfer sent on `date` must be accepted (art. 8(3): the handler
   * accepts by the end of the next working day). The register flags it once the local date is after this.
   */
  endOfNextWorkingDay(date: IsoDate): CountedDay;
}

interface Exception {
  working: boolean;
  name: string | undefined;
}

/**
 * A working-day table over a span of whole years, so that counting and adding are lookups, not walks:
 * `before[i]` is the number of working days among the first i days of the span, `workingDays` lists them in order.
 */
interface Index {
  first: number; // day number of the span's first day
  end: number; // one past the span's last day
  before: Int32Array;
  workingDays: Int32Array;
}

// The index (buildIndex) is a speed-up and nothing else: a day outside it, or a lookup that finds nothing, falls back to the
// day-by-day walk. Mutants that only narrow, break or drop it give the same answers, slower; they are disabled
// line by line below ("index only"), and the tests prove the answers on both paths (tests/unit/shared/calendar).
/** Years past the last published one that the index also covers (as provisional years, with the same guess). */
const INDEX_YEARS_AHEAD = 3;

/**
 * The statutory holidays on a fixed date (全国年节及纪念日放假办法 art. 2: 元旦 1 January, 劳动节 1 May — and 2 May
 * since the 2024 amendment took effect on 2025-01-01 — and 国庆节 1–3 October), with the first year each applies.
 * They are rest days in every year, so a year without a published schedule counts them as such; what only the
 * State Council's notice settles (the lunar holidays, days in lieu, 调休 weekends) is left to the schedule. A
 * guess that ignored them made 2027-01-01 a working day and due dates a day early.
 */
const PROVISIONAL_HOLIDAYS: readonly { monthDay: string; name: string; since: number }[] = [
  { monthDay: '01-01', name: '元旦', since: 0 },
  { monthDay: '05-01', name: '劳动节', since: 0 },
  { monthDay: '05-02', name: '劳动节', since: 2025 },
  { monthDay: '10-01', name: '国庆节', since: 0 },
  { monthDay: '10-02', name: '国庆节', since: 0 },
  { monthDay: '10-03', name: '国庆节', since: 0 },
];

/**
 * The calendar from year documents. Only 'confirmed' documents count: a proposal has no effect until a second
 * person confirms it. When two confirmed documents are given for one year the later one wins, so callers pass
 * the bundled years first and the admin's own confirmed years after them.
 */
export function buildWorkingCalendar(years: readonly CalendarYear[]): WorkingCalendar {
  const byYear = new Map<number, CalendarYear>();
  for (const doc of years) if (doc.status === 'confirmed') byYear.set(doc.year, doc);
  const publishedYears = [...byYear.keys()].sort((a, b) => a - b);
  const published = new Set(publishedYears);

  const exceptions = new Map<number, Exception>();
  for (const doc of byYear.values()) {
    for (const day of doc.days) exceptions.set(dayNumber(day.date), { working: day.kind === 'work', name: day.name });
  }

  /** The holidays guessed for a year: day number → name; none when the year has a confirmed schedule. */
  const guessed = new Map<number, ReadonlyMap<number, string>>(); // by year: computed once, read for every day
  const guessedHolidays = (year: number): ReadonlyMap<number, string> => {
    let days = guessed.get(year);
    // Stryker disable next-line ConditionalExpression: a cache (recomputing the guess gives the same map)
    if (!days) {
      const holidays = PROVISIONAL_HOLIDAYS.filter((h) => !published.has(year) && year >= h.since);
      days = new Map(holidays.map((h) => [dayNumber(`${yearText(year)}-${h.monthDay}`), h.name]));
      guessed.set(year, days);
    }
    return days;
  };

  // The one answer to "is this a working day?": dayKind, counting, adding and the index all go through it. The
  // index builds year by year and looks the year's guessed holidays up once, which keeps building cheap.
  const isWorkingAmong = (day: number, holidays: ReadonlyMap<number, string>): boolean =>
    exceptions.get(day)?.working ?? (!isWeekendDay(day) && !holidays.has(day));
  const isWorking = (day: number): boolean => isWorkingAmong(day, guessedHolidays(yearOfDay(day)));
  const index = buildIndex(publishedYears, (year) => {
    const holidays = guessedHolidays(year);
    return (day) => isWorkingAmong(day, holidays);
  });

  /** Is any day in first..last (inclusive) in a year without a confirmed schedule? */
  const provisionalBetween = (first: number, last: number): boolean => {
    if (last < first) return false;
    for (let y = yearOfDay(first), end = yearOfDay(last); y <= end; y++) if (!published.has(y)) return true;
    return false;
  };

  const addWorking = (start: number, n: number): number => {
    if (n === 0) return start;
    // Stryker disable next-line ArithmeticOperator: index only, see the note on the index
    if (index && start + 1 >= index.first && start + 1 < index.end) {
      const at = index.before[start + 1 - index.first]! + n - 1;
      const found = index.workingDays[at];
      // Stryker disable next-line ConditionalExpression: index only, see the note on the index
      if (found !== undefined) return found;
    }
    // Outside the indexed years (far past, or far beyond the last schedule): walk day by day.
    let day = start;
    for (let left = n; left > 0;) if (isWorking(++day)) left--;
    return day;
  };

  const countWorking = (fromExclusive: number, toInclusive: number): number => {
    // Stryker disable next-line EqualityOperator: when both days are equal the range is empty and every path counts 0
    if (toInclusive <= fromExclusive) return 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,BlockStatement: index only, see the note on the index
    if (index && fromExclusive + 1 >= index.first && toInclusive < index.end) {
      return index.before[toInclusive + 1 - index.first]! - index.before[fromExclusive + 1 - index.first]!;
    }
    let count = 0;
    for (let day = fromExclusive + 1; day <= toInclusive; day++) if (isWorking(day)) count++;
    return count;
  };

  const nextWorkingDay = (date: IsoDate): CountedDay => {
    const from = dayNumber(date);
    const day = addWorking(from, 1);
    return { date: fromDayNumber(day), provisional: provisionalBetween(from + 1, day) };
  };

  return {
    publishedYears,
    isPublished: (year) => published.has(year),
    dayKind(date) {
      const day = dayNumber(date);
      const kind: DayKind = { working: isWorking(day), provisional: !published.has(yearOfDay(day)) };
      const name = exceptions.get(day)?.name ?? guessedHolidays(yearOfDay(day)).get(day);
      if (name) kind.name = name;
      return kind;
    },
    nextWorkingDay,
    workingDayOnOrAfter(date) {
      const day = dayNumber(date);
      if (isWorking(day)) return { date, provisional: provisionalBetween(day, day) };
      return nextWorkingDay(date);
    },
    addWorkingDays(start, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
      const from = dayNumber(start);
      const day = addWorking(from, n);
      return { date: fromDayNumber(day), provisional: provisionalBetween(from + 1, day) };
    },
    countWorkingDays(fromExclusive, toInclusive) {
      const from = dayNumber(fromExclusive);
      const to = dayNumber(toInclusive);
      return { days: countWorking(from, to), provisional: provisionalBetween(from + 1, to) };
    },
    endOfNextWorkingDay: nextWorkingDay,
  };
}

function buildIndex(
  publishedYears: readonly number[],
  isWorkingIn: (year: number) => (day: number) => boolean,
  // Stryker disable next-line BlockStatement: index only, see the note on the index
): Index | null {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: index only, see the note on the index
  if (publishedYears.length === 0) return null;
  const firstYear = publishedYears[0]!;
  // Stryker disable next-line ArithmeticOperator,UnaryOperator: index only, see the note on the index
  const lastYear = publishedYears.at(-1)! + INDEX_YEARS_AHEAD;
  const first = firstDayOf(firstYear);
  // Stryker disable next-line ArithmeticOperator: index only, see the note on the index
  const end = firstDayOf(lastYear + 1);
  // Stryker disable next-line ArithmeticOperator: index only, a longer table is never read past its end
  const before = new Int32Array(end - first + 1);
  const working: number[] = [];
  for (let year = firstYear, day = first; year <= lastYear; year++) {
    const isWorking = isWorkingIn(year);
    for (const next = firstDayOf(year + 1); day < next; day++) {
      if (isWorking(day)) working.push(day);
      before[day - first + 1] = working.length;
    }
  }
  // Stryker disable next-line ObjectLiteral: index only, see the note on the index
  return { first, end, before, workingDays: Int32Array.from(working) };
}

function yearText(year: number): string {
  return String(year).padStart(4, '0');
}

// Only the index uses it.
// Stryker disable next-line BlockStatement: index only, see the note on the index
function firstDayOf(year: number): number {
  // Stryker disable next-line StringLiteral: index only, see the note on the index
  return dayNumber(`${yearText(year)}-01-01`);
}
