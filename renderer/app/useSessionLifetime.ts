import { useEffect } from 'react';
import { useSession } from '../stores/session.ts';
import { useStaffAuth } from './useStaffAuth.ts';

// setTimeout takes at most 2^31-1 ms (~24 days); a longer delay would fire at once. Sessions last 12 hours.
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * A staff session ends with the desk's lock, sign-out or the session's own expiry. When it ends here the server is
 * told at once (best effort: unreachable, the session simply expires there), so a session never outlives its use.
 * At expiry the desk locks: the person signs in again, and gets a new session when the server is reachable.
 */
export function useSessionLifetime(): void {
  const client = useStaffAuth();
  const session = useSession((s) => s.session);
  const lock = useSession((s) => s.lock);

  useEffect(
    () =>
      useSession.subscribe((state, previous) => {
        if (previous.session && previous.session !== state.session) void client.signOut(previous.session);
      }),
    [client],
  );

  useEffect(() => {
    if (!session) return;
    const delay = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(lock, Math.max(0, Math.min(delay, MAX_DELAY_MS)));
    return () => clearTimeout(timer);
  }, [session, lock]);
}
