import type { StaffId } from '../../shared/model/ids.ts';
import { DEVICE_ID_HEADER, type DeviceCredentials } from '../../shared/sync/enrolment.ts';
import { errorBodySchema } from '../../shared/sync/protocol.ts';
import {
  signInResponseSchema,
  STAFF_SESSION_HEADER,
  staffSessionHeader,
  type StaffSession,
} from '../../shared/sync/staffAuth.ts';
import { retryMinutes } from './enrolment.ts';

// The person's own sign-in on the HQ server (issue 11). The desk's device token proves the desk; the secret the
// person types goes to the server only, which answers with a short-lived session bound to this desk.

/** Why an online sign-in did not give a session, as the sign-in flow must tell them apart. */
export type StaffAuthFailure =
  /** The server checked and refused: unknown person or wrong secret (the same answer for both). */
  | { readonly kind: 'sign-in-failed' }
  /** The server's own throttle: no secret was checked. */
  | { readonly kind: 'too-many-attempts'; readonly minutes: number }
  /** No answer to trust: network down, server error, an unreadable answer. Offline sign-in may follow. */
  | { readonly kind: 'unreachable'; readonly message: string }
  /** The server refused this desk itself (not enrolled, revoked, token expired). */
  | { readonly kind: 'desk-refused'; readonly code: string; readonly message: string };

export class StaffAuthError extends Error {
  constructor(readonly failure: StaffAuthFailure) {
    super('message' in failure ? failure.message : failure.kind);
    this.name = 'StaffAuthError';
  }
}

export interface StaffAuthClient {
  signIn(staffId: StaffId, secret: string): Promise<StaffSession>;
  /** End the session on the server; best effort (an unreachable server lets it expire on its own). */
  signOut(session: StaffSession): Promise<void>;
}

export interface StaffAuthOptions {
  readonly serverUrl: () => Promise<string> | string;
  /** The desk's credentials, read at every call (tokens rotate during sync). */
  readonly credentials: () => Promise<DeviceCredentials | null>;
  readonly fetch?: typeof fetch;
}

export function staffAuthClient(options: StaffAuthOptions): StaffAuthClient {
  const fetchImpl = options.fetch ?? ((...a) => fetch(...a));

  async function post(path: string, headers: Record<string, string>, body?: object): Promise<Response> {
    const desk = await options.credentials();
    if (!desk) throw new StaffAuthError({ kind: 'desk-refused', code: 'unauthenticated', message: 'not enrolled' });
    const root = (await options.serverUrl()).replace(/\/+$/, '');
    try {
      return await fetchImpl(`${root}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${desk.token}`,
          [DEVICE_ID_HEADER]: desk.deviceId,
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        cache: 'no-store',
      });
    } catch {
      throw new StaffAuthError({ kind: 'unreachable', message: 'cannot reach the server' });
    }
  }

  return {
    async signIn(staffId, secret) {
      const response = await post('/auth/sign-in', {}, { staffId, secret });
      const json: unknown = await response.json().catch(() => undefined);
      if (response.ok) {
        const session = signInResponseSchema.safeParse(json);
        // A session for someone else would sign this person's events with another's key: refuse it.
        if (!session.success || session.data.staffId !== staffId) {
          throw new StaffAuthError({ kind: 'unreachable', message: 'unrecognised answer from the server' });
        }
        return session.data;
      }
      const error = errorBodySchema.safeParse(json);
      const code = error.success ? error.data.code : '';
      const message = error.success ? error.data.message : `${response.status} ${response.statusText}`;
      if (response.status === 401 && code === 'sign-in-failed') throw new StaffAuthError({ kind: 'sign-in-failed' });
      if (response.status === 429) {
        const minutes = retryMinutes(response, error.success ? error.data : undefined);
        throw new StaffAuthError({ kind: 'too-many-attempts', minutes });
      }
      if (response.status === 401 || response.status === 403) {
        throw new StaffAuthError({ kind: 'desk-refused', code: code || String(response.status), message });
      }
      throw new StaffAuthError({ kind: 'unreachable', message });
    },
    async signOut(session) {
      await post('/auth/sign-out', { [STAFF_SESSION_HEADER]: staffSessionHeader(session) }).catch(() => undefined);
    },
  };
}
