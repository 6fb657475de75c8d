// Main process: the app-info capability.
import { app } from 'electron';
import { z } from 'zod';
import { appInfoSchema } from '../../../shared/ipc/contract.ts';
import type { CapabilityHandlers } from './capabilities.ts';

export function appHandlers(): Pick<CapabilityHandlers, 'appInfo'> {
  return {
    appInfo: {
      args: z.tuple([]),
      run: async () =>
        appInfoSchema.parse({
          name: app.getName(),
          version: app.getVersion(),
          platform: process.platform,
          shell: 'electron',
        }),
    },
  };
}
