import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskDb } from './db.ts';
import {
  calendarYearView,
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

export function useCalendarYears(db: DeskDb): CalendarYearView[] | undefined {
  return useLiveQuery(() => listCalendarYears(db), [db]);
}

export function useCalendarYear(db: DeskDb, year: number): CalendarYearView | undefined {
  return useLiveQuery(() => calendarYearView(db, year), [db, year]);
}

export function useSettingsForAdmin(db: DeskDb): SettingsAdminView | undefined {
  return useLiveQuery(() => settingsForAdmin(db), [db]);
}
