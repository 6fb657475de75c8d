import type { Kysely, Transaction } from 'kysely';
import type { ReferenceDoc } from '../../../shared/model/reference.ts';
import { PRIVILEGED_ROLES } from '../../../shared/sync/staffAuth.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import { adminStore } from './adminStore.ts';
import type { Database } from './db.ts';
import { lockSequence } from './sequence.ts';

// Migration 0005 (issue 11): staff secrets leave the reference directory, which every desk receives.
// - New tables: staff_credentials (the server's verifiers) and staff_sessions (online sign-ins); events get the
//   `proof` column.
// - Every staff doc that still carries `pinHash` gets a new version without it (rev + 1, a fresh seq under the
//   sequence lock), so every desk pulls the clean doc and drops the hash it held.
// - An everyday person's hash moves into staff_credentials, so clerks keep their PIN. A leader's, supervisor's or
//   admin's does NOT: it was a 4-digit PIN below their policy, and a copy sat on every desk, where it falls to
//   offline guessing in minutes. They get a password with `npm run enrol -- set-secret <staffId>` (the server
//   names them in its log at start-up until they have one).
// The raw JSON is edited rather than parsed with today's schema, so a schema that grows stricter later cannot
// make this migration fail on an old database.

interface RawStaffBody {
  pinHash?: unknown;
  roles?: unknown;
  [key: string]: unknown;
}

function isPrivileged(body: RawStaffBody): boolean {
  return Array.isArray(body.roles) && body.roles.some((r) => (PRIVILEGED_ROLES as readonly unknown[]).includes(r));
}

async function createTables(trx: Transaction<Database>): Promise<void> {
  await trx.schema
    .createTable('staff_credentials')
    .addColumn('staff_id', 'text', (c) => c.primaryKey())
    .addColumn('verifier', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await trx.schema
    .createTable('staff_sessions')
    .addColumn('session_id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await trx.schema.alterTable('events').addColumn('proof', 'text').execute();
}

async function moveVerifiers(trx: Transaction<Database>, now: number): Promise<void> {
  await lockSequence(trx);
  const rows = await trx.selectFrom('reference_docs').selectAll().where('kind', '=', 'staff').orderBy('id').execute();
  const updatedAt = new Date(now).toISOString();
  let counter = 0;
  for (const row of rows) {
    const { pinHash, ...body } = JSON.parse(row.body) as RawStaffBody;
    if (pinHash === undefined) continue;
    if (typeof pinHash === 'string' && !isPrivileged(body)) {
      await trx
        .insertInto('staff_credentials')
        .values({ staff_id: row.id, verifier: pinHash, updated_at: updatedAt })
        .onConflict((oc) => oc.column('staff_id').doNothing())
        .execute();
    }
    const hlc = formatHlc({ ms: now, counter: counter++, node: 'hq' });
    const doc = { kind: 'staff', id: row.id, rev: row.rev + 1, hlc, updatedAt, body } as unknown as ReferenceDoc;
    await adminStore(trx).put(doc);
  }
}

/** The migration's body; PostgreSQL runs migrations in a transaction already, SQLite gets one here. */
export async function migrateStaffSecrets(db: Kysely<unknown>, now = Date.now()): Promise<void> {
  const typed = db as unknown as Kysely<Database>;
  const run = async (trx: Transaction<Database>) => {
    await createTables(trx);
    await moveVerifiers(trx, now);
  };
  if (typed.isTransaction) await run(typed as Transaction<Database>);
  else await typed.transaction().execute(run);
}
