import { defineConfig } from 'vitest/config';

// The tests run where the desks do: in China (UTC+8), whatever this machine's zone. A desk's "today" is its local
// day and the rules' days are Beijing days; on a UTC machine the two differ every day from 16:00 to 24:00 UTC, and
// tests that mix them (差评整改's day checks) failed in those hours only. Set before any worker starts.
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // The desk data layer runs on fake-indexeddb in node; it must be installed before Dexie loads.
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // The desk data layer runs on fake-indexeddb in node; it must be installed before Dexie loads.
          setupFiles: ['fake-indexeddb/auto'],
          globalSetup: ['tests/integration/setup/postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file starts its own servers and databases; two cores do not gain from running them at once.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.bench.test.ts'],
          globalSetup: ['tests/integration/setup/postgres.ts'],
          environment: 'node',
          // The desk data layer runs on fake-indexeddb in node; it must be installed before Dexie loads.
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
