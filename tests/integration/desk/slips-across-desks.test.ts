import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { ReferenceDoc, Staff } from '../../../shared/model/reference.ts';
import { parseSerial } from '../../../shared/rules/slips/serial.ts';
import { publishCatalogItem, saveServiceItem } from '../../../renderer/data/adminOperations.ts';
import { catalogItemForAdmin } from '../../../renderer/data/adminQueries.ts';
import { acceptCase, checkMaterials, openCase } from '../../../renderer/data/caseOperations.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { recordContact } from '../../../renderer/data/operations.ts';
import { getStaff, mergeReferenceDocs } from '../../../renderer/data/references.ts';
import { issueSlip, previewSlip, reprintSlip } from '../../../renderer/data/slips.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { httpTransport, type SyncTransport } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { signedInOn, startServer, syncedDeskDb, type Backend, type RunningServer } from './servers.ts';

// 一次性告知 (chapter 3): the bureau must be able to show, later and anywhere, exactly what an applicant was given.
// A slip printed on one desk travels to the others through the real HQ server; a reprint on another desk, after
// the catalog item changed, prints the very same content under the same serial.

const clerk = DEMO_STAFF.windowClerk as StaffId;
const clerk2 = DEMO_STAFF.windowClerk2 as StaffId;
const admin = DEMO_STAFF.admin as StaffId;
const secondAdmin = DEMO_STAFF.secondAdmin as StaffId;

describe.each<Backend>(['sqlite', 'postgres'])('slips across desks on %s', (backend) => {
  let hq: RunningServer;
  let transport: SyncTransport;
  beforeAll(async () => {
    hq = await startServer(backend);
    transport = httpTransport(hq.url);
  });
  afterAll(async () => hq.stop());

  const desk = () => syncedDeskDb(hq, transport);

  async function staffOn(db: DeskDb, id: StaffId): Promise<Staff> {
    const staff = await getStaff(db, id);
    if (!staff) throw new Error(`no ${id} in the demo directory`);
    return staff;
  }

  async function openedCase(db: DeskDb): Promise<{ caseId: string; itemId: string; contactId: string }> {
    const [row] = await db.refs.where('kind').equals('serviceItem').toArray();
    if (row?.doc.kind !== 'serviceItem') throw new Error('the demo bureau has no catalog');
    const contactId = await recordContact(db, clerk, {
      channel: 'visit',
      visitor: { name: '李明', organisation: '南阳某新材料有限公司', phone: '13937700001' },
      matter: row.doc.body.name,
      askedStaffIds: [],
    });
    const caseId = await openCase(db, clerk, contactId, row.doc.id);
    await checkMaterials(db, clerk, caseId, [{ materialId: row.doc.body.materials[0]!.id, state: 'received' }]);
    return { caseId, itemId: row.doc.id, contactId };
  }

  /** The item as an admin's later edit leaves it: a material renamed, one added, a shorter promise. */
  async function changeCatalogItem(db: DeskDb, itemId: string): Promise<void> {
    const row = await db.refs.get(['serviceItem', itemId]);
    if (row?.doc.kind !== 'serviceItem') throw new Error('no item');
    const item = row.doc.body;
    const edited: ReferenceDoc = {
      ...row.doc,
      rev: row.doc.rev + 1,
      hlc: `${row.doc.hlc}-edited`,
      body: {
        ...item,
        promisedLimitDays: Math.max(1, item.promisedLimitDays - 1),
        // art. 16: the steps' limits stay within the shorter promise.
        procedure: item.procedure.map((step) => ({ name: step.name })),
        materials: [
          { ...item.materials[0]!, name: `${item.materials[0]!.name}（新版）` },
          ...item.materials.slice(1),
          {
            id: 'added-later',
            name: '后来增加的材料',
            originals: 1,
            copies: 0,
            format: '纸质',
            requirement: 'required',
          },
        ],
      },
    };
    await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [edited]));
  }

  it('reprints on another desk, after the catalog changed, exactly what the first desk printed', async () => {
    const desk1 = await desk();
    const desk2 = await desk();
    const { caseId, itemId, contactId } = await openedCase(desk1);
    const first = await issueSlip(desk1, await staffOn(desk1, clerk), { kind: 'checklist', caseId }, 'a4');
    await syncOnce(desk1, transport);
    await syncOnce(desk2, transport);

    const there = await desk2.slips.get(first.aggregateId);
    expect(there?.content).toEqual(first.payload.content);
    expect(there?.subjectId).toBe(caseId);

    await changeCatalogItem(desk2, itemId);
    const composedNow = await previewSlip(desk2, await staffOn(desk2, clerk2), {
      kind: 'checklist',
      contactId,
      serviceItemId: itemId,
      catalogRev: 2,
    });
    expect(JSON.stringify(composedNow.sections)).toContain('后来增加的材料'); // the catalog did change…

    const reprint = await reprintSlip(desk2, clerk2, first.aggregateId, 'receipt80');
    expect(reprint.payload.content).toEqual(first.payload.content); // …and the reprint did not
    expect(reprint.payload).toMatchObject({ serial: first.payload.serial, reprintOf: first.eventId, reprint: 1 });
    await syncOnce(desk2, transport);
    await syncOnce(desk1, transport);

    const back = await desk1.slips.get(first.aggregateId);
    expect(back?.prints.map((p) => [p.reprint, p.by, p.format])).toEqual([
      [0, clerk, 'a4'],
      [1, clerk2, 'receipt80'],
    ]);
    expect(back?.reprints).toBe(1);
    expect(back?.content).toEqual(first.payload.content);
    expect(await desk1.outbox.count()).toBe(0);
    expect(await desk2.rejected.count()).toBe(0);
  });

  it('item 12: prints the 受理通知书 from the version the case was opened under, after an admin renamed a material — also on a desk enrolled after the edit', async () => {
    const desk1 = await desk();
    const [ref] = await desk1.refs.where('kind').equals('serviceItem').toArray();
    if (ref?.doc.kind !== 'serviceItem') throw new Error('the demo bureau has no catalog');
    const { id: itemId, materials } = ref.doc.body;
    expect(ref.doc.rev).toBe(1);
    const contactId = await recordContact(desk1, clerk, {
      channel: 'visit',
      visitor: { name: '李明', organisation: '南阳某新材料有限公司', phone: '13937700001' },
      matter: ref.doc.body.name,
      askedStaffIds: [],
    });
    const caseId = await openCase(desk1, clerk, contactId, itemId);
    await checkMaterials(
      desk1,
      clerk,
      caseId,
      materials.map((m) => ({ materialId: m.id, state: 'received' as const })),
    );
    await acceptCase(desk1, clerk, caseId);

    const renamed = `${materials[0]!.name}（第二版名称）`;
    const edited = { ...ref.doc.body, materials: [{ ...materials[0]!, name: renamed }, ...materials.slice(1)] };
    await saveServiceItem(desk1, await signedInOn(hq, desk1, admin), { item: edited, baseRev: 1 });
    await syncOnce(desk1, transport);
    // A draft until a second admin publishes it (art. 20–23, issue 16).
    expect((await desk1.refs.get(['serviceItem', itemId]))?.doc.rev).toBe(1);
    const draftEventId = (await catalogItemForAdmin(desk1, itemId))!.draft!.event.eventId;
    await publishCatalogItem(desk1, await signedInOn(hq, desk1, secondAdmin), { itemId, draftEventId });
    await syncOnce(desk1, transport);
    expect((await desk1.refs.get(['serviceItem', itemId]))?.doc.rev).toBe(2);

    const receipts = async (db: DeskDb, staffId: StaffId) =>
      (await issueSlip(db, await staffOn(db, staffId), { kind: 'acceptanceReceipt', caseId }, 'a4')).payload.content;
    const here = await receipts(desk1, clerk);
    // A desk enrolled after the edit never held version 1 as the current item: the server kept it for it.
    const later = await desk();
    const there = await receipts(later, clerk2);
    for (const receipt of [here, there]) {
      expect(receipt.catalog).toMatchObject({ itemId, rev: 1 });
      expect(JSON.stringify(receipt.sections)).toContain(materials[0]!.name);
      expect(JSON.stringify(receipt.sections)).not.toContain(renamed);
    }
    // A contact asking today is told the item as it stands: version 2.
    const today = await previewSlip(later, await staffOn(later, clerk2), {
      kind: 'checklist',
      contactId,
      serviceItemId: itemId,
      catalogRev: 2,
    });
    expect(JSON.stringify(today.sections)).toContain(renamed);
  });

  it('gives slips issued on two desks at once different serials, without asking anyone', async () => {
    const desk1 = await desk();
    const desk2 = await desk();
    const a = await openedCase(desk1);
    const b = await openedCase(desk2);
    const fromDesk1 = await issueSlip(
      desk1,
      await staffOn(desk1, clerk),
      { kind: 'checklist', caseId: a.caseId },
      'a4',
    );
    const fromDesk2 = await issueSlip(
      desk2,
      await staffOn(desk2, clerk2),
      { kind: 'checklist', caseId: b.caseId },
      'a4',
    );
    const [one, two] = [parseSerial(fromDesk1.payload.serial), parseSerial(fromDesk2.payload.serial)];
    expect(one?.seq).toBe(1);
    expect(two?.seq).toBe(1);
    expect(one?.deskCode).not.toBe(two?.deskCode);
    expect(fromDesk1.payload.serial).not.toBe(fromDesk2.payload.serial);
    await syncOnce(desk1, transport);
    await syncOnce(desk2, transport);
    await syncOnce(desk1, transport);
    expect((await desk1.slips.toArray()).map((s) => s.serial)).toEqual(
      expect.arrayContaining([fromDesk1.payload.serial, fromDesk2.payload.serial]),
    );
  });
});
