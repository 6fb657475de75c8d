import type { Transaction } from 'kysely';
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

/** Rows read per query while a page is filled, so the server never holds many more rows than it sends. */
const READ_CHUNK = 250;

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

interface Candidate extends PageItem {
  readonly kind: 'event' | 'reference';
}

/** The next rows of both tables after `after`, merged in seq order, as far as both are known to be read. */
async function readChunk(trx: Transaction<Database>, after: number) {
  const events = await readEventsAfter(trx, after, READ_CHUNK);
  const references = await readReferencesAfter(trx, after, READ_CHUNK);
  const merged: Candidate[] = [
    ...events.map(({ seq, receivedAt, event }) => ({
      kind: 'event' as const,
      seq,
      json: JSON.stringify({ seq, receivedAt, event }),
    })),
    ...references.map(({ seq, doc }) => ({ kind: 'reference' as const, seq, json: JSON.stringify({ seq, doc }) })),
  ].sort((a, b) => a.seq - b.seq);
  // A table that filled its chunk may have more rows beyond its last one: only seqs up to there are known to be
  // in order across both tables.
  const ends = [events, references].filter((rows) => rows.length === READ_CHUNK).map((rows) => rows.at(-1)!.seq);
  const until = ends.length > 0 ? Math.min(...ends) : Infinity;
  return { merged: merged.filter((c) => c.seq <= until), exhausted: ends.length === 0 };
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
      fill: for (;;) {
        const { merged, exhausted } = await readChunk(trx, after);
        for (const item of merged) {
          const size = Buffer.byteLength(item.json) + 1; // and its comma
          if (page.length >= limit || (page.length > 0 && bytes + size > maxBytes)) {
            hasMore = true;
            break fill;
          }
          page.push(item);
          bytes += size;
        }
        if (exhausted || merged.length === 0) break;
        after = merged.at(-1)?.seq ?? after;
      }
      const last = page.at(-1);
      const headSeq = await readHeadSeq(trx);
      const pick = (kind: Candidate['kind']) =>
        page.filter((c) => c.kind === kind).map(({ seq, json }) => ({ seq, json }));
      return {
        events: pick('event'),
        references: pick('reference'),
        nextCursor: last ? last.seq : cursor,
        hasMore,
        headSeq: Math.max(headSeq, last?.seq ?? cursor),
      };
    });
}
