import { liveQuery } from 'dexie';
import type { DeskDb } from './db.ts';
import { syncOnce, type SyncResult } from './sync.ts';
import type { SyncTransport } from './transport.ts';

export interface SchedulerOptions {
  readonly db: DeskDb;
  readonly transport: SyncTransport;
  /** Wait after a local write before pushing, so a burst of actions goes in one request. */
  readonly debounceMs?: number;
  /** Periodic pull of other desks' work. */
  readonly intervalMs?: number;
  /** Called when a run starts and ends (for the sync indicator). */
  readonly onRunning?: (running: boolean) => void;
  /** Subscribe to platform wake-ups (Electron: resume from sleep, nightly); returns the unsubscribe. */
  readonly subscribeWake?: (wake: () => void) => () => void;
}

export interface SyncScheduler {
  /** Sync as soon as possible (start-up, "sync now", coming online). */
  syncNow(): Promise<SyncResult | undefined>;
  stop(): void;
}

const LOCK_NAME = 'firstdesk-sync';

/**
 * Runs syncOnce on start, on coming online, after local writes (debounced), periodically and on
 * platform wake-ups. Only one window of a desk syncs at a time (Web Locks); failures back off.
 */
export function startSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const { db, transport, debounceMs = 1500, intervalMs = 60_000 } = options;
  let stopped = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let inFlight: Promise<SyncResult | undefined> | undefined;

  async function runExclusive(): Promise<SyncResult | undefined> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return syncOnce(db, transport);
    return locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => (lock ? syncOnce(db, transport) : undefined));
  }

  function syncNow(): Promise<SyncResult | undefined> {
    if (stopped) return Promise.resolve(undefined);
    if (inFlight) return inFlight;
    clearTimeout(retry);
    options.onRunning?.(true);
    inFlight = runExclusive()
      .then((result) => {
        failures = 0;
        return result;
      })
      .catch(() => {
        // The failure is recorded in the sync status the desk shows; try again with backoff.
        failures += 1;
        const delay = Math.min(5 * 60_000, 5_000 * 2 ** (failures - 1));
        retry = setTimeout(() => void syncNow(), delay);
        return undefined;
      })
      .finally(() => {
        inFlight = undefined;
        options.onRunning?.(false);
      });
    return inFlight;
  }

  function soon(): void {
    clearTimeout(debounce);
    debounce = setTimeout(() => void syncNow(), debounceMs);
  }

  let lastPending = -1;
  const outboxWatch = liveQuery(() => db.outbox.count()).subscribe({
    next: (pending) => {
      if (pending > 0 && pending !== lastPending) soon();
      lastPending = pending;
    },
    error: () => undefined,
  });
  const onOnline = () => void syncNow();
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
  const timer = setInterval(() => void syncNow(), intervalMs);
  const unsubscribeWake = options.subscribeWake?.(() => void syncNow());
  void syncNow();

  return {
    syncNow,
    stop() {
      stopped = true;
      clearTimeout(debounce);
      clearTimeout(retry);
      clearInterval(timer);
      outboxWatch.unsubscribe();
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      unsubscribeWake?.();
    },
  };
}
