import { addDays, dayNumber, isIsoDate, type IsoDate } from '../../../shared/rules/isoDate.ts';
import { periodOf, type Period, type PeriodKind } from '../../../shared/rules/reports/periods.ts';
import { REPORT_MAX_DAYS } from '../../../shared/sync/reportApi.ts';

// The period picker of the supervision screen: a day, week (Mon–Sun), month, quarter or year holding an anchor day,
// or any range typed by hand. Checked on the desk before HQ is asked: a bad range gets its reason and asks nothing.

export type PeriodChoiceKind = PeriodKind | 'custom';
export const PERIOD_CHOICES: readonly PeriodChoiceKind[] = ['day', 'week', 'month', 'quarter', 'year', 'custom'];

export interface PeriodChoice {
  readonly kind: PeriodChoiceKind;
  /** The day the period holds (day … year). */
  readonly anchor: IsoDate;
  /** A custom range (both ends inclusive, Beijing days). */
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export type PeriodProblem = 'missing' | 'order' | 'tooLong';
export type Resolved = { readonly period: Period } | { readonly problem: PeriodProblem };

/** This month, as the screen opens (the custom range starts as the same month). */
export function initialChoice(today: IsoDate): PeriodChoice {
  const month = periodOf('month', today);
  return { kind: 'month', anchor: today, from: month.from, to: month.to };
}

/** The period asked for, or why it cannot be asked (REPORT_MAX_DAYS is HQ's own cap). */
export function resolvePeriod(choice: PeriodChoice): Resolved {
  if (choice.kind !== 'custom') {
    return isIsoDate(choice.anchor) ? { period: periodOf(choice.kind, choice.anchor) } : { problem: 'missing' };
  }
  if (!isIsoDate(choice.from) || !isIsoDate(choice.to)) return { problem: 'missing' };
  if (choice.from > choice.to) return { problem: 'order' };
  if (dayNumber(choice.to) - dayNumber(choice.from) + 1 > REPORT_MAX_DAYS) return { problem: 'tooLong' };
  return { period: { from: choice.from, to: choice.to } };
}

/** The period before (-1) or after (+1) the chosen one; a custom range moves by its own length. */
export function shiftChoice(choice: PeriodChoice, direction: -1 | 1): PeriodChoice {
  const resolved = resolvePeriod(choice);
  if (!('period' in resolved)) return choice;
  const { from, to } = resolved.period;
  if (choice.kind === 'custom') {
    const length = dayNumber(to) - dayNumber(from) + 1;
    return { ...choice, from: addDays(from, direction * length), to: addDays(to, direction * length) };
  }
  // The day just outside the period lies in the neighbouring one, whatever its length (months differ).
  return { ...choice, anchor: direction < 0 ? addDays(from, -1) : addDays(to, 1) };
}

/** Switching to 自定义 starts from the period shown, so the reader only adjusts it. */
export function withKind(choice: PeriodChoice, kind: PeriodChoiceKind): PeriodChoice {
  const resolved = resolvePeriod(choice);
  if (kind === 'custom' && 'period' in resolved) return { ...choice, kind, ...resolved.period };
  if (choice.kind === 'custom' && isIsoDate(choice.from)) return { ...choice, kind, anchor: choice.from };
  return { ...choice, kind };
}

/** The charts' step for a period: weeks up to a quarter (at most 15 bars), months beyond (at most 61 in 5 years). */
export function seriesStep(period: Period): 'week' | 'month' {
  return dayNumber(period.to) - dayNumber(period.from) + 1 <= 92 ? 'week' : 'month';
}
