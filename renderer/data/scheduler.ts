import { liveQuery } from 'dexie';
import type { NightlySyncSchedule, SyncWakeReason } from '../../shared/ipc/contract.ts';
import type { DeskDb } from './db.ts';
import { nightlyOwed, recordNightlyRun } from './nightly.ts';
import { getSettings } from './references.ts';
import { syncOnce, type SyncProgress, type SyncResult } from './sync.ts';
import { SyncError, type SyncTransport } from './transport.ts';

/** Why a run started: the scheduler's own triggers, and the platform's wake-ups. */
export type SyncReason = 'start' | 'write' | 'interval' | 'retry' | SyncWakeReason;

/** What the sync panel shows about the future: the next run, and the nightly run as armed by the platform. */
export interface SyncSchedule {
  readonly nextRunAt?: string;
  readonly nightly?: NightlySyncSchedule;
  /** Why the nightly time could not be handed to the platform (it then only runs when missed, at start). */
  readonly nightlyProblem?: string;
}

export interface SchedulerOptions {
  readonly db: DeskDb;
  readonly transport: SyncTransport;
  /** Wait after a local write before pushing, so a burst of actions goes in one request. */
  readonly debounceMs?: number;
  /** Periodic pull of other desks' work. */
  readonly intervalMs?: number;
  /** Called when a run starts and ends (for the sync indicator). */
  readonly onRunning?: (running: boolean) => void;
  /** Called after each pulled page of a run (for the sync indicator's progress of a long first sync). */
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Subscribe to platform wake-ups (Electron: resume from sleep, nightly, tray); returns the unsubscribe. */
  readonly subscribeWake?: (wake: (reason?: SyncWakeReason) => void) => () => void;
  /** Hand the bureau's nightly time to what wakes the desk at night (Electron main, or the page's own timer). */
  readonly scheduleNightly?: (at: string) => Promise<NightlySyncSchedule>;
  /** Called when the next run or the nightly schedule changes (for the sync panel). */
  readonly onSchedule?: (schedule: SyncSchedule) => void;
}

export interface SyncScheduler {
  /** Sync as soon as possible ("sync now", coming online…); joins a run already under way. */
  syncNow(reason?: SyncReason): Promise<SyncResult | undefined>;
  stop(): void;
}

const LOCK_NAME = 'firstdesk-sync';
const MAX_BACKOFF_MS = 5 * 60_000;

/** 5 s, 10 s, 20 s… after consecutive failures, never more than five minutes. */
export function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, failures - 1));
}

/** How long the server asked this desk to stay away (Retry-After of a 503 or 429), in ms; 0 when it did not. */
export function retryAfterMs(error: unknown): number {
  if (!(error instanceof SyncError) || error.failure.kind !== 'server-error') return 0;
  return (error.failure.retryAfterSeconds ?? 0) * 1000;
}

/**
 * Runs syncOnce on start, on coming online, after local writes (debounced), periodically and on platform
 * wake-ups. Only one window of a desk syncs at a time (Web Locks); failures back off. A run that starts while
 * the nightly sync is owed (its time passed with the machine off or the page closed) is that nightly sync.
 */
export function startSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const { db, transport, debounceMs = 1500, intervalMs = 60_000 } = options;
  let stopped = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let next: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  // Until then the server asked for quiet (Retry-After): no trigger but the clerk's own "sync now" calls it.
  let quietUntil = 0;
  let inFlight: Promise<SyncResult | undefined> | undefined;
  let schedule: SyncSchedule = {};

  const report = (change: Partial<SyncSchedule>): void => {
    schedule = { ...schedule, ...change };
    options.onSchedule?.(schedule);
  };

  function planNext(delayMs: number): void {
    clearTimeout(next);
    if (stopped) return;
    next = setTimeout(() => void syncNow(failures > 0 ? 'retry' : 'interval'), delayMs);
    report({ nextRunAt: new Date(Date.now() + delayMs).toISOString() });
  }

  async function runExclusive(): Promise<SyncResult | undefined> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const once = () => syncOnce(db, transport, { onProgress: options.onProgress });
    if (!locks) return once();
    return locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => (lock ? once() : undefined));
  }

  async function run(reason: SyncReason): Promise<SyncResult | undefined> {
    const nightly = reason === 'nightly' || (await nightlyOwed(db));
    const result = await runExclusive();
    // Another window held the lock (result undefined): that window's run is the one that counts.
    if (result && nightly) await recordNightlyRun(db);
    return result;
  }

  function syncNow(reason: SyncReason = 'manual'): Promise<SyncResult | undefined> {
    if (stopped) return Promise.resolve(undefined);
    const quiet = quietUntil - Date.now();
    if (quiet > 0 && reason !== 'manual' && !inFlight) {
      planNext(quiet); // the run this trigger asked for happens when the quiet is over
      return Promise.resolve(undefined);
    }
    if (inFlight) {
      // The run under way may have started before the nightly time: the nightly one follows it.
      return reason === 'nightly' ? inFlight.then(() => syncNow('nightly')) : inFlight;
    }
    clearTimeout(next);
    options.onRunning?.(true);
    inFlight = run(reason)
      .then((result) => {
        failures = 0;
        quietUntil = 0;
        planNext(intervalMs);
        return result;
      })
      .catch((error: unknown) => {
        // The failure is recorded in the sync status and history the desk shows; try again with backoff, and
        // not before the server said it could take us again (a database down or full answers 503 Retry-After).
        failures += 1;
        const asked = retryAfterMs(error);
        quietUntil = Date.now() + asked;
        planNext(Math.max(backoffMs(failures), asked));
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
    debounce = setTimeout(() => void syncNow('write'), debounceMs);
  }

  let lastPending = -1;
  const outboxWatch = liveQuery(() => db.outbox.count()).subscribe({
    next: (pending) => {
      if (pending > 0 && pending !== lastPending) soon();
      lastPending = pending;
    },
    error: () => undefined,
  });

  // Issue 14: a complaint taken in here goes to HQ at once when online (the run sends it: data/complaints/send.ts).
  let lastComplaints = 0;
  const complaintWatch = liveQuery(() => db.complaintOutbox.count()).subscribe({
    next: (queued) => {
      if (queued > lastComplaints) soon();
      lastComplaints = queued;
    },
    error: () => undefined,
  });

  // The bureau's nightly time arrives with the settings from HQ; each change is handed to the platform.
  let nightlyAt: string | undefined;
  const settingsWatch = liveQuery(() => getSettings(db)).subscribe({
    next: (settings) => {
      const at = settings?.nightlySyncAt;
      if (!at || at === nightlyAt || !options.scheduleNightly) return;
      nightlyAt = at;
      options.scheduleNightly(at).then(
        (nightly) => report({ nightly, nightlyProblem: undefined }),
        (error: unknown) => report({ nightlyProblem: error instanceof Error ? error.message : String(error) }),
      );
    },
    error: () => undefined,
  });

  const onOnline = () => void syncNow('online');
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
  const unsubscribeWake = options.subscribeWake?.((reason) => void syncNow(reason ?? 'resume'));
  void syncNow('start');

  return {
    syncNow,
    stop() {
      stopped = true;
      clearTimeout(debounce);
      clearTimeout(next);
      outboxWatch.unsubscribe();
      complaintWatch.unsubscribe();
      settingsWatch.unsubscribe();
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      unsubscribeWake?.();
    },
  };
}
