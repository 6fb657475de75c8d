import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { buildServer, type BuiltServer } from '../../../server/src/app.ts';
import { issueEnrolmentCode } from '../../../server/src/auth/enrolment.ts';
import type { DatabaseConfig } from '../../../server/src/config.ts';
import { RETRY_AFTER_SECONDS } from '../../../server/src/http/errors.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { DEVICE_ID_HEADER, enrolResponseSchema } from '../../../shared/sync/enrolment.ts';
import { makeOpenedBatch } from '../../fixtures/events.ts';
import { createTestDatabase } from '../setup/pgDatabase.ts';
import { MISSING_RENDERER_DIR, pushBody } from './harness.ts';

// Issue 10, item 6: SQLite really runs synchronous = FULL; a database that is down, full or locked answers 503
// with Retry-After on every route (never 500), the log names the driver's own cause, and /healthz tells.

const LOCK_TIMEOUT_MS = 300;

interface Hq {
  readonly built: BuiltServer;
  readonly logs: string[];
  readonly headers: Record<string, string>;
  readonly deviceId: string;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startHq(database: DatabaseConfig): Promise<Hq> {
  const logs: string[] = [];
  const built = await buildServer({
    database,
    seed: 'demo',
    logLevel: 'warn',
    rendererDir: MISSING_RENDERER_DIR,
    storageTuning: { lockTimeoutMs: LOCK_TIMEOUT_MS },
    logStream: { write: (line) => logs.push(line) },
  });
  cleanups.push(() => built.close());
  const { code } = await issueEnrolmentCode(built.storage.db, { label: 'W01', createdBy: 'test' });
  const res = await built.app.inject({ method: 'POST', url: '/devices/enrol', payload: { code, label: 'W01' } });
  const { deviceId, token } = enrolResponseSchema.parse(res.json());
  return { built, logs, deviceId, headers: { authorization: `Bearer ${token}`, [DEVICE_ID_HEADER]: deviceId } };
}

let nextSeq = 1;
function push(hq: Hq, count = 200) {
  const events = makeOpenedBatch({ deviceId: hq.deviceId, staffId: DEMO_STAFF.windowClerk }, nextSeq, count);
  nextSeq += count;
  return hq.built.app.inject({
    method: 'POST',
    url: '/sync/push',
    headers: hq.headers,
    payload: pushBody(hq.deviceId, events),
  });
}

const health = (hq: Hq) => hq.built.app.inject({ method: 'GET', url: '/healthz' });

function expectUnavailable(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, s: number) {
  expect(res.statusCode).toBe(503);
  expect(res.headers['retry-after']).toBe(String(s));
  expect(res.json()).toMatchObject({ code: 'db-unavailable', retryAfterSeconds: s, message: expect.any(String) });
}

function sqliteFile(): DatabaseConfig & { kind: 'sqlite' } {
  const dir = mkdtempSync(join(tmpdir(), 'fd-dbfail-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return { kind: 'sqlite', file: join(dir, 'hq.sqlite') };
}

describe('SQLite in trouble', () => {
  it('runs with synchronous = FULL, so an acknowledged push survives a power cut', async () => {
    const hq = await startHq(sqliteFile());
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(hq.built.storage.db);
    expect(rows[0]?.synchronous).toBe(2); // 0 OFF, 1 NORMAL, 2 FULL
    const { rows: mode } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(hq.built.storage.db);
    expect(mode[0]?.journal_mode).toBe('wal');
  });

  it('answers a push on a full disk 503 with Retry-After, logs SQLITE_FULL (not "cannot rollback"), and /healthz says so until a write succeeds', async () => {
    const hq = await startHq(sqliteFile());
    const db = hq.built.storage.db;
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(db); // no room to grow: disk full

    const full = await push(hq);
    expectUnavailable(full, RETRY_AFTER_SECONDS['cannot-write']);
    const logged = hq.logs.join('\n');
    expect(logged).toContain('SQLITE_FULL');
    expect(logged).not.toMatch(/cannot rollback/i);
    expectUnavailable(await health(hq), RETRY_AFTER_SECONDS['cannot-write']);

    await sql.raw('pragma max_page_count = 1073741823').execute(db); // room again
    expect((await push(hq)).statusCode).toBe(200);
    expect((await health(hq)).statusCode).toBe(200);
  });

  it('answers 503 with Retry-After when another process holds the write lock, and reads still work', async () => {
    const config = sqliteFile();
    const hq = await startHq(config);
    const other = new SqliteDatabase(config.file);
    cleanups.push(async () => void other.close());
    expect((await health(hq)).statusCode).toBe(200); // a fresh probe write, which /healthz may reuse briefly…
    other.exec('BEGIN IMMEDIATE'); // holds the write lock

    const busy = await push(hq);
    expectUnavailable(busy, RETRY_AFTER_SECONDS.busy);
    expect(hq.logs.join('\n')).toContain('SQLITE_BUSY');
    expectUnavailable(await health(hq), RETRY_AFTER_SECONDS.busy); // …but not once a request met the lock
    const pull = await hq.built.app.inject({ method: 'GET', url: '/sync/pull', headers: hq.headers });
    expect(pull.statusCode).toBe(200);

    other.exec('ROLLBACK');
    expect((await push(hq)).statusCode).toBe(200);
    expect((await health(hq)).statusCode).toBe(200);
  });
});

/** A TCP relay to PostgreSQL that the test can cut and restore, as a database server going down and up. */
async function relayTo(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => [client, upstream].forEach((x) => x.destroy()));
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
    });
  const port = await listen(0);
  return {
    port,
    async cut() {
      await new Promise<void>((resolve) => {
        server!.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    restore: () => listen(port),
  };
}

describe('PostgreSQL in trouble', () => {
  it('answers every route 503 with Retry-After while the database is down, and recovers when it is back', async () => {
    const database = await createTestDatabase(inject('pgUrl'));
    cleanups.push(database.drop);
    const relay = await relayTo(new URL(database.url));
    cleanups.push(() => relay.cut());
    const url = new URL(database.url);
    url.port = String(relay.port);
    const hq = await startHq({ kind: 'postgres', url: url.toString() });
    expect((await push(hq, 5)).statusCode).toBe(200);
    expect((await health(hq)).statusCode).toBe(200); // a fresh probe write: not remembered once a call fails

    await relay.cut();
    const app = hq.built.app;
    const calls = {
      push: () => push(hq, 5),
      pull: () => app.inject({ method: 'GET', url: '/sync/pull', headers: hq.headers }),
      reference: () => app.inject({ method: 'GET', url: '/reference', headers: hq.headers }),
      enrol: () => app.inject({ method: 'POST', url: '/devices/enrol', payload: { code: 'ABCD-EFGH', label: 'W2' } }),
      admin: () =>
        app.inject({ method: 'GET', url: '/admin/devices', headers: { ...hq.headers, 'x-admin-pin': '1234' } }),
      health: () => health(hq),
    };
    for (const [name, call] of Object.entries(calls)) {
      const res = await call();
      expect(res.statusCode, name).toBe(503);
      expectUnavailable(res, RETRY_AFTER_SECONDS.unreachable);
    }
    expect(hq.logs.join('\n')).toMatch(/database unavailable: (ECONNREFUSED|ECONNRESET|Error) /);

    await relay.restore();
    expect((await push(hq, 5)).statusCode).toBe(200);
    expect((await health(hq)).statusCode).toBe(200);
  });

  it('answers 503 with Retry-After when the sequence lock is held past the lock timeout (55P03)', async () => {
    const database = await createTestDatabase(inject('pgUrl'));
    cleanups.push(database.drop);
    const hq = await startHq({ kind: 'postgres', url: database.url });
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    cleanups.push(() => holder.end());
    await holder.query('BEGIN');
    await holder.query('SELECT * FROM counters FOR UPDATE');

    expectUnavailable(await push(hq, 5), RETRY_AFTER_SECONDS.busy);
    expect(hq.logs.join('\n')).toContain('55P03');
    expect((await health(hq)).statusCode).toBe(200); // the database itself is fine

    await holder.query('COMMIT');
    expect((await push(hq, 5)).statusCode).toBe(200);
  });
});
