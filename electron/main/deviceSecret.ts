// Main process. The desk's device credentials, sealed with safeStorage, in one file in userData: read on ask,
// written whole (temp file + rename) so a crash never leaves half a secret.
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { SecretStorage } from '../../shared/ipc/contract.ts';
import type { DeviceCredentials } from '../../shared/sync/enrolment.ts';
import {
  DEVICE_SECRET_FILE,
  openCredentials,
  sealCredentials,
  secretStorageOf,
  type SecretCipher,
} from './pure/device-secret.ts';

export interface DeviceSecretStore {
  load(): Promise<DeviceCredentials | null>;
  save(credentials: DeviceCredentials): Promise<void>;
}

/** How safeStorage keeps secrets on this machine, asked afresh each time (a keyring may appear or go). */
export function describeSecretStorage(
  cipher: Pick<SecretCipher, 'isEncryptionAvailable'> & { getSelectedStorageBackend(): string },
): SecretStorage {
  return secretStorageOf({
    platform: process.platform,
    encryptionAvailable: cipher.isEncryptionAvailable(),
    ...(process.platform === 'linux' ? { linuxBackend: cipher.getSelectedStorageBackend() } : {}),
  });
}

export function openDeviceSecretStore(userDataDir: string, cipher: SecretCipher): DeviceSecretStore {
  const file = path.join(userDataDir, DEVICE_SECRET_FILE);
  return {
    async load() {
      let sealed: Buffer | null = null;
      try {
        sealed = await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      const opened = openCredentials(sealed, cipher);
      if (opened.problem) console.warn(`[device-secret] ${opened.problem}; the desk will ask to enrol again`);
      return opened.credentials;
    },
    async save(credentials) {
      const sealed = sealCredentials(credentials, cipher);
      await mkdir(userDataDir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, sealed, { mode: 0o600 });
      await rename(temporary, file);
    },
  };
}
