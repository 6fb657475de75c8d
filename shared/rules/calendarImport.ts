import {
  canonicalCalendarDays,
  isCalendarException,
  type CalendarDay,
  type CalendarDayKind,
} from '../model/calendar.ts';
import { addDays, dayNumber, isIsoDate, yearOf, type IsoDate } from './isoDate.ts';

// A year's schedule pasted as text, the way an admin copies it from the State Council notice, one line per
// day or per run of days:
//
//   文号 国办发明电〔2026〕X号
//   2027-01-01 休 元旦
//   2027-02-06~2027-02-12 休 春节      (also 至, or the end date as 02-12)
//   2027-02-07 班 春节
//
// Blank lines and lines starting with # are ignored. A run of rest days may include the weekend days of the
// holiday (they change nothing and are dropped); a single day that changes nothing is reported, because it is
// almost always a typo (a make-up day written 休, a holiday on a Saturday written 班).

/** Why a line was not taken; the message is an i18n key (admin.errors.*), `line` counts from 1. */
export interface ImportProblem {
  readonly line: number;
  readonly text: string;
  readonly message:
    | 'importUnreadable'
    | 'invalidDate'
    | 'calendarDayOutsideYear'
    | 'importKindUnknown'
    | 'importRangeBackwards'
    | 'importRangeTooLong'
    | 'importConflict'
    | 'calendarDayNotAnException';
}

export interface CalendarImport {
  /** The exceptions to Monday–Friday, canonical (sorted, one per date). */
  readonly days: CalendarDay[];
  /** From a line starting with 文号 (or "notice"), when there was one. */
  readonly noticeNumber?: string;
  readonly problems: ImportProblem[];
}

const KIND_WORDS: Record<string, CalendarDayKind> = {
  调休上班: 'work',
  补班: 'work',
  上班: 'work',
  班: 'work',
  work: 'work',
  w: 'work',
  休息: 'rest',
  放假: 'rest',
  休: 'rest',
  假: 'rest',
  rest: 'rest',
  r: 'rest',
};

/** A holiday lasts at most a few weeks; a longer run is a typo in the year or month. */
const MAX_RUN_DAYS = 31;
const NOTICE_RE = /^(?:文号|通知文号|notice)\s*[:：]?\s*(.+)$/i;
const DATE = String.raw`(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?`;
const END = String.raw`(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?`;
const DATES_RE = new RegExp(String.raw`^${DATE}(?:\s*(?:~|～|至|到|—|–|--)\s*${END})?(.*)$`);
// Chinese kind words may run straight into the holiday's name (2027-01-01 休元旦); Latin ones end at a word break.
const KIND_RE = /^[\s,，、]*(调休上班|补班|上班|班|休息|放假|休|假|(?:rest|work|r|w)(?![a-z]))[\s,，、]*(.*)$/i;

const iso = (y: string, m: string, d: string): string =>
  `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

type LineResult = { days: CalendarDay[] } | { notice: string } | { problem: ImportProblem['message'] } | null;

function readLine(text: string, year: number): LineResult {
  const line = text.trim();
  if (!line || line.startsWith('#')) return null;
  const notice = NOTICE_RE.exec(line);
  if (notice?.[1]) return { notice: notice[1].trim() };
  const m = DATES_RE.exec(line);
  if (!m) return { problem: 'importUnreadable' };
  const [, y, mo, d, endY, endMo, endD, rest = ''] = m;
  const first = iso(y!, mo!, d!);
  const last = endMo && endD ? iso(endY ?? y!, endMo, endD) : first;
  if (!isIsoDate(first) || !isIsoDate(last)) return { problem: 'invalidDate' };
  if (yearOf(first) !== year || yearOf(last) !== year) return { problem: 'calendarDayOutsideYear' };
  const k = KIND_RE.exec(rest);
  const kind = k?.[1] ? KIND_WORDS[k[1].toLowerCase()] : undefined;
  if (!kind) return { problem: 'importKindUnknown' };
  const name = k?.[2]?.trim();
  const length = dayNumber(last) - dayNumber(first) + 1;
  if (length < 1) return { problem: 'importRangeBackwards' };
  if (length > MAX_RUN_DAYS) return { problem: 'importRangeTooLong' };
  const days: CalendarDay[] = [];
  for (let i = 0; i < length; i++) {
    const day: CalendarDay = { date: addDays(first as IsoDate, i), kind };
    if (name) day.name = name;
    days.push(day);
  }
  if (length === 1 && !isCalendarException(days[0]!)) return { problem: 'calendarDayNotAnException' };
  return { days };
}

/** Read a pasted schedule for `year`. Lines with problems are reported and left out; the rest is kept. */
export function parseCalendarText(text: string, year: number): CalendarImport {
  const problems: ImportProblem[] = [];
  const byDate = new Map<string, { day: CalendarDay; line: number }>();
  let noticeNumber: string | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const result = readLine(raw, year);
    if (!result) return;
    if ('notice' in result) {
      noticeNumber = result.notice;
      return;
    }
    if ('problem' in result) {
      problems.push({ line: i + 1, text: raw.trim(), message: result.problem });
      return;
    }
    for (const day of result.days) {
      const earlier = byDate.get(day.date);
      // Rest in one line and work in another for the same date: the admin must say which.
      if (earlier && earlier.day.kind !== day.kind) {
        problems.push({ line: i + 1, text: raw.trim(), message: 'importConflict' });
        return;
      }
    }
    for (const day of result.days) byDate.set(day.date, { day, line: i + 1 });
  });
  const days = canonicalCalendarDays(
    year,
    [...byDate.values()].map((v) => v.day),
  );
  return noticeNumber === undefined ? { days, problems } : { days, noticeNumber, problems };
}

/** The text form of a schedule (one line per day), so a year can be copied out, corrected and pasted back. */
export function formatCalendarText(days: readonly CalendarDay[], noticeNumber?: string | null): string {
  const lines = days.map((d) => [d.date, d.kind === 'rest' ? '休' : '班', d.name].filter(Boolean).join(' '));
  return (noticeNumber ? [`文号 ${noticeNumber}`, ...lines] : lines).join('\n');
}
