import type { DeviceId } from '../../shared/model/ids.ts';
import {
  ENROLMENT_REFUSALS,
  enrolResponseSchema,
  type DeviceCredentials,
  type EnrolmentRefusal,
  type EnrolRequest,
} from '../../shared/sync/enrolment.ts';
import { errorBodySchema } from '../../shared/sync/protocol.ts';
import { formatHlc, parseHlc } from '../../shared/sync/hlc.ts';
import type { DeskDb } from './db.ts';
import { readDevice, writeDevice } from './device.ts';

// Enrolling this desk with the HQ server (issue 6, item 1): trade the admin's one-time code for a server-given
// device identity and token, then take that identity on as this desk's own.

/** Why enrolment failed, each shown translated on the enrolment screen. */
export type EnrolmentFailure =
  | { kind: 'offline' }
  | { kind: 'outbox-not-empty'; pending: number }
  | { kind: EnrolmentRefusal; message: string }
  | { kind: 'bad-request'; message: string }
  // 429: too many wrong codes from this address; the server looks at no code until the pause is over.
  | { kind: 'too-many-attempts'; minutes: number; message: string }
  | { kind: 'server-error'; status: number; message: string };

export class EnrolmentError extends Error {
  constructor(readonly failure: EnrolmentFailure) {
    super('message' in failure ? failure.message : failure.kind);
    this.name = 'EnrolmentError';
  }
}

export interface EnrolmentDeps {
  /** Keep the credentials where this platform keeps secrets (browser: the desk db; Electron: safeStorage). */
  save(credentials: DeviceCredentials): Promise<void>;
  fetch?: typeof fetch;
}

const isRefusal = (code: string): code is EnrolmentRefusal => (ENROLMENT_REFUSALS as readonly string[]).includes(code);

/** Whole minutes until the server takes another attempt: from the error body, else Retry-After, else 15. */
export function retryMinutes(response: Response, body?: { retryAfterSeconds?: number }): number {
  const seconds = body?.retryAfterSeconds ?? Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15;
}

async function requestEnrolment(serverUrl: string, body: EnrolRequest, fetchImpl: typeof fetch) {
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl.replace(/\/+$/, '')}/devices/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new EnrolmentError({ kind: 'offline' });
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorBodySchema.safeParse(json);
    const message = error.success ? error.data.message : response.statusText;
    if (error.success && isRefusal(error.data.code)) throw new EnrolmentError({ kind: error.data.code, message });
    if (response.status === 429) {
      throw new EnrolmentError({ kind: 'too-many-attempts', minutes: retryMinutes(response, error.data), message });
    }
    if (response.status === 400) throw new EnrolmentError({ kind: 'bad-request', message });
    throw new EnrolmentError({ kind: 'server-error', status: response.status, message });
  }
  const credentials = enrolResponseSchema.safeParse(json);
  if (!credentials.success) {
    throw new EnrolmentError({ kind: 'server-error', status: response.status, message: 'unrecognised answer' });
  }
  return credentials.data;
}

/**
 * Take on the server-given identity. Safe only while the desk has written nothing to send: its events carry
 * the old deviceId and deviceSeq, and the server accepts a device's events only under that device's token.
 * The clock keeps its time (an HLC never goes back) and takes the new id as its node.
 */
export async function adoptDeviceIdentity(db: DeskDb, deviceId: DeviceId, label: string): Promise<void> {
  await db.transaction('rw', [db.meta, db.outbox], async () => {
    const device = await readDevice(db);
    const clock = parseHlc(device.hlc);
    await writeDevice(db, { deviceId, nextSeq: 1, hlc: formatHlc({ ...clock, node: deviceId }), label });
  });
}

/**
 * Enrol this desk: refused before asking the server when events still wait to be sent (see adoptDeviceIdentity;
 * a desk that synced before enrolment existed must send them first, from a server that still takes them).
 */
export async function enrolThisDesk(
  db: DeskDb,
  request: { serverUrl: string; code: string; label: string },
  deps: EnrolmentDeps,
): Promise<DeviceCredentials> {
  const pending = await db.outbox.count();
  if (pending > 0) throw new EnrolmentError({ kind: 'outbox-not-empty', pending });
  const credentials = await requestEnrolment(
    request.serverUrl,
    { code: request.code, label: request.label.trim() },
    deps.fetch ?? ((...a) => fetch(...a)),
  );
  await deps.save(credentials);
  await adoptDeviceIdentity(db, credentials.deviceId, request.label.trim());
  return credentials;
}
