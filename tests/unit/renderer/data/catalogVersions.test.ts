import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { ReferenceDoc, Staff } from '../../../../shared/model/reference.ts';
import { acceptCase, checkMaterials, openCase } from '../../../../renderer/data/caseOperations.ts';
import { listCatalogVersions, readCatalogVersion } from '../../../../renderer/data/catalogVersions.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { recordContact } from '../../../../renderer/data/operations.ts';
import { rebuildProjections } from '../../../../renderer/data/projections.ts';
import { getStaff, mergeReferenceDocs } from '../../../../renderer/data/references.ts';
import { issueSlip, previewSlip } from '../../../../renderer/data/slips.ts';
import { SlipError } from '../../../../renderer/data/slipSources.ts';
import { publishedAtOf } from '../../../../shared/rules/guide/publishedAt.ts';
import { formatHlc } from '../../../../shared/sync/hlc.ts';
import { DIRECTORY, freshDeskDb, TECH_CONTRACT, withDirectory } from './deskDb.ts';

// Item 12: every slip of a case is composed from the catalog version the case was opened under — never from the
// item as it stands when the slip is printed.

const clerk = 'zhang-wei' as StaffId;
const SETTINGS = {
  kind: 'settings',
  id: 'bureau',
  rev: 1,
  hlc: '000000000000001-00000-hq',
  updatedAt: '2026-11-28T00:00:00.000Z',
  body: {
    bureauName: '南阳市科学技术局',
    bureauCode: 'NYKJ',
    consultPhone: '0377-63176311',
    complaintPhone: '0377-63176300',
    idleLockMinutes: 10,
    nightlySyncAt: '02:30',
  },
} as ReferenceDoc;

const RENAMED = '技术合同文本及技术附件';
const itemDoc = (rev: number, name: string) =>
  ({
    kind: 'serviceItem',
    id: 'tech-contract',
    rev,
    hlc: `00000000000000${rev}-00000-hq`,
    updatedAt: '2026-11-29T00:00:00.000Z',
    body: {
      ...TECH_CONTRACT,
      materials: TECH_CONTRACT.materials.map((m) => (m.id === 'contract-text' ? { ...m, name } : m)),
    },
  }) as unknown as ReferenceDoc; // stored as the fixture writes it (steps as plain strings), like a doc of an old desk
const rev1 = DIRECTORY.find((d) => d.kind === 'serviceItem')!;
/** What the server keeps of rev 1 once rev 2 replaced it (sync/applyAdmin.ts). */
const archivedRev1 = {
  kind: 'serviceItemVersion',
  id: 'tech-contract@1',
  rev: 1,
  hlc: rev1.hlc,
  updatedAt: '2026-11-29T00:00:00.000Z',
  body: { rev: 1, item: rev1.body },
} as ReferenceDoc;

const merge = (db: DeskDb, docs: ReferenceDoc[]) => db.transaction('rw', db.refs, () => mergeReferenceDocs(db, docs));

/** A desk enrolled after the edit: it never saw version 1 of the item, only what the server holds now. */
async function laterDesk(catalog: ReferenceDoc[]): Promise<DeskDb> {
  const desk = freshDeskDb();
  await merge(desk, [...DIRECTORY.filter((d) => d.kind !== 'serviceItem'), SETTINGS, ...catalog]);
  return desk;
}

let db: DeskDb;
let staff: Staff;
let caseId: string;

/** A case opened and accepted under rev 1 of the item, on a desk that then pulled rev 2. */
async function acceptedUnderRev1(desk: DeskDb): Promise<string> {
  const contactId = await recordContact(desk, clerk, {
    channel: 'visit',
    visitor: { name: '张小三', organisation: '南阳光电科技有限公司', phone: '13800138000' },
    matter: '技术合同认定登记',
    askedStaffIds: [],
  });
  const id = await openCase(desk, clerk, contactId, 'tech-contract');
  await checkMaterials(desk, clerk, id, [{ materialId: 'contract-text', state: 'received' }]);
  await acceptCase(desk, clerk, id);
  return id;
}

beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
  await merge(db, [SETTINGS]);
  staff = (await getStaff(db, clerk))!;
  caseId = await acceptedUnderRev1(db);
});

describe('item 12: a case’s slips use the catalog version it was opened under', () => {
  it('prints the 受理通知书 of a case accepted under version 1 after an admin renamed a material (version 2)', async () => {
    await merge(db, [itemDoc(2, RENAMED)]);
    const receipt = (await issueSlip(db, staff, { kind: 'acceptanceReceipt', caseId }, 'a4')).payload.content;
    expect(receipt.catalog).toEqual({ itemId: 'tech-contract', itemName: '技术合同认定登记', rev: 1 });
    const listed = JSON.stringify(receipt.sections);
    expect(listed).toContain('技术合同文本（原件 1 份，复印件 1 份）');
    expect(listed).not.toContain(RENAMED);
    // The case's checklist too; a new checklist of the item as it stands now is version 2.
    const checklist = await previewSlip(db, staff, { kind: 'checklist', caseId });
    expect(checklist.catalog?.rev).toBe(1);
    expect(JSON.stringify(checklist.sections)).not.toContain(RENAMED);
  });

  it('gives a contact the checklist of the version asked for, about the contact (art. 10 at first inquiry)', async () => {
    await merge(db, [itemDoc(2, RENAMED)]);
    const row = (await db.cases.get(caseId))!;
    const request = { kind: 'checklist', contactId: row.contactId, serviceItemId: 'tech-contract', catalogRev: 2 } as const;
    const event = await issueSlip(db, staff, request, 'a4');
    expect(event.payload.subject).toEqual({ kind: 'contact', contactId: row.contactId });
    expect(event.payload.content.catalog?.rev).toBe(2);
    expect(JSON.stringify(event.payload.content.sections)).toContain(RENAMED);
    const old = await previewSlip(db, staff, { ...request, catalogRev: 1 });
    expect(JSON.stringify(old.sections)).not.toContain(RENAMED);
    await expect(previewSlip(db, staff, { ...request, contactId: 'no-such-contact' })).rejects.toMatchObject({
      code: 'notIssuable',
    });
  });

  it('reads version 1 on a desk that only ever saw version 2, from what the server kept of it', async () => {
    const later = await laterDesk([itemDoc(2, RENAMED), archivedRev1]);
    expect((await readCatalogVersion(later, 'tech-contract', 1))?.materials[0]?.name).toBe('技术合同文本');
    expect((await readCatalogVersion(later, 'tech-contract', 2))?.materials[0]?.name).toBe(RENAMED);
  });

  it('公开承诺 (art. 20–23): reads a version from its draft and the publication HQ stored, never from a draft alone', async () => {
    await merge(db, [itemDoc(3, '第三版名称')]);
    const row = (eventId: string, serverSeq: number | undefined, event: object, receivedAt?: string) => ({
      eventId,
      aggregate: 'catalog' as const,
      aggregateId: 'tech-contract',
      event: { eventId, occurredAt: '2026-11-30T01:00:00.000Z', ...event } as never,
      ...(serverSeq === undefined ? {} : { serverSeq }),
      ...(receivedAt ? { receivedAt } : {}),
    });
    const draft = (eventId: string, serverSeq: number | undefined, name: string) =>
      row(eventId, serverSeq, {
        type: 'catalog.itemSaved',
        staffId: 'ma-jun',
        payload: { item: itemDoc(2, name).body, baseRev: 1 },
      });
    const publication = (eventId: string, serverSeq: number | undefined, draftEventId: string) =>
      row(
        eventId,
        serverSeq,
        { type: 'catalog.itemPublished', staffId: 'huang-xiuying', payload: { itemId: 'tech-contract', draftEventId } },
        '2026-12-01T02:00:00.000Z',
      );
    // Two drafts on version 1, both stored by HQ: a draft is not a version.
    await db.events.bulkAdd([draft('01JC000000000000000000D001', 40, '未发布的草稿'), draft('01JC000000000000000000D002', 41, RENAMED)]);
    expect(await readCatalogVersion(db, 'tech-contract', 2)).toBeUndefined();
    // The approval on this desk only, not yet stored: it may still be refused.
    await db.events.add(publication('01JC000000000000000000P001', undefined, '01JC000000000000000000D002'));
    expect(await readCatalogVersion(db, 'tech-contract', 2)).toBeUndefined();
    await db.events.update('01JC000000000000000000P001', { serverSeq: 42, receivedAt: '2026-12-01T02:00:00.000Z' });
    const version2 = await readCatalogVersion(db, 'tech-contract', 2);
    expect(version2?.materials[0]?.name).toBe(RENAMED);
    // Stamped as HQ stamps it: dated by HQ's receipt of the approval, with its drafter and approver.
    expect(version2?.publication).toEqual({
      publishedAt: '2026-12-01T02:00:00.000Z',
      draftEventId: '01JC000000000000000000D002',
      draftedBy: 'ma-jun',
      approvedBy: 'huang-xiuying',
    });
    const versions = await listCatalogVersions(db, 'tech-contract');
    // Every version stays readable, newest first: 3 in force, 2 from its publication, 1 kept when 3 replaced it.
    expect(versions.map((v) => v.rev)).toEqual([3, 2, 1]);
    expect(versions[1]?.publishedAt).toBe('2026-12-01T02:00:00.000Z');
  });

  it('dates a version archived before issue 16 as the public site does: by its hlc, not by the next version', async () => {
    const written = Date.parse('2026-11-20T01:00:00.000Z');
    const archived = {
      ...archivedRev1,
      hlc: formatHlc({ ms: written, counter: 0, node: 'hq' }),
      updatedAt: '2026-11-29T00:00:00.000Z', // when version 2 replaced it
    } as ReferenceDoc;
    const later = await laterDesk([itemDoc(2, RENAMED), archived]);
    const versions = await listCatalogVersions(later, 'tech-contract');
    expect(versions.map((v) => v.rev)).toEqual([2, 1]);
    expect(versions[1]?.publishedAt).toBe(new Date(written).toISOString());
    expect(versions[1]?.publishedAt).toBe(publishedAtOf(versions[1]!.item, archived));
    expect(versions[0]?.publishedAt).toBe('2026-11-29T00:00:00.000Z');
  });

  it('refuses, with a clear error and no number used, a slip whose version this desk does not have', async () => {
    const later = await laterDesk([itemDoc(2, RENAMED)]);
    // The case and its contact arrive on the later desk as a pull brings them: their events, folded by the same rules.
    const pulled = (await db.events.toArray()).filter((row) => row.aggregate === 'case' || row.aggregate === 'contact');
    await later.events.bulkAdd(pulled.map((row, i) => ({ ...row, serverSeq: i + 1 })));
    await rebuildProjections(later);
    expect((await later.cases.get(caseId))?.catalogRev).toBe(1);
    const laterStaff = (await getStaff(later, clerk))!;
    const refused = issueSlip(later, laterStaff, { kind: 'acceptanceReceipt', caseId }, 'a4');
    await expect(refused).rejects.toBeInstanceOf(SlipError);
    await expect(refused).rejects.toMatchObject({ code: 'missingCatalogVersion' });
    expect(await later.meta.get('slipSequences')).toBeUndefined();
  });

  it('keeps the version it replaces when a newer one arrives, and never replaces a version with an older one', async () => {
    await merge(db, [itemDoc(2, RENAMED)]);
    await merge(db, [rev1]); // an old page replayed
    expect((await db.refs.get(['serviceItem', 'tech-contract']))?.doc.rev).toBe(2);
    expect((await db.refs.get(['serviceItemVersion', 'tech-contract@1']))?.doc.kind).toBe('serviceItemVersion');
    expect(await db.refs.get(['serviceItemVersion', 'tech-contract@2'])).toBeUndefined();
  });
});
