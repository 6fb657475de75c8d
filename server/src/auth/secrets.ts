import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  ENROLMENT_CODE_ALPHABET,
  ENROLMENT_CODE_LENGTH,
  formatEnrolmentCode,
  normaliseEnrolmentCode,
} from '../../../shared/sync/enrolment.ts';

// Enrolment codes and device tokens are random and high-entropy (40 and 256 bits), so a plain SHA-256 is the
// right hash for them: unlike a PIN there is nothing to guess from a dictionary, and a slow hash would only
// slow down every sync call. What is stored can neither enrol a desk nor sync as one.

const TOKEN_BYTES = 32;

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

/** The stored form of a code: the hash of what the clerk types, however they typed it. */
export function hashEnrolmentCode(code: string): string {
  return sha256Hex(normaliseEnrolmentCode(code));
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
