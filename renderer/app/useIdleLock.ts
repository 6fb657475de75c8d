import { useEffect } from 'react';
import { useSettings } from '../data/hooks.ts';
import { useSession } from '../stores/session.ts';
import { useDesk } from './context.tsx';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** A shared desk PC must not stay signed in for whoever walks up next: lock after idle minutes. */
export function useIdleLock(): void {
  const { db } = useDesk();
  const minutes = useSettings(db)?.idleLockMinutes ?? 5;
  const signedIn = useSession((s) => s.staff !== null);
  const lock = useSession((s) => s.lock);
  useEffect(() => {
    if (!signedIn) return;
    let timer = setTimeout(lock, minutes * 60_000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes * 60_000);
    };
    for (const type of ACTIVITY) window.addEventListener(type, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, reset);
    };
  }, [signedIn, minutes, lock]);
}
