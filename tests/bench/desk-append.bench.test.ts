import os from 'node:os';
import { expect, it } from 'vitest';
import type { StaffId } from '../../shared/model/ids.ts';
import { recordContact } from '../../renderer/data/operations.ts';
import { freshDeskDb, withDirectory } from '../unit/renderer/data/deskDb.ts';
import { summarise } from './stats.ts';

// Append-one-contact latency on the desk data layer (Dexie over fake-indexeddb in node):
// validation, event + outbox + projection + device counters in one transaction.
it('measures append-one-contact latency on the desk data layer', async () => {
  const db = await withDirectory(freshDeskDb());
  const clerk = 'zhang-wei' as StaffId;
  const input = (i: number) => ({
    channel: 'call' as const,
    visitor: { name: `来电人${i}`, phone: `1380013${String(i % 10000).padStart(4, '0')}` },
    matter: '咨询科技型中小企业评价',
    askedStaffIds: [],
  });
  for (let i = 0; i < 50; i++) await recordContact(db, clerk, input(i)); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t0 = performance.now();
    await recordContact(db, clerk, input(i));
    samples.push(performance.now() - t0);
  }
  const { median, p95, n } = summarise(samples);
  console.log(
    `desk append-one-contact (fake-indexeddb, ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}): ` +
      `n=${n} median=${median.toFixed(2)} ms p95=${p95.toFixed(2)} ms`,
  );
  expect(await db.contacts.count()).toBe(1050);
});
