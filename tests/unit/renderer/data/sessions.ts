import { randomBytes } from 'node:crypto';
import type { StaffId } from '../../../../shared/model/ids.ts';
import { STAFF_SESSION_TTL_MS, toBase64url, type StaffSession } from '../../../../shared/sync/staffAuth.ts';
import type { SessionAuthor } from '../../../../renderer/data/author.ts';

/** A staff session as the HQ server grants one at an online sign-in (random id and key, 12 hours from `now`). */
export function staffSession(staffId: string, now = Date.now()): StaffSession {
  return {
    staffId: staffId as StaffId,
    sessionId: toBase64url(randomBytes(16)),
    key: toBase64url(randomBytes(32)),
    expiresAt: new Date(now + STAFF_SESSION_TTL_MS).toISOString(),
  };
}

/** A person who signed in online at the desk: their events are proven, their privileged decisions allowed. */
export function signedInOnline(staffId: string, now = Date.now()): SessionAuthor {
  return { staffId: staffId as StaffId, session: staffSession(staffId, now) };
}
