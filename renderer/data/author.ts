import type { StaffId } from '../../shared/model/ids.ts';
import { isPrivilegedEventType, type StaffSession } from '../../shared/sync/staffAuth.ts';

/**
 * Who acts, as an operation receives it: a staff id alone (signed in offline: the desk's word, 'attested'), or
 * with the staff session the HQ server granted when the person signed in online ('proven'). The session lives
 * in memory only (stores/session.ts) and reaches the data layer through this argument, never through a global.
 */
export type Author = StaffId | SessionAuthor;
export interface SessionAuthor {
  readonly staffId: StaffId;
  readonly session?: StaffSession | null;
}

export function authorId(author: Author): StaffId {
  return typeof author === 'string' ? author : author.staffId;
}

/** The author's session when it is still usable: theirs, and not expired. */
export function liveSession(author: Author, now: Date = new Date()): StaffSession | undefined {
  if (typeof author === 'string' || !author.session) return undefined;
  const { session } = author;
  if (session.staffId !== author.staffId) return undefined;
  return Date.parse(session.expiresAt) > now.getTime() ? session : undefined;
}

/**
 * A decision reserved to leaders, supervisors or admins was attempted without a live, server-verified session
 * of its author: the server would refuse it ('proof-required'), so the desk stores nothing.
 */
export class SessionRequiredError extends Error {
  readonly code = 'sessionRequired';
  constructor(readonly eventType: string) {
    super(`${eventType} needs the person's own sign-in, verified online by the HQ server`);
    this.name = 'SessionRequiredError';
  }
}

/** Throws SessionRequiredError when any of these event types is privileged and the author has no live session. */
export function requireSessionFor(author: Author, types: readonly string[], now: Date = new Date()): void {
  const privileged = types.find(isPrivilegedEventType);
  if (privileged && !liveSession(author, now)) throw new SessionRequiredError(privileged);
}
