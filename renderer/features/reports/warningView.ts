import type { ReportWarning } from '../../../shared/sync/reportApi.ts';

// The warning list (预警 / 黄牌 / 红牌, shared/rules/reports/warnings.ts) as the screen shows it: counts per level on
// top, a level filter, cards in HQ's order (red first, then yellow, then 预警).

export const WARNING_LEVELS = ['red', 'yellow', 'warning'] as const satisfies readonly ReportWarning['level'][];
export type WarningFilter = ReportWarning['level'] | 'all';

export function levelCounts(warnings: readonly ReportWarning[]): Record<ReportWarning['level'], number> {
  const counts = { red: 0, yellow: 0, warning: 0 };
  for (const w of warnings) counts[w.level] += 1;
  return counts;
}

export function filterWarnings(warnings: readonly ReportWarning[], filter: WarningFilter): readonly ReportWarning[] {
  return filter === 'all' ? warnings : warnings.filter((w) => w.level === filter);
}

/** The level's colour (Mantine) — never alone: every card also says its level in words. */
export const LEVEL_COLOUR: Record<ReportWarning['level'], string> = { red: 'red', yellow: 'yellow', warning: 'blue' };

/**
 * Cards drawn at a time. A bureau's month can raise over a thousand (HQ's bench month did); drawing them all at
 * once froze the screen, so the list shows this many and a button shows the next as many.
 */
export const WARNING_PAGE = 50;

/** What the list draws of the filtered cards, given how many the user has asked to see. */
export interface WarningPage {
  /** The cards drawn, from the first. */
  readonly shown: readonly ReportWarning[];
  /** Every card the filter lets through (what the export takes). */
  readonly total: number;
  /** How many the next "再显示" adds: up to WARNING_PAGE, 0 when all are shown. */
  readonly more: number;
}

export function warningPage(filtered: readonly ReportWarning[], limit: number): WarningPage {
  const shown = filtered.slice(0, Math.max(WARNING_PAGE, limit));
  return { shown, total: filtered.length, more: Math.min(WARNING_PAGE, filtered.length - shown.length) };
}

/** The limit after "再显示 N 条": the next page, never past the list's end. */
export function showMore(limit: number, total: number): number {
  return Math.min(Math.max(WARNING_PAGE, limit) + WARNING_PAGE, Math.max(total, WARNING_PAGE));
}
