import type { StaffId } from '../../shared/model/ids.ts';
import type { DeskDb } from './db.ts';
import { deriveVerifier, verifySecret } from './pin.ts';

// Offline sign-in verifiers: this desk keeps one only for an everyday staff member who signed in HERE online,
// so a desk holds no verifier of anyone it has not seen, and never one of a leader, supervisor or admin.

/** Remember the secret that just passed the server's check, for offline sign-in on this desk. */
export async function keepVerifier(db: DeskDb, staffId: StaffId, secret: string, now = new Date()): Promise<void> {
  const verifier = await deriveVerifier(secret);
  await db.signInVerifiers.put({ staffId, verifier, updatedAt: now.toISOString() });
}

export async function hasVerifier(db: DeskDb, staffId: StaffId): Promise<boolean> {
  return (await db.signInVerifiers.get(staffId)) !== undefined;
}

/** Whether the secret matches this desk's verifier of the person; false when there is none. */
export async function checkVerifier(db: DeskDb, staffId: StaffId, secret: string): Promise<boolean> {
  const row = await db.signInVerifiers.get(staffId);
  return row ? verifySecret(secret, row.verifier) : false;
}

export async function forgetVerifier(db: DeskDb, staffId: StaffId): Promise<void> {
  await db.signInVerifiers.delete(staffId);
}
