import type { Kysely } from 'kysely';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { catalogVersionId } from '../../../shared/model/catalog.ts';
import type { Database } from './db.ts';
import { rowToEvent } from './events.ts';

// What a push's events may name that only the stored log and catalog can vouch for (sync/references.ts): the case a
// contact says it opened, the catalog version a checklist was given from. Read inside the storing transaction, after
// the sequence lock, so what an earlier event of the same push wrote (an admin's catalog edit) is seen too.

export interface ReferenceLookup {
  /** Every stored case.opened of this case id (normally one; a forged second one is stored too, and folds second). */
  caseOpenings(caseId: string): Promise<DeskEvent[]>;
  /** The catalog item existed at this version: current, kept as an older version, or made by a stored edit. */
  catalogVersionExists(itemId: string, rev: number): Promise<boolean>;
  /** Every stored rating.given of this rating key (one: a second pad rating is refused, sync/padRatingCheck.ts). */
  ratingGivens(ratingKey: string): Promise<DeskEvent[]>;
  /** Every stored event of one aggregate (a case, a contact): for HQ's own fold of it. */
  aggregateEvents(aggregate: 'case' | 'contact', id: string): Promise<DeskEvent[]>;
}

export function referenceLookup(db: Kysely<Database>): ReferenceLookup {
  return {
    async caseOpenings(caseId) {
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('aggregate', '=', 'case')
        .where('aggregate_id', '=', caseId)
        .where('type', '=', 'case.opened')
        .execute();
      return rows.map(rowToEvent);
    },
    async aggregateEvents(aggregate, id) {
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('aggregate', '=', aggregate)
        .where('aggregate_id', '=', id)
        .execute();
      return rows.map(rowToEvent);
    },
    async ratingGivens(ratingKey) {
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('aggregate', '=', 'rating')
        .where('aggregate_id', '=', ratingKey)
        .where('type', '=', 'rating.given')
        .execute();
      return rows.map(rowToEvent);
    },
    async catalogVersionExists(itemId, rev) {
      const current = await db
        .selectFrom('reference_docs')
        .select('rev')
        .where('kind', '=', 'serviceItem')
        .where('id', '=', itemId)
        .executeTakeFirst();
      if (current?.rev === rev) return true;
      const kept = await db
        .selectFrom('reference_docs')
        .select('id')
        .where('kind', '=', 'serviceItemVersion')
        .where('id', '=', catalogVersionId(itemId, rev))
        .executeTakeFirst();
      if (kept) return true;
      // A version an admin saved before older versions were kept as documents is still in its event: the edit on
      // base rev − 1 made rev (the first, on no base, made 1). Before issue 16 only applied edits were stored; since,
      // an itemSaved is a draft that made no version until published, and a published one is kept as a document, so
      // an event vouches only for a version at or below the current one (versions are numbered without gaps).
      if (current === undefined || rev > current.rev) return false;
      const saves = await db
        .selectFrom('events')
        .selectAll()
        .where('aggregate', '=', 'catalog')
        .where('aggregate_id', '=', itemId)
        .where('type', '=', 'catalog.itemSaved')
        .execute();
      return saves.map(rowToEvent).some((e) => e.type === 'catalog.itemSaved' && (e.payload.baseRev ?? 0) + 1 === rev);
    },
  };
}
