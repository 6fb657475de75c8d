// Main process. Tells the desk windows to sync now: when the computer wakes from sleep, every night at the bureau's
// time, and from the tray. The desk is often left hidden in the tray overnight, where its own timers are throttled;
// this timer lives in main and reaches a hidden window all the same.
import { powerMonitor } from 'electron';
import { IPC_CHANNELS, type SyncWakeReason } from '../../shared/ipc/contract.ts';
import { nextOccurrence } from '../../shared/rules/nightly.ts';
import { openDeskWindows } from './window.ts';

export function wakeDeskWindows(reason: SyncWakeReason): void {
  for (const window of openDeskWindows()) window.webContents.send(IPC_CHANNELS.syncWake, reason);
}

export interface NightlyWake {
  /** Re-arm from now with the current time setting (after it changed); returns when it fires next. */
  reschedule(): Date;
}

/** After 'ready'. `nightlySyncAt` is read each time the timer is armed, so a changed time applies from the next run. */
export function startSyncWake(nightlySyncAt: () => string): NightlyWake {
  let timer: NodeJS.Timeout | undefined;
  let due = new Date();

  const arm = (after: Date): Date => {
    clearTimeout(timer);
    due = nextOccurrence(nightlySyncAt(), after);
    timer = setTimeout(() => runNightly(), Math.max(0, due.getTime() - Date.now()));
    return due;
  };
  const runNightly = (): void => {
    wakeDeskWindows('nightly');
    // Arm from the due time, not from now: a timer that fires a moment early must not fire twice tonight.
    arm(new Date(Math.max(Date.now(), due.getTime())));
  };

  powerMonitor.on('resume', () => {
    wakeDeskWindows('resume');
    // Timers stand still while the machine sleeps; re-arm from the real clock. A night slept through is caught by
    // the renderer, which runs the nightly sync on this wake-up or at start when the scheduled time has passed.
    arm(new Date());
  });
  arm(new Date());
  return { reschedule: () => arm(new Date()) };
}
