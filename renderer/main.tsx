import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App.tsx';
import { DeskContext } from './app/context.tsx';
import { initI18n } from './app/i18n.ts';
import { theme } from './app/theme.ts';
import { refreshDeskCalendar, subscribeDeskCalendar, today, watchDeskCalendar } from './data/calendar.ts';
import { recordDeadlineRecompute } from './data/deadlineRecompute.ts';
import { openDeskDb } from './data/db.ts';
import { ensureDevice } from './data/device.ts';
import { startSyncScheduler } from './data/scheduler.ts';
import { httpTransport } from './data/transport.ts';
import { bootPad, isPadRoute } from './features/rating/bootPad.tsx';
import { detectPlatform } from './platform/index.ts';
import { useSyncActivity } from './stores/sync.ts';

async function boot(): Promise<void> {
  // The rating pad (评价器) is this page in a second window: it starts alone, without sign-in or sync.
  const padRoot = document.getElementById('root');
  if (padRoot && isPadRoute(window.location.hash)) return bootPad(padRoot);
  const i18n = await initI18n();
  const db = openDeskDb();
  const platform = detectPlatform(db);
  await ensureDevice(db);
  // The confirmed years from HQ before the first screen, then after every sync that brings one.
  await refreshDeskCalendar(db);
  watchDeskCalendar(db);
  subscribeDeskCalendar((before, after, years) => void recordDeadlineRecompute(db, before, after, years, today()));
  const serverUrl = await platform.serverUrl();
  const activity = useSyncActivity.getState();
  window.addEventListener('online', () => activity.setOnline(true));
  window.addEventListener('offline', () => activity.setOnline(false));
  const sync = startSyncScheduler({
    db,
    // The browser build's credentials are in the desk db, where syncOnce looks by default; Electron's are not.
    transport: httpTransport(
      serverUrl,
      platform.kind === 'electron'
        ? {
            credentials: () => platform.loadDeviceCredentials(),
            saveCredentials: (credentials) => platform.saveDeviceCredentials(credentials),
          }
        : {},
    ),
    onRunning: (running) => useSyncActivity.getState().setRunning(running),
    onProgress: (progress) => useSyncActivity.getState().setProgress(progress),
    subscribeWake: (wake) => platform.onSyncWake(wake),
    scheduleNightly: (at) => platform.setNightlySync({ at }),
    onSchedule: (schedule) => useSyncActivity.getState().setSchedule(schedule),
  });
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <Notifications position="top-center" limit={3} />
          <DeskContext.Provider value={{ db, platform, sync }}>
            <App />
          </DeskContext.Provider>
        </MantineProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
