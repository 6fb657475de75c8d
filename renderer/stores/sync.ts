import { create } from 'zustand';
import type { SyncSchedule } from '../data/scheduler.ts';

/** In-memory sync activity of this window (the durable status lives in the desk database). */
interface SyncActivity {
  running: boolean;
  online: boolean;
  /** The next run and the nightly run, as this window's scheduler planned them. */
  schedule: SyncSchedule;
  setRunning(running: boolean): void;
  setOnline(online: boolean): void;
  setSchedule(schedule: SyncSchedule): void;
}

export const useSyncActivity = create<SyncActivity>()((set) => ({
  running: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  schedule: {},
  setRunning: (running) => set({ running }),
  setOnline: (online) => set({ online }),
  setSchedule: (schedule) => set({ schedule }),
}));
