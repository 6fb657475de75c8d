import type { StaffId } from '../../shared/model/ids.ts';
import type { DeskDb } from './db.ts';

// The sign-in screen's attempt limit, per person on this desk: 5 wrong secrets in a row (refused by the server or
// by the local verifier) lock that person out here for 15 minutes. Kept in `meta`, so a reload does not reset it.

export const MAX_WRONG_SECRETS = 5;
export const LOCKOUT_MS = 15 * 60_000;

interface Lockout {
  /** Wrong secrets since the last success or the end of the last lock-out. */
  readonly wrong: number;
  readonly lockedUntil?: string;
}

const keyOf = (staffId: StaffId) => `signInLockout:${staffId}`;

async function read(db: DeskDb, staffId: StaffId): Promise<Lockout> {
  const value = (await db.meta.get(keyOf(staffId)))?.value as Partial<Lockout> | undefined;
  const wrong = typeof value?.wrong === 'number' && value.wrong >= 0 ? value.wrong : 0;
  return typeof value?.lockedUntil === 'string' ? { wrong, lockedUntil: value.lockedUntil } : { wrong };
}

/** Until when the person is locked out on this desk, or null when they may try. */
export async function lockedUntil(db: DeskDb, staffId: StaffId, now = new Date()): Promise<Date | null> {
  const { lockedUntil: until } = await read(db, staffId);
  if (!until) return null;
  const at = new Date(until);
  // An unreadable date locks, it does not unlock: the meta row is this desk's own, but fail closed.
  if (Number.isNaN(at.getTime())) return new Date(now.getTime() + LOCKOUT_MS);
  return at > now ? at : null;
}

export type WrongSecretResult = { readonly locked: false; readonly remaining: number } | { readonly locked: true; readonly until: Date };

/** Count one wrong secret; the fifth locks the person out on this desk until now + 15 minutes. */
export async function recordWrongSecret(db: DeskDb, staffId: StaffId, now = new Date()): Promise<WrongSecretResult> {
  return db.transaction('rw', db.meta, async () => {
    const current = await read(db, staffId);
    // A lock-out that has run out starts a fresh count.
    const expired = current.lockedUntil !== undefined && new Date(current.lockedUntil) <= now;
    const wrong = (expired ? 0 : current.wrong) + 1;
    if (wrong >= MAX_WRONG_SECRETS) {
      const until = new Date(now.getTime() + LOCKOUT_MS);
      await db.meta.put({ key: keyOf(staffId), value: { wrong, lockedUntil: until.toISOString() } });
      return { locked: true, until };
    }
    await db.meta.put({ key: keyOf(staffId), value: { wrong } });
    return { locked: false, remaining: MAX_WRONG_SECRETS - wrong };
  });
}

/** A successful sign-in clears the count. */
export async function clearWrongSecrets(db: DeskDb, staffId: StaffId): Promise<void> {
  await db.meta.delete(keyOf(staffId));
}
