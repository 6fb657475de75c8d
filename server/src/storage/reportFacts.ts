import { sql, type Kysely } from 'kysely';
import type { DeskEvent } from '../../../shared/model/events.ts';
import type { ReportFact } from '../../../shared/rules/reports/facts.ts';
import type { Database, Db } from './db.ts';
import { rowToEvent } from './events.ts';

// The supervision reports' projection (issue 15; shared/rules/reports/facts.ts is its contract): one row per fact,
// replaced per aggregate, and one row per aggregate saying whether it can still change with the date alone. The
// projector (server/src/reports/) writes them; reports read them with SQL (reportFigures.ts). Facts are keyed by
// (aggregate, id), not id alone: a pad rating is filed under its service's id, so a contact, its case and their
// rating share one record id and one fact id. Tables typed here with withTables, so storage/db.ts need not know them.

/** Every column a figure filters on; the whole fact is kept as JSON in `body` (warnings, drill-down). */
export interface ReportFactsTable {
  aggregate: string;
  id: string;
  record_id: string;
  kind: string;
  day: string;
  department_id: string;
  staff_id: string;
  /** A case's end day (caseEndDay): what 按时办结率, rejections and result notices count on. */
  end_day: string | null;
  channel: string | null;
  /** A contact's ending, or a case's. */
  ending: string | null;
  /** A transfer's or escalation's outcome, an extension's decision, or a case's result notice. */
  outcome: string | null;
  /** 1 / 0 / null: a transfer accepted within the next working day, or a case completed on time. */
  in_time: number | null;
  undisposed: number | null;
  overdue_now: number | null;
  ever_overdue: number | null;
  pauses: number | null;
  supplement: number | null;
  extensions: number | null;
  /** Working days to accept a transfer. */
  days: number | null;
  level: string | null;
  new_level: string | null;
  counted: number | null;
  unprompted: number | null;
  verified: number | null;
  rectified: number | null;
  body: string;
}

export interface ReportAggregatesTable {
  aggregate: string;
  aggregate_id: string;
  /** 1: no fact can change with the date alone (re-derived only on a new event of its own). */
  settled: number;
  /** The Beijing day the facts were derived on. */
  derived_on: string;
}

/** The projection's own cursors (apart from `counters`, whose rows other migrations' tests count). */
export interface ReportCursorsTable {
  name: string;
  value: number;
}

// A type alias, not an interface: withTables wants an index signature.
type ReportTables = {
  report_facts: ReportFactsTable;
  report_aggregates: ReportAggregatesTable;
  report_cursors: ReportCursorsTable;
};
export type ReportDb = Kysely<Database & ReportTables>;
export const reportDb = (db: Db): ReportDb => db.withTables<ReportTables>();

/** report_cursors rows: the last event seq projected, and the last reference-document seq the facts were derived under. */
export const REPORT_CURSOR = 'report_cursor';
export const REPORT_REFERENCE_SEQ = 'report_reference_seq';
/**
 * The last complaint act (complaint_events.seq, the confidential log's own counter) projected. Added after migration
 * 0011 without one of its own: ensureComplaintCursor inserts it, at 0, on a database that lacks it.
 */
export const REPORT_COMPLAINT_CURSOR = 'report_complaint_cursor';

/** The aggregates of the synced event log whose events make facts. */
export const REPORTED_AGGREGATES = ['contact', 'case', 'rating'] as const;
export type EventAggregate = (typeof REPORTED_AGGREGATES)[number];
/** Those, and complaints (their own log, complaint_events). */
export type ReportedAggregate = EventAggregate | 'complaint';

/** Migration 0011_report_facts (see migrations.ts). */
export async function migrateReportFacts(db: Kysely<unknown>): Promise<void> {
  let facts = db.schema
    .createTable('report_facts')
    .addColumn('aggregate', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('end_day', 'text');
  for (const column of ['channel', 'ending', 'outcome'] as const) facts = facts.addColumn(column, 'text');
  for (const column of ['in_time', 'undisposed', 'overdue_now', 'ever_overdue', 'pauses', 'supplement'] as const) {
    facts = facts.addColumn(column, 'integer');
  }
  facts = facts.addColumn('extensions', 'integer').addColumn('days', 'integer');
  facts = facts.addColumn('level', 'text').addColumn('new_level', 'text');
  for (const column of ['counted', 'unprompted', 'verified', 'rectified'] as const) {
    facts = facts.addColumn(column, 'integer');
  }
  await facts
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_facts_pk', ['aggregate', 'id'])
    .execute();
  // A period's report filters on (kind, day) or a case's end day, grouped by department or person.
  await db.schema
    .createIndex('report_facts_department')
    .on('report_facts')
    .columns(['kind', 'day', 'department_id'])
    .execute();
  await db.schema.createIndex('report_facts_staff').on('report_facts').columns(['kind', 'day', 'staff_id']).execute();
  await db.schema.createIndex('report_facts_end_day').on('report_facts').columns(['kind', 'end_day']).execute();
  await db.schema.createIndex('report_facts_record').on('report_facts').columns(['aggregate', 'record_id']).execute();

  await db.schema
    .createTable('report_aggregates')
    .addColumn('aggregate', 'text', (c) => c.notNull())
    .addColumn('aggregate_id', 'text', (c) => c.notNull())
    .addColumn('settled', 'integer', (c) => c.notNull())
    .addColumn('derived_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_aggregates_pk', ['aggregate', 'aggregate_id'])
    .execute();
  await db.schema
    .createIndex('report_aggregates_unsettled')
    .on('report_aggregates')
    .columns(['settled', 'derived_on'])
    .execute();
  await db.schema
    .createTable('report_cursors')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await reportDb(db as unknown as Db)
    .insertInto('report_cursors')
    .values([
      { name: REPORT_CURSOR, value: 0 },
      { name: REPORT_REFERENCE_SEQ, value: 0 },
    ])
    .execute();
}

const flag = (b: boolean | undefined): number | null => (b === undefined ? null : b ? 1 : 0);

/** The row a fact is stored as. */
export function factToRow(aggregate: ReportedAggregate, f: ReportFact): ReportFactsTable {
  const row: ReportFactsTable = {
    aggregate,
    id: f.id,
    record_id: f.recordId,
    kind: f.kind,
    day: f.day,
    department_id: f.departmentId,
    staff_id: f.staffId,
    end_day: null,
    channel: null,
    ending: null,
    outcome: null,
    in_time: null,
    undisposed: null,
    overdue_now: null,
    ever_overdue: null,
    pauses: null,
    supplement: null,
    extensions: null,
    days: null,
    level: null,
    new_level: null,
    counted: null,
    unprompted: null,
    verified: null,
    rectified: null,
    body: JSON.stringify(f),
  };
  switch (f.kind) {
    case 'contact':
      return { ...row, channel: f.channel, ending: f.ending, undisposed: flag(f.undisposedAtDayEnd) };
    case 'transfer':
      return {
        ...row,
        outcome: f.outcome,
        in_time: flag(f.acceptedWithinNextWorkingDay),
        days: f.workingDaysToAccept ?? null,
      };
    case 'escalation':
      return { ...row, outcome: f.outcome };
    case 'case':
      return {
        ...row,
        end_day: f.endedOn ?? null,
        ending: f.ending ?? null,
        outcome: f.resultNotice ?? null,
        in_time: flag(f.onTime),
        overdue_now: flag(f.overdueNow),
        ever_overdue: flag(f.everOverdue),
        pauses: f.pauses,
        supplement: flag(f.supplementNotice),
        extensions: f.extensionsApproved,
      };
    case 'extension':
      return { ...row, outcome: f.decision };
    case 'complaint':
      // No column of its own (no migration): the decision in `outcome`, the measures standing in `days`.
      return {
        ...row,
        outcome: f.founded === undefined ? null : f.founded ? 'founded' : 'unfounded',
        days: f.measures,
      };
    case 'rating':
      return {
        ...row,
        level: f.level,
        new_level: f.newLevel ?? null,
        counted: flag(f.counted),
        unprompted: flag(f.unprompted),
        verified: flag(f.verified),
        rectified: flag(f.rectified),
      };
    default:
      return row;
  }
}

export interface Cursors {
  /** The last event seq projected. */
  readonly events: number;
  /** The last reference-document seq the unsettled facts were derived under. */
  readonly references: number;
  /** The last complaint act projected. */
  readonly complaints: number;
}

const CURSOR_NAMES = [REPORT_CURSOR, REPORT_REFERENCE_SEQ, REPORT_COMPLAINT_CURSOR];

/** The complaint cursor's row, at 0 where it is missing (a database migrated before complaints were projected). */
export async function ensureComplaintCursor(db: Db): Promise<void> {
  await reportDb(db)
    .insertInto('report_cursors')
    .values({ name: REPORT_COMPLAINT_CURSOR, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function readCursors(db: Db): Promise<Cursors> {
  return cursorsIn(reportDb(db));
}

async function cursorsIn(db: ReportDb): Promise<Cursors> {
  const rows = await db
    .selectFrom('report_cursors')
    .select(['name', 'value'])
    .where('name', 'in', CURSOR_NAMES)
    .execute();
  const of = (name: string) => Number(rows.find((r) => r.name === name)?.value ?? 0);
  return { events: of(REPORT_CURSOR), references: of(REPORT_REFERENCE_SEQ), complaints: of(REPORT_COMPLAINT_CURSOR) };
}

export interface TouchedBatch {
  /** The seq of the last event read (the cursor after this batch); the cursor itself when nothing came. */
  readonly lastSeq: number;
  /** Events read. */
  readonly count: number;
  readonly touched: readonly { aggregate: ReportedAggregate; id: string }[];
}

/** The reported aggregates touched by the next `limit` events after `cursor` (only their ids: cheap to read). */
export async function readTouchedAfter(db: Db, cursor: number, limit: number): Promise<TouchedBatch> {
  const rows = await db
    .selectFrom('events')
    .select(['seq', 'aggregate', 'aggregate_id'])
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(limit)
    .execute();
  const seen = new Set<string>();
  const touched: { aggregate: EventAggregate; id: string }[] = [];
  for (const r of rows) {
    if (!(REPORTED_AGGREGATES as readonly string[]).includes(r.aggregate)) continue;
    const key = `${r.aggregate}\u0000${r.aggregate_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    touched.push({ aggregate: r.aggregate as EventAggregate, id: r.aggregate_id });
  }
  return { lastSeq: rows.at(-1)?.seq ?? cursor, count: rows.length, touched };
}

/** The complaints touched by the next `limit` complaint acts after `cursor` (only their ids). */
export async function readComplaintsTouchedAfter(db: Db, cursor: number, limit: number): Promise<TouchedBatch> {
  const rows = await db
    .withTables<{ complaint_events: { seq: number; complaint_id: string } }>()
    .selectFrom('complaint_events')
    .select(['seq', 'complaint_id'])
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(limit)
    .execute();
  const ids = [...new Set(rows.map((r) => r.complaint_id))];
  return {
    lastSeq: rows.at(-1)?.seq ?? cursor,
    count: rows.length,
    touched: ids.map((id) => ({ aggregate: 'complaint', id })),
  };
}

// Under every engine's bound-parameter limit.
const ID_CHUNK = 500;

/** Every stored event of the given aggregates, by aggregate id. */
export async function readAggregateEvents(
  db: Db,
  aggregate: EventAggregate,
  ids: readonly string[],
): Promise<Map<string, DeskEvent[]>> {
  const logs = new Map<string, DeskEvent[]>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('aggregate', '=', aggregate)
      .where('aggregate_id', 'in', ids.slice(i, i + ID_CHUNK))
      .execute();
    for (const row of rows) {
      const list = logs.get(row.aggregate_id);
      if (list) list.push(rowToEvent(row));
      else logs.set(row.aggregate_id, [rowToEvent(row)]);
    }
  }
  return logs;
}

/** What one aggregate contributes now (null facts: it does not fold yet, e.g. its opening has not arrived). */
export interface DerivedAggregate {
  readonly aggregate: ReportedAggregate;
  readonly id: string;
  readonly facts: readonly ReportFact[];
  readonly settled: boolean;
}

export interface FactWrite {
  readonly derived: readonly DerivedAggregate[];
  readonly derivedOn: string;
  /** Move the cursors only from these values (compare-and-set): another instance's newer write is never undone. */
  readonly from?: Cursors;
  readonly to?: Partial<Cursors>;
}

const INSERT_CHUNK = 100; // rows × 26 columns stays under every engine's bound-parameter limit

/**
 * Replace the facts of each aggregate and move the cursors, in one transaction. false: another instance moved a
 * cursor since `from` was read, so nothing was written and the caller reads again.
 */
export async function replaceFacts(db: Db, write: FactWrite): Promise<boolean> {
  return reportDb(db)
    .transaction()
    .execute(async (trx) => {
      if (write.from) {
        // Row locks on the cursors (PostgreSQL; SQLite holds the write lock from the first write): one writer at a time.
        await trx
          .updateTable('report_cursors')
          .set({ value: sql<number>`value` })
          .where('name', 'in', CURSOR_NAMES)
          .execute();
        const now = await cursorsIn(trx);
        const from = write.from;
        if ((['events', 'references', 'complaints'] as const).some((k) => now[k] !== from[k])) return false;
      }
      for (const [aggregate, ids] of groupIds(write.derived)) {
        for (let i = 0; i < ids.length; i += ID_CHUNK) {
          const chunk = ids.slice(i, i + ID_CHUNK);
          await trx
            .deleteFrom('report_facts')
            .where('aggregate', '=', aggregate)
            .where('record_id', 'in', chunk)
            .execute();
          await trx
            .deleteFrom('report_aggregates')
            .where('aggregate', '=', aggregate)
            .where('aggregate_id', 'in', chunk)
            .execute();
        }
      }
      const rows = write.derived.flatMap((d) => d.facts.map((f) => factToRow(d.aggregate, f)));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('report_facts')
          .values(rows.slice(i, i + INSERT_CHUNK))
          .execute();
      }
      const aggregates = write.derived.map((d) => ({
        aggregate: d.aggregate,
        aggregate_id: d.id,
        settled: d.settled ? 1 : 0,
        derived_on: write.derivedOn,
      }));
      for (let i = 0; i < aggregates.length; i += INSERT_CHUNK * 4) {
        await trx
          .insertInto('report_aggregates')
          .values(aggregates.slice(i, i + INSERT_CHUNK * 4))
          .execute();
      }
      for (const [name, value] of [
        [REPORT_CURSOR, write.to?.events],
        [REPORT_REFERENCE_SEQ, write.to?.references],
        [REPORT_COMPLAINT_CURSOR, write.to?.complaints],
      ] as const) {
        if (value !== undefined)
          await trx.updateTable('report_cursors').set({ value }).where('name', '=', name).execute();
      }
      return true;
    });
}

function groupIds(derived: readonly DerivedAggregate[]): Map<ReportedAggregate, string[]> {
  const by = new Map<ReportedAggregate, string[]>();
  for (const d of derived) {
    const list = by.get(d.aggregate);
    if (list) list.push(d.id);
    else by.set(d.aggregate, [d.id]);
  }
  return by;
}

/**
 * The next unsettled aggregates derived before `day` (or all unsettled, when `all`), after `after` in key order:
 * what a new Beijing day, or a changed calendar, settings or catalog, re-derives.
 */
export async function readUnsettled(
  db: Db,
  opts: { before: string; all: boolean; after: { aggregate: string; id: string } | null; limit: number },
): Promise<{ aggregate: ReportedAggregate; id: string }[]> {
  let q = reportDb(db)
    .selectFrom('report_aggregates')
    .select(['aggregate', 'aggregate_id'])
    .where('settled', '=', 0)
    .orderBy('aggregate')
    .orderBy('aggregate_id')
    .limit(opts.limit);
  if (!opts.all) q = q.where('derived_on', '<', opts.before);
  const after = opts.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('aggregate', '>', after.aggregate),
        eb.and([eb('aggregate', '=', after.aggregate), eb('aggregate_id', '>', after.id)]),
      ]),
    );
  }
  const rows = await q.execute();
  return rows.map((r) => ({ aggregate: r.aggregate as ReportedAggregate, id: r.aggregate_id }));
}

/** The highest seq of a reference document the facts depend on (calendar, settings, catalog, directory). */
export async function readReferenceSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('reference_docs')
    .select(sql<number | null>`max(seq)`.as('top'))
    .where('kind', 'in', ['calendarYear', 'settings', 'serviceItem', 'serviceItemVersion', 'staff'])
    .executeTakeFirst();
  return Number(row?.top ?? 0);
}

/** Every stored fact (tests and the warning list of a period read them back whole). */
export async function readFactsBetween(db: Db, from: string, to: string): Promise<ReportFact[]> {
  const rows = await reportDb(db)
    .selectFrom('report_facts')
    .select('body')
    .where((eb) =>
      eb.or([
        eb.and([eb('day', '>=', from), eb('day', '<=', to)]),
        eb.and([eb('end_day', '>=', from), eb('end_day', '<=', to)]),
      ]),
    )
    .orderBy('aggregate')
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.body) as ReportFact);
}

/**
 * What a period's warning list is judged from (shared/rules/reports/warnings.ts): the breaches that began in
 * [breachFrom, to] (the period and the repeat window before it) and the open duties due in [dueFrom, dueTo].
 * Only those two kinds are read, through the (kind, day) index.
 */
export async function readWarningFacts(
  db: Db,
  breaches: { readonly from: string; readonly to: string },
  due: { readonly from: string; readonly to: string } | null,
): Promise<ReportFact[]> {
  const rows = await reportDb(db)
    .selectFrom('report_facts')
    .select('body')
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'breach'), eb('day', '>=', breaches.from), eb('day', '<=', breaches.to)]),
        ...(due ? [eb.and([eb('kind', '=', 'due'), eb('day', '>=', due.from), eb('day', '<=', due.to)])] : []),
      ]),
    )
    .orderBy('aggregate')
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.body) as ReportFact);
}

/** How current the projection is: the last event it folded, and the last event HQ holds. */
export async function readProjectionProgress(db: Db): Promise<{ projectedSeq: number; latestSeq: number }> {
  const [cursors, top] = await Promise.all([
    readCursors(db),
    db
      .selectFrom('events')
      .select(sql<number | string | null>`max(seq)`.as('top'))
      .executeTakeFirst(),
  ]);
  return { projectedSeq: cursors.events, latestSeq: Number(top?.top ?? 0) };
}
