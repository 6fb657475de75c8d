import { z } from 'zod';
import { DEVICE_ID_HEADER, type DeviceCredentials } from '../../shared/sync/enrolment.ts';
import {
  padCollectedSchema,
  padPairingCodeIssuedSchema,
  padRequestStatusSchema,
  pairedTabletListSchema,
  PAD_REQUEST_STATES,
  type PadAnswerBody,
  type PadPairingCodeIssued,
  type PadRateRequest,
  type PadRequestState,
  type PairedTablet,
} from '../../shared/sync/padRelay.ts';
import type { DeskDb } from './db.ts';
import { PadRelayError, relayCall } from './padRelayCall.ts';

// The desk's side of the rating tablet relay: pair and unpair tablets, send a rating request, follow it, collect
// the answer. Every call proves the desk with its device token; the answer is recorded by the desk itself
// (recordPadRating), so the rating is this desk's event like one from its local pad.

export interface PadRelayDesk {
  pairingCode(): Promise<PadPairingCodeIssued>;
  tablets(): Promise<PairedTablet[]>;
  unpair(tabletId: string): Promise<PairedTablet[]>;
  ask(request: PadRateRequest): Promise<{ state: PadRequestState; listening: boolean }>;
  /** With `after`: held by HQ until the state is another (at most 25 s). */
  status(requestId: string, after?: PadRequestState, signal?: AbortSignal): Promise<PadRequestState>;
  cancel(requestId: string): Promise<PadRequestState>;
  collect(requestId: string): Promise<PadAnswerBody>;
}

const askedSchema = z.object({ state: z.enum(PAD_REQUEST_STATES), listening: z.boolean() });

export function padRelayDesk(
  serverUrl: string,
  credentials: () => Promise<DeviceCredentials | null>,
  fetchImpl?: typeof fetch,
): PadRelayDesk {
  const root = serverUrl.replace(/\/+$/, '');
  async function call<S extends z.ZodType>(path: string, schema: S, body?: object, signal?: AbortSignal) {
    const desk = await credentials();
    if (!desk) throw new PadRelayError('not-enrolled', 'this desk is not enrolled');
    return relayCall(`${root}${path}`, schema, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${desk.token}`, [DEVICE_ID_HEADER]: desk.deviceId },
      ...(body ? { body } : {}),
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
      ...(signal ? { signal } : {}),
    });
  }
  const id = (requestId: string) => encodeURIComponent(requestId);
  return {
    pairingCode: () => call('/pad/pairing-codes', padPairingCodeIssuedSchema, {}),
    tablets: async () => (await call('/pad/tablets', pairedTabletListSchema)).tablets,
    unpair: async (tabletId) =>
      (await call(`/pad/tablets/${encodeURIComponent(tabletId)}/unpair`, pairedTabletListSchema, {})).tablets,
    ask: (request) => call('/pad/requests', askedSchema, request),
    status: async (requestId, after, signal) =>
      (
        await call(
          `/pad/requests/${id(requestId)}${after ? `?after=${after}` : ''}`,
          padRequestStatusSchema,
          undefined,
          signal,
        )
      ).state,
    cancel: async (requestId) => (await call(`/pad/requests/${id(requestId)}/cancel`, padRequestStatusSchema, {})).state,
    collect: async (requestId) => (await call(`/pad/requests/${id(requestId)}/collect`, padCollectedSchema, {})).answer,
  };
}

// Whether this desk has a paired tablet, remembered from HQ's last answer: offline, the desk must still know to
// say "the tablet cannot be reached" rather than silently use a local pad nobody looks at.
const PAIRED_KEY = 'padTabletsPaired';

export async function rememberPairedTablets(db: DeskDb, count: number): Promise<void> {
  await db.meta.put({ key: PAIRED_KEY, value: count });
}

export async function pairedTabletsRemembered(db: DeskDb): Promise<number> {
  const value = (await db.meta.get(PAIRED_KEY))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}
