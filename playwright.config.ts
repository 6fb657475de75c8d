import { defineConfig } from '@playwright/test';

// E2E runs the BUILT desk served by the REAL HQ server (fresh SQLite in a temp data dir) in Debian's
// Chromium. Never download a browser: CHROMIUM_PATH or /usr/bin/chromium.
const PORT = Number(process.env.E2E_PORT ?? 4318);
// The server's data folder, also read by tests/e2e/desk.ts (the admin CLI makes enrolment codes there). This config
// is evaluated again in every test worker, whose process.pid differs: decide the folder once, in the runner, and
// let the workers inherit it through the environment.
process.env.E2E_DATA_DIR ??= `test-results/e2e-data-${process.pid}`;
const DATA_DIR = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node server/dist/main.mjs`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(PORT), HOST: '127.0.0.1', FIRSTDESK_DATA_DIR: DATA_DIR, LOG_LEVEL: 'warn' },
  },
});
