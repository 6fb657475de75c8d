// Main process types: one handler per request/response capability of the desk bridge, checked against DeskApi so a
// capability added to the contract cannot be forgotten here.
import type { z } from 'zod';
import type { DeskApi } from '../../../shared/ipc/contract.ts';

/** Every DeskApi function the renderer calls and main answers (onSyncWake goes the other way). */
export type InvokeCapability = Exclude<keyof DeskApi, 'onSyncWake'>;

export interface Capability<K extends InvokeCapability> {
  /** The arguments as a tuple; whatever the renderer sends is parsed with it before `run` sees it. */
  args: z.ZodType<Parameters<DeskApi[K]>>;
  run(...args: Parameters<DeskApi[K]>): ReturnType<DeskApi[K]>;
}

export type CapabilityHandlers = { [K in InvokeCapability]: Capability<K> };
