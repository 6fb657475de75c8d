// Starts the real HQ server in-process on a fresh database of either engine, for the integration suites.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildServer, type BuiltServer, type ServerOptions } from '../../../server/src/app.ts';
import { issueEnrolmentCode } from '../../../server/src/auth/enrolment.ts';
import type { DatabaseConfig } from '../../../server/src/config.ts';
import { DEVICE_ID_HEADER, enrolResponseSchema, type DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import {
  pullResponseSchema,
  pushResponseSchema,
  SYNC_FORMAT_VERSION,
  type PullResponse,
  type PushResponse,
} from '../../../shared/sync/protocol.ts';
import { createTestDatabase } from '../setup/pgDatabase.ts';

export interface Backend {
  readonly name: string;
  readonly dialect: DatabaseConfig['kind'];
  /** A fresh, empty database and how to remove it. */
  create(): Promise<{ database: DatabaseConfig; remove(): Promise<void> }>;
}

export const BACKENDS: readonly Backend[] = [
  {
    name: 'SQLite',
    dialect: 'sqlite',
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'firstdesk-sqlite-'));
      // A folder that does not exist yet: the server must create it on first run.
      const database = { kind: 'sqlite' as const, file: join(dir, 'data', 'firstdesk.sqlite') };
      return { database, remove: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    dialect: 'postgres',
    async create() {
      const db = await createTestDatabase(inject('pgUrl'));
      return { database: { kind: 'postgres' as const, url: db.url }, remove: db.drop };
    },
  },
];

export interface TestServer extends BuiltServer {
  /** Enrol a new device through POST /devices/enrol with a fresh code; the harness remembers its token. */
  enrol(label?: string): Promise<DeviceCredentials>;
  /** An enrolled device's id, for tests that only need "some desk". */
  device(): Promise<string>;
  /** The auth headers of a device enrolled through this harness (none for an unknown one). */
  authHeaders(deviceId: string): Record<string, string>;
  /** A push authenticated as the body's deviceId (when the harness enrolled it). */
  push(body: unknown): Promise<{ status: number; body: PushResponse }>;
  pushRaw(
    payload: string | object,
    contentType?: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: unknown }>;
  /** A pull by a reader device the harness enrols on first use. */
  pull(cursor?: number, limit?: number): Promise<PullResponse>;
  /** Close the server and delete its database. */
  stop(): Promise<void>;
  /**
   * Another instance on the same database, as behind a load balancer: where one desk's requests can still meet
   * (each instance lets a device have one push and one pull under way, http/inFlight.ts). Closed by the caller.
   */
  twin(): Promise<BuiltServer>;
}

export const MISSING_RENDERER_DIR = join(tmpdir(), 'firstdesk-no-such-renderer-dir');

export async function startServer(
  backend: Backend,
  options: Partial<Pick<ServerOptions, 'rendererDir' | 'seed' | 'trustProxy'>> = {},
): Promise<TestServer> {
  const { database, remove } = await backend.create();
  const built = await buildServer({
    database,
    seed: options.seed ?? 'demo',
    logLevel: 'silent',
    rendererDir: options.rendererDir ?? MISSING_RENDERER_DIR,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  });
  const { app } = built;
  const tokens = new Map<string, string>();
  const authHeaders = (deviceId: string): Record<string, string> => {
    const token = tokens.get(deviceId);
    return token ? { authorization: `Bearer ${token}`, [DEVICE_ID_HEADER]: deviceId } : {};
  };
  const enrol = async (label = 'test desk') => {
    const { code } = await issueEnrolmentCode(built.storage.db, { label, createdBy: 'test' });
    const res = await app.inject({ method: 'POST', url: '/devices/enrol', payload: { code, label } });
    if (res.statusCode !== 200) throw new Error(`enrolment failed: ${res.statusCode} ${res.body}`);
    const credentials = enrolResponseSchema.parse(res.json());
    tokens.set(credentials.deviceId, credentials.token);
    return credentials;
  };
  let reader: Promise<DeviceCredentials> | undefined;

  const pushRaw: TestServer['pushRaw'] = async (payload, contentType = 'application/json', headers) => {
    // Authenticated as the deviceId the body names, unless the test says otherwise.
    const named = typeof payload === 'object' ? (payload as { deviceId?: unknown }).deviceId : undefined;
    const res = await app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { 'content-type': contentType, ...(headers ?? (typeof named === 'string' ? authHeaders(named) : {})) },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    return { status: res.statusCode, json: res.json() };
  };

  return {
    ...built,
    enrol,
    device: async () => (await enrol()).deviceId,
    authHeaders,
    pushRaw,
    async push(body) {
      const { status, json } = await pushRaw(body as object);
      // parse, not cast: the answer must match the shared wire schema
      return { status, body: status === 200 ? pushResponseSchema.parse(json) : (json as PushResponse) };
    },
    async pull(cursor = 0, limit = 2000) {
      const { deviceId } = await (reader ??= enrol('reader'));
      const res = await app.inject({
        method: 'GET',
        url: `/sync/pull?cursor=${cursor}&limit=${limit}`,
        headers: authHeaders(deviceId),
      });
      if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`);
      return pullResponseSchema.parse(res.json());
    },
    async stop() {
      await built.close();
      await remove();
    },
    twin: () =>
      buildServer({
        database,
        seed: 'none',
        logLevel: 'silent',
        rendererDir: options.rendererDir ?? MISSING_RENDERER_DIR,
      }),
  };
}

export function pushBody(deviceId: string, events: readonly unknown[]) {
  return { deviceId, formatVersion: SYNC_FORMAT_VERSION, events };
}
