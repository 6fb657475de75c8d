import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedOnFirstRun } from '../../../server/src/seed/firstRun.ts';
import { listReferenceDocs } from '../../../server/src/storage/reference.ts';
import { BACKENDS, startServer, type TestServer } from './harness.ts';

// A database seeded before the catalog existed has the demo bureau and no service items.
describe.each(BACKENDS)('the demo catalog on an existing database on $name', (backend) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer(backend);
    await server.storage.db.deleteFrom('reference_docs').where('kind', '=', 'serviceItem').execute();
  });
  afterEach(async () => {
    await server.stop();
  });

  const items = async () => listReferenceDocs(server.storage.db, 'serviceItem');

  it('is added once to a demo database that has no catalog yet, after everything a desk already has', async () => {
    const { nextCursor } = await server.pull(0, 2000);
    expect(await seedOnFirstRun(server.storage.db, 'demo')).toBeGreaterThanOrEqual(8);
    const page = await server.pull(nextCursor, 2000);
    expect(page.references.length).toBeGreaterThanOrEqual(8);
    expect(page.references.every((r) => r.doc.kind === 'serviceItem' && r.doc.rev === 1)).toBe(true);
    expect(await seedOnFirstRun(server.storage.db, 'demo')).toBe(0);
  });

  it('is not added when seeding is off, or when the departments it names are not there', async () => {
    expect(await seedOnFirstRun(server.storage.db, 'none')).toBe(0);
    await server.storage.db.deleteFrom('reference_docs').where('id', '=', 'dept-transfer').execute();
    expect(await seedOnFirstRun(server.storage.db, 'demo')).toBe(0);
    expect(await items()).toEqual([]);
  });
});
