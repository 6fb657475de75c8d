import type { Kysely, Selectable, Transaction } from 'kysely';
import { referenceDocSchema, type ReferenceDoc, type ReferenceKind } from '../../../shared/model/reference.ts';
import type { Database, Db, ReferenceDocsTable } from './db.ts';
import { allocateSeqs, lockSequence } from './sequence.ts';

export interface StoredReference {
  readonly seq: number;
  /** A ReferenceDoc; or, for a row an older server stored under looser rules, the row as it is (see below). */
  readonly doc: ReferenceDoc | RawReferenceDoc;
}

/** A stored document as its row holds it, not validated. */
export interface RawReferenceDoc {
  readonly kind: string;
  readonly id: string;
  readonly rev: number;
  readonly hlc: string;
  readonly updatedAt: string;
  readonly body: unknown;
}

/**
 * Every document of `kind` (or all) that today's schema reads. One an older server stored under looser rules is
 * left out rather than thrown on: every push reads the directory, and one such document must not make every
 * desk's push fail (issue 10). Desks see it set aside in their pulls (readReferencesAfter).
 */
export async function listReferenceDocs(db: Db, kind?: ReferenceKind): Promise<ReferenceDoc[]> {
  let query = db.selectFrom('reference_docs').selectAll().orderBy('kind').orderBy('id');
  if (kind) query = query.where('kind', '=', kind);
  return (await query.execute()).flatMap((row) => {
    const read = readRow(row);
    return read.ok ? [read.doc] : [];
  });
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
  return rows.map((row) => ({ seq: row.seq, doc: pulledDoc(row) }));
}

/**
 * A document for a pull. One that today's schema refuses (stored by an older server under looser rules) is sent as
 * its row holds it rather than failing the page, and so every desk's sync at that cursor: each desk reads the
 * items of a page one by one and sets such a document aside for a person to see (shared/sync/pullPage.ts).
 */
function pulledDoc(row: Selectable<ReferenceDocsTable>): ReferenceDoc | RawReferenceDoc {
  const read = readRow(row);
  return read.ok ? read.doc : read.raw;
}

/** The row as a ReferenceDoc when today's schema reads it, else as it is (a body that is not JSON as its text). */
export function readRow(
  row: Selectable<ReferenceDocsTable>,
): { ok: true; doc: ReferenceDoc } | { ok: false; raw: RawReferenceDoc } {
  const raw = { kind: row.kind, id: row.id, rev: row.rev, hlc: row.hlc, updatedAt: row.updated_at, body: row.body };
  let body: unknown;
  try {
    body = JSON.parse(row.body) as unknown;
  } catch {
    return { ok: false, raw };
  }
  const parsed = referenceDocSchema.safeParse({ ...raw, body });
  return parsed.success ? { ok: true, doc: parsed.data } : { ok: false, raw: { ...raw, body } };
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
