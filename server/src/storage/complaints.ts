import { sql, type Kysely, type Transaction } from 'kysely';
import { complaintEventSchema, type ComplaintEvent } from '../../../shared/model/complaintEvents.ts';
import { MAX_SEQ } from '../../../shared/model/seq.ts';
import type { Database, Db } from './db.ts';
import {
  complaintChainHash,
  migrateComplaintChain,
  verifyComplaintChain,
  type ComplaintChainCheck,
} from './complaintChain.ts';

// The complaint log at HQ (issue 14): confidential, so apart from `events` (which every desk pulls). Append-only:
// one row per act HQ accepted, never updated or deleted; who read what is in complaint_reads. Tables typed here
// with withTables, so storage/db.ts need not know them.

export interface ComplaintEventsTable {
  /** HQ's order of storing, from its own counter (COMPLAINT_SEQ), never shared with the pull cursor. */
  seq: number;
  event_id: string;
  complaint_id: string;
  type: string;
  v: number;
  /** HQ's clock when it stored the act (ISO, UTC). */
  at: string;
  staff_id: string;
  device_id: string;
  /** The parsed payload as JSON text. */
  payload: string;
  /** The tamper-evident chain (complaintChain.ts): SHA-256 over the previous act's chain and this act. */
  chain: string | null;
}

export interface ComplaintReadsTable {
  seq: number;
  /** null for a read of no one complaint (the accountability record). */
  complaint_id: string | null;
  staff_id: string;
  device_id: string;
  at: string;
  what: string;
}

// A type alias, not an interface: withTables wants an index signature.
type ComplaintTables = {
  complaint_events: ComplaintEventsTable;
  complaint_reads: ComplaintReadsTable;
};
type ComplaintDb = Kysely<Database & ComplaintTables>;
type ComplaintTrx = Transaction<Database & ComplaintTables>;
const complaintDb = (db: Db): ComplaintDb => db.withTables<ComplaintTables>();

/** counters rows: taking COMPLAINT_SEQ's row lock serialises every complaint write (PostgreSQL row lock; SQLite's
 * write lock), so two leaders deciding one complaint at once are judged one after the other, on every instance. */
export const COMPLAINT_SEQ = 'complaint_seq';
export const COMPLAINT_READ_SEQ = 'complaint_read_seq';

/** Migration 0010_complaints (see migrations.ts). */
export async function migrateComplaints(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('complaint_events')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().unique())
    .addColumn('complaint_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('v', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_events_complaint').on('complaint_events').column('complaint_id').execute();
  await db.schema
    .createTable('complaint_reads')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text')
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_reads_complaint').on('complaint_reads').column('complaint_id').execute();
  await (db as unknown as Db)
    .insertInto('counters')
    .values([
      { name: COMPLAINT_SEQ, value: 0 },
      { name: COMPLAINT_READ_SEQ, value: 0 },
    ])
    .execute();
}

/** The next value of a counter, under its row lock until the transaction ends. */
async function nextSeq(trx: ComplaintTrx, name: string): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set({ value: sql<number>`value + 1` })
    .where('name', '=', name)
    .where('value', '<', MAX_SEQ)
    .returning('value')
    .executeTakeFirst();
  if (!row) throw new RangeError(`the ${name} counter is full (${MAX_SEQ}) or missing`);
  return row.value;
}

type Row = ComplaintEventsTable;

function toRow(event: ComplaintEvent, seq: number, chain: string): Row {
  return {
    chain,
    seq,
    event_id: event.eventId,
    complaint_id: event.complaintId,
    type: event.type,
    v: event.v,
    at: event.at,
    staff_id: event.staffId,
    device_id: event.deviceId,
    payload: JSON.stringify(event.payload),
  };
}

/** A stored row back as the event; a row today's schema cannot read is a fault, never silently skipped. */
function fromRow(row: Row): ComplaintEvent {
  const parsed = complaintEventSchema.safeParse({
    eventId: row.event_id,
    complaintId: row.complaint_id,
    type: row.type,
    v: row.v,
    at: row.at,
    staffId: row.staff_id,
    deviceId: row.device_id,
    payload: JSON.parse(row.payload) as unknown,
  });
  if (!parsed.success) throw new Error(`complaint event ${row.event_id} (seq ${row.seq}) is unreadable`);
  return parsed.data;
}

/** One complaint's log in the order HQ stored it. */
export async function complaintEvents(db: Db, complaintId: string): Promise<ComplaintEvent[]> {
  const rows = await complaintDb(db)
    .selectFrom('complaint_events')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('seq')
    .execute();
  return rows.map(fromRow);
}

/** Whether one complaint's stored acts still follow their hash chain (complaintChain.ts). */
export async function complaintChain(db: Db, complaintId: string): Promise<ComplaintChainCheck> {
  const rows = await complaintDb(db)
    .selectFrom('complaint_events')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('seq')
    .execute();
  return verifyComplaintChain(rows.map((row) => ({ event: fromRow(row), chain: row.chain })));
}

/** Migration 0012_complaint_chain (see migrations.ts): the acts stored before it get their hashes, in order. */
export async function migrateComplaintChainColumn(db: Kysely<unknown>): Promise<void> {
  await migrateComplaintChain(db, async () => {
    const rows = await (db as unknown as ComplaintDb)
      .selectFrom('complaint_events')
      .select(['seq', 'event_id', 'complaint_id', 'type', 'v', 'at', 'staff_id', 'device_id', 'payload'])
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({ seq: row.seq, event: fromRow({ ...row, chain: null }) }));
  });
}

/** Every complaint's log, grouped by complaint, each in the order HQ stored it. */
export async function allComplaintEvents(db: Db): Promise<Map<string, ComplaintEvent[]>> {
  const rows = await complaintDb(db).selectFrom('complaint_events').selectAll().orderBy('seq').execute();
  const byComplaint = new Map<string, ComplaintEvent[]>();
  for (const row of rows) {
    const event = fromRow(row);
    const list = byComplaint.get(event.complaintId);
    if (list) list.push(event);
    else byComplaint.set(event.complaintId, [event]);
  }
  return byComplaint;
}

export type CommitResult<R extends string> =
  /** chain: the complaint's new head hash (complaintChain.ts), for the server log. */
  | { readonly kind: 'stored'; readonly event: ComplaintEvent; readonly chain: string }
  /** An event with this eventId is stored already (the caller says whether it is the same act). */
  | { readonly kind: 'exists'; readonly event: ComplaintEvent }
  | { readonly kind: 'refused'; readonly refusal: R };

/**
 * Store one act, judged against the complaint's log as it stands under the lock: `build` makes the event with HQ's
 * time (never earlier than the last act of this complaint, so the fold's order by time is the order of storing),
 * `judge` sees the stored log and the new event and returns a refusal code, or null to store it.
 */
export async function commitComplaintEvent<R extends string>(
  db: Db,
  input: {
    readonly eventId: string;
    readonly complaintId: string;
    readonly build: (at: string) => ComplaintEvent;
    readonly judge: (stored: readonly ComplaintEvent[], event: ComplaintEvent) => R | null;
    readonly now?: () => number;
  },
): Promise<CommitResult<R>> {
  return complaintDb(db)
    .transaction()
    .execute(async (trx) => {
      const seq = await nextSeq(trx, COMPLAINT_SEQ); // the lock first: a concurrent repeat then sees this one
      const existing = await trx
        .selectFrom('complaint_events')
        .selectAll()
        .where('event_id', '=', input.eventId)
        .executeTakeFirst();
      if (existing) return { kind: 'exists', event: fromRow(existing) } as const;
      const rows = await trx
        .selectFrom('complaint_events')
        .selectAll()
        .where('complaint_id', '=', input.complaintId)
        .orderBy('seq')
        .execute();
      const stored = rows.map(fromRow);
      const last = stored.reduce((max, e) => Math.max(max, Date.parse(e.at)), 0);
      const now = (input.now ?? Date.now)();
      const event = input.build(new Date(Math.max(now, last + 1)).toISOString());
      const refusal = input.judge(stored, event);
      if (refusal !== null) return { kind: 'refused', refusal } as const;
      const chain = complaintChainHash(rows.at(-1)?.chain ?? null, event);
      await trx
        .insertInto('complaint_events')
        .values(toRow(event, seq, chain))
        .execute();
      return { kind: 'stored', event, chain } as const;
    });
}

export type ComplaintReadKind = 'detail' | 'statement' | 'accountability';

export interface ComplaintReadRecord {
  readonly complaintId: string | null;
  readonly staffId: string;
  readonly deviceId: string;
  readonly at: string;
  readonly what: ComplaintReadKind;
}

/** Every read of a complaint is logged (issue 14, point 3), before the answer leaves. */
export async function logComplaintRead(db: Db, read: ComplaintReadRecord): Promise<void> {
  await complaintDb(db)
    .transaction()
    .execute(async (trx) => {
      const seq = await nextSeq(trx, COMPLAINT_READ_SEQ);
      await trx
        .insertInto('complaint_reads')
        .values({
          seq,
          complaint_id: read.complaintId,
          staff_id: read.staffId,
          device_id: read.deviceId,
          at: read.at,
          what: read.what,
        })
        .execute();
    });
}

/** Who read this complaint when, oldest first. */
export async function complaintReads(db: Db, complaintId: string | null): Promise<ComplaintReadRecord[]> {
  let query = complaintDb(db).selectFrom('complaint_reads').selectAll().orderBy('seq');
  query =
    complaintId === null ? query.where('complaint_id', 'is', null) : query.where('complaint_id', '=', complaintId);
  const rows = await query.execute();
  return rows.map((r) => ({
    complaintId: r.complaint_id,
    staffId: r.staff_id,
    deviceId: r.device_id,
    at: r.at,
    what: r.what as ComplaintReadKind,
  }));
}
