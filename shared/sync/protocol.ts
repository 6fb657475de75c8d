import { z } from 'zod';
import { deviceIdSchema } from '../model/ids.ts';
import { deskEventSchema } from '../model/events.ts';
import { referenceDocSchema } from '../model/reference.ts';

/** Bumped when the wire format changes incompatibly; the server refuses other versions with a message. */
export const SYNC_FORMAT_VERSION = 1;
export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_LIMIT = 2000;

/**
 * POST /sync/push. The body is checked as a whole (400 when malformed); each event is then
 * validated on its own so one bad event is rejected without blocking the rest of the queue.
 */
export const pushRequestSchema = z.object({
  deviceId: deviceIdSchema,
  formatVersion: z.number().int(),
  /**
   * The desk's wall clock when it sent the push. An HLC cannot tell a desk whose clock is a day behind from a
   * desk that was offline for a day; comparing this with the server's clock can, so such events are flagged.
   */
  deskTime: z.iso.datetime({ offset: true }).optional(),
  events: z.array(z.unknown()).max(MAX_PUSH_EVENTS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Typed reasons an event is refused; the desk shows each to a person. */
export const REJECTION_CODES = [
  'invalid-event', // failed the shared schema
  'device-mismatch', // event.deviceId is not the pushing device
  'unknown-staff', // staffId not in the directory, or not active
  'unsupported-version', // event schema version newer than the server knows: update the server/desk
  'conflicting-duplicate', // an eventId already stored with different content
  // The author's role does not allow the event (e.g. a refusal review or an assignment by someone who is
  // not a leader), or it sends a matter to someone without the role (an escalation to a non-leader).
  'not-authorised',
  // The event names staff, a department or an agency the directory does not have, or staff no longer
  // active; or a transfer's handler who has no phone to give the applicant or is in another department.
  'unknown-reference',
  // An admin edit made on an older version of a reference document (a catalog item changed on another desk,
  // a calendar proposal superseded meanwhile): redo it on the current version.
  'stale-edit',
  // The event's proof of authorship does not verify: unknown, expired or ended session, a session of another
  // desk or person, or content changed after it was signed (issue 11). Never stored, never downgraded.
  'invalid-proof',
  // A decision reserved to leaders, supervisors or admins came without proof: it must be taken online, with
  // the person's own sign-in on the server.
  'proof-required',
] as const;
export const rejectionCodeSchema = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof rejectionCodeSchema>;

export const rejectionSchema = z.object({
  eventId: z.string(),
  deviceSeq: z.number().int().nullable(),
  code: rejectionCodeSchema,
  message: z.string(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const pushResponseSchema = z.object({
  /** Every event of this device up to this deviceSeq is settled (stored, duplicate or rejected). */
  ackedSeq: z.number().int().nonnegative(),
  stored: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  rejected: z.array(rejectionSchema),
  serverTime: z.iso.datetime(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** GET /sync/pull?cursor=&limit= — the cursor is the server's commit sequence, never a clock. */
export const pullQuerySchema = z.object({
  cursor: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pulledEventSchema = z.object({
  seq: z.number().int().positive(),
  receivedAt: z.iso.datetime(),
  event: deskEventSchema,
});
export type PulledEvent = z.infer<typeof pulledEventSchema>;

export const pulledReferenceSchema = z.object({ seq: z.number().int().positive(), doc: referenceDocSchema });
export type PulledReference = z.infer<typeof pulledReferenceSchema>;

export const pullResponseSchema = z.object({
  formatVersion: z.number().int(),
  events: z.array(pulledEventSchema),
  references: z.array(pulledReferenceSchema),
  /** The highest sequence this response covers; save it with the batch, in the same transaction. */
  nextCursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /**
   * The server's last committed seq when it answered: with the cursor, how much is left (the desk shows the
   * progress of a long first sync). Optional: a server without it still syncs, without a progress figure.
   */
  headSeq: z.number().int().nonnegative().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Error body of every 4xx/5xx answer. `code` is stable; `message` is for a person. */
export const errorBodySchema = z.object({
  error: z.string(),
  code: z.string(),
  message: z.string(),
  /** With 429 'too-many-attempts': how long until this source may try again (also in Retry-After). */
  retryAfterSeconds: z.number().int().positive().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Typed failures the desk's sync client can end in; shown translated on the sync indicator. */
export type SyncFailure =
  | { kind: 'offline' }
  | { kind: 'server-error'; status: number; message: string }
  | { kind: 'format-mismatch'; message: string }
  | { kind: 'bad-response'; message: string }
  // 401: this desk is not enrolled, or its token is not the one the server gave its deviceId: enrol again.
  | { kind: 'unauthenticated'; message: string }
  // 403: an admin revoked this desk; its local data and outbox stay, the clerk is told to contact the admin.
  | { kind: 'device-revoked'; message: string };
