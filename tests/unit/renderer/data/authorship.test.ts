import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { ReferenceDoc } from '../../../../shared/model/reference.ts';
import { authorshipOf, computeProofMac, macEquals } from '../../../../shared/sync/staffAuth.ts';
import { buildDemoBureau } from '../../../../server/src/seed/demoBureau.ts';
import { buildDemoCatalog, DEMO_ITEMS } from '../../../../server/src/seed/demoCatalog.ts';
import type { ServiceItem } from '../../../../shared/model/catalog.ts';
import { confirmCalendarYear, proposeCalendarYear, saveServiceItem } from '../../../../renderer/data/adminOperations.ts';
import { SessionRequiredError } from '../../../../renderer/data/author.ts';
import { acceptCase, checkMaterials, decideExtension, openCase, requestExtension } from '../../../../renderer/data/caseOperations.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { readDevice } from '../../../../renderer/data/device.ts';
import {
  answerContact,
  assignContact,
  escalateContact,
  proposeRefusal,
  recordContact,
  reviewRefusal,
} from '../../../../renderer/data/operations.ts';
import { mergeReferenceDocs } from '../../../../renderer/data/references.ts';
import { SCHEDULE_2027 } from '../../../fixtures/adminEvents.ts';
import { freshDeskDb } from './deskDb.ts';
import { signedInOnline, staffSession } from './sessions.ts';

const NOW = Date.parse('2026-11-28T09:00:00+08:00');
const REFS: ReferenceDoc[] = [...buildDemoBureau(NOW), ...buildDemoCatalog(NOW)];
const clerk = 'zhang-wei' as StaffId;
const leader = 'he-jianguo' as StaffId;
const admin = 'ma-jun' as StaffId;
const call = { channel: 'call' as const, visitor: { name: '李明', phone: '13800138000' }, matter: '咨询技术合同登记', askedStaffIds: [] };

let db: DeskDb;
beforeEach(async () => {
  db = freshDeskDb();
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, REFS));
});

const storedEvents = async () => (await db.events.toArray()).map((s) => s.event).sort((a, b) => a.deviceSeq - b.deviceSeq);

describe('every event says how its author was established', () => {
  it('carries a proof over its whole stored content when the author signed in online', async () => {
    const online = signedInOnline(clerk);
    await recordContact(db, online, call);
    const [event] = await storedEvents();
    expect(event!.proof?.sessionId).toBe(online.session!.sessionId);
    // The server recomputes the MAC from the event it receives: the same bytes the desk stored.
    expect(macEquals(event!.proof!.mac, computeProofMac(online.session!.key, event!))).toBe(true);
    expect(authorshipOf(event!)).toBe('proven');
  });

  it('signs each event of an action on its own (a change to any of them would not verify)', async () => {
    const online = signedInOnline(clerk);
    const contactId = await recordContact(db, online, call);
    await answerContact(db, online, contactId, { answer: '已当场答复' });
    const events = await storedEvents();
    expect(new Set(events.map((e) => e.proof!.mac)).size).toBe(2);
    const tampered = { ...events[1]!, payload: { answer: '改过的答复' } };
    expect(macEquals(events[1]!.proof!.mac, computeProofMac(online.session!.key, tampered))).toBe(false);
  });

  it('carries no proof when the author signed in offline (attested)', async () => {
    await recordContact(db, clerk, call);
    await recordContact(db, { staffId: clerk, session: null }, call);
    const events = await storedEvents();
    expect(events.map((e) => 'proof' in e)).toEqual([false, false]);
    expect(events.map(authorshipOf)).toEqual(['attested', 'attested']);
  });

  it('does not use an expired session, nor one granted to someone else', async () => {
    const expired = { staffId: clerk, session: staffSession(clerk, Date.now() - 13 * 3600_000) };
    const another = { staffId: clerk, session: staffSession(leader) };
    await recordContact(db, expired, call);
    await recordContact(db, another, call);
    expect((await storedEvents()).map(authorshipOf)).toEqual(['attested', 'attested']);
  });
});

/** What a refused privileged decision must leave: not one event, outbox entry or device counter more. */
async function expectNothingStored(decide: () => Promise<unknown>) {
  const events = await db.events.count();
  const { nextSeq } = await readDevice(db);
  const error = await decide().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SessionRequiredError);
  expect(await db.events.count()).toBe(events);
  expect(await db.outbox.count()).toBe(events);
  expect((await readDevice(db)).nextSeq).toBe(nextSeq);
}

describe('a privileged decision without a server-verified sign-in', () => {
  it('refuses a leader’s refusal review and assignment, and leaves the contact as it was', async () => {
    const contactId = await recordContact(db, clerk, call);
    await proposeRefusal(db, clerk, contactId, { toLeaderId: leader, reason: '不属本局职责', basis: '三定方案' });
    await expectNothingStored(() => reviewRefusal(db, leader, contactId, { decision: 'approved' }));
    await expectNothingStored(() => reviewRefusal(db, { staffId: leader, session: null }, contactId, { decision: 'approved' }));
    expect((await db.contacts.get(contactId))?.status).toBe('refusalPending');

    const other = await recordContact(db, clerk, call);
    await escalateContact(db, clerk, other, { toLeaderId: leader, reason: '管辖不明' });
    await expectNothingStored(() => assignContact(db, leader, other, { toStaffId: clerk }));
    expect((await db.contacts.get(other))?.status).toBe('escalated');
  });

  it('refuses a leader’s extension decision, and leaves the case as it was', async () => {
    const contactId = await recordContact(db, clerk, call);
    const caseId = await openCase(db, clerk, contactId, DEMO_ITEMS.techContract);
    const item = REFS.find((d) => d.id === DEMO_ITEMS.techContract)!.body as ServiceItem;
    await checkMaterials(db, clerk, caseId, item.materials.map((m) => ({ materialId: m.id, state: 'received' as const })));
    await acceptCase(db, clerk, caseId);
    await requestExtension(db, clerk, caseId, { days: 5, reason: '需专家论证' });
    const before = await db.cases.get(caseId);
    await expectNothingStored(() => decideExtension(db, leader, caseId, { decision: 'approved' }));
    expect(await db.cases.get(caseId)).toEqual(before);
  });

  it('refuses an admin’s catalog edit and calendar proposal and confirmation', async () => {
    const item = REFS.find((d) => d.id === DEMO_ITEMS.techContract)!.body as ServiceItem;
    await expectNothingStored(() => saveServiceItem(db, admin, { item: { ...item, promisedLimitDays: 6 }, baseRev: 1 }));
    await expectNothingStored(() => proposeCalendarYear(db, admin, { year: 2027, noticeNumber: null, days: SCHEDULE_2027 }));
    await proposeCalendarYear(db, signedInOnline(admin), { year: 2027, noticeNumber: null, days: SCHEDULE_2027 });
    const proposalEventId = (await storedEvents()).at(-1)!.eventId;
    await expectNothingStored(() => confirmCalendarYear(db, 'huang-xiuying' as StaffId, { year: 2027, proposalEventId }));
  });

  it('takes the same decision once the leader signed in online, proven', async () => {
    const contactId = await recordContact(db, clerk, call);
    await proposeRefusal(db, clerk, contactId, { toLeaderId: leader, reason: '不属本局职责', basis: '三定方案' });
    await reviewRefusal(db, signedInOnline(leader), contactId, { decision: 'approved' });
    expect((await db.contacts.get(contactId))?.status).toBe('refused');
    expect(authorshipOf((await storedEvents()).at(-1)!)).toBe('proven');
  });
});
