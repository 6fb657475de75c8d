import { sql } from 'kysely';
import type { ReferenceDoc } from '../../../shared/model/reference.ts';
import type { Db } from './db.ts';
import { readRow } from './reference.ts';

// Every push judges its events against the directory (staff, departments, agencies). Reading and schema-checking
// every reference document on every push was a fifth of the server's CPU under a flood of pushes (issue 10,
// item 9). The documents change only by a new version under a fresh commit seq (adminStore.put, the seeds), so
// (row count, highest seq) says whether anything changed: one small query instead of the whole table. Another
// instance's edit changes the stamp too, so nothing here is per-instance state that could go stale.

interface Snapshot {
  readonly stamp: string;
  readonly docs: readonly ReferenceDoc[];
}

const snapshots = new WeakMap<Db, Snapshot>();

async function stampOf(db: Db): Promise<string> {
  const row = await db
    .selectFrom('reference_docs')
    .select([sql<number | string>`count(*)`.as('n'), sql<number | null>`max(seq)`.as('top')])
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}/${row.top ?? 0}`; // PostgreSQL answers count(*) as a bigint string
}

/**
 * Every reference document today's schema reads, as listReferenceDocs(db) would answer now; the same array (not
 * to be changed by the caller) as long as nothing was stored since.
 */
export async function currentReferenceDocs(db: Db): Promise<readonly ReferenceDoc[]> {
  const stamp = await stampOf(db);
  const cached = snapshots.get(db);
  if (cached?.stamp === stamp) return cached.docs;
  // Read whole and stamped from the same rows, so a version stored between the two queries is never missed.
  const rows = await db.selectFrom('reference_docs').selectAll().orderBy('kind').orderBy('id').execute();
  const docs = rows.flatMap((row) => {
    const read = readRow(row);
    return read.ok ? [read.doc] : [];
  });
  const top = rows.reduce((max, row) => Math.max(max, row.seq), 0);
  snapshots.set(db, { stamp: `${rows.length}/${top}`, docs });
  return docs;
}
