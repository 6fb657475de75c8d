import {
  MAX_REJECTION_MESSAGE,
  SYNC_FORMAT_VERSION,
  type PullPage,
  type PushResponse,
  type SyncFailure,
} from '../../shared/sync/protocol.ts';
import { jsonBytes } from '../../shared/model/eventSize.ts';
import { readPullPage } from '../../shared/sync/pullPage.ts';
import { formatHlc, parseHlc, receiveHlc } from '../../shared/sync/hlc.ts';
import type { DeviceCredentials } from '../../shared/sync/enrolment.ts';
import { readStoredCredentials } from './credentials.ts';
import { complaintPoster, sendComplaintOutbox } from './complaints/send.ts';
import { addToLog, readAggregateLogs } from './aggregateLogs.ts';
import type { DeskDb, StoredEvent } from './db.ts';
import { readDevice, writeDevice } from './device.ts';
import { preloadInitials } from './pinyin.ts';
import { projectionTables, refreshAggregates } from './projections.ts';
import { mergeReferenceDocs } from './references.ts';
import { acknowledgedSeqs, readPushAck, writePushAck } from './pushAck.ts';
import { readPushBatch, type PushCandidate } from './pushBatch.ts';
import { recordSyncRun } from './syncHistory.ts';
import { localIso } from './time.ts';
import { recordUnreadablePulled } from './unreadablePulled.ts';
import { keepRotatedToken, offerIdleToken } from './tokenRotation.ts';
import { SyncError, type SyncTransport } from './transport.ts';

export const PUSH_BATCH = 200;
export const PULL_BATCH = 500;

export interface SyncStatus {
  readonly lastAttemptAt?: string;
  readonly lastSuccessAt?: string;
  readonly lastFailure?: SyncFailure;
}

export interface SyncResult {
  readonly pushed: number;
  readonly rejected: number;
  readonly pulled: number;
}

/** How far a sync's pull has come: shown while a long first sync runs. */
export interface SyncProgress {
  /** The cursor this run started from, and where it is now. */
  readonly fromCursor: number;
  readonly cursor: number;
  /** The server's last seq when it answered the latest page (absent from an older server). */
  readonly headSeq?: number;
  /** Events new to this desk so far in this run. */
  readonly received: number;
}

export interface SyncOptions {
  /** Page sizes (PUSH_BATCH, PULL_BATCH by default). */
  readonly push?: number;
  readonly pull?: number;
  /** Called after each pulled page is stored. */
  readonly onProgress?: (progress: SyncProgress) => void;
}

const CURSOR_KEY = 'pullCursor';
const STATUS_KEY = 'syncStatus';

export async function readCursor(db: DeskDb): Promise<number> {
  return ((await db.meta.get(CURSOR_KEY))?.value as number | undefined) ?? 0;
}

export async function readSyncStatus(db: DeskDb): Promise<SyncStatus> {
  return ((await db.meta.get(STATUS_KEY))?.value as SyncStatus | undefined) ?? {};
}

/**
 * One full sync: push the outbox, then pull until the server has nothing more.
 * The outbox shrinks only on the server's ack; the cursor is saved in the same transaction as the
 * batch it covers. Interrupted anywhere, the next run resumes; replayed, nothing doubles (the server
 * is idempotent by eventId and the desk skips events it already holds).
 */
export async function syncOnce(db: DeskDb, transport: SyncTransport, options: SyncOptions = {}): Promise<SyncResult> {
  const attemptAt = localIso();
  try {
    const pushed = await pushOutbox(db, transport, await credentialsOf(db, transport), options.push ?? PUSH_BATCH);
    // Read again: a push may have rotated the token (tokenRotation.ts), and an idle desk offers its own.
    let auth = await credentialsOf(db, transport);
    if (pushed.pushed + pushed.rejected === 0) auth = await offerIdleToken(db, transport, auth);
    // Issue 14: complaints taken in here go to HQ next, before a long or failing pull can hold them on this desk.
    const postComplaint = complaintPoster(transport, auth);
    if (postComplaint) await sendComplaintOutbox(db, postComplaint);
    const pulled = await pullAll(db, transport, auth, options.pull ?? PULL_BATCH, options.onProgress);
    await db.meta.put({ key: STATUS_KEY, value: { lastAttemptAt: attemptAt, lastSuccessAt: localIso() } });
    await recordSyncRun(db, { ok: true, startedAt: attemptAt, finishedAt: localIso(), ...pushed, pulled });
    return { ...pushed, pulled };
  } catch (error) {
    const failure: SyncFailure =
      error instanceof SyncError ? error.failure : { kind: 'bad-response', message: String(error) };
    const previous = await readSyncStatus(db);
    await db.meta.put({ key: STATUS_KEY, value: { ...previous, lastAttemptAt: attemptAt, lastFailure: failure } });
    await recordSyncRun(db, { ok: false, startedAt: attemptAt, finishedAt: localIso(), failure });
    throw error;
  }
}

/**
 * The credentials this desk syncs with: the transport's own source (Electron: safeStorage) or the desk
 * database's (browser build, tests). No request is made for a desk that is not enrolled, or whose credentials
 * are for another identity than the one its events carry: the server would refuse every call.
 */
async function credentialsOf(db: DeskDb, transport: SyncTransport): Promise<DeviceCredentials> {
  const credentials = transport.credentials ? await transport.credentials() : await readStoredCredentials(db);
  if (!credentials) throw new SyncError({ kind: 'unauthenticated', message: 'this desk is not enrolled yet' });
  const device = await readDevice(db);
  if (credentials.deviceId !== device.deviceId) {
    throw new SyncError({
      kind: 'unauthenticated',
      message: `the stored credentials are for device ${credentials.deviceId}, this desk is ${device.deviceId}`,
    });
  }
  return credentials;
}

async function pushOutbox(
  db: DeskDb,
  transport: SyncTransport,
  auth: DeviceCredentials,
  batchSize: number,
): Promise<{ pushed: number; rejected: number }> {
  let pushed = 0;
  let rejected = 0;
  let limit = batchSize;
  for (;;) {
    const envelope = { deviceId: auth.deviceId, formatVersion: SYNC_FORMAT_VERSION, deskTime: new Date().toISOString() };
    // What is sent, and so all that this push's ack may remove: the next outbox rows whose event is here to send,
    // as many as fit in the server's body limit (pushBatch.ts).
    const sent = await readPushBatch(db, envelope, limit);
    if (sent.length === 0) break;
    const events = sent.map((s) => s.event);
    let response: PushResponse;
    try {
      response = await transport.push({ ...envelope, events }, auth);
    } catch (error) {
      if (!isTooLarge(error)) throw error;
      // A server or proxy with a smaller body limit than ours (an older server): half as many, down to one event;
      // one event refused alone can never be sent as it is, so it is shown instead of retried for ever.
      if (sent.length > 1) limit = Math.floor(sent.length / 2);
      else {
        await refuseTooLarge(db, sent[0]!, error.failure.message);
        rejected += 1;
      }
      continue;
    }
    // Before anything else: a new token is kept, and this loop's next push already uses it.
    auth = await keepRotatedToken(db, transport, auth, response.newToken);
    const sentSeqs = sent.map((s) => s.deviceSeq);
    const sentIds = new Set<string>(events.map((e) => e.eventId));
    // A rejection of something this push did not carry is not this desk's to record.
    const refusals = response.rejected.filter((r) => sentIds.has(r.eventId));
    const acked = await db.transaction('rw', [db.outbox, db.rejected, db.meta], async () => {
      // Only rows sent in this push and acknowledged leave the outbox; an ack beyond them, going backwards or
      // not a number throws here, before anything is deleted (pushAck.ts).
      const seqs = acknowledgedSeqs(response.ackedSeq, sentSeqs, await readPushAck(db, auth.deviceId));
      await db.outbox.bulkDelete(seqs);
      await db.rejected.bulkPut(refusals.map((r) => ({ ...r, at: response.serverTime })));
      await writePushAck(db, auth.deviceId, response.ackedSeq);
      return seqs.length;
    });
    pushed += acked - refusals.length;
    rejected += refusals.length;
    // The server settled less than was sent: it answers for every event of a push, so this is a fault to show.
    if (acked < sent.length) {
      throw new SyncError({
        kind: 'bad-response',
        message: `the server acknowledged records up to ${response.ackedSeq} of the ${sent.length} sent (up to ${Math.max(...sentSeqs)}); the rest stay in the outbox`,
      });
    }
  }
  return { pushed, rejected };
}

function isTooLarge(error: unknown): error is SyncError & { failure: { kind: 'server-error' } } {
  return error instanceof SyncError && error.failure.kind === 'server-error' && error.failure.status === 413;
}

/** The server answered 413 to this one event alone: it leaves the outbox as refused 'too-large', for a person. */
async function refuseTooLarge(db: DeskDb, one: PushCandidate, serverMessage: string): Promise<void> {
  const message = `HTTP 413, ${jsonBytes(one.event)} bytes: ${serverMessage}`.slice(0, MAX_REJECTION_MESSAGE);
  await db.transaction('rw', [db.outbox, db.rejected], async () => {
    await db.outbox.delete(one.deviceSeq);
    await db.rejected.put({
      eventId: one.event.eventId,
      deviceSeq: one.deviceSeq,
      code: 'too-large',
      message,
      // The same clock as the server's refusals (its serverTime), so the list sorts them together.
      at: new Date().toISOString(),
    });
  });
}

async function pullAll(
  db: DeskDb,
  transport: SyncTransport,
  auth: DeviceCredentials,
  batchSize: number,
  onProgress?: (progress: SyncProgress) => void,
): Promise<number> {
  let pulled = 0;
  let cursor = await readCursor(db);
  const fromCursor = cursor;
  let next = transport.pull(cursor, batchSize, auth);
  for (;;) {
    const page = await next;
    const more = page.hasMore && page.nextCursor > cursor;
    // Ask for the next page while this one is written: the server's read and the desk's writes overlap. Should
    // this run stop here, the early answer is dropped (its failure too, hence the catch).
    if (more) {
      next = transport.pull(page.nextCursor, batchSize, auth);
      next.catch(() => undefined);
    }
    pulled += await applyPulled(db, cursor, page);
    onProgress?.({ fromCursor, cursor: page.nextCursor, headSeq: page.headSeq, received: pulled });
    if (!more) break;
    const saved = await readCursor(db);
    // Another window moved the cursor meanwhile: continue from where it really is.
    if (saved !== page.nextCursor) next = transport.pull(saved, batchSize, auth);
    cursor = saved;
  }
  return pulled;
}

/**
 * Apply one pulled page and advance the cursor, atomically. Returns how many events were new here. Items the
 * current schemas cannot read (stored by a server under older rules) are recorded for a person and skipped: the
 * cursor moves past them, so they never stop this desk's sync (shared/sync/pullPage.ts).
 */
export async function applyPulled(db: DeskDb, expectedCursor: number, received: PullPage): Promise<number> {
  const page = readPullPage(received);
  await preloadInitials();
  return db.transaction('rw', [db.events, db.meta, ...projectionTables(db)], async () => {
    // Another window may have applied this page meanwhile: never apply a page twice.
    if ((await readCursor(db)) !== expectedCursor) return 0;
    // Read before writing, all at once: what this desk already holds of every aggregate the page touches tells
    // both which of the page's events are known here and what the projections must re-fold. (An eventId is a ULID
    // minted once, always with the same aggregate, so a known event is in that aggregate's log.)
    const logs = await readAggregateLogs(db, page.events.map((p) => p.event));
    const known = new Map([...logs.values()].flat().map((row) => [row.eventId, row]));
    const fresh: StoredEvent[] = [];
    const located: StoredEvent[] = [];
    const device = await readDevice(db);
    let clock = parseHlc(device.hlc);
    const now = Date.now();
    for (const pulled of page.events) {
      const stored = known.get(pulled.event.eventId);
      if (stored) {
        // Our own event coming back: it learns where the server put it.
        if (stored.serverSeq === undefined) {
          located.push({ ...stored, serverSeq: pulled.seq, receivedAt: pulled.receivedAt });
        }
        continue;
      }
      const row: StoredEvent = {
        eventId: pulled.event.eventId,
        aggregate: pulled.event.aggregate,
        aggregateId: pulled.event.aggregateId,
        event: pulled.event,
        serverSeq: pulled.seq,
        receivedAt: pulled.receivedAt,
      };
      known.set(row.eventId, row);
      fresh.push(row);
      addToLog(logs, row);
      clock = receiveHlc(clock, parseHlc(pulled.event.hlc), now).clock;
    }
    if (located.length) await db.events.bulkPut(located);
    if (fresh.length) await db.events.bulkAdd(fresh);
    await mergeReferenceDocs(db, page.references.map((r) => r.doc));
    await refreshAggregates(db, fresh, logs);
    await writeDevice(db, { ...device, hlc: formatHlc(clock) });
    await recordUnreadablePulled(db, page.unreadable);
    await db.meta.put({ key: CURSOR_KEY, value: page.nextCursor });
    return fresh.length;
  });
}
