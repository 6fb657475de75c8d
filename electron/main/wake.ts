// Main process. Tells the desk windows to sync now: when the computer wakes from sleep, and every night at the
// configured time (the desk is often left minimised overnight; its own timers are throttled then).
import { powerMonitor } from 'electron';
import { IPC_CHANNELS, type SyncWakeReason } from '../../shared/ipc/contract.ts';
import { nextOccurrence } from './pure/schedule.ts';
import { openDeskWindows } from './window.ts';

function wakeDeskWindows(reason: SyncWakeReason): void {
  for (const window of openDeskWindows()) window.webContents.send(IPC_CHANNELS.syncWake, reason);
}

/** After 'ready'. `nightlySyncAt` is read each time the timer is armed, so a changed time applies from the next run. */
export function startSyncWake(nightlySyncAt: () => string): void {
  let timer: NodeJS.Timeout | undefined;
  let due = new Date();

  const arm = (after: Date): void => {
    clearTimeout(timer);
    due = nextOccurrence(nightlySyncAt(), after);
    timer = setTimeout(() => runNightly(), Math.max(0, due.getTime() - Date.now()));
  };
  const runNightly = (): void => {
    wakeDeskWindows('nightly');
    // Arm from the due time, not from now: a timer that fires a moment early must not fire twice tonight.
    arm(new Date(Math.max(Date.now(), due.getTime())));
  };

  powerMonitor.on('resume', () => {
    wakeDeskWindows('resume');
    // Timers stand still while the machine sleeps; re-arm from the real clock. A night slept through is covered by
    // this resume sync.
    arm(new Date());
  });
  arm(new Date());
}
