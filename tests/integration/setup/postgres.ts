// Vitest globalSetup of the integration project: makes a PostgreSQL server available as inject('pgUrl').
// FIRSTDESK_TEST_PG_URL (an admin URL that may CREATE DATABASE) is used when set; otherwise a throwaway
// cluster is initialised in a temp dir and stopped and deleted afterwards. Each test file creates its own
// databases in it (see pgDatabase.ts), so files never see each other's data.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

const MISSING =
  'PostgreSQL is needed for the integration tests: apt-get install postgresql (see README) or set FIRSTDESK_TEST_PG_URL';

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new Error(`FIRSTDESK_TEST_PG_URL is set but PostgreSQL is not reachable there: ${String(err)}`, {
      cause: err,
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}

function newestPgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  const newest = versions.at(-1);
  if (!newest) throw new Error(MISSING);
  return join(root, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startThrowawayCluster(): Promise<{ url: string; stop: () => void }> {
  const bin = newestPgBin();
  // PostgreSQL refuses to run as root: then every command runs as the postgres user, which must own the dirs.
  const asRoot = userInfo().uid === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });

  const dir = mkdtempSync(join(tmpdir(), 'firstdesk-pg-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'socket');
  mkdirSync(socket);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    for (const path of [dir, socket]) chownSync(path, uid, gid);
  }
  const port = await freePort();
  const log = join(dir, 'log');
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    // fsync off: this cluster is deleted after the run, and durability costs seconds per test file.
    const options = `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
    run('pg_ctl', ['-D', data, '-l', log, '-w', '-o', options, 'start']);
  } catch (err) {
    const detail = existsSync(log) ? readFileSync(log, 'utf8') : String(err);
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start a throwaway PostgreSQL from ${bin}:\n${detail}`, { cause: err });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.FIRSTDESK_TEST_PG_URL;
  if (given) {
    await assertReachable(given);
    project.provide('pgUrl', given);
    return undefined;
  }
  const cluster = await startThrowawayCluster();
  project.provide('pgUrl', cluster.url);
  return cluster.stop;
}
