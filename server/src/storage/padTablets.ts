import type { Kysely } from 'kysely';
import type { Db } from './db.ts';

// Rating tablets paired with a desk (issue 13 item 3), and the one-time codes that pair them. Kept in the database
// (not memory) so a pairing outlives a restart and every instance behind a load balancer knows it. Only hashes of
// codes and tokens are stored. Tables typed here with withTables, so storage/db.ts need not know them.

export interface PadPairingCodesTable {
  /** SHA-256 of the 6 digits. A code lives 5 minutes: a copy of the database gives away at most those minutes'. */
  code_hash: string;
  device_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface PadTabletsTable {
  tablet_id: string;
  /** The desk this tablet serves; its token reaches only this desk's requests. */
  device_id: string;
  label: string;
  token_hash: string;
  paired_at: string;
  last_seen_at: string;
  unpaired_at: string | null;
}

// A type alias, not an interface: withTables wants an index signature.
type PadTables = {
  pad_pairing_codes: PadPairingCodesTable;
  pad_tablets: PadTabletsTable;
};
const padDb = (db: Db) => db.withTables<PadTables>();

/** Migration 0007_pad_tablets: both tables (see migrations.ts). */
export async function migratePadTablets(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pad_pairing_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createTable('pad_tablets')
    .addColumn('tablet_id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('paired_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('unpaired_at', 'text')
    .execute();
  await db.schema.createIndex('pad_tablets_device').on('pad_tablets').column('device_id').execute();
}

/**
 * A desk's new code replaces its unused ones (only the code on its screen works), and expired codes of every desk
 * go. false: the hash is taken by another desk's live code (1 in 10^6 per live code); the caller draws again.
 */
export async function insertPairingCode(
  db: Db,
  code: { codeHash: string; deviceId: string; now: string; expiresAt: string },
): Promise<boolean> {
  return padDb(db)
    .transaction()
    .execute(async (trx) => {
      await trx
        .deleteFrom('pad_pairing_codes')
        .where((eb) => eb.or([eb('expires_at', '<=', code.now), eb('device_id', '=', code.deviceId)]))
        .execute();
      const taken = await trx
        .selectFrom('pad_pairing_codes')
        .select('code_hash')
        .where('code_hash', '=', code.codeHash)
        .executeTakeFirst();
      if (taken) return false;
      await trx
        .insertInto('pad_pairing_codes')
        .values({
          code_hash: code.codeHash,
          device_id: code.deviceId,
          created_at: code.now,
          expires_at: code.expiresAt,
          used_at: null,
        })
        .execute();
      return true;
    });
}

export type RedeemPairingResult =
  | { ok: true; deviceId: string }
  | { ok: false; refusal: 'pad-code-unknown' | 'pad-code-used' | 'pad-code-expired' | 'pad-too-many-tablets' };

/**
 * Use a code once and record the tablet, in one transaction: a refused code stores nothing. The conditional update
 * makes the code single-use when two tablets race with it.
 */
export async function redeemPairingCode(
  db: Db,
  codeHash: string,
  tablet: { tabletId: string; label: string; tokenHash: string; now: string; maxTablets: number },
): Promise<RedeemPairingResult> {
  return padDb(db)
    .transaction()
    .execute(async (trx) => {
      const code = await trx
        .selectFrom('pad_pairing_codes')
        .selectAll()
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      if (!code) return { ok: false, refusal: 'pad-code-unknown' } as const;
      if (code.used_at !== null) return { ok: false, refusal: 'pad-code-used' } as const;
      if (code.expires_at <= tablet.now) return { ok: false, refusal: 'pad-code-expired' } as const;
      const paired = await trx
        .selectFrom('pad_tablets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('device_id', '=', code.device_id)
        .where('unpaired_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(paired.n) >= tablet.maxTablets) return { ok: false, refusal: 'pad-too-many-tablets' } as const;
      const claimed = await trx
        .updateTable('pad_pairing_codes')
        .set({ used_at: tablet.now })
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, refusal: 'pad-code-used' } as const;
      await trx
        .insertInto('pad_tablets')
        .values({
          tablet_id: tablet.tabletId,
          device_id: code.device_id,
          label: tablet.label,
          token_hash: tablet.tokenHash,
          paired_at: tablet.now,
          last_seen_at: tablet.now,
          unpaired_at: null,
        })
        .execute();
      return { ok: true, deviceId: code.device_id } as const;
    });
}

export type PadTabletRow = PadTabletsTable;

export async function findTabletByTokenHash(db: Db, tokenHash: string): Promise<PadTabletRow | undefined> {
  return padDb(db).selectFrom('pad_tablets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** The desk's paired tablets, oldest first; unpaired ones are kept (when, by which desk) but not listed. */
export async function listPairedTablets(db: Db, deviceId: string): Promise<PadTabletRow[]> {
  return padDb(db)
    .selectFrom('pad_tablets')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('unpaired_at', 'is', null)
    .orderBy('paired_at')
    .orderBy('tablet_id')
    .execute();
}

/** false when the desk has no such paired tablet (another desk's tablet is no tablet of this one). */
export async function unpairTablet(db: Db, deviceId: string, tabletId: string, now: string): Promise<boolean> {
  const result = await padDb(db)
    .updateTable('pad_tablets')
    .set({ unpaired_at: now })
    .where('tablet_id', '=', tabletId)
    .where('device_id', '=', deviceId)
    .where('unpaired_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function touchTablet(db: Db, tabletId: string, now: string): Promise<void> {
  await padDb(db).updateTable('pad_tablets').set({ last_seen_at: now }).where('tablet_id', '=', tabletId).execute();
}
