import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { ReferenceDoc, Staff } from '../../../../shared/model/reference.ts';
import { slipEventSchema } from '../../../../shared/model/slipEvents.ts';
import { deskCodeOf } from '../../../../shared/rules/slips/serial.ts';
import { checkMaterials, openCase, requestSupplement } from '../../../../renderer/data/caseOperations.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { readDevice } from '../../../../renderer/data/device.ts';
import { recordContact, transferContact } from '../../../../renderer/data/operations.ts';
import { rebuildProjections } from '../../../../renderer/data/projections.ts';
import { getStaff, mergeReferenceDocs } from '../../../../renderer/data/references.ts';
import { issueSlip, previewSlip, reprintSlip } from '../../../../renderer/data/slips.ts';
import { readSlipSettings, saveSlipSettings } from '../../../../renderer/data/slipSettings.ts';
import { SlipError } from '../../../../renderer/data/slipSources.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';

const clerk = 'zhang-wei' as StaffId;
const SETTINGS: ReferenceDoc = {
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

let db: DeskDb;
let staff: Staff;
let caseId: string;
let contactId: string;
const year = new Date().getFullYear();

beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [SETTINGS]));
  staff = (await getStaff(db, clerk))!;
  contactId = await recordContact(db, clerk, {
    channel: 'visit',
    visitor: { name: '张小三', organisation: '南阳光电科技有限公司', phone: '13800138000' },
    matter: '技术合同认定登记',
    askedStaffIds: [],
  });
  caseId = await openCase(db, clerk, contactId, 'tech-contract');
});

describe('issuing slips on the desk', () => {
  it('numbers the slips of a desk with its own code and its own sequence, one after the other', async () => {
    const first = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    const second = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'receipt80');
    const desk = deskCodeOf((await readDevice(db)).deviceId);
    expect(first.payload.serial).toBe(`NYKJ-${desk}-${year}-000001`);
    expect(second.payload.serial).toBe(`NYKJ-${desk}-${year}-000002`);
    expect((await db.meta.get('slipSequences'))?.value).toEqual({ [year]: 2 });
  });

  it('records the whole composed content in the slip.printed event, and lists the slip under its case', async () => {
    const event = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    expect(slipEventSchema.parse(event)).toEqual(event);
    expect(event.payload.content).toMatchObject({ kind: 'checklist', catalog: { itemId: 'tech-contract', rev: 1 } });
    expect(event.payload.content.applicant.phoneMasked).toBe('138****8000');
    const rows = await db.slips.where('subjectId').equals(caseId).toArray();
    expect(rows.map((r) => r.serial)).toEqual([event.payload.serial]);
    expect(await db.outbox.where('deviceSeq').equals(event.deviceSeq).count()).toBe(1);
  });

  it('keeps the number and the record together: when the event cannot be stored, no number is used', async () => {
    const bulkAdd = vi.spyOn(db.events, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4')).rejects.toThrow('disk full');
    bulkAdd.mockRestore();
    expect(await db.meta.get('slipSequences')).toBeUndefined();
    expect(await db.slips.count()).toBe(0);
    const next = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    expect(next.payload.serial).toMatch(/-000001$/);
  });

  it('previews with the next free number without using it', async () => {
    const preview = await previewSlip(db, staff, { kind: 'checklist', caseId });
    expect(preview.serial).toMatch(/-000001$/);
    expect(await db.meta.get('slipSequences')).toBeUndefined();
    const issued = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    expect(issued.payload.content).toEqual(preview);
  });

  it('refuses a notice the case does not call for, and uses no number for it', async () => {
    await expect(issueSlip(db, staff, { kind: 'supplementNotice', caseId }, 'a4')).rejects.toBeInstanceOf(SlipError);
    await checkMaterials(db, clerk, caseId, [{ materialId: 'contract-text', state: 'missing' }]);
    await requestSupplement(db, clerk, caseId);
    const notice = await issueSlip(db, staff, { kind: 'supplementNotice', caseId }, 'a4');
    expect(notice.payload.serial).toMatch(/-000001$/);
    expect(notice.payload.content.title).toBe('补正材料通知书');
  });

  it('issues the transfer note of a transferred contact, about the contact', async () => {
    await transferContact(db, clerk, contactId, { toStaffId: 'li-na' as StaffId });
    const note = await issueSlip(
      db,
      staff,
      { kind: 'transferNote', contactId, variant: 'transfer' },
      'receipt80',
    );
    expect(note.payload.subject).toEqual({ kind: 'contact', contactId });
    expect(note.payload.content.sections[0]?.blocks[0]).toMatchObject({
      type: 'fields',
      fields: expect.arrayContaining([{ label: '办公地址', value: '南阳市科技局五楼' }]),
    });
  });
});

describe('reprinting a slip', () => {
  it('reprints the same content and serial, points at the first print, and counts', async () => {
    const first = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    const again = await reprintSlip(db, clerk, first.aggregateId, 'receipt80');
    const third = await reprintSlip(db, clerk, first.aggregateId, 'a4');
    expect(again.payload).toMatchObject({ serial: first.payload.serial, reprintOf: first.eventId, reprint: 1 });
    expect(again.payload.content).toEqual(first.payload.content);
    expect(third.payload.reprint).toBe(2);
    const row = await db.slips.get(first.aggregateId);
    expect(row?.prints.map((p) => [p.reprint, p.format])).toEqual([
      [0, 'a4'],
      [1, 'receipt80'],
      [2, 'a4'],
    ]);
    // A reprint is not a new slip: the sequence did not move.
    expect((await db.meta.get('slipSequences'))?.value).toEqual({ [year]: 1 });
  });

  it('rebuilds the slip list from the event log', async () => {
    const first = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    await reprintSlip(db, clerk, first.aggregateId, 'a4');
    const before = await db.slips.toArray();
    await db.slips.clear();
    await rebuildProjections(db);
    expect(await db.slips.toArray()).toEqual(before);
  });
});

describe("the desk's print settings", () => {
  it('prints on A4 through the system dialog until the desk chooses otherwise', async () => {
    expect(await readSlipSettings(db)).toEqual({ format: 'a4' });
    await saveSlipSettings(db, { format: 'receipt80', printerName: 'EPSON_TM_T82' });
    expect(await readSlipSettings(db)).toEqual({ format: 'receipt80', printerName: 'EPSON_TM_T82' });
    await saveSlipSettings(db, { format: 'a4', printerName: null });
    expect(await readSlipSettings(db)).toEqual({ format: 'a4' });
  });
});
