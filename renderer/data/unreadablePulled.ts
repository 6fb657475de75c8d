import { useLiveQuery } from 'dexie-react-hooks';
import type { UnreadableItem } from '../../shared/sync/pullPage.ts';
import type { DeskDb } from './db.ts';
import { localIso } from './time.ts';

// Pulled items this desk could not read (shared/sync/pullPage.ts): stored by a server under older, looser rules.
// The cursor moves past them so sync goes on, and they are kept here — how many in all, and the latest in detail —
// for the sync panel to show a person, who can ask HQ to repair them. A small record in meta: a desk meets such
// items rarely, and a hostile server must not fill the desk with them, hence the cap.

const KEY = 'unreadablePulled';
export const UNREADABLE_KEPT = 100;

export interface UnreadableEntry extends UnreadableItem {
  /** When this desk met it (local time). */
  readonly at: string;
}

export interface UnreadableRecord {
  /** Every unreadable item this desk has skipped. */
  readonly count: number;
  /** The latest UNREADABLE_KEPT of them, newest first. */
  readonly entries: readonly UnreadableEntry[];
}

const EMPTY: UnreadableRecord = { count: 0, entries: [] };

export async function readUnreadablePulled(db: DeskDb): Promise<UnreadableRecord> {
  return ((await db.meta.get(KEY))?.value as UnreadableRecord | undefined) ?? EMPTY;
}

/** Record items skipped; call inside the transaction that moves the cursor past them. */
export async function recordUnreadablePulled(
  db: DeskDb,
  items: readonly UnreadableItem[],
  at: Date = new Date(),
): Promise<void> {
  if (items.length === 0) return;
  const previous = await readUnreadablePulled(db);
  const stamped = items.map((item) => ({ ...item, at: localIso(at) })).reverse();
  const value: UnreadableRecord = {
    count: previous.count + items.length,
    entries: [...stamped, ...previous.entries].slice(0, UNREADABLE_KEPT),
  };
  await db.meta.put({ key: KEY, value });
}

/** For the sync panel: re-renders when a sync records more. */
export function useUnreadablePulled(db: DeskDb): UnreadableRecord | undefined {
  return useLiveQuery(() => readUnreadablePulled(db), [db]);
}
