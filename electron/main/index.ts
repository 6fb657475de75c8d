// Main process entry: one desk per machine, app://desk registered before anything loads, then the window.
import { app, Menu, dialog, safeStorage, session } from 'electron';
import { openDeskConfigStore } from './config.ts';
import { describeSecretStorage, openDeviceSecretStore } from './deviceSecret.ts';
import { appHandlers } from './ipc/app.ts';
import { configHandlers } from './ipc/config.ts';
import { deviceSecretHandlers } from './ipc/deviceSecret.ts';
import { nightlyHandlers } from './ipc/nightly.ts';
import { padHandlers } from './ipc/pad.ts';
import { printHandlers } from './ipc/print.ts';
import { registerDeskIpc } from './ipc/register.ts';
import { openPadWindow } from './padWindow.ts';
import { preloadPath, rendererDir } from './paths.ts';
import { registerDeskScheme, serveRenderer } from './protocol.ts';
import { buildCsp } from './pure/csp.ts';
import { applicationMenuTemplate } from './pure/menus.ts';
import { confineWebContents, limitPermissions } from './security.ts';
import { startTray } from './tray.ts';
import { startSyncWake, wakeDeskWindows } from './wake.ts';
import { createDeskWindow, deskWebContentsIds, focusDeskWindow, openDeskWindows } from './window.ts';

let started = false;

async function startDesk(): Promise<void> {
  const config = await openDeskConfigStore(app.getPath('userData'), process.env);
  limitPermissions(session.defaultSession);
  serveRenderer(rendererDir, () => buildCsp(config.get().serverUrl));
  const deskContents = () => openDeskWindows()[0]?.webContents;
  const nightly = startSyncWake(() => config.get().nightlySyncAt);
  const deviceSecret = openDeviceSecretStore(app.getPath('userData'), safeStorage);
  registerDeskIpc(
    {
      ...appHandlers(() => describeSecretStorage(safeStorage)),
      ...configHandlers(config),
      ...nightlyHandlers(config, nightly),
      ...printHandlers(app.getPath('userData'), deskContents),
      ...deviceSecretHandlers(deviceSecret),
      ...padHandlers(openPadWindow),
    },
    deskWebContentsIds,
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(applicationMenuTemplate(process.platform, !app.isPackaged, openPadWindow)),
  );
  app.setAboutPanelOptions({ applicationName: '首问台 FirstDesk', applicationVersion: app.getVersion() });
  createDeskWindow(preloadPath);
  startTray({
    open: () => focusDeskWindow(preloadPath),
    syncNow: () => wakeDeskWindows('manual'),
    quit: () => app.quit(),
  });
  started = true;
}

function failToStart(error: unknown): void {
  dialog.showErrorBox(
    '首问台无法启动 · FirstDesk could not start',
    error instanceof Error ? error.message : String(error),
  );
  app.exit(1);
}

// Both must happen before 'ready'.
registerDeskScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Two desks on one profile would fight over the same IndexedDB and outbox.
  app.quit();
} else {
  confineWebContents();
  app.on('second-instance', () => {
    if (started) focusDeskWindow(preloadPath);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (started && openDeskWindows().length === 0) createDeskWindow(preloadPath);
  });
  app.whenReady().then(startDesk).catch(failToStart);
}
