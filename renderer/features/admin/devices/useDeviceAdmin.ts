import { useCallback, useState } from 'react';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { DeviceSummary, EnrolmentCodeIssued } from '../../../../shared/sync/enrolment.ts';
import { useDesk } from '../../../app/context.tsx';
import { deviceAdminClient, DeviceAdminError, type DeviceAdminClient } from '../../../data/deviceAdmin.ts';

/** A failure as the tab shows it: the server's code (translated) and its own words. */
export interface DeviceAdminFailure {
  readonly code: string;
  readonly message: string;
  /** With 'too-many-attempts': minutes until the server takes this desk's PIN again. */
  readonly minutes?: number;
}

const failureOf = (error: unknown): DeviceAdminFailure =>
  error instanceof DeviceAdminError
    ? { code: error.code, message: error.message, minutes: error.minutes }
    : { code: 'other', message: error instanceof Error ? error.message : String(error) };

/**
 * The Desks tab's state. The admin's PIN is asked again here and kept only while the tab is open: the server
 * checks it on every call, the desk never stores it.
 */
export function useDeviceAdmin(staffId: StaffId) {
  const { platform } = useDesk();
  const [client, setClient] = useState<DeviceAdminClient | null>(null);
  const [devices, setDevices] = useState<DeviceSummary[] | null>(null);
  const [ownDeviceId, setOwnDeviceId] = useState<string | null>(null);
  const [issued, setIssued] = useState<EnrolmentCodeIssued | null>(null);
  const [failure, setFailure] = useState<DeviceAdminFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      setFailure(null);
      return true;
    } catch (error) {
      const f = failureOf(error);
      setFailure(f);
      // A wrong PIN: ask for it again.
      if (f.code === 'admin-unauthenticated') setClient(null);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const unlock = (pin: string) =>
    run(async () => {
      const credentials = await platform.loadDeviceCredentials();
      if (!credentials) throw new DeviceAdminError('unauthenticated', 'this desk holds no credentials');
      const next = deviceAdminClient(await platform.serverUrl(), credentials, { staffId, pin });
      setDevices(await next.listDevices());
      setOwnDeviceId(credentials.deviceId);
      setClient(next);
    });

  const createCode = (label: string) =>
    run(async () => {
      if (!client) return;
      setIssued(await client.createCode(label.trim() || undefined));
      setDevices(await client.listDevices());
    });

  const revoke = (deviceId: string) =>
    run(async () => {
      if (client) setDevices(await client.revoke(deviceId));
    });

  return { unlocked: client !== null, devices, ownDeviceId, issued, failure, busy, unlock, createCode, revoke };
}
