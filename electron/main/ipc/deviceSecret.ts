// Main process: the desk's device credentials over the bridge (enrolment, issue 6). The renderer gets back only
// what it saved; the file on disk holds it sealed with safeStorage.
import { z } from 'zod';
import { deviceCredentialsSchema } from '../../../shared/sync/enrolment.ts';
import type { DeviceSecretStore } from '../deviceSecret.ts';
import type { CapabilityHandlers } from './capabilities.ts';

export function deviceSecretHandlers(
  store: DeviceSecretStore,
): Pick<CapabilityHandlers, 'deviceCredentials' | 'setDeviceCredentials'> {
  return {
    deviceCredentials: { args: z.tuple([]), run: () => store.load() },
    setDeviceCredentials: {
      args: z.tuple([deviceCredentialsSchema]),
      run: (credentials) => store.save(credentials),
    },
  };
}
