import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Driver } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';

// Column types are the same on both dialects (integer + text) so a row round-trips identically.
// `integer` (not bigint) because pg returns bigint as a string; 2^31 events is beyond this bureau's lifetime.

export interface EventsTable {
  /** Server commit sequence: the pull cursor. Allocated from `counters`, never auto-increment. */
  seq: number;
  event_id: string;
  aggregate: string;
  aggregate_id: string;
  type: string;
  v: number;
  hlc: string;
  device_id: string;
  device_seq: number;
  staff_id: string;
  occurred_at: string;
  /** The parsed payload as JSON text (text on both dialects so the round-trip is byte-identical). */
  payload: string;
  received_at: string;
  /** e.g. 'clock-ahead'; null when nothing is odd. */
  flags: string | null;
  /** The event's proof of authorship as JSON text ({sessionId, mac}); null for an attested event (issue 11). */
  proof: string | null;
}

export interface ReferenceDocsTable {
  kind: string;
  id: string;
  rev: number;
  hlc: string;
  updated_at: string;
  body: string;
  seq: number;
}

export interface DevicesTable {
  device_id: string;
  last_acked_seq: number;
  first_seen_at: string;
  last_seen_at: string;
  /** The desk's name as people know it (窗口3). Null for a device seen before enrolment existed. */
  label: string | null;
  /** SHA-256 (hex) of the device token; null for a device that never enrolled (it cannot sync). */
  token_hash: string | null;
  /** The token a rotation replaced, still accepted until the desk first uses the new one (issue 11). */
  previous_token_hash: string | null;
  /** When token_hash was issued: it rotates once older than DEVICE_TOKEN_ROTATE_AFTER_MS. */
  token_issued_at: string | null;
  enrolled_at: string | null;
  revoked_at: string | null;
  /** Who revoked it: an admin's staffId, or `cli:<user>`. */
  revoked_by: string | null;
}

export interface EnrolmentCodesTable {
  /** scrypt (auth/secrets.ts) of the normalised code; the code itself is never stored. */
  code_hash: string;
  label: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by_device: string | null;
}

/** The server's verifier of each person's secret (PIN or password); it never leaves the server (issue 11). */
export interface StaffCredentialsTable {
  staff_id: string;
  /** PBKDF2-SHA256 in the format of shared/rules/pin.ts. */
  verifier: string;
  updated_at: string;
}

/** A person's online sign-in on one desk: what proves the events that desk writes for them (issue 11). */
export interface StaffSessionsTable {
  session_id: string;
  staff_id: string;
  /** The desk that signed in: the session proves nothing pushed or called by another. */
  device_id: string;
  /** The HMAC key (32 bytes, base64url) the desk holds in memory; needed in the clear to check each MAC. */
  key: string;
  created_at: string;
  expires_at: string;
  ended_at: string | null;
}

export interface CountersTable {
  name: string;
  value: number;
}

/** One row, rewritten by /healthz to prove the database still takes writes. */
export interface HealthProbeTable {
  id: string;
  checked_at: string;
}

export interface Database {
  events: EventsTable;
  reference_docs: ReferenceDocsTable;
  devices: DevicesTable;
  enrolment_codes: EnrolmentCodesTable;
  counters: CountersTable;
  staff_credentials: StaffCredentialsTable;
  staff_sessions: StaffSessionsTable;
  health_probe: HealthProbeTable;
}

export type Db = Kysely<Database>;

export interface Storage {
  readonly db: Db;
  readonly dialect: DatabaseConfig['kind'];
  close(): Promise<void>;
}

/** How long a request waits for a lock another writer holds before it is answered 503 (storage/unavailable.ts). */
export interface StorageTuning {
  readonly lockTimeoutMs?: number;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 5_000;
/** A PostgreSQL server that does not answer a connection within this is taken as down, not waited on. */
const PG_CONNECT_TIMEOUT_MS = 5_000;

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY…); Kysely's
 * ROLLBACK after that fails with "cannot rollback - no transaction is active", and that error replaces the real
 * cause. Roll back only a transaction that is still open, so the disk-full error is the one reported.
 */
class SqliteDialectKeepingCause extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase.Database) {
    super({ database });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.database.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

function openSqlite(file: string, tuning: StorageTuning): Db {
  mkdirSync(dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  // WAL: readers (pull) never block the writer (push). busy_timeout: a second process waits instead of failing.
  database.pragma('journal_mode = WAL');
  database.pragma(`busy_timeout = ${tuning.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS}`);
  // An acked event must survive a power cut (the desk deletes it on ack). better-sqlite3 is compiled with
  // SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so in WAL mode it would run NORMAL unless told: set FULL explicitly.
  database.pragma('synchronous = FULL');
  return new Kysely<Database>({ dialect: new SqliteDialectKeepingCause(database) });
}

function openPostgres(url: string, onIdleError: (err: Error) => void, tuning: StorageTuning): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    // A push waiting on the sequence row lock behind a stuck transaction gives up (55P03) instead of hanging.
    lock_timeout: tuning.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
  });
  // An idle connection that dies (database restart, network blip) is dropped and replaced by the pool;
  // without a listener Node would treat the 'error' event as fatal and kill the server.
  pool.on('error', onIdleError);
  // pg-pool takes that listener off a client while it is checked out (a Kysely transaction between two
  // statements): a connection lost then would be an unhandled 'error' and end the process. The next query on
  // that client fails and is answered 503 (storage/unavailable.ts), so here it needs no more than a listener.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export function openStorage(
  config: DatabaseConfig,
  onIdleError: (err: Error) => void,
  tuning: StorageTuning = {},
): Storage {
  const db = config.kind === 'sqlite' ? openSqlite(config.file, tuning) : openPostgres(config.url, onIdleError, tuning);
  return { db, dialect: config.kind, close: () => db.destroy() };
}

/** A real round-trip, for start-up. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * A committed write, for /healthz: a database that answers reads but cannot write (read-only file or replica,
 * a lock held for good) must not look healthy. One row, shared by every instance, rewritten in place.
 */
export async function probeWrite(db: Db, now: string): Promise<void> {
  await db
    .insertInto('health_probe')
    .values({ id: 'hq', checked_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ checked_at: now }))
    .execute();
}
