// Main process: the renderer hands over the bureau's nightly sync time (from the settings it pulled from HQ); main
// keeps it in the desk config, so the timer is armed at the next start before any page has loaded, and re-arms it.
import { z } from 'zod';
import { nightlySyncRequestSchema, nightlySyncScheduleSchema } from '../../../shared/ipc/contract.ts';
import type { DeskConfigStore } from '../config.ts';
import type { NightlyWake } from '../wake.ts';
import type { CapabilityHandlers } from './capabilities.ts';

export function nightlyHandlers(store: DeskConfigStore, wake: NightlyWake): Pick<CapabilityHandlers, 'setNightlySync'> {
  return {
    setNightlySync: {
      args: z.tuple([nightlySyncRequestSchema]),
      run: async ({ at }) => {
        // Every start reports the time again: write the file only when it changed.
        if (store.get().nightlySyncAt !== at) await store.setNightlySyncAt(at);
        const nextAt = wake.reschedule();
        return nightlySyncScheduleSchema.parse({ at: store.get().nightlySyncAt, nextAt: nextAt.toISOString() });
      },
    },
  };
}
