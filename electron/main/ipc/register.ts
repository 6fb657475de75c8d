// Main process. Wires each capability to its channel. Every call is checked twice before its handler runs: who is
// calling (the top frame of one of our windows, showing app://desk) and what it sent (the capability's zod tuple).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../../../shared/ipc/contract.ts';
import { describeArgumentIssues } from '../pure/issues.ts';
import { isTrustedSender, type SenderFacts } from '../pure/sender.ts';
import type { Capability, CapabilityHandlers, InvokeCapability } from './capabilities.ts';

function senderFacts(event: IpcMainInvokeEvent): SenderFacts | null {
  const frame = event.senderFrame;
  if (frame === null || frame.isDestroyed()) return null;
  return { frameUrl: frame.url, isMainFrame: frame.parent === null, webContentsId: event.sender.id };
}

function handleCapability<K extends InvokeCapability>(
  key: K,
  capability: Capability<K>,
  knownWebContentsIds: () => ReadonlySet<number>,
): void {
  const channel = IPC_CHANNELS[key];
  ipcMain.handle(channel, async (event, ...raw: unknown[]) => {
    if (!isTrustedSender(senderFacts(event), knownWebContentsIds())) {
      throw new Error(`${channel}: refused, the caller is not a FirstDesk window`);
    }
    const args = capability.args.safeParse(raw);
    if (!args.success) throw new Error(describeArgumentIssues(`${channel}: invalid arguments`, args.error));
    return capability.run(...args.data);
  });
}

export function registerDeskIpc(handlers: CapabilityHandlers, knownWebContentsIds: () => ReadonlySet<number>): void {
  // A mapped type, not a loop over Object.keys: a capability added to DeskApi fails to compile until it is wired.
  const wire: { [K in InvokeCapability]: () => void } = {
    appInfo: () => handleCapability('appInfo', handlers.appInfo, knownWebContentsIds),
    deskConfig: () => handleCapability('deskConfig', handlers.deskConfig, knownWebContentsIds),
    setServerUrl: () => handleCapability('setServerUrl', handlers.setServerUrl, knownWebContentsIds),
    setNightlySync: () => handleCapability('setNightlySync', handlers.setNightlySync, knownWebContentsIds),
    printSlip: () => handleCapability('printSlip', handlers.printSlip, knownWebContentsIds),
    listPrinters: () => handleCapability('listPrinters', handlers.listPrinters, knownWebContentsIds),
    deviceCredentials: () => handleCapability('deviceCredentials', handlers.deviceCredentials, knownWebContentsIds),
    setDeviceCredentials: () =>
      handleCapability('setDeviceCredentials', handlers.setDeviceCredentials, knownWebContentsIds),
    openPad: () => handleCapability('openPad', handlers.openPad, knownWebContentsIds),
  };
  for (const wireCapability of Object.values(wire)) wireCapability();
}
