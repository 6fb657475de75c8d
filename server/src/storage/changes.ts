import { sql, type Transaction } from 'kysely';
import type { Database, Db } from './db.ts';
import { readEventsAfter } from './events.ts';
import { readReferencesAfter } from './reference.ts';
import { readHeadSeq } from './sequence.ts';

/**
 * A pull page stops growing at this many bytes of JSON (UTF-8), whatever its event count: no content can make a
 * page too big to build or to send (issue 10). At least one item is always sent, so a single large event still
 * moves the cursor; the page then says `hasMore` and the desk asks again from `nextCursor`.
 */
export const PULL_PAGE_BYTES = 4 * 1024 * 1024;

/** Rows whose sizes are looked at per query while a page is filled: a few integers each, never the content. */
const SIZE_CHUNK = 250;

/** One item of the page, already serialised as it goes on the wire (it was measured that way). */
export interface PageItem {
  readonly seq: number;
  readonly json: string;
}

export interface Changes {
  /** `{seq, receivedAt, event}` of each event, in seq order. */
  readonly events: PageItem[];
  /** `{seq, doc}` of each reference document, in seq order. */
  readonly references: PageItem[];
  /** Highest seq included, or the cursor itself when nothing was. */
  readonly nextCursor: number;
  readonly hasMore: boolean;
  /** The last seq committed in the same snapshot: what a desk will have pulled when it is up to date. */
  readonly headSeq: number;
}

/** What a page read costs, for a test to see that it follows the page's bytes and not the rows behind them. */
export interface ReadObserver {
  rowsRead(count: number): void;
}

type Kind = 'event' | 'reference';

interface Candidate extends PageItem {
  readonly kind: Kind;
}

// A row's JSON on the wire is its text columns (payload and proof as stored: they are JSON already) inside an
// envelope of keys, quotes and at least one digit per number; counted here so that the estimate stays at or just
// below the real size, and a page reads at most one row it cannot send.
const EVENT_TEXT_COLUMNS = [
  'event_id',
  'aggregate',
  'aggregate_id',
  'type',
  'hlc',
  'device_id',
  'staff_id',
  'occurred_at',
  'received_at',
  'payload',
  'proof',
] as const;
const EVENT_ENVELOPE_BYTES = 174;
const REFERENCE_TEXT_COLUMNS = ['kind', 'id', 'hlc', 'updated_at', 'body'] as const;
const REFERENCE_ENVELOPE_BYTES = 76;

interface Sized {
  readonly kind: Kind;
  readonly seq: number;
  /** About the row's size on the wire (with its comma), known without reading the content. */
  readonly bytes: number;
}

/**
 * The seq and size of the next rows of both tables after `after`, merged in seq order, as far as both are known
 * to be read. octet_length comes from the row's header on SQLite (≥ 3.43) and the TOAST pointer on PostgreSQL,
 * so a table of half-megabyte events is looked over without being read.
 */
async function readSizes(trx: Transaction<Database>, after: number) {
  const textBytes = (...columns: string[]) =>
    sql.join(
      columns.map((c) => sql`coalesce(octet_length(${sql.ref(c)}), 0)`),
      sql` + `,
    );
  const events = await trx
    .selectFrom('events')
    .select(['seq', sql<number>`${textBytes(...EVENT_TEXT_COLUMNS)} + ${EVENT_ENVELOPE_BYTES}`.as('bytes')])
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(SIZE_CHUNK)
    .execute();
  const references = await trx
    .selectFrom('reference_docs')
    .select(['seq', sql<number>`${textBytes(...REFERENCE_TEXT_COLUMNS)} + ${REFERENCE_ENVELOPE_BYTES}`.as('bytes')])
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(SIZE_CHUNK)
    .execute();
  const merged: Sized[] = [
    ...events.map((row) => ({ kind: 'event' as const, seq: row.seq, bytes: Number(row.bytes) })),
    ...references.map((row) => ({ kind: 'reference' as const, seq: row.seq, bytes: Number(row.bytes) })),
  ].sort((a, b) => a.seq - b.seq);
  // A table that filled its chunk may have more rows beyond its last one: only seqs up to there are known to be
  // in order across both tables.
  const ends = [events, references].filter((rows) => rows.length === SIZE_CHUNK).map((rows) => rows.at(-1)!.seq);
  const until = ends.length > 0 ? Math.min(...ends) : Infinity;
  return { merged: merged.filter((c) => c.seq <= until), exhausted: ends.length === 0 };
}

/** The rows `chosen` names (the first rows of each table after `after`), serialised, in seq order. */
async function readRows(trx: Transaction<Database>, after: number, chosen: readonly Sized[]): Promise<Candidate[]> {
  const count = (kind: Kind) => chosen.filter((c) => c.kind === kind).length;
  const events = count('event') > 0 ? await readEventsAfter(trx, after, count('event')) : [];
  const references = count('reference') > 0 ? await readReferencesAfter(trx, after, count('reference')) : [];
  return [
    ...events.map(({ seq, receivedAt, event }) => ({
      kind: 'event' as const,
      seq,
      json: JSON.stringify({ seq, receivedAt, event }),
    })),
    ...references.map(({ seq, doc }) => ({ kind: 'reference' as const, seq, json: JSON.stringify({ seq, doc }) })),
  ].sort((a, b) => a.seq - b.seq);
}

/**
 * Everything committed after `cursor` — events and reference docs merged in seq order, at most `limit` items and
 * about `maxBytes` of JSON. Both tables are read in one snapshot (REPEATABLE READ on PostgreSQL; a SQLite read
 * transaction is one snapshot already): read apart, a commit landing between the two queries could put a
 * reference doc at seq 12 into the page while the event at seq 11 was missed, and the cursor would skip it.
 */
export async function readChangesAfter(
  db: Db,
  cursor: number,
  limit: number,
  maxBytes: number = PULL_PAGE_BYTES,
  observer?: ReadObserver,
): Promise<Changes> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const page: Candidate[] = [];
      let bytes = 0;
      let after = cursor;
      let hasMore = false;
      // Rows are read (and serialised) only once their sizes say they fit: a page of eight half-megabyte events
      // reads eight, not the 250 a chunk would hold (better-sqlite3 blocks the event loop while it reads).
      fill: for (;;) {
        const { merged, exhausted } = await readSizes(trx, after);
        const chosen: Sized[] = [];
        let planned = bytes;
        for (const row of merged) {
          if (
            page.length + chosen.length >= limit ||
            (page.length + chosen.length > 0 && planned + row.bytes > maxBytes)
          ) {
            hasMore = true;
            break;
          }
          chosen.push(row);
          planned += row.bytes;
        }
        const rows = await readRows(trx, after, chosen);
        observer?.rowsRead(rows.length);
        for (const item of rows) {
          // The size was an estimate (the envelope around each row is not counted): the real one decides.
          const size = Buffer.byteLength(item.json) + 1; // and its comma
          if (page.length > 0 && bytes + size > maxBytes) {
            hasMore = true;
            break fill;
          }
          page.push(item);
          bytes += size;
        }
        if (hasMore || exhausted || chosen.length === 0) break;
        after = chosen.at(-1)!.seq;
      }
      const last = page.at(-1);
      const headSeq = await readHeadSeq(trx);
      const pick = (kind: Kind) => page.filter((c) => c.kind === kind).map(({ seq, json }) => ({ seq, json }));
      return {
        events: pick('event'),
        references: pick('reference'),
        nextCursor: last ? last.seq : cursor,
        hasMore,
        headSeq: Math.max(headSeq, last?.seq ?? cursor),
      };
    });
}
