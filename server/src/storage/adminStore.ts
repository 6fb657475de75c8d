import type { Transaction } from 'kysely';
import type { DeskEvent } from '../../../shared/model/events.ts';
import type { GuideFile } from '../../../shared/model/catalog.ts';
import type { Aggregate } from '../../../shared/model/envelope.ts';
import type { ReferenceDoc } from '../../../shared/model/reference.ts';
import type { Database } from './db.ts';
import { rowToEvent } from './events.ts';
import { describeGuideFile } from './guideFiles.ts';
import { readRow } from './reference.ts';
import { allocateSeqs } from './sequence.ts';

// What the server needs to apply an administrator's event to the authoritative reference documents
// (sync/applyAdmin.ts), inside the push transaction that stores the event. The caller already holds the
// sequence lock (storage/events.ts), so read-then-write here cannot interleave with another writer.

/** The current version is stored but today's schema refuses it (an older server's looser rules). */
export class UnreadableDocError extends Error {
  constructor(kind: string, id: string) {
    super(
      `the stored version of ${kind} ${id} cannot be read by this server (written under older rules); ask the HQ operator to repair it`,
    );
    this.name = 'UnreadableDocError';
  }
}

type AdminKind = 'serviceItem' | 'calendarYear' | 'settings';
export type AdminDoc<K extends AdminKind> = Extract<ReferenceDoc, { kind: K }>;

export interface AdminStore {
  /** The current version of a catalog item, a calendar year or the settings, if there is one. */
  current<K extends AdminKind>(kind: K, id: string): Promise<AdminDoc<K> | undefined>;
  /** The stored events of one aggregate, in commit order. */
  eventsOf(aggregate: Aggregate, aggregateId: string): Promise<DeskEvent[]>;
  /** Write a new version under a fresh commit seq, so every desk pulls it after the ones it has. */
  put(doc: ReferenceDoc): Promise<void>;
  /** The attached form HQ holds with this SHA-256 (storage/guideFiles.ts), if any: a version is published with it. */
  guideFile(sha256: string): Promise<GuideFile | undefined>;
}

export function adminStore(trx: Transaction<Database>): AdminStore {
  return {
    async current(kind, id) {
      const row = await trx
        .selectFrom('reference_docs')
        .selectAll()
        .where('kind', '=', kind)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const read = readRow(row);
      if (!read.ok) throw new UnreadableDocError(kind, id);
      return read.doc as AdminDoc<typeof kind>;
    },
    async eventsOf(aggregate, aggregateId) {
      const rows = await trx
        .selectFrom('events')
        .selectAll()
        .where('aggregate', '=', aggregate)
        .where('aggregate_id', '=', aggregateId)
        .orderBy('seq')
        .execute();
      return rows.map(rowToEvent);
    },
    async put(doc) {
      const seq = await allocateSeqs(trx, 1);
      const row = { rev: doc.rev, hlc: doc.hlc, updated_at: doc.updatedAt, body: JSON.stringify(doc.body), seq };
      await trx
        .insertInto('reference_docs')
        .values({ kind: doc.kind, id: doc.id, ...row })
        .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet(row))
        .execute();
    },
    guideFile: (sha256) => describeGuideFile(trx, sha256),
  };
}
