import type { Kysely, Selectable, Transaction } from 'kysely';
import { referenceDocSchema, type ReferenceDoc, type ReferenceKind } from '../../../shared/model/reference.ts';
import type { Database, Db, ReferenceDocsTable } from './db.ts';
import { allocateSeqs, lockSequence } from './sequence.ts';

export interface StoredReference {
  readonly seq: number;
  readonly doc: ReferenceDoc;
}

/**
 * Reference docs are re-validated on the way out: admins' edits and seeds of older server versions
 * all pass through here, and a desk must never receive a document it would refuse.
 */
export function rowToDoc(row: Selectable<ReferenceDocsTable>): ReferenceDoc {
  return referenceDocSchema.parse({
    kind: row.kind,
    id: row.id,
    rev: row.rev,
    hlc: row.hlc,
    updatedAt: row.updated_at,
    body: JSON.parse(row.body) as unknown,
  });
}

export async function listReferenceDocs(db: Db, kind?: ReferenceKind): Promise<ReferenceDoc[]> {
  let query = db.selectFrom('reference_docs').selectAll().orderBy('kind').orderBy('id');
  if (kind) query = query.where('kind', '=', kind);
  return (await query.execute()).map(rowToDoc);
}

/** Reference docs whose latest version was committed after `cursor`, in seq order. */
export async function readReferencesAfter(
  db: Kysely<Database>,
  cursor: number,
  limit: number,
): Promise<StoredReference[]> {
  const rows = await db
    .selectFrom('reference_docs')
    .selectAll()
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ seq: row.seq, doc: rowToDoc(row) }));
}

/**
 * Insert the first set of reference docs, but only into an empty table. The check runs under the
 * sequence lock, so two instances starting together on one PostgreSQL cannot both seed.
 * Returns how many docs were written (0 when the table already had some).
 */
export async function insertReferenceDocsIfEmpty(db: Db, docs: readonly ReferenceDoc[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockSequence(trx);
    const any = await trx.selectFrom('reference_docs').select('id').limit(1).executeTakeFirst();
    if (any) return 0;
    return insertDocs(trx, docs);
  });
}

/**
 * Insert docs of a kind the database has none of yet (a database seeded before that kind existed), provided
 * every doc they depend on is there — e.g. the departments a catalog names. Same lock as the first seed.
 */
export async function insertReferenceDocsOfNewKind(
  db: Db,
  kind: ReferenceKind,
  docs: readonly ReferenceDoc[],
  requires: readonly { kind: ReferenceKind; id: string }[],
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockSequence(trx);
    const any = await trx
      .selectFrom('reference_docs')
      .select('id')
      .where('kind', '=', kind)
      .limit(1)
      .executeTakeFirst();
    if (any) return 0;
    for (const need of requires) {
      const found = await trx
        .selectFrom('reference_docs')
        .select('id')
        .where('kind', '=', need.kind)
        .where('id', '=', need.id)
        .executeTakeFirst();
      if (!found) return 0;
    }
    return insertDocs(trx, docs);
  });
}

async function insertDocs(trx: Transaction<Database>, docs: readonly ReferenceDoc[]): Promise<number> {
  if (docs.length === 0) return 0;
  const first = await allocateSeqs(trx, docs.length);
  await trx
    .insertInto('reference_docs')
    .values(
      docs.map((doc, i) => ({
        kind: doc.kind,
        id: doc.id,
        rev: doc.rev,
        hlc: doc.hlc,
        updated_at: doc.updatedAt,
        body: JSON.stringify(doc.body),
        seq: first + i,
      })),
    )
    .execute();
  return docs.length;
}

export async function hasReferenceDocs(db: Db): Promise<boolean> {
  return Boolean(await db.selectFrom('reference_docs').select('id').limit(1).executeTakeFirst());
}
