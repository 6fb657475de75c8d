import type { Kysely, Transaction } from 'kysely';
import type { DeskEvent } from '../../../shared/model/events.ts';
import type { Database, Db } from './db.ts';
import { eventToRow } from './events.ts';
import { allocateSeqs, lockSequence } from './sequence.ts';
import { ratingTokenOf } from '../sync/ratingToken.ts';

// 好差评 by a slip's QR code (issue 13): the token of each slip's first print, as a SHA-256 hash only (a copy of the
// database gives no one a link to rate with), and whether the slip was rated. Tables typed here with withTables,
// so storage/db.ts need not know them (as padTablets.ts does).

export interface SlipRatingTokensTable {
  serial: string;
  /** SHA-256 (hex) of the token in the slip's QR link; the token itself is never stored. */
  token_hash: string;
  slip_id: string;
  /** The rated service: the slip's subject ('case' | 'contact') and its id. */
  service_kind: string;
  service_id: string;
  /** The staffId of the slip's first print: whose service is rated. */
  rated_staff_id: string;
  issued_on: string;
  /** The first print's eventId: what the public page shows (title, item, staff name) comes from its content. */
  print_event_id: string;
  created_at: string;
  /** The rating.given stored for this slip; null until rated. One rating per slip. */
  rated_event_id: string | null;
}

type RatingTables = { slip_rating_tokens: SlipRatingTokensTable };
type RatingDb = Kysely<Database & RatingTables>;
const ratingDb = (db: Kysely<Database>): RatingDb => db.withTables<RatingTables>();

/** Migration 0008_slip_rating_tokens (see migrations.ts). */
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

export type RatingTokenEntry = Omit<SlipRatingTokensTable, 'created_at' | 'rated_event_id'>;

/**
 * Register a slip's token, inside the push transaction that stores its first print. The first one registered
 * stays: a second "first print" of the same serial (a replayed or forged one) cannot replace the applicant's link.
 */
export async function registerRatingToken(
  trx: Transaction<Database>,
  entry: RatingTokenEntry,
  now: string,
): Promise<void> {
  await ratingDb(trx)
    .insertInto('slip_rating_tokens')
    .values({ ...entry, created_at: now, rated_event_id: null })
    .onConflict((oc) => oc.column('serial').doNothing())
    .execute();
}

export async function findRatingToken(db: Db, serial: string): Promise<SlipRatingTokensTable | undefined> {
  return ratingDb(db).selectFrom('slip_rating_tokens').selectAll().where('serial', '=', serial).executeTakeFirst();
}

/** The stored payload of an event (the slip's first print), or undefined. */
export async function readEventPayload(db: Db, eventId: string): Promise<unknown> {
  const row = await db.selectFrom('events').select('payload').where('event_id', '=', eventId).executeTakeFirst();
  return row ? (JSON.parse(row.payload) as unknown) : undefined;
}

export type QrRatingOutcome = 'stored' | 'already-rated' | 'unknown-slip';

/**
 * Store the applicant's rating of one slip as HQ's event, in the log every desk pulls: under the sequence lock, so
 * of two ratings sent at once the second finds the first (one rating per slip) and the seq stays in commit order.
 * `build` makes the event from its commit seq (HQ's page numbers its events by it) and throws if it is invalid,
 * which stores nothing.
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

/** For the push's admit step: register the token a first print carries, if any. Never refuses the event. */
export async function admitRatingToken(
  trx: Transaction<Database>,
  event: DeskEvent,
  receivedAt: string,
): Promise<null> {
  const entry = ratingTokenOf(event);
  if (entry) await registerRatingToken(trx, entry, receivedAt);
  return null;
}
