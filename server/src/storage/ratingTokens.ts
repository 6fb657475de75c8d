import { sql, type Kysely, type Transaction } from 'kysely';
import type { DeskEvent } from '../../../shared/model/events.ts';
import type { Database, Db } from './db.ts';
import { eventToRow } from './events.ts';
import type { ReferenceLookup } from './referenceLookup.ts';
import { allocateSeqs, lockSequence } from './sequence.ts';
import { ratedServiceOf } from '../sync/ratingSubject.ts';
import { ratingPrintOf } from '../sync/ratingToken.ts';

// 好差评 by a slip's QR code (issue 13): per slip, the service rated (as HQ's own log has it) and whether it was
// rated; per print, the SHA-256 of its token (a copy of the database gives no one a link to rate with). Tables
// typed here with withTables, so storage/db.ts need not know them (as padTablets.ts does).

export interface SlipRatingTokensTable {
  serial: string;
  /** SHA-256 (hex) of the first print's token (every print's is in slip_rating_prints); never the token. */
  token_hash: string;
  slip_id: string;
  /** The rated service: the slip's subject ('case' | 'contact') and its id. */
  service_kind: string;
  service_id: string;
  /** Whose service is rated, from HQ's fold of the subject when the first print came (never the desk's word). */
  rated_staff_id: string;
  issued_on: string;
  /** The first print's eventId: only the slip's kind is read from it. */
  print_event_id: string;
  created_at: string;
  /** The rating.given stored for this slip; null until rated. One rating per slip, and per service. */
  rated_event_id: string | null;
  /** The case's catalog item (migration 0009), named on the page from HQ's catalog; null for a contact. */
  item_id: string | null;
}

export interface SlipRatingPrintsTable {
  /** SHA-256 (hex) of one print's token. */
  token_hash: string;
  serial: string;
  print_event_id: string;
  created_at: string;
}

type RatingTables = { slip_rating_tokens: SlipRatingTokensTable; slip_rating_prints: SlipRatingPrintsTable };
type RatingDb = Kysely<Database & RatingTables>;
const ratingDb = (db: Kysely<Database>): RatingDb => db.withTables<RatingTables>();

/** Migration 0008_slip_rating_tokens (see migrations.ts). Applied: never change it. */
export async function migrateSlipRatingTokens(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('slip_rating_tokens')
    .addColumn('serial', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('slip_id', 'text', (c) => c.notNull())
    .addColumn('service_kind', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('rated_staff_id', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('print_event_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('rated_event_id', 'text')
    .execute();
}

/** Migration 0009_slip_rating_prints: every print's hash (the first prints' copied over), the item, a service index. */
export async function migrateSlipRatingPrints(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('slip_rating_prints')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('print_event_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('slip_rating_prints_serial').on('slip_rating_prints').column('serial').execute();
  await db.schema.alterTable('slip_rating_tokens').addColumn('item_id', 'text').execute();
  await db.schema
    .createIndex('slip_rating_tokens_service')
    .on('slip_rating_tokens')
    .columns(['service_kind', 'service_id'])
    .execute();
  await sql`insert into slip_rating_prints (token_hash, serial, print_event_id, created_at)
    select token_hash, serial, print_event_id, created_at from slip_rating_tokens`.execute(db);
}

export async function findRatingToken(db: Db, serial: string): Promise<SlipRatingTokensTable | undefined> {
  return ratingDb(db).selectFrom('slip_rating_tokens').selectAll().where('serial', '=', serial).executeTakeFirst();
}

/** The token hashes of every registered print of a slip. */
export async function printHashes(db: Db, serial: string): Promise<string[]> {
  const rows = await ratingDb(db)
    .selectFrom('slip_rating_prints')
    .select('token_hash')
    .where('serial', '=', serial)
    .execute();
  return rows.map((r) => r.token_hash);
}

/** Whether the service (case or contact) already has a QR rating, through any of its slips (一次一评). */
export async function serviceRated(db: Kysely<Database>, kind: string, id: string): Promise<boolean> {
  const row = await ratingDb(db)
    .selectFrom('slip_rating_tokens')
    .select('serial')
    .where('service_kind', '=', kind)
    .where('service_id', '=', id)
    .where('rated_event_id', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The stored payload of an event (the slip's first print), or undefined. */
export async function readEventPayload(db: Db, eventId: string): Promise<unknown> {
  const row = await db.selectFrom('events').select('payload').where('event_id', '=', eventId).executeTakeFirst();
  return row ? (JSON.parse(row.payload) as unknown) : undefined;
}

export type QrRatingOutcome = 'stored' | 'already-rated' | 'unknown-slip';

/**
 * Store the applicant's rating of one slip as HQ's event, in the log every desk pulls: under the sequence lock, so
 * of two ratings sent at once the second finds the first (one rating per slip, and per service: two slips of one
 * case rate it once) and the seq stays in commit order. `build` makes the event from its commit seq (HQ's page
 * numbers its events by it) and throws if it is invalid, which stores nothing.
 */
export async function storeQrRating(
  db: Db,
  serial: string,
  receivedAt: string,
  build: (seq: number, token: SlipRatingTokensTable) => DeskEvent,
): Promise<QrRatingOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockSequence(trx);
    const token = await ratingDb(trx)
      .selectFrom('slip_rating_tokens')
      .selectAll()
      .where('serial', '=', serial)
      .executeTakeFirst();
    if (!token) return 'unknown-slip';
    if (token.rated_event_id !== null) return 'already-rated';
    if (await serviceRated(trx, token.service_kind, token.service_id)) return 'already-rated';
    const seq = await allocateSeqs(trx, 1);
    const event = build(seq, token);
    await trx
      .insertInto('events')
      .values(eventToRow(event, seq, receivedAt, null))
      .execute();
    await ratingDb(trx)
      .updateTable('slip_rating_tokens')
      .set({ rated_event_id: event.eventId })
      .where('serial', '=', serial)
      .execute();
    return 'stored';
  });
}

/**
 * For the push's admit step: register the token hash a print names, if HQ can vouch for it. A first print
 * registers the slip only when its subject is in HQ's log (stored, or `earlier` in this push), the rated person
 * being HQ's; a reprint adds its hash only to a slip registered for that same slip id. The first registration of a
 * serial stays. Never refuses the event: the print stays the bureau's record of what it handed out; an
 * unregistered one just has no rating page.
 */
export async function admitRatingToken(
  trx: Transaction<Database>,
  event: DeskEvent,
  earlier: readonly DeskEvent[],
  lookup: ReferenceLookup,
  receivedAt: string,
): Promise<null> {
  const print = ratingPrintOf(event);
  if (!print) return null;
  const db = ratingDb(trx);
  if (print.reprint === 0) {
    const service = await ratedServiceOf(print.subject, earlier, lookup);
    if (!service) return null;
    const inserted = await db
      .insertInto('slip_rating_tokens')
      .values({
        serial: print.serial,
        token_hash: print.tokenHash,
        slip_id: print.slipId,
        service_kind: print.subject.kind,
        service_id: print.subject.kind === 'case' ? print.subject.caseId : print.subject.contactId,
        rated_staff_id: service.ratedStaffId,
        issued_on: print.issuedOn,
        print_event_id: print.printEventId,
        created_at: receivedAt,
        rated_event_id: null,
        item_id: service.serviceItemId,
      })
      .onConflict((oc) => oc.column('serial').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
  } else {
    const slip = await db
      .selectFrom('slip_rating_tokens')
      .select('slip_id')
      .where('serial', '=', print.serial)
      .executeTakeFirst();
    if (slip?.slip_id !== print.slipId) return null;
  }
  await db
    .insertInto('slip_rating_prints')
    .values({
      token_hash: print.tokenHash,
      serial: print.serial,
      print_event_id: print.printEventId,
      created_at: receivedAt,
    })
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .execute();
  return null;
}
