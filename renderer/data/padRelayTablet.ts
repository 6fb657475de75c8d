import { z } from 'zod';
import {
  padPairedSchema,
  padTabletRequestSchema,
  type PadAnswerInput,
  type PadPaired,
  type PadTabletRequest,
} from '../../shared/sync/padRelay.ts';
import { relayCall } from './padRelayCall.ts';

// The tablet's side of the relay (#/tablet, served by HQ itself, so every call is same-origin). The tablet holds
// nothing of the bureau's data, no desk database and no desk credentials: only its own pad token, in this
// browser's localStorage, which reaches its desk's current rating request and nothing else.

const TOKEN_KEY = 'firstdesk.padTablet';
const storedSchema = padPairedSchema;

export interface TabletStore {
  read(): PadPaired | null;
  save(paired: PadPaired): void;
  forget(): void;
}

export function localTabletStore(storage: Storage = window.localStorage): TabletStore {
  return {
    read() {
      try {
        const parsed = storedSchema.safeParse(JSON.parse(storage.getItem(TOKEN_KEY) ?? 'null'));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    save: (paired) => storage.setItem(TOKEN_KEY, JSON.stringify(storedSchema.parse(paired))),
    forget: () => storage.removeItem(TOKEN_KEY),
  };
}

export interface PadRelayTablet {
  pair(code: string, label: string): Promise<PadPaired>;
  /** Long-poll: `after` is the request shown now ('' for none); HQ answers when that changes or after 25 s. */
  poll(token: string, after: string, signal?: AbortSignal): Promise<PadTabletRequest>;
  answer(token: string, requestId: string, answer: PadAnswerInput): Promise<void>;
}

const answeredSchema = z.object({ state: z.literal('answered') });

export function padRelayTablet(root = '', fetchImpl?: typeof fetch): PadRelayTablet {
  const withFetch = fetchImpl ? { fetch: fetchImpl } : {};
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  return {
    pair: (code, label) =>
      relayCall(`${root}/pad/pair`, padPairedSchema, { method: 'POST', headers: {}, body: { code, label }, ...withFetch }),
    poll: (token, after, signal) =>
      relayCall(`${root}/pad/tablet/request?after=${encodeURIComponent(after)}`, padTabletRequestSchema, {
        method: 'GET',
        headers: auth(token),
        ...withFetch,
        ...(signal ? { signal } : {}),
      }),
    async answer(token, requestId, answer) {
      await relayCall(`${root}/pad/tablet/requests/${encodeURIComponent(requestId)}/answer`, answeredSchema, {
        method: 'POST',
        headers: auth(token),
        body: answer,
        ...withFetch,
      });
    },
  };
}
