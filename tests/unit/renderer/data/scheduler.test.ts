import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NightlySyncSchedule, SyncWakeReason } from '../../../../shared/ipc/contract.ts';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { readLastNightlyAt, recordNightlyRun } from '../../../../renderer/data/nightly.ts';
import { recordContact } from '../../../../renderer/data/operations.ts';
import { mergeReferenceDocs } from '../../../../renderer/data/references.ts';
import {
  backoffMs,
  startSyncScheduler,
  type SchedulerOptions,
  type SyncSchedule,
  type SyncScheduler,
} from '../../../../renderer/data/scheduler.ts';
import { SyncError } from '../../../../renderer/data/transport.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';
import { fakeTransport } from './fakeTransport.ts';
import { bureauSettings } from './settingsDoc.ts';

// Fake clocks for the scheduler's timers and Date; IndexedDB (fake-indexeddb) keeps its real setImmediate.
const FAKED = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as const;
const NOW = new Date(2026, 10, 28, 8, 0); // 28 Nov 2026, 08:00 local: the bureau opens
const SECOND = 1_000;

let db: DeskDb;
let server: ReturnType<typeof fakeTransport>;
let scheduler: SyncScheduler | undefined;
let running: boolean[];
let schedules: SyncSchedule[];
let wake: ((reason?: SyncWakeReason) => void) | undefined;

/**
 * Let IndexedDB and Dexie's live queries catch up: fake-indexeddb answers on real macrotasks, and Dexie runs a
 * live query and signals a change with setTimeout(0), which the fake clock fires only when told to.
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    vi.advanceTimersByTime(0);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function start(options: Partial<SchedulerOptions> = {}): SyncScheduler {
  scheduler = startSyncScheduler({
    db,
    transport: server.transport,
    onRunning: (value) => running.push(value),
    onSchedule: (schedule) => schedules.push(schedule),
    subscribeWake: (listener) => {
      wake = listener;
      return () => {
        wake = undefined;
      };
    },
    ...options,
  });
  return scheduler;
}

/** A trigger started a run right away (not a later one), and it has finished. */
async function expectRunStarted(sync: SyncScheduler): Promise<void> {
  expect(running.at(-1)).toBe(true);
  await sync.syncNow(); // joins the run under way
  expect(running.at(-1)).toBe(false);
}

const visit = { channel: 'visit' as const, visitor: { name: '王芳' }, matter: '技术合同登记', askedStaffIds: [] };

beforeEach(async () => {
  vi.useFakeTimers({ toFake: [...FAKED] });
  vi.setSystemTime(NOW);
  vi.stubGlobal('window', new EventTarget());
  db = await withDirectory(freshDeskDb());
  server = fakeTransport(db);
  running = [];
  schedules = [];
  wake = undefined;
});

afterEach(() => {
  scheduler?.stop();
  scheduler = undefined;
  // Dexie's pending setTimeout(0) must fire, or its module-wide "signal queued" flag would stay set.
  vi.runOnlyPendingTimers();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('when the desk syncs', () => {
  it('syncs as soon as it starts', async () => {
    const sync = start();
    await expectRunStarted(sync);
    expect(server.state.pulls).toBe(1);
  });

  it('syncs when the desk comes back online', async () => {
    const sync = start();
    await sync.syncNow();
    window.dispatchEvent(new Event('online'));
    await expectRunStarted(sync);
    expect(server.state.pulls).toBe(2);
  });

  it('pushes local writes after a quiet moment, a burst of them in one request', async () => {
    const sync = start({ debounceMs: 1500 });
    await sync.syncNow();
    await recordContact(db, 'zhang-wei' as StaffId, visit);
    await recordContact(db, 'zhang-wei' as StaffId, visit);
    await settle();
    vi.advanceTimersByTime(1499);
    expect(server.state.pushes).toBe(0);
    vi.advanceTimersByTime(1);
    await expectRunStarted(sync);
    expect(server.state.pushes).toBe(1);
    expect(server.received).toHaveLength(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it('syncs every interval, counted from the end of the last run, and says when the next one is', async () => {
    const sync = start({ intervalMs: 60 * SECOND });
    await sync.syncNow();
    expect(schedules.at(-1)?.nextRunAt).toBe(new Date(NOW.getTime() + 60 * SECOND).toISOString());
    vi.advanceTimersByTime(60 * SECOND - 1);
    expect(server.state.pulls).toBe(1);
    vi.advanceTimersByTime(1);
    await expectRunStarted(sync);
    expect(server.state.pulls).toBe(2);
  });

  it('syncs when the platform wakes it (resume from sleep, the tray’s 立即同步)', async () => {
    const sync = start();
    await sync.syncNow();
    wake?.('resume');
    await expectRunStarted(sync);
    wake?.('manual');
    await expectRunStarted(sync);
    expect(server.state.pulls).toBe(3);
  });

  it('stops syncing and listening when stopped', async () => {
    const sync = start({ intervalMs: 60 * SECOND });
    await sync.syncNow();
    sync.stop();
    vi.advanceTimersByTime(10 * 60 * SECOND);
    window.dispatchEvent(new Event('online'));
    expect(wake).toBeUndefined();
    expect(await sync.syncNow()).toBeUndefined();
    expect(server.state.pulls).toBe(1);
  });
});

describe('when the server cannot be reached', () => {
  it('tries again after 5 s, 10 s, 20 s… and returns to the normal interval once it works', async () => {
    server.state.offline = true;
    const sync = start({ intervalMs: 60 * SECOND });
    await sync.syncNow();
    expect(schedules.at(-1)?.nextRunAt).toBe(new Date(Date.now() + 5 * SECOND).toISOString());
    vi.advanceTimersByTime(5 * SECOND);
    await expectRunStarted(sync);
    expect(schedules.at(-1)?.nextRunAt).toBe(new Date(Date.now() + 10 * SECOND).toISOString());
    server.state.offline = false;
    vi.advanceTimersByTime(10 * SECOND);
    await expectRunStarted(sync);
    expect(schedules.at(-1)?.nextRunAt).toBe(new Date(Date.now() + 60 * SECOND).toISOString());
    expect(server.state.pulls).toBe(3);
  });

  it('waits as long as the server asks (503 Retry-After), whatever triggers come meanwhile', async () => {
    let busy = true;
    const pull = server.transport.pull;
    server.transport.pull = async (...args) => {
      if (!busy) return pull(...args);
      server.state.pulls += 1;
      throw new SyncError({ kind: 'server-error', status: 503, message: 'db down', retryAfterSeconds: 120 });
    };
    const sync = start({ intervalMs: 60 * SECOND });
    await sync.syncNow();
    expect(server.state.pulls).toBe(1);
    // Not the 5 s backoff: the server's two minutes.
    expect(schedules.at(-1)?.nextRunAt).toBe(new Date(Date.now() + 120 * SECOND).toISOString());
    // A wake-up, coming online and the periodic timer all wait for the quiet to end.
    wake?.('resume');
    window.dispatchEvent(new Event('online'));
    vi.advanceTimersByTime(119 * SECOND);
    await settle();
    expect(server.state.pulls).toBe(1);
    busy = false;
    vi.advanceTimersByTime(1 * SECOND);
    await expectRunStarted(sync);
    expect(server.state.pulls).toBe(2);
    expect(schedules.at(-1)?.nextRunAt).toBe(new Date(Date.now() + 60 * SECOND).toISOString());
  });

  it('lets the clerk’s own “sync now” through during the quiet', async () => {
    const pull = server.transport.pull;
    let calls = 0;
    server.transport.pull = async (...args) => {
      calls += 1;
      if (calls === 1) throw new SyncError({ kind: 'server-error', status: 503, message: 'x', retryAfterSeconds: 60 });
      return pull(...args);
    };
    const sync = start();
    await sync.syncNow('start');
    expect(await sync.syncNow('manual')).toBeDefined();
    expect(calls).toBe(2);
  });

  it('never waits more than five minutes between tries', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffMs(12)).toBe(5 * 60 * SECOND);
  });
});

describe('the nightly sync', () => {
  async function withBureauTime(at: string): Promise<void> {
    await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [bureauSettings(at)]));
  }

  it('runs when woken at night, and is recorded once it succeeded', async () => {
    await withBureauTime('02:30');
    await recordNightlyRun(db, new Date(2026, 10, 28, 2, 30, 5));
    const sync = start();
    await sync.syncNow();
    expect(await readLastNightlyAt(db)).toMatch(/^2026-11-28T02:30:05/);
    vi.setSystemTime(new Date(2026, 10, 29, 2, 30));
    wake?.('nightly');
    await expectRunStarted(sync);
    expect(await readLastNightlyAt(db)).toMatch(/^2026-11-29T02:30:00/);
  });

  it('runs at start when the machine was off at the nightly time', async () => {
    await withBureauTime('02:30');
    await recordNightlyRun(db, new Date(2026, 10, 27, 2, 30, 5)); // the night before last; last night it was off
    const sync = start();
    await expectRunStarted(sync);
    expect(await readLastNightlyAt(db)).toMatch(/^2026-11-28T08:00:00/);
  });

  it('is not repeated at start when it already ran tonight', async () => {
    await withBureauTime('02:30');
    await recordNightlyRun(db, new Date(2026, 10, 28, 2, 30, 5));
    const sync = start();
    await sync.syncNow();
    expect(await readLastNightlyAt(db)).toMatch(/^2026-11-28T02:30:05/);
  });

  it('stays owed when the nightly run failed', async () => {
    await withBureauTime('02:30');
    await recordNightlyRun(db, new Date(2026, 10, 27, 2, 30, 5));
    server.state.offline = true;
    const sync = start();
    await sync.syncNow();
    expect(await readLastNightlyAt(db)).toMatch(/^2026-11-27T02:30:05/);
  });

  it('follows a run already under way when the nightly wake-up comes during it', async () => {
    await withBureauTime('02:30');
    await recordNightlyRun(db, new Date(2026, 10, 28, 2, 30, 5));
    const sync = start();
    const startRun = sync.syncNow();
    vi.setSystemTime(new Date(2026, 10, 29, 2, 30));
    wake?.('nightly');
    await startRun;
    // A second run follows by itself, and it is the one that counts as tonight's.
    await vi.waitFor(() => expect(running).toEqual([true, false, true, false]));
    expect(server.state.pulls).toBe(2);
    expect(await readLastNightlyAt(db)).toMatch(/^2026-11-29T02:30:00/);
  });

  it('hands the bureau’s time to the platform when HQ sends it, and again when the admin changes it', async () => {
    const armed: string[] = [];
    const scheduleNightly = async (at: string): Promise<NightlySyncSchedule> => {
      armed.push(at);
      return { at, nextAt: '2026-11-28T15:30:00.000Z' };
    };
    server.serve([bureauSettings('02:30')]);
    const sync = start({ scheduleNightly });
    await sync.syncNow();
    await settle();
    expect(armed).toEqual(['02:30']);
    expect(schedules.at(-1)?.nightly).toEqual({ at: '02:30', nextAt: '2026-11-28T15:30:00.000Z' });

    server.serve([bureauSettings('23:30', 2)]);
    await sync.syncNow();
    await settle();
    expect(armed).toEqual(['02:30', '23:30']);
  });

  it('says why when the platform could not take the time', async () => {
    await withBureauTime('02:30');
    start({ scheduleNightly: async () => Promise.reject(new Error('refused, the caller is not a FirstDesk window')) });
    await settle();
    expect(schedules.at(-1)?.nightlyProblem).toBe('refused, the caller is not a FirstDesk window');
  });
});
