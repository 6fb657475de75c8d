import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { recordContact } from '../../../../renderer/data/operations.ts';
import { syncOnce } from '../../../../renderer/data/sync.ts';
import { readSyncHistory, recordSyncRun, SYNC_HISTORY_SIZE } from '../../../../renderer/data/syncHistory.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';
import { fakeTransport } from './fakeTransport.ts';

let db: DeskDb;
beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
});

describe('the history of sync runs', () => {
  it('records a successful run with what went up, what came down and what was refused', async () => {
    const server = fakeTransport(db);
    await recordContact(db, 'zhang-wei' as StaffId, {
      channel: 'call',
      visitor: { name: '李明' },
      matter: '咨询',
      askedStaffIds: [],
    });
    await syncOnce(db, server.transport);
    expect(await readSyncHistory(db)).toEqual([
      { ok: true, startedAt: expect.any(String), finishedAt: expect.any(String), pushed: 1, rejected: 0, pulled: 0 },
    ]);
  });

  it('records a failed run with its typed reason, newest first', async () => {
    const server = fakeTransport(db);
    await syncOnce(db, server.transport);
    server.state.offline = true;
    await expect(syncOnce(db, server.transport)).rejects.toThrow();
    const [failed, succeeded] = await readSyncHistory(db);
    expect(failed).toMatchObject({ ok: false, failure: { kind: 'offline' } });
    expect(succeeded).toMatchObject({ ok: true });
  });

  it(`keeps only the last ${SYNC_HISTORY_SIZE} runs`, async () => {
    for (let i = 0; i < SYNC_HISTORY_SIZE + 5; i += 1) {
      const at = `2026-11-28T09:${String(i).padStart(2, '0')}:00.000+08:00`;
      await recordSyncRun(db, { ok: true, startedAt: at, finishedAt: at, pushed: i, rejected: 0, pulled: 0 });
    }
    const history = await readSyncHistory(db);
    expect(history).toHaveLength(SYNC_HISTORY_SIZE);
    expect(history[0]).toMatchObject({ pushed: SYNC_HISTORY_SIZE + 4 });
    expect(history.at(-1)).toMatchObject({ pushed: 5 });
  });
});
