import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, so "waited 3 h" stays true while the screen is open. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
