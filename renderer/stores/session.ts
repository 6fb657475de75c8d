import { useMemo } from 'react';
import { create } from 'zustand';
import type { Staff } from '../../shared/model/reference.ts';
import type { StaffSession } from '../../shared/sync/staffAuth.ts';
import type { SessionAuthor } from '../data/author.ts';

/**
 * Who is signed in at this desk, whether the desk is locked, and the staff session the HQ server granted when
 * the person signed in online (null when they signed in offline). Kept in memory only: a reload asks again.
 * Locking or signing out drops the session; unlocking is a new sign-in (online → a new session).
 */
interface SessionState {
  staff: Staff | null;
  session: StaffSession | null;
  locked: boolean;
  signIn(staff: Staff, session: StaffSession | null): void;
  lock(): void;
  unlock(session: StaffSession | null): void;
  signOut(): void;
}

export const useSession = create<SessionState>()((set) => ({
  staff: null,
  session: null,
  locked: false,
  signIn: (staff, session) => set({ staff, session: session?.staffId === staff.id ? session : null, locked: false }),
  lock: () => set((s) => (s.staff ? { locked: true, session: null } : s)),
  unlock: (session) =>
    set((s) => (s.staff ? { locked: false, session: session?.staffId === s.staff.id ? session : null } : s)),
  signOut: () => set({ staff: null, session: null, locked: false }),
}));

/** The author an operation receives for this person: with their live session when they signed in online. */
export function useAuthor(staff: Staff): SessionAuthor {
  const session = useSession((s) => s.session);
  return useMemo(
    () => ({ staffId: staff.id, session: session?.staffId === staff.id ? session : null }),
    [staff.id, session],
  );
}

/** Whether this person may take a privileged decision now: a server-verified session that has not expired. */
export function useProvenSession(staff: Staff): boolean {
  const session = useSession((s) => s.session);
  // The session store drops a session when it expires (app/useSessionLifetime.ts), so no clock is read here.
  return session !== null && session.staffId === staff.id;
}
