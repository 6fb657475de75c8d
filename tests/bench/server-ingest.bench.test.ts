// Push ingest throughput of the HQ server: 20 batches of 500 contact.opened events through the real
// HTTP stack (Fastify inject: routing, JSON parse, per-event zod checks, one transaction per batch).
// Prints a figure; asserts only that everything was stored (benchmarks are not timed assertions).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { buildServer } from '../../server/src/app.ts';
import { enrolDevice, issueEnrolmentCode } from '../../server/src/auth/enrolment.ts';
import type { DatabaseConfig } from '../../server/src/config.ts';
import { DEMO_STAFF } from '../../server/src/seed/demoBureau.ts';
import { countEvents } from '../../server/src/storage/events.ts';
import { pushResponseSchema, SYNC_FORMAT_VERSION } from '../../shared/sync/protocol.ts';
import { DEVICE_ID_HEADER } from '../../shared/sync/enrolment.ts';
import { makeOpenedBatch } from '../fixtures/events.ts';
import { createTestDatabase } from '../integration/setup/pgDatabase.ts';

const BATCHES = 20;
const BATCH_SIZE = 500;
const machine = `${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}`;

async function measureIngest(label: string, database: DatabaseConfig): Promise<number> {
  const { app, storage, close } = await buildServer({
    database,
    seed: 'demo',
    logLevel: 'silent',
    rendererDir: join(os.tmpdir(), 'firstdesk-no-renderer'),
  });
  try {
    // An enrolled device: every push is authenticated (one token check per batch is part of the figure).
    const { code } = await issueEnrolmentCode(storage.db, { createdBy: 'bench' });
    const enrolled = await enrolDevice(storage.db, { code, label: 'bench' });
    if (!enrolled.ok) throw new Error(`enrolment refused: ${enrolled.refusal}`);
    const { deviceId, token } = enrolled.credentials;
    // Built before the clock starts: the bench measures the server, not the fixture.
    const bodies = Array.from({ length: BATCHES }, (_, b) =>
      JSON.stringify({
        deviceId,
        formatVersion: SYNC_FORMAT_VERSION,
        events: makeOpenedBatch({ deviceId, staffId: DEMO_STAFF.windowClerk }, b * BATCH_SIZE + 1, BATCH_SIZE),
      }),
    );
    const t0 = performance.now();
    for (const payload of bodies) {
      const res = await app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [DEVICE_ID_HEADER]: deviceId },
        payload,
      });
      expect(pushResponseSchema.parse(res.json()).stored).toBe(BATCH_SIZE);
    }
    const ms = performance.now() - t0;
    const total = BATCHES * BATCH_SIZE;
    console.log(
      `server push ingest (${label}): ${total} events in ${ms.toFixed(0)} ms = ${Math.round((total / ms) * 1000)} events/s [${machine}]`,
    );
    return await countEvents(storage.db); // awaited here: `finally` closes the database
  } finally {
    await close();
  }
}

it('measures push ingest on SQLite and stores every event', async () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'firstdesk-bench-'));
  try {
    const stored = await measureIngest('SQLite', { kind: 'sqlite', file: join(dir, 'firstdesk.sqlite') });
    expect(stored).toBe(BATCHES * BATCH_SIZE);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('measures push ingest on PostgreSQL and stores every event', async () => {
  // The bench project shares the integration project's globalSetup: a real PostgreSQL is always there.
  const db = await createTestDatabase(inject('pgUrl'));
  try {
    expect(await measureIngest('PostgreSQL', { kind: 'postgres', url: db.url })).toBe(BATCHES * BATCH_SIZE);
  } finally {
    await db.drop();
  }
});
