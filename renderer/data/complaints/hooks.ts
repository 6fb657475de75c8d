import { useCallback, useEffect, useRef, useState } from 'react';
import type { StaffSession } from '../../../shared/sync/staffAuth.ts';
import type { Platform } from '../../platform/types.ts';
import { useOnlineClient } from '../onlineClient.ts';
import { complaintClient, ComplaintClientError, type ComplaintClient } from './client.ts';

// The complaint screens' online reads. Nothing is cached across sessions: each hook is mounted per session (the
// screen keys it) and asks HQ again on reload(), so a locked desk or the next person never sees an earlier answer.

const noCredentials = () => new ComplaintClientError('unauthenticated', 'this desk holds no credentials');

/** The HQ client for this person's proven session, or the failure that stops it (no credentials on this desk). */
export function useComplaintClient(platform: Platform, session: StaffSession) {
  return useOnlineClient<ComplaintClient>(platform, session, complaintClient, noCredentials);
}

export interface HqRead<T> {
  readonly data: T | undefined;
  readonly failure: unknown;
  readonly loading: boolean;
  /** Ask HQ again (after an act, or when the clerk presses 刷新). */
  reload(): void;
}

/** One online read: asked when the client is ready and whenever `key` changes or reload() is called. */
export function useHqRead<T>(
  client: ComplaintClient | null,
  read: (client: ComplaintClient) => Promise<T>,
  key: string,
): HqRead<T> {
  const [round, setRound] = useState(0);
  const [result, setResult] = useState<{ key: string; round: number; data?: T; failure: unknown } | null>(null);
  // `read` is a new closure each render; `key` says when it asks for something else.
  const reader = useRef(read);
  useEffect(() => {
    reader.current = read;
  });
  useEffect(() => {
    if (!client) return;
    let current = true;
    reader.current(client).then(
      (data) => current && setResult({ key, round, data, failure: null }),
      // A failed refresh keeps what HQ answered before for the same key, with the failure beside it.
      (failure: unknown) =>
        current && setResult((prev) => ({ key, round, data: prev?.key === key ? prev.data : undefined, failure })),
    );
    return () => {
      current = false;
    };
  }, [client, key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  // An answer for another key (the drawer moved on to another complaint) is never shown.
  const mine = result?.key === key ? result : null;
  return { data: mine?.data, failure: mine?.failure ?? null, loading: mine?.round !== round, reload };
}
