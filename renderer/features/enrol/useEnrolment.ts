import { useCallback, useEffect, useState } from 'react';
import { useDesk } from '../../app/context.tsx';
import { isEnrolledWith } from '../../data/credentials.ts';

export type EnrolmentState = 'checking' | 'enrolled' | 'not-enrolled';

/** Whether this desk holds credentials for its own identity; `enrolled()` is called once enrolment succeeded. */
export function useEnrolment(): { state: EnrolmentState; enrolled(): void } {
  const { db, platform, sync } = useDesk();
  const [state, setState] = useState<EnrolmentState>('checking');
  useEffect(() => {
    let cancelled = false;
    platform
      .loadDeviceCredentials()
      .then((credentials) => isEnrolledWith(db, credentials))
      // A secret that cannot be read is no enrolment: the desk asks for a code rather than failing to start.
      .catch(() => false)
      .then((enrolled) => {
        if (!cancelled) setState(enrolled ? 'enrolled' : 'not-enrolled');
      });
    return () => {
      cancelled = true;
    };
  }, [db, platform]);
  const enrolled = useCallback(() => {
    setState('enrolled');
    // The scheduler has been failing with 'unauthenticated' (and backing off) until now: sync at once. A run
    // already in flight started before the credentials existed and fails; then run once more.
    void sync.syncNow().then((result) => result ?? sync.syncNow());
  }, [sync]);
  return { state, enrolled };
}
