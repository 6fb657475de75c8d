import { z } from 'zod';

/**
 * The desktop bridge: one function per capability, exposed by electron/preload as `window.desk`.
 * Main validates every argument with these schemas and refuses calls from frames it did not create.
 * Later capabilities (printing slips, listing printers, archiving PDFs, device secrets) join this map.
 */
export const IPC_CHANNELS = {
  appInfo: 'desk:app-info',
  deskConfig: 'desk:config',
  setServerUrl: 'desk:set-server-url',
  syncWake: 'desk:sync-wake',
} as const;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  shell: z.enum(['electron', 'browser']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const serverUrlSchema = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) address');

export const deskConfigSchema = z.object({ serverUrl: serverUrlSchema });
export type DeskConfig = z.infer<typeof deskConfigSchema>;

/** Why main asks the renderer to sync now. */
export const syncWakeReasonSchema = z.enum(['nightly', 'resume', 'online']);
export type SyncWakeReason = z.infer<typeof syncWakeReasonSchema>;

export interface DeskApi {
  appInfo(): Promise<AppInfo>;
  deskConfig(): Promise<DeskConfig>;
  setServerUrl(url: string): Promise<DeskConfig>;
  /** Subscribe to wake-ups from main (nightly timer, resume from sleep); returns the unsubscribe. */
  onSyncWake(listener: (reason: SyncWakeReason) => void): () => void;
}
