import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import {
  ENROLMENT_CODE_ALPHABET,
  ENROLMENT_CODE_LENGTH,
  formatEnrolmentCode,
  normaliseEnrolmentCode,
} from '../../../shared/sync/enrolment.ts';

// Device tokens are random 256-bit values: a plain SHA-256 is the right hash for them (nothing to guess, and a
// slow hash would slow down every sync call). Enrolment codes have only 40 bits, typed by a person: a SHA-256 of
// one falls to brute force in minutes, so a copy of the database would reveal every unused code. They are stored
// as scrypt instead (issue 11). What is stored can neither enrol a desk nor sync as one.

const TOKEN_BYTES = 32;

/**
 * scrypt N=2^14, r=8, p=1 (16 MB, ≈ 60 ms a code on one core here): the 2^40 codes then cost some 2,000 core-years. The salt is one
 * fixed value for the app, not per code: a redeemed code is looked up by its hash, and what a per-code salt
 * would add (no shared precomputation across databases) the app-specific salt already gives.
 */
const CODE_SCRYPT = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const CODE_SALT = 'firstdesk/enrolment-code/v1';
const CODE_HASH_PREFIX = 'scrypt1$';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A fresh one-time code, formatted XXXX-XXXX. The alphabet has 32 symbols: one random byte & 31 each, no bias. */
export function newEnrolmentCode(random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(ENROLMENT_CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += ENROLMENT_CODE_ALPHABET[byte & 31];
  return formatEnrolmentCode(code);
}

/**
 * The stored form of a code: scrypt of what the clerk types, however they typed it. Prefixed, so a row from
 * before (a bare SHA-256 hex) can never equal it.
 */
export function hashEnrolmentCode(code: string): string {
  return CODE_HASH_PREFIX + scryptSync(normaliseEnrolmentCode(code), CODE_SALT, 32, CODE_SCRYPT).toString('hex');
}

export function newDeviceToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashDeviceToken(token: string): string {
  return sha256Hex(token);
}

/** Constant-time comparison of a presented token with the stored hash. */
export function tokenMatches(token: string, storedHash: string | null): boolean {
  if (storedHash === null) return false;
  const actual = Buffer.from(hashDeviceToken(token), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}
