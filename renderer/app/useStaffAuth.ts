import { useMemo } from 'react';
import { staffAuthClient, type StaffAuthClient } from '../data/staffAuth.ts';
import { useDesk } from './context.tsx';

/** The HQ server's sign-in for this desk, with the desk's own credentials (read at each call: tokens rotate). */
export function useStaffAuth(): StaffAuthClient {
  const { platform } = useDesk();
  return useMemo(
    () =>
      staffAuthClient({ serverUrl: () => platform.serverUrl(), credentials: () => platform.loadDeviceCredentials() }),
    [platform],
  );
}
