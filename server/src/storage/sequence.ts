import { sql, type Transaction } from 'kysely';
import { MAX_SEQ } from '../../../shared/model/seq.ts';
import type { Database } from './db.ts';
import { SEQ_COUNTER } from './migrations.ts';

// The commit sequence is the pull cursor, so it must become visible in order: a desk that pulled up to
// seq 120 must never later find a seq 119 commit it skipped. Every writer therefore updates the one
// counter row first: on PostgreSQL the row lock serialises writers until commit, so a later seq always
// commits later; on SQLite the UPDATE takes the database write lock. (An advisory lock would work too;
// the row lock needs nothing dialect-specific.)

/** Take the writer lock for this transaction; returns the last allocated seq. */
export async function lockSequence(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set({ value: sql<number>`value` })
    .where('name', '=', SEQ_COUNTER)
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

/** Allocate `count` consecutive seqs; returns the first. Call after lockSequence, in the same transaction. */
export async function allocateSeqs(trx: Transaction<Database>, count: number): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set({ value: sql<number>`value + ${count}` })
    .where('name', '=', SEQ_COUNTER)
    // Past MAX_SEQ PostgreSQL's int4 overflows and SQLite would hand desks a seq their schema refuses: both
    // engines stop here instead, with the same clear error (decades away: see shared/model/seq.ts).
    .where('value', '<=', MAX_SEQ - count)
    .returning('value')
    .executeTakeFirst();
  if (!row) throw new RangeError(`the commit sequence is full (${MAX_SEQ}): no more changes can be stored`);
  return row.value - count + 1;
}

/** The last allocated seq as this transaction sees it (no lock): how far a desk has left to pull. */
export async function readHeadSeq(trx: Transaction<Database>): Promise<number> {
  const row = await trx.selectFrom('counters').select('value').where('name', '=', SEQ_COUNTER).executeTakeFirst();
  return row?.value ?? 0;
}
