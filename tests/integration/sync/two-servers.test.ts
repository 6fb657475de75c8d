import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { answerContact, recordContact, transferContact } from '../../../renderer/data/operations.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { openStorage, type Storage } from '../../../server/src/storage/db.ts';
import { createDatabase, deskTransport, newDesk, pullEverything, rawDevice, storedEventIds } from './harness.ts';
import { deskState, serverState, stateHash } from './replicaState.ts';

// Scale (issue 6, item 6): the HQ server keeps no state of its own, so several processes can serve one
// PostgreSQL behind a load balancer. Two real server processes (the bundled server/dist/main.mjs, started at the
// same moment on an empty database, so they also race to migrate and seed), desks pushing to and pulling from
// both at once: every desk ends with the same log and state, and both servers hand out the same gap-free log.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const clerk = DEMO_STAFF.windowClerk as StaffId;
const handler = DEMO_STAFF.highTechHandler as StaffId;

interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
}

/** Start `node server/dist/main.mjs` on a free port and wait until it says where it listens. */
function startProcess(databaseUrl: string, dataDir: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['server/dist/main.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      FIRSTDESK_DATA_DIR: dataDir,
      FIRSTDESK_RENDERER_DIR: join(dataDir, 'no-renderer'),
      FIRSTDESK_SEED: 'demo',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

describe('two HQ server processes on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let storage: Storage;
  let servers: ServerProcess[] = [];
  let dataDir: string;

  beforeAll(async () => {
    // Always bundle the current sources (about a second): a server/dist left from an older build would test old code.
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'pipe' });
    database = await createDatabase('postgres');
    if (database.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
    dataDir = mkdtempSync(join(tmpdir(), 'fd-two-servers-'));
    servers = await Promise.all(
      [0, 1].map(() => startProcess(database.config.kind === 'postgres' ? database.config.url : '', dataDir)),
    );
    storage = openStorage(database.config, () => undefined);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(
      servers.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await storage?.close();
    await database?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves desks that push to and pull from both: same log, same state, no gaps', { timeout: 60_000 }, async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const via = (server: ServerProcess) => ({ url: server.url, db: storage.db });
    // Each desk enrols through one of the two; its credentials are good on both (they share the database).
    const desks: DeskDb[] = [];
    for (let i = 0; i < 4; i++) desks.push(await newDesk(via(i % 2 ? b : a)));
    for (const db of desks) await syncOnce(db, deskTransport(a, db));

    // Rounds of work: every desk records and acts, then all sync at once, each alternating between the servers.
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        desks.map(async (db, d) => {
          for (let i = 0; i < 6; i++) {
            const id = await recordContact(db, clerk, {
              channel: 'visit',
              visitor: { name: `两台服务器${round}-${d}-${i}` },
              matter: '咨询科技成果登记',
              askedStaffIds: [],
            });
            if (i % 3 === 1) await transferContact(db, clerk, id, { toStaffId: handler });
            if (i % 3 === 2) await answerContact(db, clerk, id, { answer: '已答复' });
          }
        }),
      );
      await Promise.all(desks.map((db, d) => syncOnce(db, deskTransport((round + d) % 2 ? b : a, db), { push: 5 })));
    }
    for (const server of [a, b, a]) for (const db of desks) await syncOnce(db, deskTransport(server, db));

    const stored = await storedEventIds(storage.db);
    expect(new Set(stored).size).toBe(stored.length);
    expect(stored).toHaveLength(4 * 5 * (6 + 4));
    const serverHash = stateHash(await serverState(storage.db));
    for (const db of desks) {
      expect((await db.events.toCollection().primaryKeys()).sort()).toEqual([...stored].sort());
      expect(stateHash(await deskState(db))).toBe(serverHash);
      expect(await db.outbox.count()).toBe(0);
    }

    // Both hand out the same log, in the same order, every sequence number from the first to the last.
    const reader = await rawDevice(via(a));
    const fromA = (await pullEverything(a, reader)).flatMap((p) => [...p.references, ...p.events].map((x) => x.seq));
    const fromB = (await pullEverything(b, reader)).flatMap((p) => [...p.references, ...p.events].map((x) => x.seq));
    const seqs = [...fromA].sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect([...fromB].sort((x, y) => x - y)).toEqual(seqs);
  });
});
