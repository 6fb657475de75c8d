// The sync fault and convergence suites get their servers, desks and raw /sync calls ONLY from here, so that how
// a desk enrols and what credentials its calls carry is decided in one place for all of them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildServer, type BuiltServer } from '../../../server/src/app.ts';
import { issueEnrolmentCode } from '../../../server/src/auth/enrolment.ts';
import type { DatabaseConfig } from '../../../server/src/config.ts';
import type { Db } from '../../../server/src/storage/db.ts';
import { openDeskDb, type DeskDb } from '../../../renderer/data/db.ts';
import { storeCredentials } from '../../../renderer/data/credentials.ts';
import { enrolThisDesk } from '../../../renderer/data/enrolment.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { httpTransport, type SyncTransport } from '../../../renderer/data/transport.ts';
import {
  pullResponseSchema,
  pushResponseSchema,
  SYNC_FORMAT_VERSION,
  type PullResponse,
  type PushResponse,
} from '../../../shared/sync/protocol.ts';
import { DEVICE_ID_HEADER, enrolResponseSchema } from '../../../shared/sync/enrolment.ts';
import { freshDeskDb } from '../../unit/renderer/data/deskDb.ts';
import { createTestDatabase } from '../setup/pgDatabase.ts';

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: readonly Backend[] = ['sqlite', 'postgres'];

/** A fresh, empty database of either engine, and how to remove it. */
export async function createDatabase(backend: Backend): Promise<{ config: DatabaseConfig; remove(): Promise<void> }> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'fd-sync-'));
    return {
      config: { kind: 'sqlite', file: join(dir, 'hq.sqlite') },
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const pg = await createTestDatabase(inject('pgUrl'));
  return { config: { kind: 'postgres', url: pg.url }, remove: pg.drop };
}

/** A real HQ server on a real socket, that can be stopped and started again on the same database and port. */
export interface Hq {
  readonly backend: Backend;
  readonly url: string;
  /** The server's own storage, for assertions (what is really stored) and fast seeding. */
  readonly db: Db;
  /** Stop answering (closing its connections and the database); the data stays. */
  stop(): Promise<void>;
  /** Start a new server on the same database and port (as after a restart). */
  start(): Promise<void>;
  /** Stop and delete the database. */
  destroy(): Promise<void>;
  /**
   * Another instance on the same database and a port of its own, as behind a load balancer: where two windows of
   * one desk can still meet (each instance lets a device have one push and one pull under way, http/inFlight.ts).
   */
  twin(): Promise<{ readonly url: string; readonly db: Db; close(): Promise<void> }>;
}

export interface HqOptions {
  /** What the server serves at `/` (the benches' desk page); by default nothing. */
  readonly rendererDir?: string;
}

/** An HQ server on a fresh database of `backend`, which destroy() deletes. */
export async function startHq(backend: Backend, options: HqOptions = {}): Promise<Hq> {
  const database = await createDatabase(backend);
  const config = database.config;
  const rendererDir = options.rendererDir ?? '/nonexistent';
  let server: BuiltServer | undefined;
  let port = 0;
  let url = '';

  async function start(): Promise<void> {
    server = await buildServer({ database: config, seed: 'demo', logLevel: 'silent', rendererDir });
    url = await server.app.listen({ port, host: '127.0.0.1' });
    port = Number(new URL(url).port);
  }
  async function stop(): Promise<void> {
    const running = server;
    server = undefined;
    await running?.close();
  }
  await start();
  return {
    backend,
    get url() {
      return url;
    },
    get db() {
      if (!server) throw new Error('the HQ server is stopped');
      return server.storage.db;
    },
    start,
    stop,
    async destroy() {
      await stop();
      await database.remove();
    },
    async twin() {
      const other = await buildServer({ database: config, seed: 'none', logLevel: 'silent', rendererDir });
      const url = await other.app.listen({ port: 0, host: '127.0.0.1' });
      return { url, db: other.storage.db, close: () => other.close() };
    },
  };
}

// ---- Enrolment and credentials: the ONE place they happen for these suites. ----
// A desk is enrolled the way a clerk does it (enrolThisDesk with a one-time code an admin issued on the server);
// the browser build keeps the credentials in the desk database, which is where syncOnce looks for them.

/** A one-time enrolment code, as an admin would issue it (for a desk that enrols itself, e.g. in a browser). */
export async function issueCode(hq: Pick<Hq, 'db'>, label: string): Promise<string> {
  return (await issueEnrolmentCode(hq.db, { label, createdBy: 'test' })).code;
}

let desks = 0;

/** A new desk, enrolled with this HQ but not yet synced. */
export async function newDesk(hq: Pick<Hq, 'url' | 'db'>): Promise<DeskDb> {
  const db = freshDeskDb();
  const label = `W${++desks}`;
  await enrolThisDesk(
    db,
    { serverUrl: hq.url, code: await issueCode(hq, label), label },
    { save: (credentials) => storeCredentials(db, credentials) },
  );
  return db;
}

/** How a desk talks to this HQ (syncOnce finds the desk's credentials in its database). */
export function deskTransport(hq: Pick<Hq, 'url'>, _db: DeskDb): SyncTransport {
  return httpTransport(hq.url);
}

/** A desk that has done its first sync, so it has the directory and the catalog. */
export async function syncedDesk(hq: Pick<Hq, 'url' | 'db'>): Promise<DeskDb> {
  const db = await newDesk(hq);
  await syncOnce(db, deskTransport(hq, db));
  return db;
}

/** A second window of the same desk: another connection to the same IndexedDB database. */
export function secondWindow(db: DeskDb): DeskDb {
  return openDeskDb(db.name);
}

// ---- Raw /sync calls, for tests that push hand-made events. ----

export interface RawDevice {
  readonly deviceId: string;
  /** The headers every /sync call of this device carries. */
  readonly headers: Record<string, string>;
}

/** An enrolled device without a desk database, whose events are made by the fixtures. */
export async function rawDevice(hq: Pick<Hq, 'url' | 'db'>): Promise<RawDevice> {
  const response = await fetch(`${hq.url}/devices/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: await issueCode(hq, 'raw'), label: 'raw' }),
  });
  if (!response.ok) throw new Error(`enrolment failed: ${response.status} ${await response.text()}`);
  const { deviceId, token } = enrolResponseSchema.parse(await response.json());
  return { deviceId, headers: { [DEVICE_ID_HEADER]: deviceId, authorization: `Bearer ${token}` } };
}

export async function pushRaw(
  hq: Pick<Hq, 'url'>,
  device: RawDevice,
  events: readonly unknown[],
): Promise<{ status: number; body: PushResponse }> {
  const response = await fetch(`${hq.url}/sync/push`, {
    method: 'POST',
    headers: { ...device.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: device.deviceId, formatVersion: SYNC_FORMAT_VERSION, events }),
  });
  const json: unknown = await response.json();
  return { status: response.status, body: response.ok ? pushResponseSchema.parse(json) : (json as PushResponse) };
}

export async function pullRaw(
  hq: Pick<Hq, 'url'>,
  device: RawDevice,
  cursor: number,
  limit: number,
): Promise<PullResponse> {
  const response = await fetch(`${hq.url}/sync/pull?cursor=${cursor}&limit=${limit}`, { headers: device.headers });
  if (!response.ok) throw new Error(`pull failed: ${response.status} ${await response.text()}`);
  return pullResponseSchema.parse(await response.json());
}

/** Everything the server holds, pulled page by page from the start (events and reference docs). */
export async function pullEverything(hq: Pick<Hq, 'url'>, device: RawDevice, limit = 2000): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  for (let cursor = 0; ;) {
    const page = await pullRaw(hq, device, cursor, limit);
    pages.push(page);
    if (!page.hasMore || page.nextCursor <= cursor) return pages;
    cursor = page.nextCursor;
  }
}

/** How many times each eventId is stored on the server (the UNIQUE constraint says once; this checks). */
export async function storedEventIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('events').select('event_id').orderBy('seq').execute();
  return rows.map((r) => r.event_id);
}
