import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type DeskApi } from '../../../../shared/ipc/contract.ts';
import { createDeskApi, type IpcBridge } from '../../../../electron/preload/desk-api.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** An ipcRenderer stand-in: records invocations, answers from `replies`, and can emit main→renderer messages. */
function fakeIpc(replies: Record<string, unknown> = {}) {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, ..._args: unknown[]) => replies[channel]),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
  } satisfies IpcBridge;
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'main' }, ...args);
  };
  return { ipc, emit, listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

describe('the desk bridge exposed as window.desk', () => {
  it('has exactly one function per DeskApi capability, and nothing else', () => {
    const api = createDeskApi(fakeIpc().ipc);
    const capabilities: Record<keyof DeskApi, true> = {
      appInfo: true,
      deskConfig: true,
      setServerUrl: true,
      setNightlySync: true,
      onSyncWake: true,
      printSlip: true,
      listPrinters: true,
      deviceCredentials: true,
      setDeviceCredentials: true,
      openPad: true,
    };
    expect(Object.keys(api).sort()).toEqual(Object.keys(capabilities).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('asks main to open the rating pad on its own channel, with no argument', async () => {
    const { ipc } = fakeIpc();
    await createDeskApi(ipc).openPad();
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CHANNELS.openPad);
    expect(IPC_CHANNELS.openPad).toBe('pad:open');
  });

  it('asks main for app info on its own channel and checks the answer', async () => {
    const info = {
      name: 'FirstDesk',
      version: '0.1.0',
      platform: 'linux',
      shell: 'electron',
      secretStorage: 'plain-text',
    };
    const { ipc } = fakeIpc({ [IPC_CHANNELS.appInfo]: info });
    await expect(createDeskApi(ipc).appInfo()).resolves.toEqual(info);
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CHANNELS.appInfo);
  });

  it('reads the desk config', async () => {
    const { ipc } = fakeIpc({ [IPC_CHANNELS.deskConfig]: { serverUrl: 'https://hq.example/' } });
    await expect(createDeskApi(ipc).deskConfig()).resolves.toEqual({ serverUrl: 'https://hq.example/' });
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CHANNELS.deskConfig);
  });

  it('passes the new server address to main as the only argument', async () => {
    const { ipc } = fakeIpc({ [IPC_CHANNELS.setServerUrl]: { serverUrl: 'https://hq2.example/' } });
    await expect(createDeskApi(ipc).setServerUrl('https://hq2.example/')).resolves.toEqual({
      serverUrl: 'https://hq2.example/',
    });
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CHANNELS.setServerUrl, 'https://hq2.example/');
  });

  it('hands a slip to main to print as the only argument, and returns where it was archived', async () => {
    const result = { printed: true, pdfPath: '/data/slips/2026/NYKJ-W7K2Q-2026-000127.pdf' };
    const { ipc } = fakeIpc({ [IPC_CHANNELS.printSlip]: result });
    const request = {
      html: '<!doctype html><title>slip</title>',
      format: 'a4' as const,
      silent: false,
      archive: { serial: 'NYKJ-W7K2Q-2026-000127' as never, reprint: 0 },
    };
    await expect(createDeskApi(ipc).printSlip(request)).resolves.toEqual(result);
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CHANNELS.printSlip, request);
  });

  it('passes on why a print failed, and refuses an answer that is not a print result', async () => {
    const failed = { printed: false, failure: 'failed', failureReason: 'Printer is out of paper', pdfPath: null };
    const request = { html: 'x', format: 'a4' as const, silent: false, archive: { serial: 'X' as never, reprint: 0 } };
    await expect(createDeskApi(fakeIpc({ [IPC_CHANNELS.printSlip]: failed }).ipc).printSlip(request)).resolves.toEqual(
      failed,
    );
    await expect(
      createDeskApi(fakeIpc({ [IPC_CHANNELS.printSlip]: { printed: 'yes' } }).ipc).printSlip(request),
    ).rejects.toThrow();
  });

  it('lists the printers main reports, and nothing that is not a printer', async () => {
    const printers = [{ name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82', description: 'receipt' }];
    const { ipc } = fakeIpc({ [IPC_CHANNELS.listPrinters]: printers });
    await expect(createDeskApi(ipc).listPrinters()).resolves.toEqual(printers);
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CHANNELS.listPrinters);
    await expect(
      createDeskApi(fakeIpc({ [IPC_CHANNELS.listPrinters]: [{ name: 42 }] }).ipc).listPrinters(),
    ).rejects.toThrow();
  });

  it('hands main the bureau’s nightly time and returns when it fires next', async () => {
    const schedule = { at: '23:30', nextAt: '2026-11-28T15:30:00.000Z' };
    const { ipc } = fakeIpc({ [IPC_CHANNELS.setNightlySync]: schedule });
    await expect(createDeskApi(ipc).setNightlySync({ at: '23:30' })).resolves.toEqual(schedule);
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CHANNELS.setNightlySync, { at: '23:30' });
    await expect(
      createDeskApi(fakeIpc({ [IPC_CHANNELS.setNightlySync]: { at: '23:30' } }).ipc).setNightlySync({ at: '23:30' }),
    ).rejects.toThrow();
  });

  it('rejects an answer from main that does not match the contract', async () => {
    const { ipc } = fakeIpc({ [IPC_CHANNELS.appInfo]: { name: 'FirstDesk' } });
    await expect(createDeskApi(ipc).appInfo()).rejects.toThrow();
    // How the credentials are kept is one of the words the contract knows, or the answer is refused.
    const pretending = {
      name: 'FirstDesk',
      version: '0.1.0',
      platform: 'linux',
      shell: 'electron',
      secretStorage: 'safe',
    };
    await expect(createDeskApi(fakeIpc({ [IPC_CHANNELS.appInfo]: pretending }).ipc).appInfo()).rejects.toThrow();
  });

  it('relays sync wake-ups with a known reason, and hides the IPC event from the page', () => {
    const { ipc, emit } = fakeIpc();
    const listener = vi.fn();
    createDeskApi(ipc).onSyncWake(listener);
    emit(IPC_CHANNELS.syncWake, 'nightly');
    emit(IPC_CHANNELS.syncWake, 'resume');
    emit(IPC_CHANNELS.syncWake, 'manual');
    expect(listener.mock.calls).toEqual([['nightly'], ['resume'], ['manual']]);
  });

  it('drops wake-ups whose reason the contract does not name', () => {
    const { ipc, emit } = fakeIpc();
    const listener = vi.fn();
    createDeskApi(ipc).onSyncWake(listener);
    emit(IPC_CHANNELS.syncWake, 'reboot');
    emit(IPC_CHANNELS.syncWake, { reason: 'nightly' });
    emit(IPC_CHANNELS.syncWake);
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops relaying after unsubscribing, and removes only its own listener', () => {
    const { ipc, emit, listenerCount } = fakeIpc();
    const api = createDeskApi(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = api.onSyncWake(first);
    api.onSyncWake(second);
    unsubscribeFirst();
    emit(IPC_CHANNELS.syncWake, 'online');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('online');
    expect(listenerCount(IPC_CHANNELS.syncWake)).toBe(1);
  });
});

describe('the device credentials over the bridge', () => {
  const credentials = { deviceId: '01JD0000000000000000000000', token: 'A'.repeat(43) };

  it('reads them from main and checks their shape, null before enrolment', async () => {
    const { ipc } = fakeIpc({ [IPC_CHANNELS.deviceCredentials]: credentials });
    await expect(createDeskApi(ipc).deviceCredentials()).resolves.toEqual(credentials);
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CHANNELS.deviceCredentials);
    const none = fakeIpc({ [IPC_CHANNELS.deviceCredentials]: null });
    await expect(createDeskApi(none.ipc).deviceCredentials()).resolves.toBeNull();
  });

  it('refuses an answer that is not device credentials', async () => {
    const { ipc } = fakeIpc({ [IPC_CHANNELS.deviceCredentials]: { deviceId: 'x', token: 'short' } });
    await expect(createDeskApi(ipc).deviceCredentials()).rejects.toThrow();
  });

  it('hands new credentials to main as the only argument', async () => {
    const { ipc } = fakeIpc();
    await createDeskApi(ipc).setDeviceCredentials(credentials as never);
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CHANNELS.setDeviceCredentials, credentials);
  });
});

describe('the preload entry', () => {
  const source = readFileSync(new URL('../../../../electron/preload/index.ts', import.meta.url), 'utf8');

  it('exposes only the desk bridge, under the name desk', () => {
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain("contextBridge.exposeInMainWorld('desk', createDeskApi(ipcRenderer));");
  });

  it('never hands ipcRenderer or a generic send to the page', () => {
    const bridge = readFileSync(new URL('../../../../electron/preload/desk-api.ts', import.meta.url), 'utf8');
    expect(bridge).not.toMatch(/\bsend\s*\(/);
    // Every call into ipcRenderer names a fixed channel from the contract, never one the page chose.
    const calls = [...bridge.matchAll(/\bipc\.(\w+)\(\s*([^,)]*)/g)];
    expect(calls.length).toBeGreaterThanOrEqual(5);
    for (const [call, , channel] of calls) expect(channel, call).toMatch(/^IPC_CHANNELS\.\w+$/);
    expect(bridge).not.toMatch(/^import (?!type ).*'electron'/m);
  });
});
