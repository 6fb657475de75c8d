import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { MAX_SEQ } from '../../../shared/model/seq.ts';
import { migrateComplaints, migrateComplaintChainColumn } from './complaints.ts';
import type { Db } from './db.ts';
import { migrateStaffSecrets } from './migrateStaffSecrets.ts';
import { migrateGuideFiles } from './guideFiles.ts';
import { migratePadTablets } from './padTablets.ts';
import { migrateSlipRatingPrints, migrateSlipRatingTokens } from './ratingTokens.ts';
import { migrateReportFacts } from './reportFacts.ts';

// One schema for SQLite and PostgreSQL: only `integer` and `text` columns, and timestamps as app-made
// ISO strings (CURRENT_TIMESTAMP differs between the two). Migrations are inline so the bundled
// server needs no migration folder at run time. Never edit a shipped migration: add the next one.

/** The one commit sequence shared by events and reference documents (see storage/sequence.ts). */
export const SEQ_COUNTER = 'seq';

const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('events')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().unique())
        .addColumn('aggregate', 'text', (c) => c.notNull())
        .addColumn('aggregate_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('v', 'integer', (c) => c.notNull())
        .addColumn('hlc', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('device_seq', 'integer', (c) => c.notNull())
        .addColumn('staff_id', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('flags', 'text')
        .execute();
      await db.schema.createIndex('events_aggregate').on('events').columns(['aggregate', 'aggregate_id']).execute();

      await db.schema
        .createTable('reference_docs')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('rev', 'integer', (c) => c.notNull())
        .addColumn('hlc', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('reference_docs_pk', ['kind', 'id'])
        .execute();
      await db.schema.createIndex('reference_docs_seq').on('reference_docs').column('seq').execute();

      await db.schema
        .createTable('devices')
        .addColumn('device_id', 'text', (c) => c.primaryKey())
        .addColumn('last_acked_seq', 'integer', (c) => c.notNull())
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      // Kysely<unknown> has no tables typed, hence the cast for this one seed row.
      await (db as unknown as Db).insertInto('counters').values({ name: SEQ_COUNTER, value: 0 }).execute();
    },
  },
  // Device enrolment (issue 6): one-time codes, and a token per device. Codes and tokens are stored only as
  // SHA-256 hashes; the desk is shown each exactly once. SQLite adds one column per ALTER TABLE.
  '0002_device_enrolment': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('enrolment_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('used_by_device', 'text')
        .execute();
      for (const column of ['label', 'token_hash', 'enrolled_at', 'revoked_at', 'revoked_by']) {
        await db.schema.alterTable('devices').addColumn(column, 'text').execute();
      }
    },
  },
  // Sequence numbers are bounded to 1…2^31 − 1 (issue 10, shared/model/seq.ts). Before, SQLite took a rejected
  // event's deviceSeq 1e300 as a device's ack, which broke the admin's device list: such a mark goes back to the
  // highest in-range deviceSeq the server holds of that device. Seqs stay `integer`, as seq.ts explains.
  '0003_repair_device_acks': {
    async up(db: Kysely<unknown>) {
      await sql`
        update devices set last_acked_seq = coalesce(
          (select max(device_seq) from events
            where events.device_id = devices.device_id and device_seq between 1 and ${MAX_SEQ}), 0)
        where last_acked_seq > ${MAX_SEQ} or last_acked_seq < 0`.execute(db);
    },
  },
  // /healthz proves the database takes writes by rewriting this one row (storage/db.ts probeWrite, issue 10).
  '0004_health_probe': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('health_probe')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('checked_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // Staff secrets leave the reference directory; staff sessions prove who acted (issue 11). See the module.
  '0005_staff_credentials': { up: (db) => migrateStaffSecrets(db) },
  // Device credentials age (issue 11; 0005 is staff_credentials). A rotated token is kept as previous_token_hash
  // until the desk first uses its new one, so a lost push response never locks a desk out; token_issued_at says
  // when the current one is due. Desks enrolled before count from their enrolment.
  // Enrolment codes are now stored as scrypt (auth/secrets.ts) instead of SHA-256: a code issued before this
  // migration is simply never matched again, which costs at most one code reissued (a code lives 24 hours).
  '0006_device_token_rotation': {
    async up(db: Kysely<unknown>) {
      for (const column of ['previous_token_hash', 'token_issued_at']) {
        await db.schema.alterTable('devices').addColumn(column, 'text').execute();
      }
      await sql`update devices set token_issued_at = enrolled_at where token_hash is not null`.execute(db);
    },
  },
  // Rating tablets paired with a desk and their one-time codes (issue 13 item 3). See the module.
  '0007_pad_tablets': { up: (db) => migratePadTablets(db) },
  // Each slip's QR rating token (issue 13 item 4), as a hash, and whether the slip was rated. See the module.
  '0008_slip_rating_tokens': { up: (db) => migrateSlipRatingTokens(db) },
  // Every print's token hash (a reprint on another desk makes its own), the case's item, one rating per service.
  '0009_slip_rating_prints': { up: (db) => migrateSlipRatingPrints(db) },
  // The confidential complaint log and its read log (issue 14), apart from the synced events. See the module.
  '0010_complaints': { up: (db) => migrateComplaints(db) },
  // The supervision reports' fact rows, replaced per aggregate by server/src/reports (issue 15). See the module.
  '0011_report_facts': { up: (db) => migrateReportFacts(db) },
  // Each complaint act's SHA-256 chain over the acts before it: the register is tamper-evident (issue 14).
  '0012_complaint_chain': { up: (db) => migrateComplaintChainColumn(db) },
  // The blank and sample forms attached to the service guides (issue 16), served once a published version names them.
  '0013_guide_files': { up: (db) => migrateGuideFiles(db) },
};

/** Bring the schema up to date. On PostgreSQL Kysely's migrator takes an advisory lock, so instances may race. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const where = failed ? ` (migration ${failed.migrationName})` : '';
    throw new Error(`Database migration failed${where}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** Only up to and including `last`: a database as an older server left it, for tests of the migrations after it. */
export async function migrateUpTo(db: Db, last: string): Promise<void> {
  if (!Object.hasOwn(migrations, last)) throw new Error(`no migration ${last}`);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo(last);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
