import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hashSecret,
  isWeakerThanCurrent,
  SECRET_HASH_ITERATIONS,
  verifySecret,
} from '../../../../server/src/auth/pinHash.ts';
import { formatPinHash, parsePinHash } from '../../../../shared/rules/pin.ts';

describe('verifiers of staff secrets on the server', () => {
  const stored = hashSecret('Nanyang2026');

  it('uses PBKDF2-SHA256 with at least 210 000 iterations, a 16-byte salt and a 32-byte key', () => {
    const parsed = parsePinHash(stored);
    expect(SECRET_HASH_ITERATIONS).toBeGreaterThanOrEqual(210_000);
    expect(parsed?.iterations).toBe(SECRET_HASH_ITERATIONS);
    expect(Buffer.from(parsed!.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(parsed!.hash, 'base64')).toHaveLength(32);
    expect(isWeakerThanCurrent(stored)).toBe(false);
  });

  it('accepts the secret and nothing else', async () => {
    expect(await verifySecret('Nanyang2026', stored)).toBe(true);
    expect(await verifySecret('nanyang2026', stored)).toBe(false);
    expect(await verifySecret('', stored)).toBe(false);
    expect(await verifySecret('Nanyang2026', 'not a verifier')).toBe(false);
  });

  it('reads the iteration count from the stored text, so an older verifier still verifies', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const old = formatPinHash(
      120_000,
      salt.toString('base64'),
      pbkdf2Sync('1234', salt, 120_000, 32, 'sha256').toString('base64'),
    );
    expect(await verifySecret('1234', old)).toBe(true);
    expect(await verifySecret('1235', old)).toBe(false);
    expect(isWeakerThanCurrent(old)).toBe(true);
  });

  it('salts every verifier afresh', () => {
    expect(hashSecret('Nanyang2026')).not.toBe(stored);
  });
});
