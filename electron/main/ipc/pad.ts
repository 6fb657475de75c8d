// Main process: the pad:open capability (the desk's 打开评价器).
import { z } from 'zod';
import type { CapabilityHandlers } from './capabilities.ts';

export function padHandlers(open: () => void): Pick<CapabilityHandlers, 'openPad'> {
  return {
    openPad: {
      args: z.tuple([]),
      run: async () => open(),
    },
  };
}
