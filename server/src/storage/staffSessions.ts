import type { Kysely } from 'kysely';
import type { Database } from './db.ts';

// Staff sessions (issue 11): one row per online sign-in, bound to the desk that signed in. Rows are kept after they
// end or expire: an event signed while the session was live may still arrive later (a push retried after a lost
// answer), and the row is what proves it.

export interface StaffSessionRecord {
  readonly sessionId: string;
  readonly staffId: string;
  readonly deviceId: string;
  readonly key: string;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly endedAt: number | null;
}

/** Most ids in one IN (…): well under either engine's bound-parameter limit. */
const CHUNK = 200;

function toRecord(row: {
  session_id: string;
  staff_id: string;
  device_id: string;
  key: string;
  created_at: string;
  expires_at: string;
  ended_at: string | null;
}): StaffSessionRecord {
  return {
    sessionId: row.session_id,
    staffId: row.staff_id,
    deviceId: row.device_id,
    key: row.key,
    createdAt: Date.parse(row.created_at),
    expiresAt: Date.parse(row.expires_at),
    endedAt: row.ended_at === null ? null : Date.parse(row.ended_at),
  };
}

export async function insertSession(db: Kysely<Database>, session: StaffSessionRecord): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({
      session_id: session.sessionId,
      staff_id: session.staffId,
      device_id: session.deviceId,
      key: session.key,
      created_at: new Date(session.createdAt).toISOString(),
      expires_at: new Date(session.expiresAt).toISOString(),
      ended_at: null,
    })
    .execute();
}

/** The sessions with these ids (unknown ids are simply absent), by id. */
export async function findSessions(
  db: Kysely<Database>,
  sessionIds: readonly string[],
): Promise<Map<string, StaffSessionRecord>> {
  const found = new Map<string, StaffSessionRecord>();
  const unique = [...new Set(sessionIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('staff_sessions')
      .selectAll()
      .where('session_id', 'in', unique.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) found.set(row.session_id, toRecord(row));
  }
  return found;
}

/** End a session now (sign-out); a session that had already ended keeps its first end. */
export async function endSession(db: Kysely<Database>, sessionId: string, at: number): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ ended_at: new Date(at).toISOString() })
    .where('session_id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
}

/** End every session of a person still open (their secret was changed: whoever held it loses the sessions too). */
export async function endSessionsOf(db: Kysely<Database>, staffId: string, at: number): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ ended_at: new Date(at).toISOString() })
    .where('staff_id', '=', staffId)
    .where('ended_at', 'is', null)
    .execute();
}
