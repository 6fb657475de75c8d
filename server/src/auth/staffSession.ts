import { timingSafeEqual } from 'node:crypto';
import { sessionIdSchema, sessionKeySchema, type StaffSessionRefusal } from '../../../shared/sync/staffAuth.ts';
import type { Db } from '../storage/db.ts';
import { findSessions, type StaffSessionRecord } from '../storage/staffSessions.ts';

// The `x-staff-session: <sessionId>.<key>` header of sign-out and admin calls (issue 11): the key proves the caller
// holds the session the server gave this desk. Keys are 256 random bits, so there is nothing to throttle.

export type StaffSessionCheck =
  | { ok: true; session: StaffSessionRecord }
  | { ok: false; code: Exclude<StaffSessionRefusal, 'not-admin'>; message: string };

const REQUIRED_MESSAGE = '请先联网登录。Sign in online first: this needs your own staff session.';
const INVALID_MESSAGE =
  '登录已失效（已退出、已过期或不属于本窗口），请重新登录。The staff session is no longer valid (signed out, expired or not this desk’s): sign in again.';

function keysEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The session the header names, if it is this desk's and the key is right. `live`: also not ended and not expired
 * (admin calls); sign-out accepts a session that has already ended, so signing out twice is harmless.
 */
export async function checkStaffSession(
  db: Db,
  header: string | undefined,
  deviceId: string,
  options: { live: boolean; now?: number },
): Promise<StaffSessionCheck> {
  if (!header) return { ok: false, code: 'staff-session-required', message: REQUIRED_MESSAGE };
  const invalid = { ok: false, code: 'staff-session-invalid', message: INVALID_MESSAGE } as const;
  const [id, key, ...rest] = header.split('.');
  if (rest.length > 0 || !sessionIdSchema.safeParse(id).success || !sessionKeySchema.safeParse(key).success) {
    return invalid;
  }
  const session = (await findSessions(db, [id!])).get(id!);
  if (!session || session.deviceId !== deviceId || !keysEqual(session.key, key!)) return invalid;
  const now = options.now ?? Date.now();
  if (options.live && (session.endedAt !== null || session.expiresAt <= now)) return invalid;
  return { ok: true, session };
}
