import { describe, expect, it } from 'vitest';
import {
  NO_ENCRYPTION_MESSAGE,
  openCredentials,
  sealCredentials,
  secretStorageOf,
  type SecretCipher,
} from '../../../../../electron/main/pure/device-secret.ts';
import type { DeviceCredentials } from '../../../../../shared/sync/enrolment.ts';

const credentials = { deviceId: '01JD0000000000000000000000', token: `Tok${'x'.repeat(37)}end` } as DeviceCredentials;

/** A stand-in for safeStorage: reverses the bytes, so the sealed form never contains the plain text. */
function fakeCipher(available = true): SecretCipher {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(plain, 'utf8').reverse(),
    decryptString: (sealed) => {
      if (sealed[0] !== '}'.charCodeAt(0)) throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(sealed).reverse().toString('utf8');
    },
  };
}

describe('the device secret in userData', () => {
  it('is sealed by the OS cipher and opens back to the same credentials', () => {
    const sealed = sealCredentials(credentials, fakeCipher());
    expect(sealed.toString('utf8')).not.toContain(credentials.token);
    expect(openCredentials(sealed, fakeCipher())).toEqual({ credentials });
  });

  it('is never written in clear: no OS encryption, no saving', () => {
    expect(() => sealCredentials(credentials, fakeCipher(false))).toThrow(NO_ENCRYPTION_MESSAGE);
  });

  it('refuses to seal something that is not device credentials', () => {
    expect(() => sealCredentials({ ...credentials, token: 'short' }, fakeCipher())).toThrow();
  });

  it('means "not enrolled" when there is no file', () => {
    expect(openCredentials(null, fakeCipher())).toEqual({ credentials: null });
  });

  it('says why stored bytes cannot be used, and asks for enrolment rather than failing to start', () => {
    const cipher = fakeCipher();
    expect(openCredentials(Buffer.from('garbage'), cipher)).toMatchObject({
      credentials: null,
      problem: expect.stringContaining('cannot be decrypted'),
    });
    expect(openCredentials(cipher.encryptString('{"deviceId":1}'), cipher)).toMatchObject({
      credentials: null,
      problem: expect.stringContaining('does not hold device credentials'),
    });
    expect(openCredentials(sealCredentials(credentials, cipher), fakeCipher(false))).toMatchObject({
      credentials: null,
      problem: expect.stringContaining('no OS encryption'),
    });
  });
});

describe('how the device secret is really kept', () => {
  it('calls the OS keychain of Windows and macOS encrypted', () => {
    expect(secretStorageOf({ platform: 'win32', encryptionAvailable: true })).toBe('os-keychain');
    expect(secretStorageOf({ platform: 'darwin', encryptionAvailable: true })).toBe('os-keychain');
  });

  it('calls a Linux keyring encrypted, and the basic_text fallback plain text, never encrypted', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(secretStorageOf({ platform: 'linux', encryptionAvailable: true, linuxBackend: backend })).toBe(
        'os-keychain',
      );
    }
    expect(secretStorageOf({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' })).toBe(
      'plain-text',
    );
    // A backend it cannot name is not taken for a keyring.
    expect(secretStorageOf({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'unknown' })).toBe(
      'plain-text',
    );
    expect(secretStorageOf({ platform: 'linux', encryptionAvailable: true })).toBe('plain-text');
  });

  it('says so when the OS cannot encrypt at all, on any platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      expect(secretStorageOf({ platform, encryptionAvailable: false, linuxBackend: 'gnome_libsecret' })).toBe(
        'unavailable',
      );
    }
  });
});
