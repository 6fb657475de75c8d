// Pure: the desk's device credentials sealed with the OS's encryption (Electron safeStorage: DPAPI on Windows,
// Keychain on macOS, the Secret Service or KWallet on Linux) before they touch the disk, and opened again; and
// whether that sealing is real (issue 11). The cipher is passed in, so this is tested with a stand-in.
import type { SecretStorage } from '../../../shared/ipc/contract.ts';
import { deviceCredentialsSchema, type DeviceCredentials } from '../../../shared/sync/enrolment.ts';

export const DEVICE_SECRET_FILE = 'device-secret.bin';

/** The slice of Electron's safeStorage used here. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** What tells how safeStorage really keeps a secret: Linux names the backend it chose. */
export interface CipherFacts {
  readonly platform: NodeJS.Platform;
  readonly encryptionAvailable: boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux; unused elsewhere. */
  readonly linuxBackend?: string;
}

const LINUX_KEYRINGS = ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'];

/**
 * Whether the token on disk is really encrypted. On Linux without a keyring safeStorage still "encrypts", with
 * its basic_text backend's fixed key: that is plain text to anyone who can read the file, and is said so. An
 * unknown backend is not taken for a keyring.
 */
export function secretStorageOf(facts: CipherFacts): SecretStorage {
  if (!facts.encryptionAvailable) return 'unavailable';
  if (facts.platform === 'linux' && !LINUX_KEYRINGS.includes(facts.linuxBackend ?? '')) return 'plain-text';
  return 'os-keychain';
}

export const NO_ENCRYPTION_MESSAGE =
  '本机系统无法加密保存窗口凭据，无法完成登记。The operating system offers no encryption for the desk credentials; enrolment cannot be stored.';

/**
 * The bytes to write; throws (and nothing is written) when the OS cannot encrypt. On Linux without a keyring
 * safeStorage seals with a fixed key, no better than clear text: stored all the same (the desk must work), and
 * told as 'plain-text' (secretStorageOf) in the sync panel rather than passed off as encrypted.
 */
export function sealCredentials(credentials: DeviceCredentials, cipher: SecretCipher): Buffer {
  const valid = deviceCredentialsSchema.parse(credentials);
  if (!cipher.isEncryptionAvailable()) throw new Error(NO_ENCRYPTION_MESSAGE);
  return cipher.encryptString(JSON.stringify(valid));
}

export interface OpenedSecret {
  readonly credentials: DeviceCredentials | null;
  /** Why stored bytes could not be used (the desk then asks to enrol again); absent when fine or absent. */
  readonly problem?: string;
}

/** The stored bytes (null when there is no file) back into credentials. */
export function openCredentials(sealed: Buffer | null, cipher: SecretCipher): OpenedSecret {
  if (sealed === null) return { credentials: null };
  if (!cipher.isEncryptionAvailable()) {
    return { credentials: null, problem: 'the device secret cannot be decrypted: no OS encryption available' };
  }
  let text: string;
  try {
    text = cipher.decryptString(sealed);
  } catch (error) {
    return { credentials: null, problem: `the device secret cannot be decrypted: ${String(error)}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { credentials: null, problem: 'the device secret is not valid JSON' };
  }
  const parsed = deviceCredentialsSchema.safeParse(raw);
  return parsed.success
    ? { credentials: parsed.data }
    : { credentials: null, problem: 'the device secret does not hold device credentials' };
}
