import { create } from 'zustand';
import type { SyncSchedule } from '../data/scheduler.ts';
import type { SyncProgress } from '../data/sync.ts';

/** In-memory sync activity of this window (the durable status lives in the desk database). */
interface SyncActivity {
  running: boolean;
  online: boolean;
  /** How far the run under way has pulled; null when no run is under way or it has pulled nothing yet. */
  progress: SyncProgress | null;
  /** The next run and the nightly run, as this window's scheduler planned them. */
  schedule: SyncSchedule;
  setRunning(running: boolean): void;
  setProgress(progress: SyncProgress): void;
  setOnline(online: boolean): void;
  setSchedule(schedule: SyncSchedule): void;
}

export const useSyncActivity = create<SyncActivity>()((set) => ({
  running: false,
  progress: null,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  schedule: {},
  setRunning: (running) => set({ running, progress: null }),
  setProgress: (progress) => set({ progress }),
  setOnline: (online) => set({ online }),
  setSchedule: (schedule) => set({ schedule }),
}));
