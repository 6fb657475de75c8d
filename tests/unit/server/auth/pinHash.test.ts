import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../../../server/src/auth/pinHash.ts';
import { parsePinHash, PIN_HASH_ITERATIONS } from '../../../../shared/rules/pin.ts';

// The desk checks a PIN offline with WebCrypto; a hash the server seeds must verify there bit for bit.
async function verifyLikeTheDesk(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (!parsed) return false;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: Buffer.from(parsed.salt, 'base64'), iterations: parsed.iterations },
    key,
    256,
  );
  return Buffer.from(bits).toString('base64') === parsed.hash;
}

describe('PIN hashes', () => {
  const stored = hashPin('1234');

  it('uses PBKDF2-SHA256 with the shared iteration count, a 16-byte salt and a 32-byte key', () => {
    const parsed = parsePinHash(stored);
    expect(parsed?.iterations).toBe(PIN_HASH_ITERATIONS);
    expect(Buffer.from(parsed!.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(parsed!.hash, 'base64')).toHaveLength(32);
  });

  it('verifies on the desk with WebCrypto exactly as on the server', async () => {
    expect(await verifyLikeTheDesk('1234', stored)).toBe(true);
    expect(await verifyLikeTheDesk('4321', stored)).toBe(false);
    expect(verifyPin('1234', stored)).toBe(true);
    expect(verifyPin('12345', stored)).toBe(false);
  });

  it('salts every hash afresh', () => {
    expect(hashPin('1234')).not.toBe(stored);
  });
});
