import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/src/storage/db.ts';
import { BACKENDS, startServer, type TestServer } from './harness.ts';

// Issue 10, review: every anonymous /healthz made a durable write (an fsync), so a flood of them slowed a real
// desk's push tenfold. Concurrent checks share one write, and a write answers for a short while.

/** Counts the writes to health_probe from now on, by a trigger the test adds. */
async function countProbeWrites(db: Db, dialect: 'sqlite' | 'postgres'): Promise<() => Promise<number>> {
  await sql`create table probe_writes (n integer not null)`.execute(db);
  await sql`insert into probe_writes (n) values (0)`.execute(db);
  if (dialect === 'sqlite') {
    for (const on of ['insert', 'update']) {
      await sql
        .raw(`create trigger probe_${on} after ${on} on health_probe begin update probe_writes set n = n + 1; end`)
        .execute(db);
    }
  } else {
    await sql
      .raw(
        `create function count_probe() returns trigger language plpgsql as $$ begin update probe_writes set n = n + 1; return null; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger probe_count after insert or update on health_probe for each row execute function count_probe()`,
      )
      .execute(db);
  }
  return async () => {
    const { rows } = await sql<{ n: number }>`select n from probe_writes`.execute(db);
    return Number(rows[0]!.n);
  };
}

describe.each(BACKENDS)('a flood of /healthz on $name', (backend) => {
  let server: TestServer;
  let probeWrites: () => Promise<number>;
  beforeAll(async () => {
    server = await startServer(backend);
    probeWrites = await countProbeWrites(server.storage.db, backend.dialect);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers a hundred concurrent checks healthy with at most a couple of probe writes', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => server.app.inject({ method: 'GET', url: '/healthz' })),
    );
    expect(answers.map((res) => res.statusCode)).toEqual(Array.from({ length: 100 }, () => 200));
    const writes = await probeWrites();
    expect(writes).toBeGreaterThanOrEqual(1); // it did write: the check is real
    expect(writes).toBeLessThanOrEqual(2);
  });
});
