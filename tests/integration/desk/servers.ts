import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildServer, type BuiltServer } from '../../../server/src/app.ts';
import type { DatabaseConfig } from '../../../server/src/config.ts';
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
