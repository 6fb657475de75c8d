import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import {
  confirmCalendarYear,
  proposeCalendarYear,
  publishCatalogItem,
  saveServiceItem,
} from '../../../renderer/data/adminOperations.ts';
import { calendarYearView, listCatalogForAdmin } from '../../../renderer/data/adminQueries.ts';
import { deskCalendar, refreshDeskCalendar } from '../../../renderer/data/calendar.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { httpTransport, type SyncTransport } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { DEMO_ITEMS } from '../../../server/src/seed/demoCatalog.ts';
import { SCHEDULE_2027 } from '../../fixtures/adminEvents.ts';
import { signedInOn, startServer, syncedDeskDb, type Backend, type RunningServer } from './servers.ts';

const admin = DEMO_STAFF.admin as StaffId;
const secondAdmin = DEMO_STAFF.secondAdmin as StaffId;

async function row(db: DeskDb, id: string) {
  const found = (await listCatalogForAdmin(db)).find((r) => r.item.id === id);
  if (!found) throw new Error(`no item ${id} on this desk`);
  return found;
}

describe.each<Backend>(['sqlite', 'postgres'])(
  'administrators at two desks, through the HQ server on %s',
  (backend) => {
    let hq: RunningServer;
    let transport: SyncTransport;
    beforeAll(async () => {
      hq = await startServer(backend);
      transport = httpTransport(hq.url);
    });
    afterAll(async () => hq.stop());

    it('puts a draft in force on both desks once a second admin publishes it; the edit made on the old version is refused', async () => {
      const deskA = await syncedDeskDb(hq, transport);
      const deskB = await syncedDeskDb(hq, transport);
      const original = await row(deskA, DEMO_ITEMS.award);
      expect(original.rev).toBe(1);

      // 公开承诺 (art. 20–23): an admin's save is a draft, and nothing in force changes.
      await saveServiceItem(deskA, await signedInOn(hq, deskA, admin), {
        item: { ...original.item, promisedLimitDays: 16 },
        baseRev: 1,
      });
      expect((await row(deskA, DEMO_ITEMS.award)).edit?.kind).toBe('submitted');
      await syncOnce(deskA, transport);
      const drafted = await row(deskA, DEMO_ITEMS.award);
      expect(drafted).toMatchObject({ rev: 1, item: { promisedLimitDays: original.item.promisedLimitDays } });
      expect(drafted.edit).toBeUndefined();
      expect(drafted.draft?.event.staffId).toBe(admin);

      // The second admin sees the draft on another desk and publishes it.
      await syncOnce(deskB, transport);
      const pending = (await row(deskB, DEMO_ITEMS.award)).draft;
      expect(pending).toMatchObject({ stale: false, event: { eventId: drafted.draft!.event.eventId } });
      await publishCatalogItem(deskB, await signedInOn(hq, deskB, secondAdmin), {
        itemId: DEMO_ITEMS.award,
        draftEventId: pending!.event.eventId,
      });
      expect((await syncOnce(deskB, transport)).rejected).toBe(0);
      expect(await row(deskB, DEMO_ITEMS.award)).toMatchObject({
        rev: 2,
        item: { promisedLimitDays: 16, publication: { draftedBy: admin, approvedBy: secondAdmin } },
      });
      expect((await row(deskB, DEMO_ITEMS.award)).draft).toBeUndefined();

      // Desk A, not yet told, drafts again on version 1: HQ refuses it, and A then holds version 2.
      await saveServiceItem(deskA, await signedInOn(hq, deskA, admin), {
        item: { ...original.item, promisedLimitDays: 18 },
        baseRev: 1,
      });
      const a = await syncOnce(deskA, transport);
      expect(a.rejected).toBe(1);
      expect(await row(deskA, DEMO_ITEMS.award)).toMatchObject({
        rev: 2,
        item: { promisedLimitDays: 16 },
        edit: { kind: 'refused', rejection: { code: 'stale-edit' } },
      });
    });

    it('puts a year in force on every desk once the second admin confirms it', async () => {
      const deskA = await syncedDeskDb(hq, transport);
      const deskB = await syncedDeskDb(hq, transport);
      await proposeCalendarYear(deskA, await signedInOn(hq, deskA, admin), {
        year: 2027,
        noticeNumber: null,
        days: SCHEDULE_2027,
      });
      await syncOnce(deskA, transport);
      expect((await refreshDeskCalendar(deskA)).isPublished(2027)).toBe(false);

      await syncOnce(deskB, transport);
      const { pending } = await calendarYearView(deskB, 2027);
      expect(pending?.staffId).toBe(admin);
      await confirmCalendarYear(deskB, await signedInOn(hq, deskB, secondAdmin), {
        year: 2027,
        proposalEventId: pending!.eventId,
      });
      await syncOnce(deskB, transport);
      expect((await refreshDeskCalendar(deskB)).isPublished(2027)).toBe(true);

      await syncOnce(deskA, transport);
      await refreshDeskCalendar(deskA);
      expect(deskCalendar().dayKind('2027-10-09')).toEqual({ working: true, provisional: false, name: '国庆节' });
      expect(await calendarYearView(deskA, 2027)).toMatchObject({
        source: 'hq',
        inForce: { confirmedBy: secondAdmin },
      });
    });
  },
);
