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
