// Main process: the app-info capability, with how the device credentials are really kept (issue 11).
import { app } from 'electron';
import { z } from 'zod';
import { appInfoSchema, type SecretStorage } from '../../../shared/ipc/contract.ts';
import type { CapabilityHandlers } from './capabilities.ts';

export function appHandlers(secretStorage: () => SecretStorage): Pick<CapabilityHandlers, 'appInfo'> {
  return {
    appInfo: {
      args: z.tuple([]),
      run: async () =>
        appInfoSchema.parse({
          name: app.getName(),
          version: app.getVersion(),
          platform: process.platform,
          shell: 'electron',
          secretStorage: secretStorage(),
        }),
    },
  };
}
