import { z } from 'zod';
import { deviceIdSchema } from '../model/ids.ts';
import { deskEventShapeSchema } from '../model/events.ts';
import { MAX_EVENT_BYTES } from '../model/eventSize.ts';
import { referenceDocSchema } from '../model/reference.ts';
import { MAX_ISO_TIME_LENGTH } from '../model/eventTime.ts';
import { seqPositionSchema, seqSchema } from '../model/seq.ts';
import { deviceTokenSchema } from './enrolment.ts';

/** Bumped when the wire format changes incompatibly; the server refuses other versions with a message. */
export const SYNC_FORMAT_VERSION = 1;
export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_LIMIT = 2000;

/**
 * The largest push body, as JSON in UTF-8 bytes: the desk stops adding events to a push before it would pass this
 * (renderer/data/pushBatch.ts), and the server's body limit for /sync/push is this (server/src/http/bodyLimits.ts).
 * 32 events of the largest size (MAX_EVENT_BYTES, 512 KiB), so one always fits with its envelope; and more than a
 * batch of 200 of the largest contact or case events (≈ 9.2 MB), which is what desks that batch by count alone
 * (before this bound) may send.
 */
export const MAX_PUSH_BYTES = 32 * MAX_EVENT_BYTES;

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
  deskTime: z.iso.datetime({ offset: true }).max(MAX_ISO_TIME_LENGTH).optional(),
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
  // The event's HLC or occurredAt is before the bureau's first year in service, or more than a day ahead of the
  // server (shared/model/eventTime.ts): the desk's clock is wrong; set it right and record the matter again.
  'clock-out-of-range',
  // Never sent by the server: the desk records it when the server (or a proxy before it) answers 413 to a push of
  // this one event alone, so the event cannot be sent as it is; it leaves the outbox instead of blocking it.
  'too-large',
] as const;
export const rejectionCodeSchema = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof rejectionCodeSchema>;

/** A rejection's message is for a person; the server cuts a longer one (server/src/sync/ingest.ts). */
export const MAX_REJECTION_MESSAGE = 1000;

export const rejectionSchema = z.object({
  /** The refused event's id as the desk sent it ('' when it sent none, or something longer than an id). */
  eventId: z.string().max(64),
  /** Its deviceSeq, when that is a sequence number (null otherwise). */
  deviceSeq: seqSchema.nullable(),
  code: rejectionCodeSchema,
  message: z.string().max(MAX_REJECTION_MESSAGE),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const pushResponseSchema = z.object({
  /**
   * The highest deviceSeq among this push's events of the pushing device that the server settled (stored, held
   * already, or rejected); 0 when it settled none. The desk removes from its outbox the events it sent in this
   * push up to it. It never speaks for events this push did not carry, so nothing a desk sent earlier (a
   * deviceSeq of 2^31 − 1, say) can acknowledge, or hold back, what it sends later.
   */
  ackedSeq: seqPositionSchema,
  stored: z.number().int().min(0).max(MAX_PUSH_EVENTS),
  duplicates: z.number().int().min(0).max(MAX_PUSH_EVENTS),
  rejected: z.array(rejectionSchema).max(MAX_PUSH_EVENTS),
  serverTime: z.iso.datetime(),
  /**
   * This desk's next device token, when the one it pushed with had aged (shared/sync/enrolment.ts): the desk
   * keeps it before anything else and uses it from its next call. The old one stays valid until then.
   */
  newToken: deviceTokenSchema.optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** GET /sync/pull?cursor=&limit= — the cursor is the server's commit sequence, never a clock. */
export const pullQuerySchema = z.object({
  cursor: z.coerce.number().pipe(seqPositionSchema).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pulledEventSchema = z.object({
  seq: seqSchema,
  receivedAt: z.iso.datetime(),
  // Not held to MAX_EVENT_BYTES: an event stored before that bound is still a record (the page's size is bounded).
  event: deskEventShapeSchema,
});
export type PulledEvent = z.infer<typeof pulledEventSchema>;

export const pulledReferenceSchema = z.object({ seq: seqSchema, doc: referenceDocSchema });
export type PulledReference = z.infer<typeof pulledReferenceSchema>;

export const pullResponseSchema = z.object({
  formatVersion: z.number().int(),
  events: z.array(pulledEventSchema),
  references: z.array(pulledReferenceSchema),
  /** The highest sequence this response covers; save it with the batch, in the same transaction. */
  nextCursor: seqPositionSchema,
  hasMore: z.boolean(),
  /**
   * The server's last committed seq when it answered: with the cursor, how much is left (the desk shows the
   * progress of a long first sync). Optional: a server without it still syncs, without a progress figure.
   */
  headSeq: seqPositionSchema.optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * A pull page as the desk reads it: the envelope strictly, each event and reference on its own
 * (shared/sync/pullPage.ts). An item some server stored under older, looser rules fails today's schema; it must
 * not make the whole page, and so every later page, unreadable for every desk.
 */
export const pullPageSchema = pullResponseSchema.extend({
  events: z.array(z.unknown()).max(MAX_PULL_LIMIT),
  references: z.array(z.unknown()).max(MAX_PULL_LIMIT),
});
export type PullPage = z.infer<typeof pullPageSchema>;

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
  // 503 (database down, full or busy) and 429 carry Retry-After: the desk waits at least that long (scheduler.ts).
  // code: the server's own error code when it gave one, so a screen can word the refusal in the person's language.
  | { kind: 'server-error'; status: number; message: string; retryAfterSeconds?: number; code?: string }
  | { kind: 'format-mismatch'; message: string }
  | { kind: 'bad-response'; message: string }
  // 401: this desk is not enrolled, or its token is not the one the server gave its deviceId: enrol again.
  | { kind: 'unauthenticated'; message: string }
  // 403: an admin revoked this desk; its local data and outbox stay, the clerk is told to contact the admin.
  | { kind: 'device-revoked'; message: string }
  // 401: this desk was silent longer than the bureau allows (settings.deviceTokenMaxSilenceDays): enrol again.
  | { kind: 'token-expired'; message: string }
  // The server gave this desk a new token and it could not be kept here; the old one still works meanwhile.
  | { kind: 'credentials-not-saved'; message: string };
