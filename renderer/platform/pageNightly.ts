import type { NightlySyncSchedule, SyncWakeReason } from '../../shared/ipc/contract.ts';
import { nextOccurrence } from '../../shared/rules/nightly.ts';

// The browser build's nightly sync. A web page cannot wake a closed tab nor a sleeping machine, so the bureau's
// nightly time is kept by a timer of the page itself and runs only while the desk is open in a tab (a background
// tab's timer may fire up to a minute late; after sleep, when the machine wakes). A night missed with the tab
// closed is synced when the desk is next opened: the scheduler finds the nightly sync owed at start.

export interface PageNightlyTimer {
  /** Listen for 'nightly' wake-ups; returns the unsubscribe. */
  onWake(listener: (reason: SyncWakeReason) => void): () => void;
  /** Arm (or re-arm) the timer for the next `at`, HH:MM local time. */
  arm(at: string): NightlySyncSchedule;
}

export function pageNightlyTimer(): PageNightlyTimer {
  const listeners = new Set<(reason: SyncWakeReason) => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const arm = (at: string, after: Date): Date => {
    clearTimeout(timer);
    const due = nextOccurrence(at, after);
    timer = setTimeout(
      () => {
        for (const listener of listeners) listener('nightly');
        // Re-arm from the due time: a timer firing a moment early must not fire twice tonight.
        arm(at, new Date(Math.max(Date.now(), due.getTime())));
      },
      Math.max(0, due.getTime() - Date.now()),
    );
    return due;
  };

  return {
    onWake: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    arm: (at) => ({ at, nextAt: arm(at, new Date()).toISOString() }),
  };
}
