import { afterEach, describe, expect, it } from 'vitest';
import { backoffMs, startSyncScheduler, type SyncSchedule } from '../../../renderer/data/scheduler.ts';
import { readCursor, readSyncStatus } from '../../../renderer/data/sync.ts';
import type { SyncTransport } from '../../../renderer/data/transport.ts';
import { BACKENDS, deskTransport, newDesk, startHq, type Hq } from './harness.ts';
import { manyContacts, storeEvents } from './seed.ts';

// The HQ server stops in the middle of a desk's sync and comes back on the same database and address (a
// restart, a deployment): the desk's scheduler backs off, retries, and finishes the sync with nothing lost or
// doubled (issue 6, item 3). Real waits: the first retry comes 5 s after the failure.

const TOTAL = 2000;

describe.each(BACKENDS)('the HQ server restarting mid-sync on %s', (backend) => {
  let hq: Hq | undefined;
  afterEach(async () => {
    await hq?.destroy();
    hq = undefined;
  });

  it('backs off, retries, and completes the sync once the server is back', { timeout: 30_000 }, async () => {
    const server = await startHq(backend);
    hq = server;
    const seeded = await storeEvents(server.db, manyContacts(TOTAL));
    const desk = await newDesk(server);
    const transport = deskTransport(server, desk);
    let pages = 0;
    const flaky: SyncTransport = {
      ...transport,
      async pull(cursor, limit, auth) {
        const page = await transport.pull(cursor, limit, auth);
        if (++pages === 2) await server.stop(); // it goes down right after answering the second page
        return page;
      },
    };

    const runs: { at: number; running: boolean }[] = [];
    let schedule: SyncSchedule = {};
    let retryEnded: () => void = () => undefined;
    const retried = new Promise<void>((resolve) => (retryEnded = resolve));
    const scheduler = startSyncScheduler({
      db: desk,
      transport: flaky,
      debounceMs: 60_000,
      intervalMs: 10 * 60_000,
      onRunning: (running) => {
        runs.push({ at: Date.now(), running });
        if (!running && runs.filter((r) => !r.running).length === 2) retryEnded();
      },
      onSchedule: (next) => (schedule = next),
    });
    try {
      // The run at start-up fails part-way: what it applied stays, and the failure is what the desk shows.
      expect(await scheduler.syncNow()).toBeUndefined();
      const failedAt = Date.now();
      expect((await readSyncStatus(desk)).lastFailure).toEqual({ kind: 'offline' });
      const stoppedAt = await readCursor(desk);
      expect(stoppedAt).toBeGreaterThan(0);
      expect(await desk.events.count()).toBeGreaterThan(0);
      expect(await desk.events.count()).toBeLessThan(TOTAL);
      const plannedIn = Date.parse(schedule.nextRunAt!) - failedAt;
      expect(plannedIn).toBeGreaterThan(backoffMs(1) - 1000);
      expect(plannedIn).toBeLessThanOrEqual(backoffMs(1));

      await server.start();
      // The retry is the scheduler's own, on its backoff timer: nobody presses "sync now".
      await retried;

      const retryStarted = runs.filter((r) => r.running)[1]!.at;
      expect(retryStarted - failedAt).toBeGreaterThanOrEqual(backoffMs(1) - 50);
      expect(await readSyncStatus(desk)).toMatchObject({ lastSuccessAt: expect.any(String) });
      expect((await readSyncStatus(desk)).lastFailure).toBeUndefined();
      expect(await desk.events.count()).toBe(TOTAL);
      expect((await desk.events.toCollection().primaryKeys()).sort()).toEqual([...seeded].sort());
      expect(await desk.contacts.count()).toBe(TOTAL);
    } finally {
      scheduler.stop();
    }
  });
});
