import type { WorkingCalendar } from '../../shared/rules/calendar.ts';
import { caseClock } from '../../shared/rules/case.ts';
import { caseDeadline } from '../../shared/rules/deadline.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import type { DeskDb } from './db.ts';
import { localIso } from './time.ts';

export interface DeadlineRecompute {
  readonly at: string;
  /** The confirmed years now in force, as the calendar reports them. */
  readonly years: string;
  readonly openCases: number;
  /** Open cases whose due date moved with the new calendar. */
  readonly moved: number;
}

const LOG_KEY = 'deadlineRecomputations';
const KEEP = 50;

/**
 * After the working-day calendar changed: recompute the due date of every running case under the old and the
 * new calendar and log how many moved (issue 4: "a calendar change recomputes open deadlines and logs that it
 * did"). Due dates are always computed from the calendar when shown, so the log is the record of the change.
 */
export async function recordDeadlineRecompute(
  db: DeskDb,
  before: WorkingCalendar,
  after: WorkingCalendar,
  years: string,
  day: IsoDate,
): Promise<DeadlineRecompute> {
  const running = await db.cases.where('status').equals('running').toArray();
  let moved = 0;
  for (const row of running) {
    // The clock's input depends on the calendar too (which extensions came in time): judge each under its own.
    const was = caseClock(row, before, day);
    const now = caseClock(row, after, day);
    if (was && now && caseDeadline(was, before, day).dueDate !== caseDeadline(now, after, day).dueDate) moved += 1;
  }
  const entry: DeadlineRecompute = { at: localIso(), years, openCases: running.length, moved };
  await db.transaction('rw', db.meta, async () => {
    const log = ((await db.meta.get(LOG_KEY))?.value as DeadlineRecompute[] | undefined) ?? [];
    await db.meta.put({ key: LOG_KEY, value: [entry, ...log].slice(0, KEEP) });
  });
  console.info(`deadlines recomputed after a calendar change: ${moved} of ${running.length} open cases moved`);
  return entry;
}

export async function readDeadlineRecomputations(db: DeskDb): Promise<DeadlineRecompute[]> {
  return ((await db.meta.get(LOG_KEY))?.value as DeadlineRecompute[] | undefined) ?? [];
}
