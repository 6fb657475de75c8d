import type { DeskEvent } from '../../../shared/model/events.ts';
import { MAX_CLOCK_DRIFT_MS } from '../../../shared/sync/hlc.ts';
import type { RejectionCode } from '../../../shared/sync/protocol.ts';
import { computeProofMac, isPrivilegedEventType, macEquals, sessionIdSchema } from '../../../shared/sync/staffAuth.ts';
import type { StaffSessionRecord } from '../storage/staffSessions.ts';

// Who acted, proven (issue 11; docs/AUTHORSHIP.md). A proof names a staff session the server opened when the person
// signed in online with their own secret, on one desk; its MAC, keyed with that session's key, covers the whole
// event as stored. Pure: the caller loads the sessions the batch names (http/push.ts).

export interface ProofRefusal {
  readonly code: Extract<RejectionCode, 'invalid-proof' | 'proof-required'>;
  readonly message: string;
}

const invalid = (why: string): ProofRefusal => ({
  code: 'invalid-proof',
  message: `the proof of who acted is not valid: ${why}. 本人登录验证无效，请本人联网登录后重新办理。`,
});

/**
 * null when the event may be stored: its proof verifies, or it has none and is not a privileged decision (then it
 * is 'attested', the desk's word). A proof that does not verify is refused, never stored without it.
 */
export function checkProof(
  event: DeskEvent,
  pushingDeviceId: string,
  sessions: ReadonlyMap<string, StaffSessionRecord>,
  /** When the server received the push (its own clock), and the desk's clock minus the server's then. */
  received: { readonly now: number; readonly deskClockSkewMs?: number } = { now: Date.now() },
): ProofRefusal | null {
  const { proof } = event;
  if (!proof) {
    if (!isPrivilegedEventType(event.type)) return null;
    return {
      code: 'proof-required',
      message: `${event.type} is a decision reserved to leaders, supervisors or administrators: it must be taken online, with ${event.staffId}'s own sign-in checked by the server. 此决定须联网并由本人登录验证后作出。`,
    };
  }
  const session = sessions.get(proof.sessionId);
  if (!session) return invalid('no such staff session');
  if (session.deviceId !== pushingDeviceId) return invalid('the session was opened on another desk');
  if (session.staffId !== event.staffId) return invalid(`the session is not ${event.staffId}'s`);
  const end = Math.min(session.expiresAt, session.endedAt ?? Infinity);
  // Judged on the server's clock, never on the event's HLC: a desk whose clock is off (an hour, a wrong time zone)
  // must not lose its signed work, and another desk's event dated ahead must not push a leader's decision on the
  // same contact (its HLC follows that event) outside the leader's session. A push that arrives while the session
  // is live was signed by whoever held its key during it; one that arrives later (the desk went offline) is dated
  // by the desk's wall clock when it acted, corrected by how far that clock was off when it pushed.
  const live = received.now >= session.createdAt && received.now < end;
  if (!live) {
    const at = Date.parse(event.occurredAt) - (received.deskClockSkewMs ?? 0);
    if (at < session.createdAt - MAX_CLOCK_DRIFT_MS) return invalid('the event is dated before the sign-in');
    const ended = session.endedAt !== null && session.endedAt < session.expiresAt;
    if (at > end + MAX_CLOCK_DRIFT_MS) {
      return invalid(ended ? 'the event is dated after the sign-out' : 'the event is dated after the session expired');
    }
  }
  if (!macEquals(computeProofMac(session.key, event), proof.mac)) {
    return invalid('the event differs from what was signed');
  }
  return null;
}

/** The session ids a batch's proofs name, read from the raw events (before each is parsed), for one lookup. */
export function sessionIdsNamed(rawEvents: readonly unknown[]): string[] {
  const ids = new Set<string>();
  for (const raw of rawEvents) {
    const proof = typeof raw === 'object' && raw !== null ? (raw as { proof?: unknown }).proof : undefined;
    const id = typeof proof === 'object' && proof !== null ? (proof as { sessionId?: unknown }).sessionId : undefined;
    // Only what could name a session is looked up; the event's own check refuses the rest.
    if (sessionIdSchema.safeParse(id).success) ids.add(id as string);
  }
  return [...ids];
}
