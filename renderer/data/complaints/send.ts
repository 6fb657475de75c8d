import type { DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import type { ComplaintAck, ComplaintIntake } from '../../../shared/sync/complaintApi.ts';
import type { ComplaintOutboxRow, DeskDb } from '../db.ts';
import { SyncError, type SyncTransport } from '../transport.ts';

// Issue 14: hands the complaints taken in at this desk to HQ (POST /complaints, device token only: the clerk may have
// signed in offline) and erases each one on HQ's ack, so the desk keeps nothing of a complaint HQ holds. Nothing the
// clerk typed is ever lost: a row leaves only on an ack naming it; a refusal stays with its reason for a person.

/** One intake to HQ; throws SyncError with the typed failure (offline, refused with a status…), as the transport does. */
export type PostComplaint = (intake: ComplaintIntake) => Promise<ComplaintAck>;

export interface ComplaintSendResult {
  /** Acknowledged by HQ and erased here. */
  readonly sent: number;
  /** Refused by HQ this time: kept with the reason. */
  readonly refused: number;
}

/** How much of HQ's message a row keeps: enough to say why, bounded whatever a server answers. */
const MAX_ERROR = 500;

/** The desk's transport as a PostComplaint for this desk's credentials; undefined when it cannot post complaints. */
export function complaintPoster(transport: SyncTransport, auth: DeviceCredentials): PostComplaint | undefined {
  const post = transport.postComplaint?.bind(transport);
  return post ? (intake) => post(intake, auth) : undefined;
}

// Two windows (or the scheduler and a "sync now") sending the same rows at once: HQ is idempotent by eventId, but one
// send per database at a time keeps the attempt counts honest and spares HQ the double requests.
const running = new WeakMap<DeskDb, Promise<ComplaintSendResult>>();

/**
 * Send every queued complaint, oldest first. Offline, or HQ not knowing this desk (401/403 of the device: the sync
 * status shows it): stop quietly, the rows untouched. HQ refusing one intake (4xx): record why, go on with the next.
 * HQ unwell (5xx, 429) or an answer that is no ack of this intake: record why and stop, for the next cycle.
 */
export function sendComplaintOutbox(db: DeskDb, post: PostComplaint): Promise<ComplaintSendResult> {
  const under = running.get(db);
  if (under) return under;
  const run = sendAll(db, post).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

async function sendAll(db: DeskDb, post: PostComplaint): Promise<ComplaintSendResult> {
  let sent = 0;
  let refused = 0;
  for (const row of await db.complaintOutbox.orderBy('queuedAt').toArray()) {
    let ack: ComplaintAck;
    try {
      ack = await post(intakeOf(row));
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      const verdict = judge(error);
      if (verdict === 'quiet') break;
      await refuse(db, row, describe(error), codeOf(error));
      refused += 1;
      if (verdict === 'stop') break;
      continue;
    }
    // Only an ack of this very intake erases it: anything else may mean HQ does not hold it.
    if (ack.eventId !== row.eventId || ack.complaintId !== row.complaintId) {
      await refuse(db, row, `HQ acknowledged ${ack.complaintId}/${ack.eventId}, not this complaint`);
      refused += 1;
      break;
    }
    await db.complaintOutbox.delete(row.eventId);
    sent += 1;
  }
  return { sent, refused };
}

/** Exactly the wire intake: the contract's schema is strict, so the desk's bookkeeping never goes along. */
function intakeOf(row: ComplaintOutboxRow): ComplaintIntake {
  return { eventId: row.eventId, complaintId: row.complaintId, staffId: row.staffId, payload: row.payload };
}

function judge(error: SyncError): 'quiet' | 'next' | 'stop' {
  const { failure } = error;
  if (failure.kind !== 'server-error' && failure.kind !== 'bad-response') return 'quiet';
  if (failure.kind === 'server-error' && failure.status >= 400 && failure.status < 500 && failure.status !== 429) {
    return 'next';
  }
  return 'stop';
}

function codeOf(error: SyncError): string | undefined {
  return error.failure.kind === 'server-error' ? error.failure.code?.slice(0, 60) : undefined;
}

function describe(error: SyncError): string {
  const { failure } = error;
  const text = failure.kind === 'server-error' ? `HTTP ${failure.status}: ${failure.message}` : error.message;
  return text.slice(0, MAX_ERROR);
}

/** Keeps the row (update never re-creates one another window just erased on its ack) with why HQ did not take it. */
async function refuse(db: DeskDb, row: ComplaintOutboxRow, lastError: string, lastCode?: string): Promise<void> {
  await db.transaction('rw', db.complaintOutbox, async () => {
    const now = await db.complaintOutbox.get(row.eventId);
    if (!now) return;
    // A refusal without a code clears the previous one's, so the words shown always match this message.
    const { lastCode: _previous, ...rest } = now;
    await db.complaintOutbox.put({
      ...rest,
      lastError,
      attempts: now.attempts + 1,
      ...(lastCode ? { lastCode } : {}),
    });
  });
}
