import { SYNC_FORMAT_VERSION, type PullResponse, type SyncFailure } from '../../shared/sync/protocol.ts';
import { formatHlc, parseHlc, receiveHlc } from '../../shared/sync/hlc.ts';
import type { DeskDb } from './db.ts';
import { readDevice, writeDevice } from './device.ts';
import { preloadInitials } from './pinyin.ts';
import { projectionTables, refreshAggregates } from './projections.ts';
import { mergeReferenceDocs } from './references.ts';
import { localIso } from './time.ts';
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

export interface SyncBatches {
  readonly push?: number;
  readonly pull?: number;
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
export async function syncOnce(db: DeskDb, transport: SyncTransport, batches: SyncBatches = {}): Promise<SyncResult> {
  const attemptAt = localIso();
  try {
    const pushed = await pushOutbox(db, transport, batches.push ?? PUSH_BATCH);
    const pulled = await pullAll(db, transport, batches.pull ?? PULL_BATCH);
    await db.meta.put({ key: STATUS_KEY, value: { lastAttemptAt: attemptAt, lastSuccessAt: localIso() } });
    return { ...pushed, pulled };
  } catch (error) {
    const failure: SyncFailure =
      error instanceof SyncError ? error.failure : { kind: 'bad-response', message: String(error) };
    const previous = await readSyncStatus(db);
    await db.meta.put({ key: STATUS_KEY, value: { ...previous, lastAttemptAt: attemptAt, lastFailure: failure } });
    throw error;
  }
}

async function pushOutbox(
  db: DeskDb,
  transport: SyncTransport,
  batchSize: number,
): Promise<{ pushed: number; rejected: number }> {
  let pushed = 0;
  let rejected = 0;
  for (;;) {
    const batch = await db.outbox.orderBy('deviceSeq').limit(batchSize).toArray();
    if (batch.length === 0) break;
    const stored = await db.events.bulkGet(batch.map((b) => b.eventId));
    const events = stored.flatMap((s) => (s ? [s.event] : []));
    const device = await readDevice(db);
    const response = await transport.push({ deviceId: device.deviceId, formatVersion: SYNC_FORMAT_VERSION, events });
    await db.transaction('rw', [db.outbox, db.rejected], async () => {
      // Only what the server acknowledged leaves the outbox; rejected events go to a person.
      await db.outbox.where('deviceSeq').belowOrEqual(response.ackedSeq).delete();
      await db.rejected.bulkPut(response.rejected.map((r) => ({ ...r, at: response.serverTime })));
    });
    pushed += events.length - response.rejected.length;
    rejected += response.rejected.length;
    const last = batch[batch.length - 1];
    // The server settled less than we sent (should not happen): stop rather than loop forever.
    if (!last || response.ackedSeq < last.deviceSeq) break;
  }
  return { pushed, rejected };
}

async function pullAll(db: DeskDb, transport: SyncTransport, batchSize: number): Promise<number> {
  let pulled = 0;
  for (;;) {
    const cursor = await readCursor(db);
    const page = await transport.pull(cursor, batchSize);
    pulled += await applyPulled(db, cursor, page);
    if (!page.hasMore || page.nextCursor <= cursor) break;
  }
  return pulled;
}

/** Apply one pulled page and advance the cursor, atomically. Returns how many events were new here. */
export async function applyPulled(db: DeskDb, expectedCursor: number, page: PullResponse): Promise<number> {
  await preloadInitials();
  return db.transaction('rw', [db.events, db.meta, ...projectionTables(db)], async () => {
    // Another window may have applied this page meanwhile: never apply a page twice.
    if ((await readCursor(db)) !== expectedCursor) return 0;
    const existing = await db.events.bulkGet(page.events.map((p) => p.event.eventId));
    const fresh = [];
    const touched: { aggregate: string; aggregateId: string }[] = [];
    const device = await readDevice(db);
    let clock = parseHlc(device.hlc);
    const now = Date.now();
    for (const [i, pulled] of page.events.entries()) {
      const known = existing[i];
      if (known) {
        if (known.serverSeq === undefined) await db.events.update(known.eventId, { serverSeq: pulled.seq, receivedAt: pulled.receivedAt });
        continue;
      }
      fresh.push({ eventId: pulled.event.eventId, aggregate: pulled.event.aggregate, aggregateId: pulled.event.aggregateId, event: pulled.event, serverSeq: pulled.seq, receivedAt: pulled.receivedAt });
      touched.push(pulled.event);
      clock = receiveHlc(clock, parseHlc(pulled.event.hlc), now).clock;
    }
    if (fresh.length) await db.events.bulkAdd(fresh);
    await mergeReferenceDocs(db, page.references.map((r) => r.doc));
    await refreshAggregates(db, touched);
    await writeDevice(db, { ...device, hlc: formatHlc(clock) });
    await db.meta.put({ key: CURSOR_KEY, value: page.nextCursor });
    return fresh.length;
  });
}
