import type { z } from 'zod';
import { deskEventSchema, EVENT_VERSIONS, type DeskEvent } from '../../../shared/model/events.ts';
import { envelopeSchema } from '../../../shared/model/envelope.ts';
import { eventTimeProblem } from '../../../shared/model/eventTime.ts';
import { isSeq } from '../../../shared/model/seq.ts';
import { MAX_CLOCK_DRIFT_MS, parseHlc } from '../../../shared/sync/hlc.ts';
import { MAX_REJECTION_MESSAGE, type Rejection, type RejectionCode } from '../../../shared/sync/protocol.ts';
import type { StaffSessionRecord } from '../storage/staffSessions.ts';
import { authorizeEvent, isActiveStaff, type Directory } from './authorize.ts';
import { checkProof } from './proof.ts';
import { canonicalJson } from '../../../shared/sync/canonical.ts';

// Per-event checks of a push, in the order a person would ask them: is it an event at all, is it this
// desk's, can this server read it, is its author on the staff, may they do this (authorize.ts). Pure: the
// caller supplies the directory and the time, so every rule here is a plain unit test.

export interface IngestContext {
  /** The device the request came from. */
  readonly deviceId: string;
  /** The staff, department and agency directory the events are judged against. */
  readonly directory: Directory;
  /** Server wall clock, epoch ms. */
  readonly now: number;
  /** The desk's wall clock minus the server's when it pushed (0 when the desk did not say). */
  readonly deskClockSkewMs?: number;
  /** The staff sessions the batch's proofs name (sync/proof.ts); none given, no proof can verify. */
  readonly sessions?: ReadonlyMap<string, StaffSessionRecord>;
}

/**
 * 'clock-ahead': the event's HLC, or the desk's clock when it pushed, was further ahead of the server than
 * MAX_CLOCK_DRIFT_MS; 'clock-behind': the desk's clock was that far behind when it pushed.
 */
export type EventFlag = 'clock-ahead' | 'clock-behind';

export type CheckedEvent =
  | { readonly ok: true; readonly event: DeskEvent; readonly flags: EventFlag | null }
  | { readonly ok: false; readonly rejection: Rejection; readonly countsTowardAck: boolean };

const MAX_ISSUES_IN_MESSAGE = 5;

/** "payload.matter: matterRequired; hlc: must be an HLC timestamp" — short enough for the desk to show. */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

function field(raw: unknown, key: string): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
}

/** Longest eventId echoed back in a rejection: a ULID is 26; anything far longer is not an id worth repeating. */
const MAX_ECHOED_ID = 64;

function reject(raw: unknown, ctx: IngestContext, code: RejectionCode, message: string): CheckedEvent {
  const eventId = field(raw, 'eventId');
  const deviceSeq = field(raw, 'deviceSeq');
  // Only a sequence number within the columns' range (1…2^31 − 1) is repeated or acknowledged: 1e300 passes
  // Number.isInteger, and once stored as an ack it broke this desk's next push and the admin's device list.
  const seq = isSeq(deviceSeq) ? deviceSeq : null;
  const id = typeof eventId === 'string' && eventId.length <= MAX_ECHOED_ID ? eventId : '';
  return {
    ok: false,
    rejection: { eventId: id, deviceSeq: seq, code, message: clip(message) },
    // A rejected event is settled, so it moves the ack — but only when its deviceSeq is this device's
    // numbering; another device's deviceSeq could ack events of this desk that were never sent.
    countsTowardAck: seq !== null && field(raw, 'deviceId') === ctx.deviceId,
  };
}

/** A message built from what the desk sent (zod paths name its keys) is cut to what the wire allows. */
function clip(message: string): string {
  return message.length <= MAX_REJECTION_MESSAGE ? message : `${message.slice(0, MAX_REJECTION_MESSAGE - 1)}…`;
}

const NO_SESSIONS: ReadonlyMap<string, StaffSessionRecord> = new Map();

function isKnownType(type: string): type is keyof typeof EVENT_VERSIONS {
  return Object.hasOwn(EVENT_VERSIONS, type);
}

export function checkEvent(raw: unknown, ctx: IngestContext): CheckedEvent {
  // The envelope first, so the version and device checks give their own codes even when the
  // payload of a newer schema version would not parse here.
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return reject(raw, ctx, 'invalid-event', describeIssues(envelope.error));
  const { deviceId, type, v, staffId, hlc, occurredAt } = envelope.data;

  if (deviceId !== ctx.deviceId) {
    return reject(raw, ctx, 'device-mismatch', `event of device ${deviceId} pushed by device ${ctx.deviceId}`);
  }
  // A time no clock that was right could have stamped is refused, not stored with a flag: an HLC at 0 would sort
  // first for good, one in 9999 last for good, and occurredAt is what people read (model/eventTime.ts).
  const hlcMs = parseHlc(hlc).ms;
  const badTime =
    eventTimeProblem('hlc', hlcMs, ctx.now) ?? eventTimeProblem('occurredAt', Date.parse(occurredAt), ctx.now);
  if (badTime) return reject(raw, ctx, 'clock-out-of-range', badTime);
  if (!isKnownType(type)) {
    return reject(raw, ctx, 'invalid-event', `unknown event type '${type}' (if the desk is newer, update the server)`);
  }
  if (v > EVENT_VERSIONS[type]) {
    return reject(
      raw,
      ctx,
      'unsupported-version',
      `${type} v${v} is newer than this server knows (v${EVENT_VERSIONS[type]}): this desk is newer than the server; update the server`,
    );
  }

  const parsed = deskEventSchema.safeParse(raw);
  if (!parsed.success) return reject(raw, ctx, 'invalid-event', describeIssues(parsed.error));
  const retired = retiredContent(parsed.data);
  if (retired) return reject(raw, ctx, 'invalid-event', retired);

  if (!isActiveStaff(ctx.directory, staffId)) {
    return reject(raw, ctx, 'unknown-staff', `staff '${staffId}' is not an active member of the staff directory`);
  }
  // Who acted, before what they may do: a privileged decision needs the person's own online sign-in (issue 11).
  const unproven = checkProof(parsed.data, ctx.deviceId, ctx.sessions ?? NO_SESSIONS, {
    now: ctx.now,
    deskClockSkewMs: ctx.deskClockSkewMs,
  });
  if (unproven) return reject(raw, ctx, unproven.code, unproven.message);
  // Roles and named references only; what depends on the contact's state is left to the fold (see authorize.ts).
  const refusal = authorizeEvent(parsed.data, ctx.directory);
  if (refusal) return reject(raw, ctx, refusal.code, refusal.message);

  // Accepted but flagged, never corrected: the event is evidence and the server clock is not touched.
  const skew = ctx.deskClockSkewMs ?? 0;
  const clockAhead = hlcMs - ctx.now > MAX_CLOCK_DRIFT_MS || skew > MAX_CLOCK_DRIFT_MS;
  const clockBehind = skew < -MAX_CLOCK_DRIFT_MS;
  return { ok: true, event: parsed.data, flags: clockAhead ? 'clock-ahead' : clockBehind ? 'clock-behind' : null };
}

/**
 * What the schema still reads, for the events already stored, but no desk may record any more. art. 10–11: the
 * supplement is told once, before acceptance; a pause "for 补正" (case.paused v1's 'supplement') would be a second
 * supplement that also stops the clock, so it is refused whatever version the desk stamps on it.
 */
function retiredContent(event: DeskEvent): string | null {
  if (event.type === 'case.paused' && event.payload.reason === 'supplement') {
    return (
      `case.paused v${event.v} with reason 'supplement' is refused: the supplement is told once, before acceptance ` +
      `(art. 10–11), and never pauses a running case's clock; only hearing, expert review, inspection or testing do`
    );
  }
  return null;
}

/** An eventId already stored: the same content is a replay (null); anything else is refused. */
export function judgeExisting(incoming: DeskEvent, existing: DeskEvent): Rejection | null {
  if (canonicalJson(incoming) === canonicalJson(existing)) return null;
  return {
    eventId: incoming.eventId,
    deviceSeq: incoming.deviceSeq,
    code: 'conflicting-duplicate',
    message: `event ${incoming.eventId} is already stored with different content (device ${existing.deviceId}, deviceSeq ${existing.deviceSeq})`,
  };
}

/** The highest deviceSeq of the pushing device that this batch settles; 0 when none. */
export function settledDeviceSeq(checked: readonly CheckedEvent[]): number {
  let max = 0;
  for (const c of checked) {
    const seq = c.ok ? c.event.deviceSeq : c.countsTowardAck ? c.rejection.deviceSeq : null;
    if (seq !== null && seq > max) max = seq;
  }
  return max;
}
