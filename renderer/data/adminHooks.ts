import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskDb } from './db.ts';
import { listCatalogVersions, type CatalogVersion } from './catalogVersions.ts';
import {
  calendarYearView,
  catalogItemForAdmin,
  listCalendarYears,
  listCatalogForAdmin,
  settingsForAdmin,
  type CalendarYearView,
  type CatalogRow,
  type SettingsAdminView,
} from './adminQueries.ts';

// Live queries of the admin screens and the calendar banner: they follow local edits and every sync.

export function useCatalogForAdmin(db: DeskDb): CatalogRow[] | undefined {
  return useLiveQuery(() => listCatalogForAdmin(db), [db]);
}

/** One item with its draft (the editor and the review of the draft follow a sync that publishes or refuses it). */
export function useCatalogItemForAdmin(db: DeskDb, itemId: string): CatalogRow | undefined | null {
  return useLiveQuery(async () => (await catalogItemForAdmin(db, itemId)) ?? null, [db, itemId]);
}

/** Every published version of an item this desk can read, newest first. */
export function useCatalogVersions(db: DeskDb, itemId: string): CatalogVersion[] | undefined {
  return useLiveQuery(() => listCatalogVersions(db, itemId), [db, itemId]);
}

export function useCalendarYears(db: DeskDb): CalendarYearView[] | undefined {
  return useLiveQuery(() => listCalendarYears(db), [db]);
}

export function useCalendarYear(db: DeskDb, year: number): CalendarYearView | undefined {
  return useLiveQuery(() => calendarYearView(db, year), [db, year]);
}

export function useSettingsForAdmin(db: DeskDb): SettingsAdminView | undefined {
  return useLiveQuery(() => settingsForAdmin(db), [db]);
}
