import { beforeEach, describe, expect, it } from 'vitest';
import type { ComplaintLink } from '../../../../../shared/model/complaintEvents.ts';
import type { StaffId } from '../../../../../shared/model/ids.ts';
import { openCase } from '../../../../../renderer/data/caseOperations.ts';
import { findRecords, linkedRecords } from '../../../../../renderer/data/complaints/recordReads.ts';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import { recordContact } from '../../../../../renderer/data/operations.ts';
import { getStaff, mergeReferenceDocs } from '../../../../../renderer/data/references.ts';
import { issueSlip } from '../../../../../renderer/data/slips.ts';
import { freshDeskDb, withDirectory } from '../deskDb.ts';
import { bureauSettings } from '../settingsDoc.ts';

// The complaint's record picker finds the desk's own records with the desk's own reads, and the drawer labels a
// link only from a record this desk holds.

const clerk = 'zhang-wei' as StaffId;

let db: DeskDb;
let contactId: string;
let otherId: string;
let caseId: string;
let serial: string;

beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [bureauSettings('02:30')]));
  contactId = await recordContact(db, clerk, {
    channel: 'visit',
    visitor: { name: '张小三', organisation: '南阳光电科技有限公司', phone: '13800138000' },
    matter: '技术合同认定登记',
    askedStaffIds: [],
  });
  otherId = await recordContact(db, clerk, {
    channel: 'call',
    visitor: { name: '李四' },
    matter: '咨询高新技术企业认定条件',
    askedStaffIds: [],
  });
  caseId = await openCase(db, clerk, contactId, 'tech-contract');
  const staff = (await getStaff(db, clerk))!;
  serial = (await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4')).payload.serial;
});

const links = async (query: string) => (await findRecords(db, query)).map((h) => h.link);

describe('finding the records a complaint concerns', () => {
  it('finds a visitor’s contact by the name, with the case opened from it', async () => {
    expect(await links('张小三')).toEqual([
      { kind: 'contact', id: contactId },
      { kind: 'case', id: caseId },
    ]);
  });

  it('finds a contact by its matter', async () => {
    expect(await links('高新技术企业')).toEqual([{ kind: 'contact', id: otherId }]);
  });

  it('finds a case by the number’s tail the desk prints, in small letters too', async () => {
    expect(await links(caseId.slice(-6).toLowerCase())).toContainEqual({ kind: 'case', id: caseId });
  });

  it('finds a slip by its serial, its beginning, or the sequence printed at its end', async () => {
    for (const q of [serial, serial.slice(0, 10), '000001', '001']) {
      expect(await links(q), q).toContainEqual({ kind: 'slip', id: serial });
    }
  });

  it('finds nothing for a name the desk never registered, or for blanks', async () => {
    expect(await links('王五')).toEqual([]);
    expect(await links('  ')).toEqual([]);
  });

  it('shows what it found without the visitor’s phone', async () => {
    const hits = await findRecords(db, '张小三');
    expect(hits[0]).toMatchObject({ title: '张小三' });
    expect(JSON.stringify(hits)).not.toContain('13800138000');
  });
});

describe('labelling a complaint’s links on this desk', () => {
  it('labels the records this desk holds and leaves out those it does not', async () => {
    const elsewhere = { kind: 'contact', id: '01KB7Z3Q9XJ4M2N8P6R5S3T1VW' } as ComplaintLink;
    const rating = { kind: 'rating', id: contactId } as ComplaintLink;
    const held = await linkedRecords(db, [
      { kind: 'contact', id: contactId } as ComplaintLink,
      { kind: 'case', id: caseId } as ComplaintLink,
      { kind: 'slip', id: serial } as ComplaintLink,
      elsewhere,
      rating,
    ]);
    expect([...held.keys()].sort()).toEqual([`case:${caseId}`, `contact:${contactId}`, `slip:${serial}`].sort());
    expect(held.get(`contact:${contactId}`)?.title).toBe('张小三');
    expect(held.get(`case:${caseId}`)?.title).toBe('技术合同认定登记');
    expect(held.get(`slip:${serial}`)?.detail).toBe(serial);
  });
});
