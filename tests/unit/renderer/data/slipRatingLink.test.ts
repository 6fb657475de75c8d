import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { ReferenceDoc, Staff } from '../../../../shared/model/reference.ts';
import { parseRatingLink } from '../../../../shared/rules/slips/ratingLink.ts';
import { openCase } from '../../../../renderer/data/caseOperations.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { recordContact } from '../../../../renderer/data/operations.ts';
import { getStaff, mergeReferenceDocs } from '../../../../renderer/data/references.ts';
import { issueSlip, previewSlip, reprintSlip } from '../../../../renderer/data/slips.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';

// 好差评 by QR (issue 13): with the bureau's public rating address set, each slip's QR code opens HQ's rating page
// with a token this desk keeps to itself (the synced event carries its hash); a reprint here prints the same link;
// without the address, the serial alone.

const clerk = 'zhang-wei' as StaffId;
const BASE = 'https://hq.nykj.example';
const settings = (publicRatingBase?: string): ReferenceDoc =>
  ({
    kind: 'settings',
    id: 'bureau',
    rev: publicRatingBase ? 2 : 1,
    hlc: `00000000000000${publicRatingBase ? 2 : 1}-00000-hq`,
    updatedAt: '2026-11-28T00:00:00.000Z',
    body: {
      bureauName: '南阳市科学技术局',
      bureauCode: 'NYKJ',
      consultPhone: '0377-63176311',
      complaintPhone: '0377-63176300',
      idleLockMinutes: 10,
      nightlySyncAt: '02:30',
      ...(publicRatingBase ? { publicRatingBase } : {}),
    },
  }) as ReferenceDoc;

let db: DeskDb;
let staff: Staff;
let caseId: string;
let contactId: string;

async function setUp(publicRatingBase?: string) {
  db = await withDirectory(freshDeskDb());
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [settings(publicRatingBase)]));
  staff = (await getStaff(db, clerk))!;
  contactId = await recordContact(db, clerk, {
    channel: 'visit',
    visitor: { name: '张小三', organisation: '南阳光电科技有限公司', phone: '13800138000' },
    matter: '技术合同认定登记',
    askedStaffIds: [],
  });
  caseId = await openCase(db, clerk, contactId, 'tech-contract');
}

describe('the QR code of a slip when the bureau publishes its rating page', () => {
  beforeEach(() => setUp(BASE));

  it('carries the rating link of its own serial, with the caption 扫码评价本次服务', async () => {
    const event = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    const link = parseRatingLink(event.payload.content.qr.payload);
    expect(link).toMatchObject({ base: BASE, serial: event.payload.serial });
    expect(event.payload.content.qr.caption).toBe('扫码评价本次服务');
  });

  it('gives every slip a token of its own', async () => {
    const a = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    const b = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    expect(parseRatingLink(a.payload.content.qr.payload)!.token).not.toBe(
      parseRatingLink(b.payload.content.qr.payload)!.token,
    );
  });

  it('prints the same link again on a reprint here (the token is kept in this desk’s own table)', async () => {
    const first = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    const again = await reprintSlip(db, { staffId: clerk }, first.aggregateId, 'receipt80');
    expect(again.payload.reprint).toBe(1);
    expect(again.payload.content.qr).toEqual(first.payload.content.qr);
    expect(again.payload.ratingTokenSha256).toBe(first.payload.ratingTokenSha256);
  });

  it('keeps the token out of the stored and synced event, which carries only its SHA-256', async () => {
    const printed = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    const { token } = parseRatingLink(printed.payload.content.qr.payload)!;
    const stored = await db.events.get(printed.eventId);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(await db.outbox.toArray())).not.toContain(token);
    expect(JSON.stringify(await db.slips.toArray())).not.toContain(token);
    const event = stored!.event as typeof printed;
    expect(event.payload.content.qr.payload).toBe(`${BASE}/r/${printed.payload.serial}`);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(event.payload.ratingTokenSha256).toBe(hex);
    expect((await db.slipTokens.get(printed.aggregateId))?.token).toBe(token);
  });

  it('also on a contact’s transfer or checklist slip, whose subject is the contact', async () => {
    const event = await issueSlip(
      db,
      staff,
      { kind: 'checklist', contactId, serviceItemId: 'tech-contract', catalogRev: 1 },
      'a4',
    );
    expect(event.payload.subject).toEqual({ kind: 'contact', contactId });
    expect(parseRatingLink(event.payload.content.qr.payload)?.serial).toBe(event.payload.serial);
  });

  it('shows a link in the preview whose token is never the one printed', async () => {
    const preview = await previewSlip(db, staff, { kind: 'checklist', caseId });
    const printed = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    expect(preview.serial).toBe(printed.payload.serial);
    expect(parseRatingLink(preview.qr.payload)?.token).not.toBe(parseRatingLink(printed.payload.content.qr.payload)?.token);
  });
});

describe('the QR code of a slip when the bureau publishes no rating page', () => {
  beforeEach(() => setUp());

  it('carries the serial alone', async () => {
    const event = await issueSlip(db, staff, { kind: 'checklist', caseId }, 'a4');
    expect(event.payload.content.qr).toEqual({ payload: event.payload.serial, caption: '扫码核验单据编号' });
    expect(event.payload.ratingTokenSha256).toBeUndefined();
    expect(await db.slipTokens.count()).toBe(0);
  });
});
