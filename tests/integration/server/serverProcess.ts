// The HQ server as production runs it: bundled the way `npm run build:server` bundles it, started as its own Node
// process on a loopback port. For benches whose load generator must not share the server's event loop (an
// in-process server would be slowed by the very client that measures it).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../../../server/src/config.ts';
import { openStorage, type Db } from '../../../server/src/storage/db.ts';
import { createTestDatabase } from '../setup/pgDatabase.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// Inside node_modules, so the bundle's external packages resolve from the workspace as they do in server/dist.
const bundle = join(root, 'node_modules', '.cache', 'firstdesk-bench', 'main.mjs');

async function bundleServer(): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: ['server/src/main.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __firstdeskCreateRequire } from 'node:module';\nconst require = __firstdeskCreateRequire(import.meta.url);",
    },
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerProcess {
  readonly url: string;
  /** The same database, opened from this process: for enrolment codes and for reading what was stored. */
  readonly db: Db;
  stop(): Promise<void>;
}

export async function startServerProcess(backend: 'sqlite' | 'postgres'): Promise<ServerProcess> {
  await bundleServer();
  const dir = mkdtempSync(join(tmpdir(), 'fd-hq-process-'));
  const pg = backend === 'postgres' ? await createTestDatabase(inject('pgUrl')) : undefined;
  const database: DatabaseConfig = pg
    ? { kind: 'postgres', url: pg.url }
    : { kind: 'sqlite', file: join(dir, 'firstdesk.sqlite') };
  const port = await freePort();
  const { DATABASE_URL: _inherited, ...env } = process.env;
  const child = spawn(process.execPath, [bundle], {
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      FIRSTDESK_DATA_DIR: dir,
      ...(pg ? { DATABASE_URL: pg.url } : {}),
      FIRSTDESK_SEED: 'demo',
      LOG_LEVEL: 'error',
      FIRSTDESK_RENDERER_DIR: join(dir, 'no-renderer'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  async function cleanUp(): Promise<void> {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  }

  const deadline = Date.now() + 30_000;
  for (;;) {
    const healthy = await fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await cleanUp();
      throw new Error(`the HQ server process did not come up on ${url}:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const storage = openStorage(database, () => undefined);
  return {
    url,
    db: storage.db,
    async stop() {
      await storage.close();
      await cleanUp();
    },
  };
}
