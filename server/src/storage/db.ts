import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
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
  enrolled_at: string | null;
  revoked_at: string | null;
  /** Who revoked it: an admin's staffId, or `cli:<user>`. */
  revoked_by: string | null;
}

export interface EnrolmentCodesTable {
  /** SHA-256 (hex) of the normalised code; the code itself is never stored. */
  code_hash: string;
  label: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by_device: string | null;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface Database {
  events: EventsTable;
  reference_docs: ReferenceDocsTable;
  devices: DevicesTable;
  enrolment_codes: EnrolmentCodesTable;
  counters: CountersTable;
}

export type Db = Kysely<Database>;

export interface Storage {
  readonly db: Db;
  readonly dialect: DatabaseConfig['kind'];
  close(): Promise<void>;
}

function openSqlite(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  // WAL: readers (pull) never block the writer (push). busy_timeout: a second process waits instead of failing.
  // synchronous stays FULL (the default): an acked event must survive a power cut, the desk deletes it on ack.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

function openPostgres(url: string, onIdleError: (err: Error) => void): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that dies (database restart, network blip) is dropped and replaced by the pool;
  // without a listener Node would treat the 'error' event as fatal and kill the server.
  pool.on('error', onIdleError);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export function openStorage(config: DatabaseConfig, onIdleError: (err: Error) => void): Storage {
  const db = config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, onIdleError);
  return { db, dialect: config.kind, close: () => db.destroy() };
}

/** A real round-trip, for /healthz. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
