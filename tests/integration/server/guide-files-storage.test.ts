import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { GuideFile } from '../../../shared/model/catalog.ts';
import { openStorage } from '../../../server/src/storage/db.ts';
import { describeGuideFile, readGuideFile, storeGuideFile } from '../../../server/src/storage/guideFiles.ts';
import { migrateToLatest, migrateUpTo } from '../../../server/src/storage/migrations.ts';
import { BACKENDS } from './harness.ts';

// Issue 16: migration 0013 adds HQ's guide_files to a database an older server left, on both engines, and a form's
// bytes come back exactly as uploaded (every byte value, through the base64 text column).

describe.each(BACKENDS)('migration 0013_guide_files and the forms it keeps on $name', (backend) => {
  it('adds the table to an existing database, keeps each file once by its SHA-256, and returns its bytes whole', async () => {
    const { database, remove } = await backend.create();
    const storage = openStorage(database, () => {});
    try {
      await migrateUpTo(storage.db, '0012_complaint_chain');
      await migrateToLatest(storage.db);
      const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const file: GuideFile = { sha256, mediaType: 'application/pdf', bytes: content.length, fileName: '申请表.pdf' };
      expect(await describeGuideFile(storage.db, sha256)).toBeUndefined();

      const first = await storeGuideFile(storage.db, file, content, { staffId: 'ma-jun', at: '2026-12-02T09:00:00Z' });
      expect(first).toEqual({ file, created: true });
      // The same bytes again, under another name: the record as first stored, nothing written.
      const again = await storeGuideFile(storage.db, { ...file, fileName: '另一个.pdf' }, content, {
        staffId: 'huang-xiuying',
        at: '2026-12-02T10:00:00Z',
      });
      expect(again).toEqual({ file, created: false });

      const read = await readGuideFile(storage.db, sha256);
      expect(read?.file).toEqual(file);
      expect(read?.content.equals(content)).toBe(true);
      expect(await readGuideFile(storage.db, 'f'.repeat(64))).toBeUndefined();
    } finally {
      await storage.close();
      await remove();
    }
  });
});
