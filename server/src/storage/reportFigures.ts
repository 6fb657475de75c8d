import { sql, type RawBuilder } from 'kysely';
import { CHANNELS } from '../../../shared/model/contactEvents.ts';
import { BAD_LEVELS, GOOD_LEVELS } from '../../../shared/model/satisfaction.ts';
import { CONTACT_ENDINGS, UNKNOWN_DEPARTMENT } from '../../../shared/rules/reports/facts.ts';
import type { Figure, FigureGroup, FigureKey, GroupBy } from '../../../shared/rules/reports/figures.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import type { ReportFact } from '../../../shared/rules/reports/facts.ts';
import type { Period } from '../../../shared/rules/reports/periods.ts';
import type { Db } from './db.ts';

// The figures of a period with SQL over the fact rows (reportFacts.ts): one conditional count per definition of
// shared/rules/reports/figures.ts, grouped by department or person and filtered on the definition's day column, and
// the median from the accepted transfers' rows. figures() is the oracle: an integration test on both engines finds
// exactly its answer, group by group. Each definition below is figures.ts's, term for term, over the columns
// factToRow writes; every predicate is a constant of this file (no input reaches SQL but the bound period).

interface SqlDefinition {
  readonly kind: string;
  readonly day: 'day' | 'end_day';
  readonly denominator: string;
  readonly numerator: string;
  /** A figure of values: numerator = their sum, denominator = how many, plus the median. */
  readonly value?: string;
}

const quoted = (values: readonly string[]) =>
  values
    .map((v) => {
      if (!/^[A-Za-z]+$/.test(v)) throw new Error(`not a code: ${v}`);
      return `'${v}'`;
    })
    .join(', ');

const ALL = '1 = 1';
const contacts = (numerator: string): SqlDefinition => ({ kind: 'contact', day: 'day', denominator: ALL, numerator });
const received = (numerator: string): SqlDefinition => ({ kind: 'case', day: 'day', denominator: ALL, numerator });
const ended = (denominator: string, numerator: string): SqlDefinition => ({
  kind: 'case',
  day: 'end_day',
  denominator,
  numerator,
});
const ratings = (denominator: string, numerator: string): SqlDefinition => ({
  kind: 'rating',
  day: 'day',
  denominator: `counted = 1 and ${denominator}`,
  numerator,
});
const RATED = 'level is not null';
const GOOD = `level in (${quoted(GOOD_LEVELS)})`;
const BAD = `level in (${quoted(BAD_LEVELS)})`;

const DEFINITIONS: Record<FigureKey, SqlDefinition> = {
  ...(Object.fromEntries(
    CHANNELS.map((c) => [`contacts.channel.${c}`, contacts(`channel = ${quoted([c])}`)]),
  ) as Record<`contacts.channel.${(typeof CHANNELS)[number]}`, SqlDefinition>),
  ...(Object.fromEntries(
    CONTACT_ENDINGS.map((e) => [`contacts.ending.${e}`, contacts(`ending = ${quoted([e])}`)]),
  ) as Record<`contacts.ending.${(typeof CONTACT_ENDINGS)[number]}`, SqlDefinition>),
  'contacts.total': contacts(ALL),
  'contacts.undisposedAtDayEnd': contacts('undisposed = 1'),
  'transfers.acceptedInTime': {
    kind: 'transfer',
    day: 'day',
    denominator: 'in_time is not null',
    numerator: 'in_time = 1',
  },
  'transfers.workingDaysToAccept': {
    kind: 'transfer',
    day: 'day',
    denominator: "outcome = 'accepted'",
    numerator: "outcome = 'accepted'",
    value: 'coalesce(days, 0)',
  },
  'transfers.returned': { kind: 'transfer', day: 'day', denominator: ALL, numerator: "outcome = 'returned'" },
  'escalations.answeredInTime': {
    kind: 'escalation',
    day: 'day',
    denominator: "outcome in ('inTime', 'late')",
    numerator: "outcome = 'inTime'",
  },
  'cases.received': received(ALL),
  'cases.overdueNow': received('overdue_now = 1'),
  'cases.everOverdue': received('ever_overdue = 1'),
  'cases.paused': received('pauses > 0'),
  'cases.supplementNotice': received('supplement = 1'),
  'cases.extended': received('extensions > 0'),
  'cases.onTime': ended("ending = 'completed'", 'in_time = 1'),
  'cases.rejected': ended(ALL, "ending = 'rejected'"),
  'cases.resultNotifiedInTime': ended("ending = 'completed'", "outcome = 'inTime'"),
  'extensions.approved': { kind: 'extension', day: 'day', denominator: ALL, numerator: "outcome = 'approved'" },
  'ratings.goodRate': ratings(RATED, GOOD),
  'ratings.proactiveGoodRate': ratings(`${RATED} and unprompted = 1`, GOOD),
  'ratings.badRate': ratings(RATED, BAD),
  'ratings.unratedRate': ratings(ALL, 'level is null'),
  'ratings.badFollowedUpRate': ratings(BAD, 'verified = 1'),
  'ratings.rectifiedRate': ratings(BAD, 'rectified = 1'),
  // The new level is never bad (figures.ts: !isBadLevel(newLevel)).
  'ratings.rectificationSatisfiedRate': ratings(
    `${BAD} and new_level is not null`,
    `new_level not in (${quoted(BAD_LEVELS)})`,
  ),
  // A complaint fact keeps its decision in `outcome` ('founded' / 'unfounded', null while undecided) and its
  // measures in `days` (factToRow).
  'complaints.received': { kind: 'complaint', day: 'day', denominator: ALL, numerator: ALL },
  'complaints.founded': {
    kind: 'complaint',
    day: 'day',
    denominator: 'outcome is not null',
    numerator: "outcome = 'founded'",
  },
  'complaints.withMeasures': {
    kind: 'complaint',
    day: 'day',
    denominator: `outcome = 'founded' and staff_id <> '${UNKNOWN_DEPARTMENT}'`,
    numerator: 'days > 0',
  },
};

const KEYS = Object.keys(DEFINITIONS) as FigureKey[];

/** A key figures() knows: the only keys a drill-down or a series may name. */
export function isFigureKey(key: string): key is FigureKey {
  return Object.hasOwn(DEFINITIONS, key);
}

const GROUP_COLUMN: Record<GroupBy, string> = { bureau: "'bureau'", department: 'department_id', staff: 'staff_id' };

/** The definitions that read the same rows (kind and day column): one query each. */
function querySets(): { kind: string; day: 'day' | 'end_day'; keys: FigureKey[] }[] {
  const sets = new Map<string, { kind: string; day: 'day' | 'end_day'; keys: FigureKey[] }>();
  for (const key of KEYS) {
    const d = DEFINITIONS[key];
    const id = `${d.kind}/${d.day}`;
    const set = sets.get(id) ?? { kind: d.kind, day: d.day, keys: [] };
    set.keys.push(key);
    sets.set(id, set);
  }
  return [...sets.values()];
}
const QUERY_SETS = querySets();

const both = (d: SqlDefinition) => `(${d.denominator}) and (${d.numerator})`;

type Row = Record<string, unknown>;

interface Counts {
  numerator: number;
  denominator: number;
}

export interface SqlFigureOptions {
  /** The numerator's fact ids (the drill-down); without them only the counts are read. */
  readonly factIds?: boolean;
}

/** figures(facts, period, groupBy) of shared/rules/reports/figures.ts, from the stored fact rows. */
export async function sqlFigures(
  db: Db,
  p: Period,
  groupBy: GroupBy,
  options: SqlFigureOptions = {},
): Promise<FigureGroup[]> {
  const group = sql.raw(GROUP_COLUMN[groupBy]);
  // PostgreSQL refuses to group by a constant: the bureau is the one row of the whole set.
  const groupClause = groupBy === 'bureau' ? sql`` : sql`group by ${group}`;
  const counts = new Map<string, Map<FigureKey, Counts>>();
  const ids = new Map<string, Map<FigureKey, string[]>>();
  const medians = new Map<string, number[]>();
  const perGroup = <T>(m: Map<string, Map<FigureKey, T>>, g: string) => {
    let inner = m.get(g);
    if (!inner) m.set(g, (inner = new Map()));
    return inner;
  };

  for (const set of QUERY_SETS) {
    const day = sql.raw(set.day);
    const where = sql`kind = ${set.kind} and ${day} >= ${p.from} and ${day} <= ${p.to}`;
    const columns = set.keys.flatMap((key, i) => {
      const [numerator, denominator] = countColumns(DEFINITIONS[key]);
      return [sql.raw(`${numerator} as n${i}`), sql.raw(`${denominator} as d${i}`)];
    });
    const rows = await execute(
      db,
      sql`select ${group} as grp, count(*) as total, ${sql.join(columns)} from report_facts where ${where} ${groupClause}`,
    );
    for (const row of rows) {
      if (Number(row['total']) === 0) continue; // the bureau's one row over no facts
      const g = String(row['grp']);
      const inner = perGroup(counts, g);
      set.keys.forEach((key, i) =>
        inner.set(key, { numerator: Number(row[`n${i}`]), denominator: Number(row[`d${i}`]) }),
      );
    }

    if (options.factIds !== false) {
      const marks = set.keys.map((key, i) => sql.raw(`case when ${both(DEFINITIONS[key])} then 1 else 0 end as m${i}`));
      const any = sql.raw(set.keys.map((key) => `(${both(DEFINITIONS[key])})`).join(' or '));
      const idRows = await execute(
        db,
        sql`select ${group} as grp, id, ${sql.join(marks)} from report_facts where ${where} and (${any})`,
      );
      for (const row of idRows) {
        const inner = perGroup(ids, String(row['grp']));
        set.keys.forEach((key, i) => {
          if (Number(row[`m${i}`]) !== 1) return;
          const list = inner.get(key);
          if (list) list.push(String(row['id']));
          else inner.set(key, [String(row['id'])]);
        });
      }
    }
  }

  // The median of working days to accept, from the accepted transfers' rows.
  const accepted = DEFINITIONS['transfers.workingDaysToAccept'];
  const valueRows = await execute(
    db,
    sql`select ${group} as grp, ${sql.raw(accepted.value!)} as v from report_facts
        where kind = ${accepted.kind} and day >= ${p.from} and day <= ${p.to} and ${sql.raw(both(accepted))}`,
  );
  for (const row of valueRows) {
    const g = String(row['grp']);
    const list = medians.get(g);
    if (list) list.push(Number(row['v']));
    else medians.set(g, [Number(row['v'])]);
  }

  return [...counts.keys()].sort().map((g) => {
    const entries = KEYS.map((key) => {
      const c = counts.get(g)?.get(key) ?? { numerator: 0, denominator: 0 };
      const factIds = (ids.get(g)?.get(key) ?? []).sort();
      const rate = c.denominator === 0 ? null : c.numerator / c.denominator;
      const f: Figure = { key, numerator: c.numerator, denominator: c.denominator, rate, factIds };
      return [key, DEFINITIONS[key].value ? { ...f, median: median(medians.get(g) ?? []) } : f] as const;
    });
    return { group: g, figures: Object.fromEntries(entries) as Record<FigureKey, Figure> };
  });
}

/** One page of the facts behind a figure's numerator in one group, in id order, and how many there are in all. */
export interface DrillPage {
  readonly total: number;
  readonly facts: readonly ReportFact[];
}

/**
 * The drill-down: the numerator's facts of figure `key` in `group` ('bureau', a department or staff id) of the
 * period, in id order (figures()'s factIds, as whole facts), `limit` from `offset`, and their total.
 */
export async function sqlDrill(
  db: Db,
  p: Period,
  groupBy: GroupBy,
  group: string,
  key: FigureKey,
  page: { readonly offset: number; readonly limit: number },
): Promise<DrillPage> {
  const d = DEFINITIONS[key];
  const day = sql.raw(d.day);
  if (groupBy === 'bureau' && group !== 'bureau') return { total: 0, facts: [] };
  const inGroup = groupBy === 'bureau' ? sql`1 = 1` : sql`${sql.raw(GROUP_COLUMN[groupBy])} = ${group}`;
  const where = sql`kind = ${d.kind} and ${day} >= ${p.from} and ${day} <= ${p.to} and ${inGroup} and ${sql.raw(both(d))}`;
  const [countRow] = await execute(db, sql`select count(*) as n from report_facts where ${where}`);
  const total = Number(countRow?.['n'] ?? 0);
  if (total <= page.offset) return { total, facts: [] };
  const rows = await execute(
    db,
    sql`select body from report_facts where ${where} order by id, aggregate limit ${page.limit} offset ${page.offset}`,
  );
  return { total, facts: rows.map((r) => JSON.parse(String(r['body'])) as ReportFact) };
}

/** Counts of chosen figures per group and day: what a series adds up into its weeks or months. */
export interface DayCounts {
  readonly group: string;
  readonly day: IsoDate;
  readonly counts: ReadonlyMap<FigureKey, { readonly numerator: number; readonly denominator: number }>;
}

/**
 * The numerator and denominator of each of `keys` per group and per day of the period (each figure on its own day
 * column): one grouped query per set of figures reading the same rows, so a year by month costs what a year does.
 * Counts only (a median does not add up across days).
 */
export async function sqlDayCounts(
  db: Db,
  p: Period,
  groupBy: GroupBy,
  keys: readonly FigureKey[],
): Promise<DayCounts[]> {
  const group = sql.raw(GROUP_COLUMN[groupBy]);
  const byGroupDay = new Map<string, { group: string; day: IsoDate; counts: Map<FigureKey, Counts> }>();
  for (const set of QUERY_SETS) {
    const chosen = set.keys.filter((k) => keys.includes(k));
    if (chosen.length === 0) continue;
    const day = sql.raw(set.day);
    const columns = chosen.flatMap((key, i) => {
      const [numerator, denominator] = countColumns(DEFINITIONS[key]);
      return [sql.raw(`${numerator} as n${i}`), sql.raw(`${denominator} as d${i}`)];
    });
    const groupClause = groupBy === 'bureau' ? sql`group by ${day}` : sql`group by ${group}, ${day}`;
    const rows = await execute(
      db,
      sql`select ${group} as grp, ${day} as day, ${sql.join(columns)} from report_facts
          where kind = ${set.kind} and ${day} >= ${p.from} and ${day} <= ${p.to} ${groupClause}`,
    );
    for (const row of rows) {
      const g = String(row['grp']);
      const on = String(row['day']);
      const id = `${g}\u0000${on}`;
      let entry = byGroupDay.get(id);
      if (!entry) byGroupDay.set(id, (entry = { group: g, day: on, counts: new Map() }));
      const counts = entry.counts;
      chosen.forEach((key, i) =>
        counts.set(key, { numerator: Number(row[`n${i}`]), denominator: Number(row[`d${i}`]) }),
      );
    }
  }
  return [...byGroupDay.values()];
}

/** The SQL of a definition's numerator and denominator (a figure of values: their sum and how many). */
function countColumns(d: SqlDefinition): [numerator: string, denominator: string] {
  const numerator = d.value
    ? `sum(case when ${both(d)} then ${d.value} else 0 end)`
    : `sum(case when ${both(d)} then 1 else 0 end)`;
  const denominator = d.value
    ? `sum(case when ${both(d)} then 1 else 0 end)`
    : `sum(case when ${d.denominator} then 1 else 0 end)`;
  return [numerator, denominator];
}

async function execute(db: Db, query: RawBuilder<unknown>): Promise<Row[]> {
  const result = await query.execute(db);
  return result.rows as Row[];
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
