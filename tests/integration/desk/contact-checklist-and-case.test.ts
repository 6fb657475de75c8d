import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import { openCase } from '../../../renderer/data/caseOperations.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { answerContact, recordChecklistGiven, recordContact } from '../../../renderer/data/operations.ts';
import { getStaff } from '../../../renderer/data/references.ts';
import { listRejections } from '../../../renderer/data/rejections.ts';
import { issueSlip } from '../../../renderer/data/slips.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { httpTransport, type SyncTransport } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { startServer, syncedDeskDb, type Backend, type RunningServer } from './servers.ts';

// Issue 12, items 6–7 on the desk's data layer and the real HQ server: the one-time checklist given from a contact
// (art. 10) and a case opened for it, which disposes of the contact — on the desk that did it and on every other.

const clerk = DEMO_STAFF.windowClerk as StaffId; // 张伟
const stranger = DEMO_STAFF.highTechHandler as StaffId; // 刘洋, not asked at this contact

const call = (matter: string) => ({
  channel: 'call' as const,
  visitor: { name: '赵敏', phone: '13800138000' },
  matter,
  askedStaffIds: [],
});

async function currentItem(db: DeskDb): Promise<{ id: string; rev: number }> {
  const rows = await db.refs.where('kind').equals('serviceItem').toArray();
  const row = rows.find((r) => r.doc.kind === 'serviceItem' && r.doc.body.active);
  if (!row) throw new Error('the demo bureau has no active catalog item');
  return { id: row.doc.id, rev: row.doc.rev };
}

const inboxOf = async (db: DeskDb, staffId: StaffId) =>
  (await db.contacts.where('awaitingStaffId').equals(staffId).toArray()).map((c) => c.contactId);

describe.each<Backend>(['sqlite', 'postgres'])('checklist and case from a contact on %s', (backend) => {
  let hq: RunningServer;
  let transport: SyncTransport;
  beforeAll(async () => {
    hq = await startServer(backend);
    transport = httpTransport(hq.url);
  });
  afterAll(async () => hq.stop());

  it('art. 10: a checklist read out on the phone is recorded with its item and version, and the contact stays to be answered', async () => {
    const window1 = await syncedDeskDb(hq, transport);
    const window2 = await syncedDeskDb(hq, transport);
    const item = await currentItem(window1);
    const id = await recordContact(window1, clerk, call('需要带什么材料'));
    await recordChecklistGiven(window1, clerk, id, { serviceItemId: item.id, catalogRev: item.rev, how: 'readOut' });
    await syncOnce(window1, transport);
    await syncOnce(window2, transport);

    for (const db of [window1, window2]) {
      const row = await db.contacts.get(id);
      expect(row?.status).toBe('open');
      expect(row?.checklists.map((c) => [c.serviceItemId, c.catalogRev, c.how, c.by])).toEqual([
        [item.id, item.rev, 'readOut', clerk],
      ]);
      expect(row?.cases).toEqual([]);
    }
    expect(await inboxOf(window1, clerk)).toContain(id);
    expect(await listRejections(window1)).toEqual([]);
    await answerContact(window1, clerk, id, { answer: '已一次性告知所需材料、程序和时限' });
    expect((await window1.contacts.get(id))?.status).toBe('answered');
  });

  it('art. 10: a checklist printed from the contact is recorded on it with the slip, in one step', async () => {
    const db = await syncedDeskDb(hq, transport);
    const item = await currentItem(db);
    const id = await recordContact(db, clerk, call('打印告知单'));
    const staff = await getStaff(db, clerk);
    const request = { kind: 'checklist' as const, contactId: id, serviceItemId: item.id, catalogRev: item.rev };
    const slip = await issueSlip(db, staff!, request, 'a4');
    const row = await db.contacts.get(id);
    expect(row?.checklists.map((c) => [c.serviceItemId, c.catalogRev, c.how])).toEqual([
      [item.id, item.rev, 'printed'],
    ]);
    expect(row?.status).toBe('open');
    expect(slip.payload.subject).toEqual({ kind: 'contact', contactId: id });
    await syncOnce(db, transport);
    expect(await listRejections(db)).toEqual([]);
  });

  it('art. 10: a checklist of a version the desk no longer shows, or of no item, is refused and nothing is stored', async () => {
    const db = await syncedDeskDb(hq, transport);
    const item = await currentItem(db);
    const id = await recordContact(db, clerk, call('材料清单'));
    const before = await db.events.count();
    await expect(
      recordChecklistGiven(db, clerk, id, { serviceItemId: item.id, catalogRev: item.rev + 1, how: 'message' }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ message: 'catalogRevStale' })] });
    await expect(
      recordChecklistGiven(db, clerk, id, { serviceItemId: 'no-such-item', catalogRev: 1, how: 'message' }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ message: 'serviceItemRequired' })] });
    await expect(
      recordChecklistGiven(db, clerk, id, { serviceItemId: item.id, catalogRev: item.rev, how: 'fax' as never }),
    ).rejects.toThrow();
    expect(await db.events.count()).toBe(before);
    expect((await db.contacts.get(id))?.checklists).toEqual([]);
  });

  it('item 7: opening a case disposes of the contact — out of the inbox and the unfinished list on both desks; the server takes it', async () => {
    const window1 = await syncedDeskDb(hq, transport);
    const window2 = await syncedDeskDb(hq, transport);
    const item = await currentItem(window1);
    const id = await recordContact(window1, clerk, call('申请开办'));
    await syncOnce(window1, transport);
    await syncOnce(window2, transport);
    expect(await inboxOf(window2, clerk)).toContain(id);

    const caseId = await openCase(window1, clerk, id, item.id);
    await syncOnce(window1, transport);
    await syncOnce(window2, transport);

    for (const db of [window1, window2]) {
      const row = await db.contacts.get(id);
      expect(row).toMatchObject({ status: 'caseOpened', flags: [] });
      expect(row?.awaitingStaffId).toBeUndefined();
      expect(row?.cases.map((c) => [c.caseId, c.serviceItemId])).toEqual([[caseId, item.id]]);
      expect(await inboxOf(db, clerk)).not.toContain(id);
      const unfinished = await db.contacts
        .where('status')
        .anyOf(['open', 'transferPending', 'escalated', 'refusalPending', 'refused'])
        .toArray();
      expect(unfinished.map((c) => c.contactId)).not.toContain(id);
    }
    expect(await listRejections(window1)).toEqual([]);
  });

  it('item 7: a case opened after the contact was answered is a link, and the answer stands', async () => {
    const db = await syncedDeskDb(hq, transport);
    const item = await currentItem(db);
    const id = await recordContact(db, clerk, call('先答复后开办件'));
    await answerContact(db, clerk, id, { answer: '已告知办理流程' });
    const caseId = await openCase(db, clerk, id, item.id);
    const row = await db.contacts.get(id);
    expect(row).toMatchObject({ status: 'answered', flags: [] });
    expect(row?.cases.map((c) => c.caseId)).toEqual([caseId]);
  });

  it('art. 7–8: a case opened by someone not asked at the contact is kept as a link and flagged; the contact stays open', async () => {
    const db = await syncedDeskDb(hq, transport);
    const item = await currentItem(db);
    const id = await recordContact(db, clerk, call('他人开办件'));
    await openCase(db, stranger, id, item.id);
    const row = await db.contacts.get(id);
    expect(row?.status).toBe('open');
    expect(row?.flags.map((f) => f.code)).toEqual(['notAllowed']);
    expect(await inboxOf(db, clerk)).toContain(id);
  });
});
