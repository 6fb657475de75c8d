// Preload (sandboxed renderer, isolated world). The desk bridge: one function per capability, each a fixed channel.
// Never hand out ipcRenderer or a generic send: the page could then call any channel with anything.
import {
  IPC_CHANNELS,
  appInfoSchema,
  deskConfigSchema,
  nightlySyncScheduleSchema,
  printerSchema,
  printSlipResultSchema,
  syncWakeReasonSchema,
  type DeskApi,
  type NightlySyncRequest,
  type PrintSlipRequest,
} from '../../shared/ipc/contract.ts';
import { deviceCredentialsSchema, type DeviceCredentials } from '../../shared/sync/enrolment.ts';

/** The slice of ipcRenderer the bridge uses; tests pass a fake. */
export interface IpcBridge {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createDeskApi(ipc: IpcBridge): DeskApi {
  const api = {
    appInfo: async () => appInfoSchema.parse(await ipc.invoke(IPC_CHANNELS.appInfo)),
    deskConfig: async () => deskConfigSchema.parse(await ipc.invoke(IPC_CHANNELS.deskConfig)),
    setServerUrl: async (url: string) => deskConfigSchema.parse(await ipc.invoke(IPC_CHANNELS.setServerUrl, url)),
    setNightlySync: async (request: NightlySyncRequest) =>
      nightlySyncScheduleSchema.parse(await ipc.invoke(IPC_CHANNELS.setNightlySync, request)),
    // Main validates the request again; the answers are checked here before the page sees them.
    printSlip: async (request: PrintSlipRequest) =>
      printSlipResultSchema.parse(await ipc.invoke(IPC_CHANNELS.printSlip, request)),
    listPrinters: async () => printerSchema.array().parse(await ipc.invoke(IPC_CHANNELS.listPrinters)),
    deviceCredentials: async () =>
      deviceCredentialsSchema.nullable().parse(await ipc.invoke(IPC_CHANNELS.deviceCredentials)),
    setDeviceCredentials: async (credentials: DeviceCredentials) => {
      await ipc.invoke(IPC_CHANNELS.setDeviceCredentials, credentials);
    },
    openPad: async () => {
      await ipc.invoke(IPC_CHANNELS.openPad);
    },
    onSyncWake: (listener: Parameters<DeskApi['onSyncWake']>[0]) => {
      const relay = (_event: unknown, reason: unknown): void => {
        // Only the reasons the contract names reach the page; anything else is dropped here.
        const parsed = syncWakeReasonSchema.safeParse(reason);
        if (parsed.success) listener(parsed.data);
      };
      ipc.on(IPC_CHANNELS.syncWake, relay);
      return () => {
        ipc.removeListener(IPC_CHANNELS.syncWake, relay);
      };
    },
  } satisfies DeskApi;
  return api;
}
