import { DEVICE_TOKEN_ROTATE_AFTER_MS, type DeviceCredentials } from '../../shared/sync/enrolment.ts';
import { SYNC_FORMAT_VERSION } from '../../shared/sync/protocol.ts';
import { readStoredCredentials, storeCredentials } from './credentials.ts';
import type { DeskDb } from './db.ts';
import { SyncError, type SyncTransport } from './transport.ts';

// Device tokens rotate during sync (issue 11, item 5): a push answered with `newToken` means the server now
// accepts the new token and, until this desk first uses it, the one it pushed with. So the new token is kept
// before anything else happens, and used from the very next call; if it cannot be kept, the old one goes on
// working and the server offers another later. Sync runs of a desk are serialised (scheduler.ts, Web Locks), so
// the token held is always the one the last rotating push was made with.

const HELD_KEY = 'deviceTokenHeld';
/** A desk whose token is older than a rotation's age and that has not pushed asks again at most this often. */
const IDLE_RETRY_MS = 24 * 60 * 60 * 1000;

/** Since when this desk holds its token (per identity), and when it last offered it in an empty push. */
interface TokenHeld {
  readonly deviceId: string;
  readonly since: number;
  readonly offeredAt?: number;
}

async function readHeld(db: DeskDb): Promise<TokenHeld | undefined> {
  return (await db.meta.get(HELD_KEY))?.value as TokenHeld | undefined;
}

async function writeHeld(db: DeskDb, held: TokenHeld): Promise<void> {
  await db.meta.put({ key: HELD_KEY, value: held });
}

async function heldCredentials(db: DeskDb, transport: SyncTransport): Promise<DeviceCredentials | null> {
  return transport.credentials ? transport.credentials() : readStoredCredentials(db);
}

/**
 * Keep the token a push was answered with; returns the credentials to use from now on. Nothing is replaced when
 * the desk no longer holds the token it pushed with (it was enrolled again meanwhile): that token is not ours
 * to overwrite.
 */
export async function keepRotatedToken(
  db: DeskDb,
  transport: SyncTransport,
  used: DeviceCredentials,
  newToken: string | undefined,
  now: number = Date.now(),
): Promise<DeviceCredentials> {
  if (newToken === undefined || newToken === used.token) return used;
  const held = await heldCredentials(db, transport);
  if (!held || held.deviceId !== used.deviceId) return used;
  if (held.token !== used.token) return held;
  const next: DeviceCredentials = { deviceId: used.deviceId, token: newToken };
  try {
    await (transport.saveCredentials ? transport.saveCredentials(next) : storeCredentials(db, next));
  } catch (error) {
    throw new SyncError({
      kind: 'credentials-not-saved',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  await writeHeld(db, { deviceId: next.deviceId, since: now });
  return next;
}

/**
 * A desk that sent nothing in this run offers its token through an empty push once it has held it longer than a
 * rotation's age, so a desk that only reads rotates too (at most one such push a day). Returns the credentials
 * to use from now on.
 */
export async function offerIdleToken(
  db: DeskDb,
  transport: SyncTransport,
  auth: DeviceCredentials,
  now: number = Date.now(),
): Promise<DeviceCredentials> {
  const held = await readHeld(db);
  // First sight of this token (enrolled, or a desk from before rotation): it is held from now on.
  if (held?.deviceId !== auth.deviceId || held.since > now) {
    await writeHeld(db, { deviceId: auth.deviceId, since: now });
    return auth;
  }
  if (now - held.since < DEVICE_TOKEN_ROTATE_AFTER_MS) return auth;
  if (held.offeredAt !== undefined && held.offeredAt <= now && now - held.offeredAt < IDLE_RETRY_MS) return auth;
  const response = await transport.push(
    { deviceId: auth.deviceId, formatVersion: SYNC_FORMAT_VERSION, deskTime: new Date(now).toISOString(), events: [] },
    auth,
  );
  const current = await keepRotatedToken(db, transport, auth, response.newToken, now);
  if (current === auth) await writeHeld(db, { ...held, offeredAt: now });
  return current;
}
