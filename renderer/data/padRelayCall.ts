import type { z } from 'zod';
import { errorBodySchema } from '../../shared/sync/protocol.ts';

// One HTTP call of the rating tablet relay (server/src/http/padRelay.ts), from the desk or from the tablet. A
// refusal comes back as a closed code the screens word (rating.relay.* / tablet.errors.*), never a raw message.

export class PadRelayError extends Error {
  constructor(
    /** 'offline' (HQ unreachable), 'other' (an answer nobody foresaw), or the server's code ('pad-unpaired', …). */
    readonly code: string,
    message: string,
    /** With 'too-many-attempts': whole minutes until HQ answers this address again. */
    readonly minutes?: number,
  ) {
    super(message);
    this.name = 'PadRelayError';
  }
}

export interface RelayCallOptions {
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: object;
  readonly fetch?: typeof fetch;
  readonly signal?: AbortSignal;
}

export async function relayCall<S extends z.ZodType>(url: string, schema: S, options: RelayCallOptions) {
  const fetchImpl = options.fetch ?? ((...a) => fetch(...a));
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: options.method,
      headers: options.body ? { ...options.headers, 'content-type': 'application/json' } : options.headers,
      ...(options.body ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      cache: 'no-store',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new PadRelayError('offline', 'cannot reach the server');
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorBodySchema.safeParse(json);
    if (!error.success) throw new PadRelayError('other', `${response.status} ${response.statusText}`);
    const seconds = error.data.retryAfterSeconds;
    const minutes = seconds === undefined ? undefined : Math.max(1, Math.ceil(seconds / 60));
    throw new PadRelayError(error.data.code, error.data.message, minutes);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new PadRelayError('other', 'unrecognised answer from the server');
  return parsed.data as z.infer<S>;
}
