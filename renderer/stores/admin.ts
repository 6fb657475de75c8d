import { create } from 'zustand';

export type AdminTab = 'catalog' | 'calendar' | 'settings' | 'devices';

/**
 * Which part of the admin screen is open, and the calendar year asked for (the calendar banner opens the
 * year that is missing or awaiting confirmation). `request` counts the asks, so asking again for the same
 * year reopens it. Not persisted.
 */
interface AdminNavState {
  tab: AdminTab;
  year: number | null;
  request: number;
  show(tab: AdminTab, year?: number): void;
}

export const useAdminNav = create<AdminNavState>()((set) => ({
  tab: 'catalog',
  year: null,
  request: 0,
  show: (tab, year) => set((s) => ({ tab, year: year ?? null, request: s.request + 1 })),
}));
