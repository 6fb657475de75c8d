import { create } from 'zustand';
import type { Staff } from '../../shared/model/reference.ts';

/** Who is signed in at this desk, and whether the desk is locked. Kept in memory only: a reload asks for the PIN. */
interface SessionState {
  staff: Staff | null;
  locked: boolean;
  signIn(staff: Staff): void;
  lock(): void;
  unlock(): void;
  signOut(): void;
}

export const useSession = create<SessionState>()((set) => ({
  staff: null,
  locked: false,
  signIn: (staff) => set({ staff, locked: false }),
  lock: () => set((s) => (s.staff ? { locked: true } : s)),
  unlock: () => set({ locked: false }),
  signOut: () => set({ staff: null, locked: false }),
}));
