import { pbkdf2, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { formatPinHash, parsePinHash } from '../../../shared/rules/pin.ts';

// Verifiers of staff secrets (PINs and passwords), kept by the server alone (storage/staffCredentials.ts):
// PBKDF2-SHA256 with a random salt per verifier, in the format of shared/rules/pin.ts. New verifiers use
// SECRET_HASH_ITERATIONS (OWASP's figure for PBKDF2-SHA256); verification reads the count from the stored text,
// so verifiers made with fewer iterations (migrated from the old directory) still verify.
export const SECRET_HASH_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

const pbkdf2Async = promisify(pbkdf2);

export function hashSecret(secret: string, salt: Buffer = randomBytes(SALT_BYTES)): string {
  const key = pbkdf2Sync(secret, salt, SECRET_HASH_ITERATIONS, KEY_BYTES, 'sha256');
  return formatPinHash(SECRET_HASH_ITERATIONS, salt.toString('base64'), key.toString('base64'));
}

/** The same, off the event loop, for a verifier made while serving requests. */
export async function hashSecretAsync(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await pbkdf2Async(secret, salt, SECRET_HASH_ITERATIONS, KEY_BYTES, 'sha256');
  return formatPinHash(SECRET_HASH_ITERATIONS, salt.toString('base64'), key.toString('base64'));
}

/** Off the event loop (libuv's pool): a sign-in must not stall every other desk's sync for ~0.1 s. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, 'base64');
  if (expected.length === 0) return false;
  const actual = await pbkdf2Async(
    secret,
    Buffer.from(parsed.salt, 'base64'),
    parsed.iterations,
    expected.length,
    'sha256',
  );
  return timingSafeEqual(actual, expected);
}

/** Checked when there is no verifier to check (unknown person), so that answer costs the same time as a wrong secret. */
export const DECOY_VERIFIER = hashSecret('decoy-secret-0');

/** Whether a verifier was made with fewer iterations than new ones get (re-made at the next good sign-in). */
export function isWeakerThanCurrent(stored: string): boolean {
  const parsed = parsePinHash(stored);
  return !parsed || parsed.iterations < SECRET_HASH_ITERATIONS;
}
