import type { z } from 'zod';
import { DEVICE_ID_HEADER, type DeviceCredentials } from '../../shared/sync/enrolment.ts';
import { complaintAckSchema, type ComplaintAck, type ComplaintIntake } from '../../shared/sync/complaintApi.ts';
import {
  pullPageSchema,
  pushResponseSchema,
  errorBodySchema,
  type PullPage,
  type PushRequest,
  type PushResponse,
  type SyncFailure,
} from '../../shared/sync/protocol.ts';

/**
 * How the sync client talks to the HQ server; tests and the web build use HTTP, so does Electron. Each call
 * carries the credentials of the desk it syncs (syncOnce finds them), so one transport can serve several desks.
 */
export interface SyncTransport {
  push(request: PushRequest, auth: DeviceCredentials): Promise<PushResponse>;
  /** The page's envelope is checked here; its events and references one by one when applied (sync.ts). */
  pull(cursor: number, limit: number, auth: DeviceCredentials): Promise<PullPage>;
  /** POST /complaints: hand HQ one complaint taken in here (renderer/data/complaints/send.ts). Absent: none sent. */
  postComplaint?(intake: ComplaintIntake, auth: DeviceCredentials): Promise<ComplaintAck>;
  /**
   * Where this desk's credentials are kept, when not in its database: the Electron desk keeps them in
   * safeStorage (platform). Absent: syncOnce reads the ones the desk database holds (browser build, tests).
   */
  readonly credentials?: () => Promise<DeviceCredentials | null>;
  /** Where to keep a rotated token when `credentials` is given (Electron: safeStorage); else the desk database. */
  readonly saveCredentials?: (credentials: DeviceCredentials) => Promise<void>;
}

/** A failure with a typed reason, so the desk can say honestly what went wrong. */
export class SyncError extends Error {
  constructor(readonly failure: SyncFailure) {
    super('message' in failure ? failure.message : failure.kind);
    this.name = 'SyncError';
  }
}

export interface HttpTransportOptions {
  readonly credentials?: () => Promise<DeviceCredentials | null>;
  readonly saveCredentials?: (credentials: DeviceCredentials) => Promise<void>;
  readonly fetch?: typeof fetch;
}

/** A server's Retry-After is believed up to this: a wrong header must not silence a desk for a day. */
const MAX_RETRY_AFTER_S = 60 * 60;

/** Seconds to wait from a Retry-After header (seconds or an HTTP date) or the error body; undefined if none. */
export function retryAfterOf(header: string | null | undefined, body: unknown, now = Date.now()): number | undefined {
  const fromBody = errorBodySchema.safeParse(body);
  let seconds: number | undefined;
  const value = header?.trim() ?? '';
  if (/^\d+$/.test(value)) seconds = Number(value);
  else if (value && !Number.isNaN(Date.parse(value))) seconds = Math.ceil((Date.parse(value) - now) / 1000);
  else if (fromBody.success) seconds = fromBody.data.retryAfterSeconds;
  if (seconds === undefined || !Number.isFinite(seconds)) return undefined;
  return Math.min(MAX_RETRY_AFTER_S, Math.max(1, seconds));
}

/** The typed failure for a refused call: 401/403 are about who this desk is, not about the server's health. */
export function failureOf(status: number, body: unknown, statusText: string, retryAfter?: string | null): SyncFailure {
  const err = errorBodySchema.safeParse(body);
  const message = err.success ? err.data.message : statusText;
  if (err.success && err.data.code === 'format-version') return { kind: 'format-mismatch', message };
  if (status === 401 && err.success && err.data.code === 'token-expired') return { kind: 'token-expired', message };
  if (status === 401) return { kind: 'unauthenticated', message };
  if (status === 403 && err.success && err.data.code === 'device-revoked') return { kind: 'device-revoked', message };
  // 503 (the database is down, full or busy) and 429 say how long to stay away; the scheduler honours it.
  const seconds = status === 503 || status === 429 ? retryAfterOf(retryAfter, body) : undefined;
  return {
    kind: 'server-error',
    status,
    message,
    ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}),
    ...(err.success && err.data.code ? { code: err.data.code } : {}),
  };
}

function authHeaders(auth: DeviceCredentials): Record<string, string> {
  return { authorization: `Bearer ${auth.token}`, [DEVICE_ID_HEADER]: auth.deviceId };
}

export function httpTransport(baseUrl: string, options: HttpTransportOptions = {}): SyncTransport {
  const root = baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((...a) => fetch(...a));
  async function call<S extends z.ZodType>(path: string, init: RequestInit, schema: S): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await fetchImpl(`${root}${path}`, { ...init, cache: 'no-store' });
    } catch {
      throw new SyncError({ kind: 'offline' });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      throw new SyncError(failureOf(response.status, body, response.statusText, response.headers.get('retry-after')));
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new SyncError({ kind: 'bad-response', message: parsed.error.message.slice(0, 300) });
    return parsed.data;
  }
  return {
    push: (request, auth) =>
      call(
        '/sync/push',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...authHeaders(auth) },
          body: JSON.stringify(request),
        },
        pushResponseSchema,
      ),
    pull: (cursor, limit, auth) =>
      call(`/sync/pull?cursor=${cursor}&limit=${limit}`, { method: 'GET', headers: authHeaders(auth) }, pullPageSchema),
    postComplaint: (intake, auth) =>
      call(
        '/complaints',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...authHeaders(auth) },
          body: JSON.stringify(intake),
        },
        complaintAckSchema,
      ),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.saveCredentials ? { saveCredentials: options.saveCredentials } : {}),
  };
}
