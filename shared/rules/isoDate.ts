// Calendar days as plain 'YYYY-MM-DD' strings, with no time and no time zone: the unit of every working-day
// rule. The arithmetic below is integer-only (days since 1970-01-01, proleptic Gregorian), so neither the
// desk's zone nor a daylight-saving change can move a deadline by a day — the trap a `new Date('2026-02-14')`
// read back with local getters falls into west of UTC.

/** A calendar day, 'YYYY-MM-DD'. Compare two of them with `<` / `>`: the order of the strings is the order of days. */
export type IsoDate = string;

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 (negative before it). Expects a well-formed 'YYYY-MM-DD'. */
export function dayNumber(date: IsoDate): number {
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = Number(date.slice(0, 4)) - (m <= 2 ? 1 : 0);
  // Howard Hinnant's days_from_civil: years start in March, so the leap day is the last day of the year.
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of `dayNumber`. */
export function fromDayNumber(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True for a real calendar day written 'YYYY-MM-DD' (so 2025-02-29 is false). */
export function isIsoDate(value: string): boolean {
  return ISO_DATE_RE.test(value) && fromDayNumber(dayNumber(value)) === value;
}

/** 0 = Sunday … 6 = Saturday, of a day number (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday: the days the Monday–Friday rule rests, before any 调休 moves them. */
export function isWeekendDay(day: number): boolean {
  const w = weekdayOfDay(day);
  return w === 0 || w === 6;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The year of a day number, without building the string (the hot path of provisional checks). */
export function yearOfDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  return yoe + era * 400 + (doy >= 306 ? 1 : 0); // days from 1 March: 306 and on are January and February
}
