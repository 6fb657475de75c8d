import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bearerToken } from '../../../../server/src/auth/deviceAuth.ts';
import {
  hashDeviceToken,
  hashEnrolmentCode,
  newDeviceToken,
  newEnrolmentCode,
  sha256Hex,
  tokenMatches,
} from '../../../../server/src/auth/secrets.ts';
import { deviceCredentialsSchema, enrolmentCodeSchema } from '../../../../shared/sync/enrolment.ts';

describe('enrolment codes and device tokens', () => {
  it('makes codes of 8 symbols from the alphabet, shown XXXX-XXXX', () => {
    for (let i = 0; i < 200; i++) {
      const code = newEnrolmentCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(enrolmentCodeSchema.safeParse(code).success).toBe(true);
    }
  });

  it('maps every byte to a symbol without bias (the alphabet has 32 symbols)', () => {
    expect(newEnrolmentCode(() => new Uint8Array([0, 31, 32, 63, 64, 255, 1, 33]))).toBe('2Z2Z-2Z33');
  });

  it('hashes the code as typed in any form to the same value', () => {
    expect(hashEnrolmentCode('7kq3 m9xd')).toBe(hashEnrolmentCode('7KQ3-M9XD'));
    expect(hashEnrolmentCode('7KQ3-M9XD')).not.toBe(hashEnrolmentCode('7KQ3-M9XE'));
  });

  it('stores a code as scrypt, never as its SHA-256, which a copy of the database would give away', () => {
    const stored = hashEnrolmentCode('7KQ3-M9XD');
    expect(stored).toMatch(/^scrypt1\$[0-9a-f]{64}$/);
    expect(stored).not.toContain(sha256Hex('7KQ3M9XD'));
    expect(stored).toBe(`scrypt1$${scryptSync('7KQ3M9XD', 'firstdesk/enrolment-code/v1', 32).toString('hex')}`);
  });

  it('makes 256-bit tokens, different every time, that match only their own hash', () => {
    const token = newDeviceToken();
    expect(deviceCredentialsSchema.shape.token.safeParse(token).success).toBe(true);
    expect(newDeviceToken()).not.toBe(token);
    const stored = hashDeviceToken(token);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenMatches(token, stored)).toBe(true);
    expect(tokenMatches(newDeviceToken(), stored)).toBe(false);
    expect(tokenMatches(token, null)).toBe(false);
    expect(tokenMatches(token, 'abc')).toBe(false);
  });

  it('reads the token from a Bearer header and nothing else', () => {
    expect(bearerToken('Bearer abc_DEF-123')).toBe('abc_DEF-123');
    expect(bearerToken('bearer abc')).toBeUndefined();
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
