import { MAX_SEQ } from '../../shared/model/seq.ts';
import type { DeskDb } from './db.ts';
import { SyncError } from './transport.ts';

// Whether to believe the server's acknowledgement of a push. An ack is permission to delete records that exist
// nowhere else yet, so the desk takes it only for what it sent and only when it makes sense: an ack ahead of what
// was sent, going backwards or not a number is a fault to show, and the outbox stays as it was.

const KEY = 'pushAck';

interface StoredAck {
  readonly deviceId: string;
  readonly ackedSeq: number;
}

/** The last ack this desk believed, for its current identity (a re-enrolled desk numbers from 1 again). */
export async function readPushAck(db: DeskDb, deviceId: string): Promise<number> {
  const stored = (await db.meta.get(KEY))?.value as StoredAck | undefined;
  return stored?.deviceId === deviceId ? stored.ackedSeq : 0;
}

/** Remember an ack believed; never moves back (another window's push may have been acknowledged further). */
export async function writePushAck(db: DeskDb, deviceId: string, ackedSeq: number): Promise<void> {
  const value: StoredAck = { deviceId, ackedSeq: Math.max(ackedSeq, await readPushAck(db, deviceId)) };
  await db.meta.put({ key: KEY, value });
}

function unbelievable(message: string): SyncError {
  return new SyncError({ kind: 'bad-response', message: `${message}; no record was removed from the outbox` });
}

/**
 * The deviceSeqs of `sent` that `ackedSeq` acknowledges, or a SyncError 'bad-response' when the ack cannot be
 * believed. `previous` is the last ack believed (readPushAck).
 */
export function acknowledgedSeqs(ackedSeq: unknown, sent: readonly number[], previous: number): number[] {
  if (typeof ackedSeq !== 'number' || !Number.isSafeInteger(ackedSeq) || ackedSeq < 0 || ackedSeq > MAX_SEQ) {
    throw unbelievable(`the server acknowledged ${String(ackedSeq)}, which is not a sequence number`);
  }
  const highest = Math.max(0, ...sent);
  if (ackedSeq > highest) {
    throw unbelievable(`the server acknowledged record ${ackedSeq}, but this desk sent only up to ${highest}`);
  }
  // Below what this push carried and below what was acknowledged before. (Below `previous` alone is no fault: a
  // second window may have pushed the same records and had a later ack meanwhile.)
  if (ackedSeq < previous && ackedSeq < Math.min(...sent)) {
    throw unbelievable(`the server's acknowledgement went backwards, from record ${previous} to ${ackedSeq}`);
  }
  return sent.filter((seq) => seq <= ackedSeq);
}
