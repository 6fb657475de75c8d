import { create } from 'zustand';

/** In-memory sync activity of this window (the durable status lives in the desk database). */
interface SyncActivity {
  running: boolean;
  online: boolean;
  setRunning(running: boolean): void;
  setOnline(online: boolean): void;
}

export const useSyncActivity = create<SyncActivity>()((set) => ({
  running: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  setRunning: (running) => set({ running }),
  setOnline: (online) => set({ online }),
}));
