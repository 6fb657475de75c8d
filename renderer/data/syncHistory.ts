import type { SyncFailure } from '../../shared/sync/protocol.ts';
import type { DeskDb } from './db.ts';

// The last sync runs of this desk, newest first, so a person can see what happened overnight and since: a small
// ring buffer in meta, written by syncOnce at the end of every run (the outbox and rejected tables hold the rest).

const KEY = 'syncHistory';
export const SYNC_HISTORY_SIZE = 20;

export type SyncRun =
  | {
      readonly ok: true;
      readonly startedAt: string;
      readonly finishedAt: string;
      readonly pushed: number;
      readonly rejected: number;
      readonly pulled: number;
    }
  | { readonly ok: false; readonly startedAt: string; readonly finishedAt: string; readonly failure: SyncFailure };

export async function readSyncHistory(db: DeskDb): Promise<SyncRun[]> {
  return ((await db.meta.get(KEY))?.value as SyncRun[] | undefined) ?? [];
}

/** Append one run, dropping the oldest beyond SYNC_HISTORY_SIZE. */
export async function recordSyncRun(db: DeskDb, run: SyncRun): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    // Read and write in one transaction: two windows finishing at once must not drop each other's run.
    const history = await readSyncHistory(db);
    await db.meta.put({ key: KEY, value: [run, ...history].slice(0, SYNC_HISTORY_SIZE) });
  });
}
