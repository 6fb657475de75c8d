import type { Staff } from '../../shared/model/reference.ts';
import { isPrivilegedStaff, SECRET_MAX_LENGTH, type StaffSession } from '../../shared/sync/staffAuth.ts';
import type { DeskDb } from './db.ts';
import { StaffAuthError, type StaffAuthClient } from './staffAuth.ts';
import { clearWrongSecrets, lockedUntil, recordWrongSecret } from './signInLockout.ts';
import { checkVerifier, forgetVerifier, hasVerifier, keepVerifier } from './signInVerifiers.ts';

/** How a sign-in (or an unlock) ended; the screen words each one. */
export type SignInOutcome =
  /** The server checked the secret: a session, so this person's events are proven. */
  | { readonly kind: 'online'; readonly session: StaffSession }
  /** The server could not be reached; this desk's verifier matched: signed in, events attested. */
  | { readonly kind: 'offline' }
  | { readonly kind: 'wrong-secret'; readonly remaining: number }
  | { readonly kind: 'locked'; readonly until: Date }
  /** The server's throttle refused without checking. */
  | { readonly kind: 'throttled'; readonly minutes: number }
  /** Offline, and this person may not sign in offline here: privileged, or never signed in here online. */
  | { readonly kind: 'needs-network'; readonly reason: 'privileged' | 'first-sign-in' }
  /** The server refused this desk itself (revoked, expired) and this person may not sign in offline here. */
  | { readonly kind: 'desk-refused'; readonly message: string }
  | { readonly kind: 'empty-secret' };

/**
 * Sign a person in at this desk (issue 11): online first, against the server; only when the server cannot be
 * reached (or refuses this desk itself), offline against this desk's verifier — never for a leader, supervisor or
 * admin, and never for someone who has not signed in here online before. Wrong secrets count toward this desk's
 * lock-out either way.
 */
export async function signInAtDesk(
  db: DeskDb,
  client: StaffAuthClient,
  staff: Staff,
  secret: string,
  now: () => Date = () => new Date(),
): Promise<SignInOutcome> {
  if (secret.length === 0) return { kind: 'empty-secret' };
  const until = await lockedUntil(db, staff.id, now());
  if (until) return { kind: 'locked', until };
  const privileged = isPrivilegedStaff(staff);
  // Longer than any secret the policy allows: wrong, without asking the server (which would refuse it as 400).
  if (secret.length > SECRET_MAX_LENGTH) return wrong(db, staff, now());
  let session: StaffSession;
  try {
    session = await client.signIn(staff.id, secret);
  } catch (error) {
    if (!(error instanceof StaffAuthError)) throw error;
    const { failure } = error;
    if (failure.kind === 'sign-in-failed') return wrong(db, staff, now());
    if (failure.kind === 'too-many-attempts') return { kind: 'throttled', minutes: failure.minutes };
    if (failure.kind === 'desk-refused') {
      // A revoked or expired desk keeps its records and its clerks (as before the server refused it); nobody is
      // proven here any more, and whoever may not sign in offline is told why.
      const offline = await signInOffline(db, staff, secret, privileged, now);
      return offline.kind === 'needs-network' ? { kind: 'desk-refused', message: failure.message } : offline;
    }
    return signInOffline(db, staff, secret, privileged, now);
  }
  await clearWrongSecrets(db, staff.id);
  // A leader's secret never stays on a desk in any form; a verifier left from before a promotion goes.
  if (privileged) await forgetVerifier(db, staff.id);
  else await keepVerifier(db, staff.id, secret, now());
  return { kind: 'online', session };
}

async function signInOffline(
  db: DeskDb,
  staff: Staff,
  secret: string,
  privileged: boolean,
  now: () => Date,
): Promise<SignInOutcome> {
  // Someone no longer active (or promoted since) must be checked by the server again.
  if (privileged || !staff.active) {
    await forgetVerifier(db, staff.id);
    return { kind: 'needs-network', reason: 'privileged' };
  }
  if (!(await hasVerifier(db, staff.id))) return { kind: 'needs-network', reason: 'first-sign-in' };
  if (!(await checkVerifier(db, staff.id, secret))) return wrong(db, staff, now());
  await clearWrongSecrets(db, staff.id);
  return { kind: 'offline' };
}

async function wrong(db: DeskDb, staff: Staff, now: Date): Promise<SignInOutcome> {
  const counted = await recordWrongSecret(db, staff.id, now);
  return counted.locked ? { kind: 'locked', until: counted.until } : { kind: 'wrong-secret', remaining: counted.remaining };
}
