import { MAX_PUSH_EVENTS } from '../../../shared/sync/protocol.ts';

// How many bytes of body each route reads at most (Fastify answers 413 'body-too-large' past it, refusing a
// declared Content-Length at once, before reading). Authenticated routes check the token first (onRequest), so
// an anonymous client never gets even this far. Listed in README "Limits".

const KIB = 1024;

/**
 * The largest contact or case event the schemas allow, as JSON in UTF-8 bytes. String bounds
 * (shared/model/limits.ts) count UTF-16 code units, at most 3 bytes each in UTF-8 (a Chinese character; a JSON
 * escape such as \n takes 2). The largest is case.materialsChecked: 40 checks, each a material id and a
 * 300-character note, ≈ 46,200 bytes (tests/unit/server/http/bodyLimits.test.ts computes it from the schemas).
 */
export const MAX_EVERYDAY_EVENT_BYTES = 48 * KIB;

export const BODY_LIMITS = {
  /** Any route not listed: GETs, preflights. */
  default: 1 * KIB,
  /** POST /devices/enrol {code, label}: a 32-character code and a 40-character label, with room for JSON. */
  enrol: 1 * KIB,
  /** POST /admin/*: at most a desk label ({label}, 40 characters). */
  admin: 1 * KIB,
  /**
   * POST /sync/push: MAX_PUSH_EVENTS (500) × 48 KiB + 4 KiB for the envelope (ids, deskTime) = 24,004 KiB
   * ≈ 23.4 MiB. A catalog item (≤ ≈ 240 KB) or a working-day calendar (≤ ≈ 70 KB) fits many times over; the
   * desk pushes PUSH_BATCH (200) events at a time, so a batch has room to spare.
   */
  push: MAX_PUSH_EVENTS * MAX_EVERYDAY_EVENT_BYTES + 4 * KIB,
} as const;
