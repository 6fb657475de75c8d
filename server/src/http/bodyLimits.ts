import { GUIDE_FILE_MAX_BYTES } from '../../../shared/model/catalog.ts';
import { MAX_PUSH_BYTES } from '../../../shared/sync/protocol.ts';

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
   * POST /complaints and /complaints/:id/acts: the largest intake the contract allows (a 2,000-character account,
   * 50 linked records, 20 staff and 10 departments complained about, the complainant) is ≈ 19 KB, the largest act
   * (a finding with 50 links) ≈ 12 KB (tests/unit/server/http/complaintBodyLimit.test.ts computes both).
   */
  complaint: 32 * KIB,
  /**
   * POST /sync/push: MAX_PUSH_BYTES (16 MiB), the bound the desk fills its pushes to (renderer/data/pushBatch.ts),
   * so every push a desk builds is read: 31 events of the largest size (shared/model/eventSize.ts, 512 KiB) with
   * their envelope, or 200 of the largest contact and case events (≈ 9.2 MB), which desks that count events alone
   * send. One event alone always fits; a bigger one than any push can carry is not a valid event.
   */
  push: MAX_PUSH_BYTES,
  /** POST /catalog/files: one blank or sample form of a service guide, as raw bytes (issue 16). */
  catalogFile: GUIDE_FILE_MAX_BYTES,
} as const;
