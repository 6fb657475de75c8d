import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskDb } from './db.ts';
import { readLastNightlyAt } from './nightly.ts';
import { listRejections, type RejectionEntry } from './rejections.ts';
import { readSyncHistory, type SyncRun } from './syncHistory.ts';

// Live queries for the sync panel: they re-render when a sync (in this window or another) or an acknowledgement
// changes what they read.

export function useRejections(db: DeskDb): RejectionEntry[] | undefined {
  return useLiveQuery(() => listRejections(db), [db]);
}

export function useSyncHistory(db: DeskDb): SyncRun[] | undefined {
  return useLiveQuery(() => readSyncHistory(db), [db]);
}

/** When the last nightly sync completed; null when this desk never had one. */
export function useLastNightlyAt(db: DeskDb): string | null | undefined {
  return useLiveQuery(async () => (await readLastNightlyAt(db)) ?? null, [db]);
}
