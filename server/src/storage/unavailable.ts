// Which driver errors mean "the database cannot serve this now" (down, full, locked, read-only) rather than a
// fault in this request or in the code. Those are answered 503 with Retry-After (http/errors.ts), so desks back
// off and try again, and the log names the driver's own code and message.

export type DatabaseTrouble =
  /** Cannot be reached or the session died: retry after it is back. */
  | 'unreachable'
  /** Reached, but it cannot store anything: disk full, read-only, I/O error. */
  | 'cannot-write'
  /** Another writer held a lock longer than the lock timeout. */
  | 'busy';

export interface TroubleReport {
  readonly trouble: DatabaseTrouble;
  /** The driver's code (SQLITE_FULL, 53100, ECONNREFUSED…) or, without one, the error's name. */
  readonly code: string;
  readonly message: string;
}

// better-sqlite3 reports SQLite's extended result codes by name (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…).
const SQLITE_PREFIXES: readonly [string, DatabaseTrouble][] = [
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_FULL', 'cannot-write'],
  ['SQLITE_READONLY', 'cannot-write'],
  ['SQLITE_IOERR', 'cannot-write'],
  ['SQLITE_CANTOPEN', 'unreachable'],
  ['SQLITE_NOTADB', 'unreachable'],
  ['SQLITE_CORRUPT', 'unreachable'],
];

// PostgreSQL SQLSTATEs (appendix A of its manual).
const PG_STATES: Record<string, DatabaseTrouble> = {
  '55P03': 'busy', // lock_not_available: lock_timeout ran out
  '57014': 'busy', // query_canceled (statement_timeout)
  '40001': 'busy', // serialization_failure
  '40P01': 'busy', // deadlock_detected
  '53100': 'cannot-write', // disk_full
  '53200': 'cannot-write', // out_of_memory
  '58030': 'cannot-write', // io_error
  '25006': 'cannot-write', // read_only_sql_transaction (a standby after fail-over)
  '53300': 'unreachable', // too_many_connections
  '57P01': 'unreachable', // admin_shutdown
  '57P02': 'unreachable', // crash_shutdown
  '57P03': 'unreachable', // cannot_connect_now (starting up, recovering)
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

// pg and Kysely say these in words only, without a code.
const UNREACHABLE_MESSAGES = [
  /^Connection terminated/, // the server closed the session (shutdown, network)
  /timeout exceeded when trying to connect/, // pg.Pool connectionTimeoutMillis
  /Cannot use a pool after calling end/,
  /driver has already been destroyed/, // Kysely after the storage was closed
  /The database connection is not open/, // better-sqlite3 after close()
];

function codeOf(err: Error): string | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function classify(err: Error): DatabaseTrouble | undefined {
  const code = codeOf(err) ?? '';
  const sqlite = SQLITE_PREFIXES.find(([prefix]) => code.startsWith(prefix));
  if (sqlite) return sqlite[1];
  if (PG_STATES[code]) return PG_STATES[code];
  // Any FATAL/PANIC from PostgreSQL ends the session (e.g. 'database is not currently accepting connections').
  const severity = (err as { severity?: unknown }).severity;
  if (severity === 'FATAL' || severity === 'PANIC') return 'unreachable';
  if (/^08/.test(code) || NETWORK_CODES.has(code)) return 'unreachable';
  if (UNREACHABLE_MESSAGES.some((re) => re.test(err.message))) return 'unreachable';
  return undefined;
}

/** The database trouble behind `err` (or its cause), or undefined when it is something else. */
export function databaseTrouble(err: unknown): TroubleReport | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const trouble = classify(e);
    if (trouble) return { trouble, code: codeOf(e) ?? e.name, message: e.message || codeOf(e) || e.name };
  }
  return undefined;
}
