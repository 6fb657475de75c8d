import { pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { formatPinHash, parsePinHash, PIN_HASH_ITERATIONS } from '../../../shared/rules/pin.ts';

// The desk verifies PINs offline with WebCrypto: PBKDF2, SHA-256, 256 bits, salt = the base64-decoded
// bytes, PIN as UTF-8. These parameters must stay exactly in step with that (see the unit test).
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export function hashPin(pin: string, salt: Buffer = randomBytes(SALT_BYTES)): string {
  const key = pbkdf2Sync(pin, salt, PIN_HASH_ITERATIONS, KEY_BYTES, 'sha256');
  return formatPinHash(PIN_HASH_ITERATIONS, salt.toString('base64'), key.toString('base64'));
}

export function verifyPin(pin: string, stored: string): boolean {
  const parsed = parsePinHash(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, 'base64');
  const actual = pbkdf2Sync(pin, Buffer.from(parsed.salt, 'base64'), parsed.iterations, expected.length, 'sha256');
  return expected.length > 0 && timingSafeEqual(actual, expected);
}
