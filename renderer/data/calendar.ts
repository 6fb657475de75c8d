import { liveQuery } from 'dexie';
import type { CalendarYear } from '../../shared/model/calendar.ts';
import type { ReferenceDoc } from '../../shared/model/reference.ts';
import { buildWorkingCalendar, type WorkingCalendar } from '../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../shared/rules/calendarData.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import type { DeskDb } from './db.ts';
import { dayOf, localIso } from './time.ts';

// The desk's working-day calendar: the schedules bundled with the app (2004–2026), overlaid by the years
// administrators entered and a second person confirmed, which reach the desk as calendarYear reference docs.
// It is kept in memory so that every rule can ask for it synchronously (deskCalendar()), and rebuilt whenever
// the calendarYear docs change — after a sync brings a confirmed year, in this window or another.

type CalendarYearDoc = Extract<ReferenceDoc, { kind: 'calendarYear' }>;

let current: WorkingCalendar | undefined;
/** Which confirmed docs `current` was built from ("2027 v2, …"), so an unchanged set is not rebuilt. */
let builtFrom = '';
type CalendarListener = (previous: WorkingCalendar, next: WorkingCalendar, confirmedYears: string) => void;
const listeners = new Set<CalendarListener>();

/** The desk's working-day calendar as it stands now. */
export function deskCalendar(): WorkingCalendar {
  current ??= buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);
  return current;
}

/** Called after the calendar changed (open deadlines that depend on it must be recomputed). Returns the unsubscribe. */
export function subscribeDeskCalendar(listener: CalendarListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Rebuild from these docs; returns the years an admin confirmed when the calendar changed, else null. */
function applyCalendarDocs(docs: readonly CalendarYearDoc[]): string | null {
  const confirmed = docs.filter((d) => d.body.status === 'confirmed').sort((a, b) => a.body.year - b.body.year);
  const key = confirmed.map((d) => `${d.id} v${d.rev}`).join(', ');
  if (current && key === builtFrom) return null;
  // A confirmed doc comes after the bundled year, so it wins (an amended notice replaces the bundled copy).
  const years: CalendarYear[] = [...BUNDLED_CALENDAR_YEARS, ...confirmed.map((d) => d.body)];
  const previous = deskCalendar();
  current = buildWorkingCalendar(years);
  if (key === builtFrom) return null; // the first build, from what was there all along
  builtFrom = key;
  for (const listener of listeners) listener(previous, current, key);
  return key;
}

async function readCalendarDocs(db: DeskDb): Promise<CalendarYearDoc[]> {
  const rows = await db.refs.where('kind').equals('calendarYear').toArray();
  return rows.flatMap((r) => (r.doc.kind === 'calendarYear' ? [r.doc] : []));
}

/** Rebuild the desk calendar from the confirmed years in the desk database (at start-up, before the first screen). */
export async function refreshDeskCalendar(db: DeskDb): Promise<WorkingCalendar> {
  applyCalendarDocs(await readCalendarDocs(db));
  return deskCalendar();
}

/**
 * Keep the desk calendar in step with the calendarYear docs for as long as the desk runs; returns the stop.
 * A change is logged with the years now in force: deadlines shown from here on use them.
 */
export function watchDeskCalendar(db: DeskDb): () => void {
  const subscription = liveQuery(() => readCalendarDocs(db)).subscribe({
    next: (docs) => {
      const changed = applyCalendarDocs(docs);
      if (changed !== null) console.info(`working-day calendar changed; years confirmed at HQ: ${changed || 'none'}`);
    },
    // Reading the desk's own database failed: the calendar in memory stays as it was, and the error is
    // rethrown so that it surfaces (a silent stale calendar would be a wrong deadline nobody sees).
    error: (error: unknown) =>
      queueMicrotask(() => {
        throw error;
      }),
  });
  return () => subscription.unsubscribe();
}

export function today(): IsoDate {
  return dayOf(localIso()) as IsoDate;
}
