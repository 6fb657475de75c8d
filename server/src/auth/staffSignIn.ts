import { randomBytes } from 'node:crypto';
import { STAFF_SESSION_TTL_MS, type SignInRequest, type SignInResponse } from '../../../shared/sync/staffAuth.ts';
import type { Db } from '../storage/db.ts';
import { listReferenceDocs } from '../storage/reference.ts';
import { findVerifier, putVerifier } from '../storage/staffCredentials.ts';
import { insertSession } from '../storage/staffSessions.ts';
import { DECOY_VERIFIER, hashSecretAsync, isWeakerThanCurrent, verifySecret } from './pinHash.ts';

// Online sign-in (issue 11): the person's own secret, checked against the server's verifier, opens a staff session
// bound to the desk that asked. The desk's word is not involved: the device token only says which desk it is.
// Not an oracle: an unknown id, an inactive person, a person without a verifier and a wrong secret all end in the
// same `null`, after the same PBKDF2 work. The caller throttles (http/staffAuth.ts).

const SESSION_ID_BYTES = 16;
const SESSION_KEY_BYTES = 32;

export async function signIn(
  db: Db,
  deviceId: string,
  { staffId, secret }: SignInRequest,
  now: number = Date.now(),
): Promise<SignInResponse | null> {
  const docs = await listReferenceDocs(db, 'staff');
  const staff = docs.find((d) => d.kind === 'staff' && d.id === staffId);
  const verifier = await findVerifier(db, staffId);
  const right = await verifySecret(secret, verifier ?? DECOY_VERIFIER);
  if (!staff || staff.kind !== 'staff' || !staff.body.active || verifier === undefined || !right) return null;

  // A verifier made with fewer iterations (migrated from the old directory) is made again now that the secret is known.
  if (isWeakerThanCurrent(verifier)) {
    await putVerifier(db, { staffId, verifier: await hashSecretAsync(secret), updatedAt: new Date(now).toISOString() });
  }
  const session = {
    sessionId: randomBytes(SESSION_ID_BYTES).toString('base64url'),
    staffId,
    deviceId,
    key: randomBytes(SESSION_KEY_BYTES).toString('base64url'),
    createdAt: now,
    expiresAt: now + STAFF_SESSION_TTL_MS,
    endedAt: null,
  };
  await insertSession(db, session);
  return {
    staffId,
    sessionId: session.sessionId,
    key: session.key,
    expiresAt: new Date(session.expiresAt).toISOString(),
  };
}
