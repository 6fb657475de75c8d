import { describe, expect, it } from 'vitest';
import { openStorage } from '../../../server/src/storage/db.ts';
import { migrateToLatest, migrateUpTo } from '../../../server/src/storage/migrations.ts';
import { printHashes, serviceRated } from '../../../server/src/storage/ratingTokens.ts';
import { BACKENDS } from './harness.ts';

// Issue 13: migration 0009 moves the QR rating tokens from one per slip (0008) to one per print. A slip registered
// before it keeps its link: its first print's hash is copied over, and a slip already rated still rates its service.

describe.each(BACKENDS)('migration 0009_slip_rating_prints on $name', (backend) => {
  it('keeps every slip registered under 0008 ratable by its first link, and its rating counted for its service', async () => {
    const { database, remove } = await backend.create();
    const storage = openStorage(database, () => {});
    try {
      await migrateUpTo(storage.db, '0008_slip_rating_tokens');
      const row = (serial: string, hash: string, rated: string | null) => ({
        serial,
        token_hash: hash,
        slip_id: `slip-${serial}`,
        service_kind: 'case',
        service_id: 'case-1',
        rated_staff_id: 'zhang-wei',
        issued_on: '2026-11-30',
        print_event_id: `print-${serial}`,
        created_at: '2026-11-30T08:00:00.000Z',
        rated_event_id: rated,
      });
      const db = storage.db.withTables<{ slip_rating_tokens: ReturnType<typeof row> }>();
      await db
        .insertInto('slip_rating_tokens')
        .values([
          row('NYKJ-W0001-2026-000001', 'a'.repeat(64), null),
          row('NYKJ-W0001-2026-000002', 'b'.repeat(64), 'r1'),
        ])
        .execute();
      await migrateToLatest(storage.db);
      expect(await printHashes(storage.db, 'NYKJ-W0001-2026-000001')).toEqual(['a'.repeat(64)]);
      expect(await printHashes(storage.db, 'NYKJ-W0001-2026-000002')).toEqual(['b'.repeat(64)]);
      expect(await serviceRated(storage.db, 'case', 'case-1')).toBe(true);
      expect(await serviceRated(storage.db, 'case', 'case-2')).toBe(false);
    } finally {
      await storage.close();
      await remove();
    }
  });
});
