import type { WorkingCalendar } from '../calendar.ts';
import { addDays, type IsoDate } from '../isoDate.ts';
import type { BreachFact, BreachFactCode, DueCode, ReportFact } from './facts.ts';
import { inPeriod, type Period } from './periods.ts';

// The warning list Chinese service halls keep (预警 / 黄牌 / 红牌), from the same fact rows as the figures. Each card
// names the record, the person and department, the article broken (or about to be), and the level rule that raised
// it, so a supervisor can say why.
//
//   预警 warning — a duty still in time whose due day is at most `warnWithinWorkingDays` working days away (the due
//                  day itself included): a case's limit (art. 18(1)), a step (art. 16), the result notice (art. 18(3)),
//                  a transfer to accept (art. 8(3)), an escalation to answer (art. 12), a 差评 to rectify (art. 30).
//                  Shown only for a period that holds today: a past month has nothing left to warn about.
//   黄牌 yellow  — a breach that began in the period (BreachFact: overdue, completed late, a step over its limit, a
//                  supplement notice or result notice late, an extension asked or approved late, a transfer not
//                  accepted in time, an escalation not answered in time, a 差评 not rectified in time), late by at
//                  most `yellowMaxWorkingDays` working days, and the person's first breach of that rule within
//                  `repeatWindowDays` calendar days.
//   红牌 red     — such a breach late by more, or a repeat (the same person broke the same rule on an earlier day within
//                  the window), or a refusal without its reason and basis (art. 8(2), 11: always red, DOMAIN.md).
//
// A repeat is judged among the facts passed in: the caller passes the window before the period too.

export interface WarningThresholds {
  readonly warnWithinWorkingDays: number;
  readonly yellowMaxWorkingDays: number;
  readonly repeatWindowDays: number;
}

/** The defaults; the bureau's settings may later override each. */
export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = {
  warnWithinWorkingDays: 2,
  yellowMaxWorkingDays: 3,
  repeatWindowDays: 30,
};

export type WarningLevel = 'warning' | 'yellow' | 'red';

/** Which level rule raised the card (see the table above). */
export type WarningRule = 'dueSoon' | 'lateWithin' | 'lateBeyond' | 'repeated' | 'noReason';

export interface Warning {
  readonly level: WarningLevel;
  readonly rule: WarningRule;
  readonly code: BreachFactCode | DueCode;
  readonly article: string;
  readonly factId: string;
  readonly recordId: string;
  readonly staffId: string;
  readonly departmentId: string;
  /** The due day (预警) or the day the breach began (黄牌, 红牌). */
  readonly day: IsoDate;
  /** 预警: working days left; 黄牌/红牌: working days late. */
  readonly days: number;
}

const LEVEL_ORDER: Record<WarningLevel, number> = { red: 0, yellow: 1, warning: 2 };

function breachCard(f: BreachFact, breaches: readonly BreachFact[], t: WarningThresholds): Warning {
  const windowFrom = addDays(f.day, -t.repeatWindowDays);
  const repeated = breaches.some(
    (o) => o.staffId === f.staffId && o.code === f.code && o.day < f.day && o.day >= windowFrom,
  );
  const rule: WarningRule =
    f.code === 'refusalWithoutReason'
      ? 'noReason'
      : f.days > t.yellowMaxWorkingDays
        ? 'lateBeyond'
        : repeated
          ? 'repeated'
          : 'lateWithin';
  return {
    level: rule === 'lateWithin' ? 'yellow' : 'red',
    rule,
    code: f.code,
    article: f.article,
    factId: f.id,
    recordId: f.recordId,
    staffId: f.staffId,
    departmentId: f.departmentId,
    day: f.day,
    days: f.days,
  };
}

/** The cards of the period, red first, then yellow, then 预警; within a level by day, then fact id. */
export function warnings(
  facts: readonly ReportFact[],
  p: Period,
  ctx: { readonly calendar: WorkingCalendar; readonly today: IsoDate; readonly thresholds?: WarningThresholds },
): Warning[] {
  const t = ctx.thresholds ?? DEFAULT_WARNING_THRESHOLDS;
  const breaches = facts.filter((f): f is BreachFact => f.kind === 'breach');
  const cards = breaches.filter((f) => inPeriod(f.day, p)).map((f) => breachCard(f, breaches, t));
  if (inPeriod(ctx.today, p)) {
    for (const f of facts) {
      // A due day already passed belongs to a row not yet re-derived today: its breach comes with the re-derivation.
      if (f.kind !== 'due' || f.day < ctx.today) continue;
      const left = ctx.calendar.countWorkingDays(ctx.today, f.day).days;
      if (left > t.warnWithinWorkingDays) continue;
      cards.push({
        level: 'warning',
        rule: 'dueSoon',
        code: f.code,
        article: f.article,
        factId: f.id,
        recordId: f.recordId,
        staffId: f.staffId,
        departmentId: f.departmentId,
        day: f.day,
        days: left,
      });
    }
  }
  return cards.sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) ||
      (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0),
  );
}
