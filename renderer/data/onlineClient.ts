import { useEffect, useState } from 'react';
import type { DeviceCredentials } from '../../shared/sync/enrolment.ts';
import type { StaffSession } from '../../shared/sync/staffAuth.ts';
import type { Platform } from '../platform/types.ts';

// An online screen's HQ client (督查报表, 投诉): this desk's credentials, the person's proven session and the server's
// URL, made into the client its calls go through — once per platform and session, so a locked desk or the next
// person gets a new client, never the last one's.

/** How a screen's client is made (reportClient, complaintClient). */
export type MakeOnlineClient<C> = (serverUrl: string, desk: DeviceCredentials, session: StaffSession) => C;

/**
 * The HQ client for this person's proven session, or the failure that stops it: `noCredentials()` when this desk
 * holds none (an error of the screen's own client class, so the screen words it as it does HQ's refusals), or
 * whatever reading the credentials or the server URL threw. An answer arriving after unmount or a change of
 * session is dropped. `make` and `noCredentials` must keep their identity (module-level functions).
 */
export function useOnlineClient<C>(
  platform: Platform,
  session: StaffSession,
  make: MakeOnlineClient<C>,
  noCredentials: () => Error,
): { client: C | null; failure: unknown } {
  const [client, setClient] = useState<C | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    const open = async () => {
      const credentials = await platform.loadDeviceCredentials();
      if (!credentials) throw noCredentials();
      return make(await platform.serverUrl(), credentials, session);
    };
    open().then(
      // As a value, never an updater: a client that is itself a function must not be called by setState.
      (next) => current && setClient(() => next),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [platform, session, make, noCredentials]);
  return { client, failure };
}
