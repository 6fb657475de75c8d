import type { Db } from './db.ts';
import { readEventsAfter, type StoredEvent } from './events.ts';
import { readReferencesAfter, type StoredReference } from './reference.ts';
import { readHeadSeq } from './sequence.ts';

export interface Changes {
  readonly events: StoredEvent[];
  readonly references: StoredReference[];
  /** Highest seq included, or the cursor itself when nothing was. */
  readonly nextCursor: number;
  readonly hasMore: boolean;
  /** The last seq committed in the same snapshot: what a desk will have pulled when it is up to date. */
  readonly headSeq: number;
}

/**
 * Everything committed after `cursor` — events and reference docs merged in seq order, at most `limit`.
 * Both tables are read in one snapshot (REPEATABLE READ on PostgreSQL; a SQLite read transaction is one
 * snapshot already): read apart, a commit landing between the two queries could put a reference doc at
 * seq 12 into the page while the event at seq 11 was missed, and the cursor would skip it for good.
 */
export async function readChangesAfter(db: Db, cursor: number, limit: number): Promise<Changes> {
  const [events, references, headSeq] = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      // limit + 1 of each tells whether anything is left after the merged page.
      const e = await readEventsAfter(trx, cursor, limit + 1);
      const r = await readReferencesAfter(trx, cursor, limit + 1);
      return [e, r, await readHeadSeq(trx)] as const;
    });

  const merged = [
    ...events.map((item) => ({ seq: item.seq, event: item })),
    ...references.map((item) => ({ seq: item.seq, reference: item })),
  ].sort((a, b) => a.seq - b.seq);
  const page = merged.slice(0, limit);

  const last = page.at(-1);
  return {
    events: page.flatMap((item) => ('event' in item ? [item.event] : [])),
    references: page.flatMap((item) => ('reference' in item ? [item.reference] : [])),
    nextCursor: last ? last.seq : cursor,
    hasMore: merged.length > limit,
    headSeq: Math.max(headSeq, last?.seq ?? cursor),
  };
}
