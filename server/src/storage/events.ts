import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { isSeq, MAX_SEQ } from '../../../shared/model/seq.ts';
import type { Rejection } from '../../../shared/sync/protocol.ts';
import type { Database, Db, EventsTable } from './db.ts';
import { allocateSeqs, lockSequence } from './sequence.ts';

export interface IncomingEvent {
  /** The zod output of deskEventSchema: what is stored and what every desk pulls. */
  readonly event: DeskEvent;
  readonly flags: string | null;
}

export interface AppendRequest {
  readonly deviceId: string;
  readonly events: readonly IncomingEvent[];
  /** Highest deviceSeq of this device that the batch settled (stored, duplicate or rejected); 0 if none. */
  readonly settledDeviceSeq: number;
  /**
   * The device's stored high-water mark as this request found it (the row its authentication read). The mark
   * only grows, so one read earlier is never too high: a batch with nothing to store that settles nothing above
   * it has nothing to write and is answered without the writer lock.
   */
  readonly knownAckedSeq?: number;
  readonly receivedAt: string;
  /** What an eventId that is already stored means: null for the same content (a replay), else a rejection. */
  judgeExisting(incoming: DeskEvent, existing: DeskEvent): Rejection | null;
  /**
   * Judged for each new event, in batch order, inside the storing transaction and before it is stored: it may
   * write what the event implies (an admin edit's reference document) or refuse the event, which is then not
   * stored. `earlier` are the events of this batch admitted before it (not yet visible in the table).
   */
  admit?(trx: Transaction<Database>, event: DeskEvent, earlier: readonly DeskEvent[]): Promise<Rejection | null>;
}

export interface AppendResult {
  readonly stored: number;
  readonly duplicates: number;
  readonly rejected: Rejection[];
  /**
   * What this batch acknowledges: its settledDeviceSeq. The device's high-water mark (devices.last_acked_seq,
   * which never goes backwards) is recorded for the admin, but not answered: an ack speaks only for the events
   * the push carried, so no number a desk sent before can acknowledge or hold back what it sends now.
   */
  readonly ackedSeq: number;
}

export interface StoredEvent {
  readonly seq: number;
  readonly receivedAt: string;
  readonly event: DeskEvent;
}

// Both engines accept far more, but 200 rows × 15 columns stays under every bound-parameter limit.
const INSERT_CHUNK = 200;

/**
 * The stored row back into the event. Not re-validated: only zod-parsed events are ever written,
 * and re-parsing every pulled row would cost more than it protects.
 */
export function rowToEvent(row: Selectable<EventsTable>): DeskEvent {
  return {
    eventId: row.event_id,
    aggregate: row.aggregate,
    aggregateId: row.aggregate_id,
    type: row.type,
    v: row.v,
    hlc: row.hlc,
    deviceId: row.device_id,
    deviceSeq: row.device_seq,
    staffId: row.staff_id,
    occurredAt: row.occurred_at,
    // Only when there is one: an attested event has no `proof` key at all, as the desk wrote it.
    ...(row.proof ? { proof: JSON.parse(row.proof) as unknown } : {}),
    payload: JSON.parse(row.payload) as unknown,
  } as DeskEvent;
}

/** The row an event is stored as (also HQ's own events: storage/ratingTokens.ts). */
export function eventToRow(event: DeskEvent, seq: number, receivedAt: string, flags: string | null) {
  return {
    seq,
    event_id: event.eventId,
    aggregate: event.aggregate,
    aggregate_id: event.aggregateId,
    type: event.type,
    v: event.v,
    hlc: event.hlc,
    device_id: event.deviceId,
    device_seq: event.deviceSeq,
    staff_id: event.staffId,
    occurred_at: event.occurredAt,
    payload: JSON.stringify(event.payload),
    received_at: receivedAt,
    flags,
    proof: event.proof ? JSON.stringify(event.proof) : null,
  };
}

/**
 * Store a push batch in one transaction: idempotent by eventId, seqs allocated under the writer lock,
 * and the device's ack moved forward in the same commit (so an ack is never ahead of what is stored).
 */
export async function appendEvents(db: Db, req: AppendRequest): Promise<AppendResult> {
  // Nothing to store (every event refused by the stateless checks: a hostile desk's push, mostly): no writer lock,
  // which would queue every honest desk behind it (issue 10, item 9). At most the mark moves, in one statement.
  if (req.events.length === 0) {
    if (req.settledDeviceSeq > knownMark(req.knownAckedSeq)) {
      await advanceDeviceAck(db, req.deviceId, req.settledDeviceSeq, req.receivedAt);
    }
    return { stored: 0, duplicates: 0, rejected: [], ackedSeq: req.settledDeviceSeq };
  }
  return db.transaction().execute(async (trx) => {
    // Lock first, then look for duplicates: a concurrent push of the same event waits here and then
    // sees it as a duplicate instead of failing on the UNIQUE constraint.
    await lockSequence(trx);
    const existing = await findEvents(
      trx,
      req.events.map((e) => e.event.eventId),
    );

    const fresh: IncomingEvent[] = [];
    const admitted: DeskEvent[] = [];
    const rejected: Rejection[] = [];
    let duplicates = 0;
    for (const incoming of req.events) {
      const earlier = existing.get(incoming.event.eventId);
      if (!earlier) {
        const refusal = req.admit ? await req.admit(trx, incoming.event, admitted) : null;
        if (refusal) {
          rejected.push(refusal);
          continue;
        }
        existing.set(incoming.event.eventId, incoming.event); // a repeat inside this batch is judged too
        fresh.push(incoming);
        admitted.push(incoming.event);
        continue;
      }
      const rejection = req.judgeExisting(incoming.event, earlier);
      if (rejection) rejected.push(rejection);
      else duplicates++;
    }

    if (fresh.length > 0) {
      const first = await allocateSeqs(trx, fresh.length);
      const rows = fresh.map((e, i) => eventToRow(e.event, first + i, req.receivedAt, e.flags));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('events')
          .values(rows.slice(i, i + INSERT_CHUNK))
          .execute();
      }
    }

    await advanceDeviceAck(trx, req.deviceId, req.settledDeviceSeq, req.receivedAt);
    return { stored: fresh.length, duplicates, rejected, ackedSeq: req.settledDeviceSeq };
  });
}

/** The known mark when it is one a desk can have; else -1, so that a mark out of range is written over. */
function knownMark(mark: number | undefined): number {
  return mark === 0 || isSeq(mark) ? mark : -1;
}

async function findEvents(db: Kysely<Database>, eventIds: readonly string[]): Promise<Map<string, DeskEvent>> {
  const found = new Map<string, DeskEvent>();
  for (let i = 0; i < eventIds.length; i += INSERT_CHUNK) {
    const chunk = eventIds.slice(i, i + INSERT_CHUNK);
    const rows = await db.selectFrom('events').selectAll().where('event_id', 'in', chunk).execute();
    for (const row of rows) found.set(row.event_id, rowToEvent(row));
  }
  return found;
}

/**
 * Move the device's high-water mark forward in one statement, so that it never goes backwards whoever writes it
 * at the same time (the lock-free path above, a push of the same desk on another instance). Dialect-neutral.
 */
async function advanceDeviceAck(db: Kysely<Database>, deviceId: string, settled: number, now: string): Promise<void> {
  // Only a sequence number fits the column on PostgreSQL (int4) and the admin's device list: refuse anything else
  // here too, whatever the caller computed.
  if (settled !== 0 && !isSeq(settled)) throw new RangeError(`not a deviceSeq to acknowledge: ${settled}`);
  // A mark out of range (1e300, stored by SQLite before deviceSeqs were bounded) is forgotten, not kept.
  const moved = await db
    .updateTable('devices')
    .set({
      last_acked_seq: sql<number>`case when last_acked_seq between ${settled} and ${MAX_SEQ} then last_acked_seq else ${settled} end`,
      last_seen_at: now,
    })
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) {
    await db
      .insertInto('devices')
      .values({ device_id: deviceId, last_acked_seq: settled, first_seen_at: now, last_seen_at: now })
      .execute();
  }
}

/** Events committed after `cursor`, in seq order. */
export async function readEventsAfter(db: Kysely<Database>, cursor: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ seq: row.seq, receivedAt: row.received_at, event: rowToEvent(row) }));
}

export async function countEvents(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n); // PostgreSQL returns count(*) as a bigint string
}
