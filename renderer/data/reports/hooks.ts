import { useCallback, useEffect, useRef, useState } from 'react';
import type { StaffSession } from '../../../shared/sync/staffAuth.ts';
import type { Platform } from '../../platform/types.ts';
import { useOnlineClient } from '../onlineClient.ts';
import { reportClient, ReportClientError, type ReportClient } from './client.ts';

// The supervision screen's online reads. Nothing is cached: the screen keys the hooks by the session, so a locked
// desk or the next person never sees an earlier answer, and each change of period or grouping asks HQ again. A
// request overtaken by a newer one is aborted and its answer, should it still arrive, is dropped: the table never
// shows last month's figures under this month's heading.

const noCredentials = () => new ReportClientError('unauthenticated', 'this desk holds no credentials');

/** The HQ client for this person's proven session, or the failure that stops it (no credentials on this desk). */
export function useReportClient(platform: Platform, session: StaffSession) {
  return useOnlineClient<ReportClient>(platform, session, reportClient, noCredentials);
}

export interface ReportRead<T> {
  /** HQ's answer for the current key only (never one for an earlier key). */
  readonly data: T | undefined;
  readonly failure: unknown;
  /** A request for the current key (or a reload) is under way. */
  readonly loading: boolean;
  reload(): void;
}

/**
 * One online read, asked when the client is ready and again whenever `key` changes or reload() is called; `key`
 * must say everything the read depends on. null as the key asks nothing (e.g. a closed drill-down).
 */
export function useReportRead<T>(
  client: ReportClient | null,
  read: (client: ReportClient, signal: AbortSignal) => Promise<T>,
  key: string | null,
): ReportRead<T> {
  const [round, setRound] = useState(0);
  const [result, setResult] = useState<{ key: string; round: number; data?: T; failure: unknown } | null>(null);
  const reader = useRef(read);
  useEffect(() => {
    reader.current = read;
  });
  useEffect(() => {
    if (!client || key === null) return;
    const controller = new AbortController();
    reader.current(client, controller.signal).then(
      (data) => !controller.signal.aborted && setResult({ key, round, data, failure: null }),
      // A failed reload keeps what HQ answered before for the same key, with the failure beside it.
      (failure: unknown) =>
        !controller.signal.aborted &&
        setResult((prev) => ({ key, round, data: prev?.key === key ? prev.data : undefined, failure })),
    );
    return () => controller.abort();
  }, [client, key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const mine = key !== null && result?.key === key ? result : null;
  return {
    data: mine?.data,
    failure: mine?.failure ?? null,
    loading: key !== null && (mine === null || mine.round !== round),
    reload,
  };
}
