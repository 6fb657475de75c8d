import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import { escalationAnswerDays } from '../../../shared/rules/escalationDeadline.ts';
import { saveBureauSettings } from '../../../renderer/data/adminOperations.ts';
import { settingsForAdmin } from '../../../renderer/data/adminQueries.ts';
import { getSettings } from '../../../renderer/data/references.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { httpTransport, type SyncTransport } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { signedInOn, startServer, syncedDeskDb, type Backend, type RunningServer } from './servers.ts';

// Issue 12 item 8: the art. 12 answer limit (and every other setting) is edited by an admin at one desk, and every
// desk uses the new version from its next pull; an edit on a version another admin replaced is refused.

const admin = DEMO_STAFF.admin as StaffId;
const secondAdmin = DEMO_STAFF.secondAdmin as StaffId;

describe.each<Backend>(['sqlite', 'postgres'])(
  'the bureau settings at two desks, through the HQ server on %s',
  (backend) => {
    let hq: RunningServer;
    let transport: SyncTransport;
    beforeAll(async () => {
      hq = await startServer(backend);
      transport = httpTransport(hq.url);
    });
    afterAll(async () => hq.stop());

    it('brings an admin’s settings to every desk at its next pull; the edit made on the old version is refused', async () => {
      const deskA = await syncedDeskDb(hq, transport);
      const deskB = await syncedDeskDb(hq, transport);
      const opened = (await settingsForAdmin(deskA)).doc!;
      expect(opened.rev).toBe(1);
      expect(escalationAnswerDays(await getSettings(deskB))).toBe(5);

      await saveBureauSettings(deskA, await signedInOn(hq, deskA, admin), {
        settings: { ...opened.body, escalationAnswerDays: 3, idleLockMinutes: 10 },
        baseRev: 1,
        note: '局务会决定缩短答复时限',
      });
      await saveBureauSettings(deskB, await signedInOn(hq, deskB, secondAdmin), {
        settings: { ...opened.body, idleLockMinutes: 20 },
        baseRev: 1,
      });
      await syncOnce(deskA, transport);
      expect(await settingsForAdmin(deskA)).toMatchObject({
        doc: { rev: 2, body: { escalationAnswerDays: 3, idleLockMinutes: 10 } },
        savedBy: { rev: 2, staffId: admin, note: '局务会决定缩短答复时限' },
      });
      expect((await settingsForAdmin(deskA)).edit).toBeUndefined();

      const b = await syncOnce(deskB, transport);
      expect(b.rejected).toBe(1);
      // Desk B uses version 2 (the art. 12 limit the inbox counts with, the idle lock), not its own refused edit.
      expect(await getSettings(deskB)).toMatchObject({ escalationAnswerDays: 3, idleLockMinutes: 10 });
      expect(await settingsForAdmin(deskB)).toMatchObject({
        doc: { rev: 2 },
        savedBy: { staffId: admin },
        edit: { kind: 'refused', rejection: { code: 'stale-edit' } },
      });

      // Redone on version 2, it becomes version 3 on both desks, with the history of who changed what.
      await saveBureauSettings(deskB, await signedInOn(hq, deskB, secondAdmin), {
        settings: { ...(await getSettings(deskB))!, idleLockMinutes: 20 },
        baseRev: 2,
      });
      await syncOnce(deskB, transport);
      await syncOnce(deskA, transport);
      const seenAtA = await settingsForAdmin(deskA);
      expect(seenAtA.doc).toMatchObject({ rev: 3, body: { idleLockMinutes: 20, escalationAnswerDays: 3 } });
      expect(seenAtA.history.map((v) => [v.rev, v.staffId, v.changed])).toEqual([
        [3, secondAdmin, ['idleLockMinutes']],
        [2, admin, undefined],
      ]);
    });
  },
);
