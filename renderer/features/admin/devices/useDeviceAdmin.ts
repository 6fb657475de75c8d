import { useCallback, useEffect, useState } from 'react';
import type { DeviceSummary, EnrolmentCodeIssued } from '../../../../shared/sync/enrolment.ts';
import type { StaffSession } from '../../../../shared/sync/staffAuth.ts';
import { useDesk } from '../../../app/context.tsx';
import { deviceAdminClient, DeviceAdminError, type DeviceAdminClient } from '../../../data/deviceAdmin.ts';
import { failureOf, type DeviceAdminFailure } from './deviceAdminErrors.ts';

/**
 * The Desks tab's state. Every call carries the admin's staff session (granted when they signed in online on this
 * desk); DevicesTab shows it only while there is one.
 */
export function useDeviceAdmin(session: StaffSession) {
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
      setFailure(failureOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  // Mounted per session (DevicesTab keys it), so nothing of another session's answers is ever shown.
  useEffect(() => {
    let current = true;
    const open = async () => {
      const credentials = await platform.loadDeviceCredentials();
      if (!credentials) throw new DeviceAdminError('unauthenticated', 'this desk holds no credentials');
      const next = deviceAdminClient(await platform.serverUrl(), credentials, session);
      return { next, listed: await next.listDevices(), deviceId: credentials.deviceId };
    };
    open().then(
      ({ next, listed, deviceId }) => {
        if (!current) return;
        setOwnDeviceId(deviceId);
        setDevices(listed);
        setClient(next);
      },
      (error: unknown) => current && setFailure(failureOf(error)),
    );
    return () => {
      current = false;
    };
  }, [session, platform]);

  // Rejects with the server's error instead of showing it in the tab's banner: the code form (useDeskForm) says
  // it, and keeps the label typed.
  const createCode = async (label: string) => {
    if (!client) return;
    setBusy(true);
    try {
      setIssued(await client.createCode(label.trim() || undefined));
      setDevices(await client.listDevices());
      setFailure(null);
    } finally {
      setBusy(false);
    }
  };

  const revoke = (deviceId: string) =>
    run(async () => {
      if (client) setDevices(await client.revoke(deviceId));
    });

  return { ready: client !== null, devices, ownDeviceId, issued, failure, busy, createCode, revoke };
}
