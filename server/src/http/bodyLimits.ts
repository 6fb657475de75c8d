import { MAX_PUSH_EVENTS } from '../../../shared/sync/protocol.ts';

// How many bytes of body each route reads at most (Fastify answers 413 'body-too-large' past it, refusing a
// declared Content-Length at once, before reading). Authenticated routes check the token first (onRequest), so
// an anonymous client never gets even this far. Listed in README "Limits".

const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * The largest legitimate event as JSON, in UTF-8 bytes. String bounds (shared/model/limits.ts) count UTF-16 code
 * units; one unit is at most 3 bytes in UTF-8 (a Chinese character) or 2 as a JSON escape (\n, \"). PLACEHOLDER.
 */
export const MAX_EVENT_BYTES = 24 * KIB;

export const BODY_LIMITS = {
  /** Any route not listed: GETs, preflights. */
  default: 1 * KIB,
  /** POST /devices/enrol {code, label}: a 32-character code and a 40-character label, with room for JSON. */
  enrol: 1 * KIB,
  /** POST /admin/*: at most a desk label ({label}, 40 characters). */
  admin: 1 * KIB,
  /** POST /sync/push: a full batch of the largest events, plus the envelope (ids, deskTime). */
  push: MAX_PUSH_EVENTS * MAX_EVENT_BYTES + 4 * KIB,
} as const;

export const MAX_BODY_MIB = BODY_LIMITS.push / MIB;
