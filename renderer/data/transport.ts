import type { z } from 'zod';
import {
  pullResponseSchema,
  pushResponseSchema,
  errorBodySchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SyncFailure,
} from '../../shared/sync/protocol.ts';

/** How the sync client talks to the HQ server; tests and the web build use HTTP, so does Electron. */
export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(cursor: number, limit: number): Promise<PullResponse>;
}

/** A failure with a typed reason, so the desk can say honestly what went wrong. */
export class SyncError extends Error {
  constructor(readonly failure: SyncFailure) {
    super('message' in failure ? failure.message : failure.kind);
    this.name = 'SyncError';
  }
}

export function httpTransport(baseUrl: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): SyncTransport {
  const root = baseUrl.replace(/\/+$/, '');
  async function call<S extends z.ZodType>(path: string, init: RequestInit, schema: S): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await fetchImpl(`${root}${path}`, { ...init, cache: 'no-store' });
    } catch {
      throw new SyncError({ kind: 'offline' });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const err = errorBodySchema.safeParse(body);
      const message = err.success ? err.data.message : response.statusText;
      if (err.success && err.data.code === 'format-version') throw new SyncError({ kind: 'format-mismatch', message });
      throw new SyncError({ kind: 'server-error', status: response.status, message });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new SyncError({ kind: 'bad-response', message: parsed.error.message.slice(0, 300) });
    return parsed.data;
  }
  return {
    push: (request) =>
      call(
        '/sync/push',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) },
        pushResponseSchema,
      ),
    pull: (cursor, limit) => call(`/sync/pull?cursor=${cursor}&limit=${limit}`, { method: 'GET' }, pullResponseSchema),
  };
}
