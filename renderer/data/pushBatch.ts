import { jsonBytes } from '../../shared/model/eventSize.ts';
import type { DeskEvent } from '../../shared/model/events.ts';
import { MAX_PUSH_BYTES, type PushRequest } from '../../shared/sync/protocol.ts';
import type { DeskDb } from './db.ts';

// What one push carries: the outbox's next events, in order, as many as fit in MAX_PUSH_BYTES of JSON (the server's
// body limit for /sync/push) and always at least one. Counting events alone let a run of big slip events make a
// body the server refused with 413 on every retry, and the desk never emptied its outbox (issue 10).

export type PushEnvelope = Omit<PushRequest, 'events'>;

export interface PushCandidate {
  readonly deviceSeq: number;
  readonly event: DeskEvent;
}

/** Events read from IndexedDB at a time while filling a push: big events are not read beyond what fits. */
const READ_CHUNK = 25;

/**
 * A running total of the push body, `JSON.stringify({...envelope, events})` in UTF-8 bytes: `admit(event)` says
 * whether the event still fits within `maxBytes` (and counts it), always yes for the first.
 */
export function pushBudget(envelope: PushEnvelope, maxBytes: number = MAX_PUSH_BYTES) {
  // `"events":[]` comes last, as the request is built: each event adds its JSON and, after the first, a comma.
  let bytes = jsonBytes({ ...envelope, events: [] });
  let count = 0;
  return {
    admit(event: unknown): boolean {
      const next = bytes + jsonBytes(event) + (count > 0 ? 1 : 0);
      if (count > 0 && next > maxBytes) return false;
      bytes = next;
      count += 1;
      return true;
    },
    get bytes() {
      return bytes;
    },
  };
}

/**
 * The next push: at most `limit` outbox rows in deviceSeq order whose event this desk holds, as many as fit in
 * `maxBytes`, at least one. Its rows are all that the push's acknowledgement may remove.
 */
export async function readPushBatch(
  db: DeskDb,
  envelope: PushEnvelope,
  limit: number,
  maxBytes: number = MAX_PUSH_BYTES,
): Promise<PushCandidate[]> {
  const rows = await db.outbox.orderBy('deviceSeq').limit(limit).toArray();
  const budget = pushBudget(envelope, maxBytes);
  const taken: PushCandidate[] = [];
  for (let start = 0; start < rows.length; start += READ_CHUNK) {
    const chunk = rows.slice(start, start + READ_CHUNK);
    const stored = await db.events.bulkGet(chunk.map((row) => row.eventId));
    for (const [i, row] of chunk.entries()) {
      const event = stored[i]?.event;
      if (!event) continue;
      if (!budget.admit(event)) return taken;
      taken.push({ deviceSeq: row.deviceSeq, event });
    }
  }
  return taken;
}
