import { CHANNELS, type Channel } from '../../model/contactEvents.ts';
import { isBadLevel, isGoodLevel } from '../../model/satisfaction.ts';
import type { IsoDate } from '../isoDate.ts';
import type {
  CaseFact,
  ComplaintFact,
  ContactFact,
  EscalationFact,
  ExtensionFact,
  RatingFact,
  ReportFact,
  TransferFact,
} from './facts.ts';
import { CONTACT_ENDINGS, UNKNOWN_DEPARTMENT, type ContactEnding } from './facts.ts';
import { inPeriod, type Period } from './periods.ts';

// The figures of a period, per bureau, department or staff member: each a fraction with its numerator, denominator
// and the facts behind the numerator (the drill-down). This in-memory version is the ORACLE: HQ computes the same
// with SQL over the fact rows, and a test on both engines must find exactly these numbers. A figure is defined by
// the kind of fact it counts, the day that puts a fact in the period, the facts of its denominator and, among them,
// those of its numerator — nothing else, so it translates to one `COUNT(*) FILTER (WHERE …)`-style query.
//
// Which day puts a fact in the period: contacts, the day registered; transfers, the day sent (a return, the day
// returned); escalations, the day escalated; cases, the day received — except 按时办结率, rejections and result
// notices, the day the case ended; extension requests, the day asked; ratings, the day given. "Overdue now" is
// thus the cases received in the period that are overdue today. The rating rates are rates.ts's definitions.

export type GroupBy = 'bureau' | 'department' | 'staff';

export interface Figure {
  readonly key: FigureKey;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator; null when the denominator is 0 (nothing counted, not 0 %). */
  readonly rate: number | null;
  /** The numerator's facts, in id order: the drill-down (each names its record). */
  readonly factIds: readonly string[];
  /** The median of the numerator's values, for a figure of values (working days to accept a transfer). */
  readonly median?: number | null;
}

interface Definition<F extends ReportFact> {
  readonly kind: F['kind'];
  readonly day: (f: F) => IsoDate | undefined;
  readonly denominator: (f: F) => boolean;
  readonly numerator: (f: F) => boolean;
  /** For a figure of values: numerator = their sum, denominator = how many, plus the median. */
  readonly value?: (f: F) => number;
}

const define = <F extends ReportFact>(d: Definition<F>): Definition<ReportFact> =>
  d as unknown as Definition<ReportFact>;
const all = () => true;
const contacts = (numerator: (f: ContactFact) => boolean) =>
  define<ContactFact>({ kind: 'contact', day: (f) => f.day, denominator: all, numerator });
const received = (numerator: (f: CaseFact) => boolean) =>
  define<CaseFact>({ kind: 'case', day: (f) => f.day, denominator: all, numerator });
const ended = (denominator: (f: CaseFact) => boolean, numerator: (f: CaseFact) => boolean) =>
  define<CaseFact>({ kind: 'case', day: (f) => f.endedOn, denominator, numerator });
const ratings = (denominator: (f: RatingFact) => boolean, numerator: (f: RatingFact) => boolean) =>
  define<RatingFact>({ kind: 'rating', day: (f) => f.day, denominator: (f) => f.counted && denominator(f), numerator });
const rated = (f: RatingFact) => f.level !== null;
const bad = (f: RatingFact) => isBadLevel(f.level);

const FIXED = {
  'contacts.total': contacts(all),
  'contacts.undisposedAtDayEnd': contacts((f) => f.undisposedAtDayEnd),

  // art. 8(3): of the transfers sent whose acceptance is judged (accepted, or waiting past the due day), those
  // accepted by the end of the next working day; returns among all transfer facts.
  'transfers.acceptedInTime': define<TransferFact>({
    kind: 'transfer',
    day: (f) => f.day,
    denominator: (f) => f.acceptedWithinNextWorkingDay !== undefined,
    numerator: (f) => f.acceptedWithinNextWorkingDay === true,
  }),
  'transfers.workingDaysToAccept': define<TransferFact>({
    kind: 'transfer',
    day: (f) => f.day,
    denominator: (f) => f.outcome === 'accepted',
    numerator: (f) => f.outcome === 'accepted',
    value: (f) => f.workingDaysToAccept ?? 0,
  }),
  'transfers.returned': define<TransferFact>({
    kind: 'transfer',
    day: (f) => f.day,
    denominator: all,
    numerator: (f) => f.outcome === 'returned',
  }),

  // art. 12: of the escalations whose outcome is known (told, or late), those told in time.
  'escalations.answeredInTime': define<EscalationFact>({
    kind: 'escalation',
    day: (f) => f.day,
    denominator: (f) => f.outcome === 'inTime' || f.outcome === 'late',
    numerator: (f) => f.outcome === 'inTime',
  }),

  'cases.received': received(all),
  'cases.overdueNow': received((f) => f.overdueNow),
  'cases.everOverdue': received((f) => f.everOverdue),
  'cases.paused': received((f) => f.pauses > 0),
  'cases.supplementNotice': received((f) => f.supplementNotice),
  'cases.extended': received((f) => f.extensionsApproved > 0),
  // 按时办结率: of the cases completed in the period, those completed on or before their due date.
  'cases.onTime': ended(
    (f) => f.ending === 'completed',
    (f) => f.onTime === true,
  ),
  'cases.rejected': ended(all, (f) => f.ending === 'rejected'),
  // art. 18(3): of the cases completed in the period, those whose result was told by the due date.
  'cases.resultNotifiedInTime': ended(
    (f) => f.ending === 'completed',
    (f) => f.resultNotice === 'inTime',
  ),

  'extensions.approved': define<ExtensionFact>({
    kind: 'extension',
    day: (f) => f.day,
    denominator: all,
    numerator: (f) => f.decision === 'approved',
  }),

  // rates.ts: 好评率, 主动评价好评率, 差评率, 未评率, 差评回访率, 整改率, 整改满意率 — counted ratings only.
  'ratings.goodRate': ratings(rated, (f) => isGoodLevel(f.level)),
  'ratings.proactiveGoodRate': ratings(
    (f) => rated(f) && f.unprompted,
    (f) => isGoodLevel(f.level),
  ),
  'ratings.badRate': ratings(rated, bad),
  'ratings.unratedRate': ratings(all, (f) => f.level === null),
  'ratings.badFollowedUpRate': ratings(bad, (f) => f.verified),
  'ratings.rectifiedRate': ratings(bad, (f) => f.rectified),
  'ratings.rectificationSatisfiedRate': ratings(
    (f) => bad(f) && f.newLevel !== undefined,
    (f) => !isBadLevel(f.newLevel),
  ),

  // 投诉 (art. 31–33, complaintFacts.ts), counted per person complained about (a department named alone, once):
  // received on the day received; of those decided (founded, unfounded or dismissed), the founded; of the founded
  // facts about a person, those with measures standing against them (art. 33).
  'complaints.received': define<ComplaintFact>({
    kind: 'complaint',
    day: (f) => f.day,
    denominator: all,
    numerator: all,
  }),
  'complaints.founded': define<ComplaintFact>({
    kind: 'complaint',
    day: (f) => f.day,
    denominator: (f) => f.founded !== undefined,
    numerator: (f) => f.founded === true,
  }),
  'complaints.withMeasures': define<ComplaintFact>({
    kind: 'complaint',
    day: (f) => f.day,
    denominator: (f) => f.founded === true && f.staffId !== UNKNOWN_DEPARTMENT,
    numerator: (f) => f.measures > 0,
  }),
} as const satisfies Record<string, Definition<ReportFact>>;

export type FigureKey = keyof typeof FIXED | `contacts.channel.${Channel}` | `contacts.ending.${ContactEnding}`;

const DEFINITIONS = {
  ...Object.fromEntries(CHANNELS.map((c) => [`contacts.channel.${c}`, contacts((f) => f.channel === c)])),
  ...Object.fromEntries(CONTACT_ENDINGS.map((e) => [`contacts.ending.${e}`, contacts((f) => f.ending === e)])),
  ...FIXED,
} as Record<FigureKey, Definition<ReportFact>>;

/** Every figure a group carries. */
export const FIGURE_KEYS = Object.keys(DEFINITIONS) as FigureKey[];

export interface FigureGroup {
  /** 'bureau', a department id or a staff id. */
  readonly group: string;
  readonly figures: Readonly<Record<FigureKey, Figure>>;
}

function groupOf(f: ReportFact, by: GroupBy): string {
  return by === 'bureau' ? 'bureau' : by === 'department' ? f.departmentId : f.staffId;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function figure(key: FigureKey, def: Definition<ReportFact>, facts: readonly ReportFact[]): Figure {
  const denominator = facts.filter(def.denominator);
  const numerator = denominator.filter(def.numerator);
  const factIds = numerator.map((f) => f.id).sort();
  if (def.value) {
    const values = numerator.map(def.value);
    const sum = values.reduce((a, b) => a + b, 0);
    const count = values.length;
    return {
      key,
      numerator: sum,
      denominator: count,
      rate: count === 0 ? null : sum / count,
      factIds,
      median: median(values),
    };
  }
  const rate = denominator.length === 0 ? null : numerator.length / denominator.length;
  return { key, numerator: numerator.length, denominator: denominator.length, rate, factIds };
}

/**
 * Every figure of the period for each group that has a fact in it, groups in id order. Every group carries every
 * figure (0 of 0 when nothing counts), so the SQL version's answer compares whole.
 */
export function figures(facts: readonly ReportFact[], p: Period, groupBy: GroupBy): FigureGroup[] {
  const byGroup = new Map<string, Map<FigureKey, ReportFact[]>>();
  for (const [key, def] of Object.entries(DEFINITIONS) as [FigureKey, Definition<ReportFact>][]) {
    for (const f of facts) {
      if (f.kind !== def.kind || !inPeriod(def.day(f), p)) continue;
      const group = groupOf(f, groupBy);
      let perKey = byGroup.get(group);
      if (!perKey) byGroup.set(group, (perKey = new Map()));
      const list = perKey.get(key);
      if (list) list.push(f);
      else perKey.set(key, [f]);
    }
  }
  return [...byGroup.keys()].sort().map((group) => {
    const perKey = byGroup.get(group)!;
    const entries = (Object.entries(DEFINITIONS) as [FigureKey, Definition<ReportFact>][]).map(
      ([key, def]) => [key, figure(key, def, perKey.get(key) ?? [])] as const,
    );
    return { group, figures: Object.fromEntries(entries) as Record<FigureKey, Figure> };
  });
}

/** The figures GET /reports/series answers when no keys are asked for: what the report's charts draw. */
export const DEFAULT_SERIES_KEYS: readonly FigureKey[] = [
  'contacts.total',
  'cases.received',
  'cases.onTime',
  'cases.overdueNow',
  'transfers.acceptedInTime',
  'ratings.goodRate',
];

/** The most figures one series may ask for. */
export const MAX_SERIES_KEYS = 16;
