import { CHANNELS } from '../../../shared/model/contactEvents.ts';
import { CONTACT_ENDINGS } from '../../../shared/rules/reports/facts.ts';
import type { ReportAnswer, ReportFigure } from '../../../shared/sync/reportApi.ts';

// How the screen lays out HQ's figures: in sections, in a fixed order, each figure a row and each group (the bureau,
// a department or a person) a column. A figure HQ answers that the desk does not know yet (a newer server) still
// shows, under 其他指标 with its key, so nothing counted is hidden; a known figure HQ does not answer (an older
// server) is left out, so the screen shows what exists and the complaint figures slot in when they land.

export const SECTIONS = [
  {
    id: 'contacts',
    keys: ['contacts.total', ...CHANNELS.map((c) => `contacts.channel.${c}`), 'contacts.undisposedAtDayEnd'],
  },
  { id: 'endings', keys: CONTACT_ENDINGS.map((e) => `contacts.ending.${e}`) },
  { id: 'transfers', keys: ['transfers.acceptedInTime', 'transfers.workingDaysToAccept', 'transfers.returned'] },
  {
    id: 'cases',
    keys: [
      'cases.received',
      'cases.onTime',
      'cases.overdueNow',
      'cases.everOverdue',
      'cases.extended',
      'extensions.approved',
      'cases.paused',
      'cases.supplementNotice',
      'cases.rejected',
      'cases.resultNotifiedInTime',
    ],
  },
  { id: 'escalations', keys: ['escalations.answeredInTime'] },
  {
    id: 'ratings',
    keys: [
      'ratings.goodRate',
      'ratings.proactiveGoodRate',
      'ratings.badRate',
      'ratings.unratedRate',
      'ratings.badFollowedUpRate',
      'ratings.rectifiedRate',
      'ratings.rectificationSatisfiedRate',
    ],
  },
  { id: 'complaints', keys: ['complaints.received', 'complaints.founded', 'complaints.withMeasures'] },
] as const satisfies readonly { id: string; keys: readonly string[] }[];

export type SectionId = (typeof SECTIONS)[number]['id'] | 'other';

export interface Section {
  readonly id: SectionId;
  readonly keys: readonly string[];
}

const KNOWN = new Set<string>(SECTIONS.flatMap((s) => s.keys));

/** The sections with the figures HQ answered, in the screen's order; unknown figures last, under 'other'. */
export function sectionsOf(answer: Pick<ReportAnswer, 'groups'>): Section[] {
  const answered = new Set(answer.groups.flatMap((g) => Object.keys(g.figures)));
  const out: Section[] = SECTIONS.map((s) => ({ id: s.id, keys: s.keys.filter((k) => answered.has(k)) }));
  const other = [...answered].filter((k) => !KNOWN.has(k)).sort();
  out.push({ id: 'other', keys: other });
  return out.filter((s) => s.keys.length > 0);
}

// HQ lists the records behind a figure's numerator. Where a denominator is exactly another figure's numerator (every
// contact registered; every case received), the denominator is a drill-down too; elsewhere (the cases completed in
// the period, the ratings counted) it is shown, not listed.
const CASES_RECEIVED = [
  'cases.overdueNow',
  'cases.everOverdue',
  'cases.paused',
  'cases.supplementNotice',
  'cases.extended',
];

/** The figure whose numerator is this figure's denominator, when there is one (never the figure itself). */
export function denominatorFigure(key: string): string | undefined {
  if (key.startsWith('contacts.') && key !== 'contacts.total') return 'contacts.total';
  if (CASES_RECEIVED.includes(key)) return 'cases.received';
  return undefined;
}

/** The i18n key of a figure's label (figure keys hold dots, which i18next reads as nesting). */
export function figureLabelKey(key: string): string {
  return `reports.figure.${key.replaceAll('.', '_')}`;
}

/** A figure of values (working days to accept): its numerator is their sum, its rate their mean, with a median. */
export function isValueFigure(f: ReportFigure): boolean {
  return f.median !== undefined;
}

/** A rate as the screen and the exports write it: one decimal, '—' when nothing was counted (0 of 0 is not 0 %). */
export function formatRate(rate: number | null, locale: string): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    rate,
  );
}

/** A mean or median of working days: at most one decimal. */
export function formatDays(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** The groups of the answer in the order they are shown: the bureau, then by name as the reader's language sorts. */
export function orderedGroups(answer: Pick<ReportAnswer, 'groups'>, name: (group: string) => string, locale: string) {
  const collator = new Intl.Collator(locale);
  return [...answer.groups].sort(
    (a, b) => collator.compare(name(a.group), name(b.group)) || (a.group < b.group ? -1 : 1),
  );
}

// A figure whose denominator is every fact of its kind (every contact registered, every case received, every
// complaint received) is a count: "4/4（100.0%）" says nothing more than 4, so the screen shows the count alone.
const COUNTS = new Set(['contacts.total', 'cases.received', 'complaints.received']);

/** A figure that is a plain count: its numerator and denominator are the same facts. */
export function isCountFigure(key: string): boolean {
  return COUNTS.has(key);
}

/**
 * 当日未处置 judges a contact at the end of the day it was registered: while the period still holds today (or a day
 * after it), today's contacts cannot be judged yet, so the figure is not given (a false 0 would read as "all done").
 */
export function notYetJudged(key: string, period: { readonly to: string }, today: string): boolean {
  return key === 'contacts.undisposedAtDayEnd' && period.to >= today;
}

/**
 * By department, every department of the directory has its column, with zeros where nothing was counted: a
 * supervisor sees an explicit 0 rather than wonder whether a department was left out. (By person only the people
 * with records are shown — the directory holds everyone who ever signed in.)
 */
export function withEveryDepartment<A extends Pick<ReportAnswer, 'groups' | 'groupBy'>>(
  answer: A,
  departmentIds: readonly string[],
): A {
  if (answer.groupBy !== 'department') return answer;
  const present = new Set(answer.groups.map((g) => g.group));
  const missing = departmentIds.filter((id) => !present.has(id));
  if (missing.length === 0) return answer;
  const keys = [...new Set(answer.groups.flatMap((g) => Object.keys(g.figures)))];
  const valueKeys = new Set(
    answer.groups.flatMap((g) =>
      Object.entries(g.figures)
        .filter(([, f]) => isValueFigure(f))
        .map(([k]) => k),
    ),
  );
  const zero = (key: string): ReportFigure =>
    valueKeys.has(key)
      ? { numerator: 0, denominator: 0, rate: null, median: null }
      : { numerator: 0, denominator: 0, rate: null };
  const added = missing.map((group) => ({ group, figures: Object.fromEntries(keys.map((k) => [k, zero(k)])) }));
  return { ...answer, groups: [...answer.groups, ...added] };
}
