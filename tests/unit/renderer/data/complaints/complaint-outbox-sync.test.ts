import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComplaintIntake } from '../../../../../shared/sync/complaintApi.ts';
import type { DeviceCredentials } from '../../../../../shared/sync/enrolment.ts';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import { queueComplaint } from '../../../../../renderer/data/complaints/outbox.ts';
import { startSyncScheduler, type SyncScheduler } from '../../../../../renderer/data/scheduler.ts';
import { syncOnce } from '../../../../../renderer/data/sync.ts';
import { SyncError } from '../../../../../renderer/data/transport.ts';
import { freshDeskDb, withDirectory } from '../deskDb.ts';
import { fakeTransport } from '../fakeTransport.ts';
import { intake } from './intakes.ts';

// Issue 14: the desk's sync cycle is what hands a queued complaint to HQ, with the desk's own device credentials.

const FAKED = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as const;

let db: DeskDb;
let server: ReturnType<typeof fakeTransport>;
let posted: { intake: ComplaintIntake; auth: DeviceCredentials }[];
let scheduler: SyncScheduler | undefined;

beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
  server = fakeTransport(db);
  posted = [];
  server.transport.postComplaint = async (intake, auth) => {
    posted.push({ intake, auth });
    if (server.state.offline) throw new SyncError({ kind: 'offline' });
    return { complaintId: intake.complaintId, eventId: intake.eventId, at: '2026-12-02T01:00:00.000Z' };
  };
});

afterEach(() => {
  scheduler?.stop();
  scheduler = undefined;
});

describe('a sync run', () => {
  it('hands the queued complaint to HQ with this desk’s credentials, and the desk keeps nothing of it', async () => {
    const { complaintId } = await queueComplaint(db, 'zhang-wei', intake());
    await syncOnce(db, server.transport);
    expect(posted.map((p) => p.intake.complaintId)).toEqual([complaintId]);
    expect(posted[0]!.auth).toEqual(await server.transport.credentials!());
    expect(await db.complaintOutbox.count()).toBe(0);
    // Never among what the ordinary sync pushes to every desk.
    expect(server.received).toHaveLength(0);
  });

  it('asks HQ nothing about complaints when none waits', async () => {
    await syncOnce(db, server.transport);
    expect(posted).toHaveLength(0);
  });

  it('keeps the complaint when the desk is offline, and sends it on the run after', async () => {
    await queueComplaint(db, 'zhang-wei', intake());
    server.state.offline = true;
    await expect(syncOnce(db, server.transport)).rejects.toThrow();
    expect(await db.complaintOutbox.count()).toBe(1);
    server.state.offline = false;
    await syncOnce(db, server.transport);
    expect(await db.complaintOutbox.count()).toBe(0);
  });

  it('still completes the run when HQ refuses the complaint: the refusal stays on the complaint, not on the sync', async () => {
    await queueComplaint(db, 'zhang-wei', intake());
    server.transport.postComplaint = () =>
      Promise.reject(new SyncError({ kind: 'server-error', status: 400, message: 'unknown staff' }));
    await expect(syncOnce(db, server.transport)).resolves.toMatchObject({ pulled: 0 });
    expect(await db.complaintOutbox.toArray()).toMatchObject([{ attempts: 1, lastError: 'HTTP 400: unknown staff' }]);
  });
});

describe('the scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: [...FAKED] });
    vi.stubGlobal('window', new EventTarget());
  });
  afterEach(() => {
    scheduler?.stop();
    scheduler = undefined;
    vi.runOnlyPendingTimers();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** fake-indexeddb answers on real macrotasks; Dexie signals its live queries with setTimeout(0). */
  async function settle(): Promise<void> {
    for (let i = 0; i < 30; i += 1) {
      vi.advanceTimersByTime(0);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('sends a complaint a moment after the clerk queues it, without waiting for the next interval', async () => {
    scheduler = startSyncScheduler({ db, transport: server.transport, debounceMs: 1500, intervalMs: 600_000 });
    await scheduler.syncNow();
    await queueComplaint(db, 'zhang-wei', intake());
    await settle();
    expect(posted).toHaveLength(0);
    vi.advanceTimersByTime(1500);
    // No syncNow here: the run must be the one the new complaint started.
    for (let i = 0; i < 20 && posted.length === 0; i += 1) await settle();
    expect(posted).toHaveLength(1);
    await settle();
    expect(await db.complaintOutbox.count()).toBe(0);
  });
});
