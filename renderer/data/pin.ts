import { formatPinHash, parsePinHash } from '../../shared/rules/pin.ts';

// The desk's offline sign-in verifier (issue 11): PBKDF2-SHA256 of the person's PIN with a salt of its own, made
// on this desk after the person signed in online. Slow on purpose: a copy of the desk's database costs an
// attacker 600,000 hashes per guess, per person. Only everyday staff get one; the PIN itself is never stored.

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const VERIFIER_ITERATIONS = 600_000;
const SALT_BYTES = 16;

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pbkdf2(secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** A new verifier for this secret, with a fresh random salt: "pbkdf2-sha256$600000$<salt>$<hash>". */
export async function deriveVerifier(secret: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return formatPinHash(VERIFIER_ITERATIONS, toBase64(salt), toBase64(await pbkdf2(secret, salt, VERIFIER_ITERATIONS)));
}

/**
 * Whether the secret matches the verifier; constant-time compare. A verifier weaker than this desk makes (fewer
 * iterations, a short salt) is not trusted: the person then signs in online and gets a proper one.
 */
export async function verifySecret(secret: string, verifier: string): Promise<boolean> {
  const parsed = parsePinHash(verifier);
  if (!parsed || parsed.iterations < VERIFIER_ITERATIONS) return false;
  let salt: Uint8Array<ArrayBuffer>;
  let expected: Uint8Array;
  try {
    salt = fromBase64(parsed.salt);
    expected = fromBase64(parsed.hash);
  } catch {
    return false;
  }
  if (salt.length < SALT_BYTES) return false;
  const derived = await pbkdf2(secret, salt, parsed.iterations);
  if (derived.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < derived.length; i++) diff |= (derived[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}
