import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { SessionAuthor } from '../../../renderer/data/author.ts';
import { readStoredCredentials, storeCredentials } from '../../../renderer/data/credentials.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { enrolThisDesk } from '../../../renderer/data/enrolment.ts';
import { staffAuthClient } from '../../../renderer/data/staffAuth.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import type { SyncTransport } from '../../../renderer/data/transport.ts';
import { buildServer, type BuiltServer } from '../../../server/src/app.ts';
import { issueEnrolmentCode } from '../../../server/src/auth/enrolment.ts';
import type { DatabaseConfig } from '../../../server/src/config.ts';
import { demoSecretOf } from '../../../server/src/seed/demoBureau.ts';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import { freshDeskDb } from '../../unit/renderer/data/deskDb.ts';
import { createTestDatabase } from '../setup/pgDatabase.ts';

export type Backend = 'sqlite' | 'postgres';

export interface RunningServer {
  readonly url: string;
  readonly server: BuiltServer;
  stop(): Promise<void>;
}

/** A real HQ server listening on a free loopback port, on a fresh SQLite file or a fresh PostgreSQL database. */
export async function startServer(backend: Backend): Promise<RunningServer> {
  let database: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'fd-desk-sync-'));
    database = { kind: 'sqlite', file: join(dir, 'hq.sqlite') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const pgDatabase = await createTestDatabase(inject('pgUrl'));
    database = { kind: 'postgres', url: pgDatabase.url };
    cleanup = () => pgDatabase.drop();
  }
  const server = await buildServer({ database, seed: 'demo', logLevel: 'silent', rendererDir: '/nonexistent' });
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    server,
    async stop() {
      await server.close();
      await cleanup();
    },
  };
}

/**
 * Enrol a desk database with the HQ server the way the browser build does: a fresh one-time code made on the
 * server (as an admin would), traded through the real POST /devices/enrol, the credentials kept in the desk db.
 * After this, `syncOnce(db, httpTransport(hq.url))` syncs as this desk — one transport serves any number of
 * enrolled desks, each call carrying the credentials of the db it syncs.
 */
export async function enrolDesk(hq: RunningServer, db: DeskDb, label = 'test desk'): Promise<DeviceCredentials> {
  const { code } = await issueEnrolmentCode(hq.server.storage.db, { label, createdBy: 'test' });
  return enrolThisDesk(db, { serverUrl: hq.url, code, label }, { save: (c) => storeCredentials(db, c) });
}

/** A new, empty desk database already enrolled with `hq` (not yet synced). */
export async function enrolledDeskDb(hq: RunningServer, label?: string): Promise<DeskDb> {
  const db = freshDeskDb();
  await enrolDesk(hq, db, label);
  return db;
}

/** A new desk enrolled with `hq` that has done its first sync, so it holds the directory and the catalog. */
export async function syncedDeskDb(hq: RunningServer, transport: SyncTransport, label?: string): Promise<DeskDb> {
  const db = await enrolledDeskDb(hq, label);
  await syncOnce(db, transport);
  return db;
}

/** The credentials a desk db holds, for `httpTransport(url, { credentials: credentialsFrom(db) })`. */
export function credentialsFrom(db: DeskDb): () => Promise<DeviceCredentials | null> {
  return () => readStoredCredentials(db);
}

/**
 * A demo staff member signed in ONLINE on this desk, the way the desk's sign-in screen does it (issue 11): their own
 * demo secret to POST /auth/sign-in with the desk's credentials. Their events are proven; leaders and admins may decide.
 */
export async function signedInOn(hq: RunningServer, db: DeskDb, staffId: string): Promise<SessionAuthor> {
  const client = staffAuthClient({ serverUrl: () => hq.url, credentials: credentialsFrom(db) });
  return { staffId: staffId as StaffId, session: await client.signIn(staffId as StaffId, demoSecretOf(staffId)) };
}
