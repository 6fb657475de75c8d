import { deviceCredentialsSchema, type DeviceCredentials } from '../../shared/sync/enrolment.ts';
import type { DeskDb } from './db.ts';
import { readDevice } from './device.ts';

// The browser build keeps the desk's device credentials in its own IndexedDB (there is no OS keychain to reach
// from a page); the Electron desk keeps them in safeStorage instead (platform/desktop.ts) and never here.

const KEY = 'deviceCredentials';

export async function readStoredCredentials(db: DeskDb): Promise<DeviceCredentials | null> {
  const parsed = deviceCredentialsSchema.safeParse((await db.meta.get(KEY))?.value);
  return parsed.success ? parsed.data : null;
}

export async function storeCredentials(db: DeskDb, credentials: DeviceCredentials): Promise<void> {
  await db.meta.put({ key: KEY, value: deviceCredentialsSchema.parse(credentials) });
}

/**
 * Enrolled means: credentials are held AND they are for the identity this desk writes its events under. A
 * secret file that outlived a wiped desk database (or the reverse) is not an enrolment.
 */
export async function isEnrolledWith(db: DeskDb, credentials: DeviceCredentials | null): Promise<boolean> {
  if (!credentials) return false;
  const device = await db.transaction('rw', db.meta, () => readDevice(db));
  return device.deviceId === credentials.deviceId;
}
