import type { CalendarYearView } from '../../../data/adminQueries.ts';

export type YearStatus = 'bundled' | 'confirmed' | 'proposed' | 'amendment' | 'none';

/** How a year stands, in the words of the list: in force (bundled or from HQ), awaiting its second person… */
export function yearStatus(view: CalendarYearView): YearStatus {
  if (view.pending) return view.inForce ? 'amendment' : 'proposed';
  if (view.inForce) return view.source === 'hq' ? 'confirmed' : 'bundled';
  // Confirmed at this desk and on its way to HQ, which puts it in force.
  return view.progress.confirmation ? 'confirmed' : 'none';
}

/** The schedule the list describes: the one in force, else the one being entered. */
export function shownSchedule(view: CalendarYearView) {
  return view.inForce ?? view.progress.latest?.payload;
}
