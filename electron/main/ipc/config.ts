// Main process: reading and changing the desk config over the bridge.
import { z } from 'zod';
import { serverUrlSchema } from '../../../shared/ipc/contract.ts';
import type { DeskConfigStore } from '../config.ts';
import { publicDeskConfig } from '../pure/desk-config.ts';
import type { CapabilityHandlers } from './capabilities.ts';

export function configHandlers(store: DeskConfigStore): Pick<CapabilityHandlers, 'deskConfig' | 'setServerUrl'> {
  return {
    deskConfig: {
      args: z.tuple([]),
      run: async () => publicDeskConfig(store.get()),
    },
    setServerUrl: {
      args: z.tuple([serverUrlSchema]),
      run: async (serverUrl) => publicDeskConfig(await store.setServerUrl(serverUrl)),
    },
  };
}
