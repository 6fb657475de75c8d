import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import { foldContact } from '../../../shared/rules/contact.ts';
import { appendEvents } from '../../../renderer/data/append.ts';
import type { ContactRow, DeskDb } from '../../../renderer/data/db.ts';
import {
  acceptTransfer,
  answerContact,
  assignContact,
  escalateContact,
  proposeRefusal,
  recordContact,
  recordOutcomeNotified,
  returnTransfer,
  reviewRefusal,
  transferContact,
} from '../../../renderer/data/operations.ts';
import { loadInitials } from '../../../renderer/data/pinyin.ts';
import { contactRow } from '../../../renderer/data/projections.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { httpTransport, type SyncTransport } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import type { DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import { readPullPage } from '../../../shared/sync/pullPage.ts';
import { freshDeskDb } from '../../unit/renderer/data/deskDb.ts';
import { enrolDesk, signedInOn, startServer, syncedDeskDb, type Backend, type RunningServer } from './servers.ts';

// The register across desks and the real HQ server (issue 3, item 6): what one desk does reaches the desks it
// concerns, and two desks acting on one contact while apart both keep their events and agree on the result.

type ContactEvent = Parameters<typeof foldContact>[0][number];

const staff = (id: string) => id as StaffId;
const clerk = staff(DEMO_STAFF.windowClerk); // 张伟, window 1
const clerk2 = staff(DEMO_STAFF.windowClerk2); // 李娜, window 2, ranks above 张伟
const windowLead = staff(DEMO_STAFF.windowLead); // 王芳, not a leader
const handler = staff(DEMO_STAFF.highTechHandler); // 刘洋, 高新科
const highTechHead = staff(DEMO_STAFF.highTechHead); // 陈静
const policyHead = staff(DEMO_STAFF.policyHead); // 吴敏
const leader = staff(DEMO_STAFF.leader); // 何建国, deputy director
const director = staff(DEMO_STAFF.director); // 林志远

const visit = (name: string, askedStaffIds: StaffId[] = []) => ({
  channel: 'visit' as const,
  visitor: { name, phone: '13800138000' },
  matter: '咨询高新技术企业认定的申报条件',
  askedStaffIds,
});
const refusal = { reason: '申请事项不属于科技计划资助范围', basis: '《南阳市科技计划项目管理办法》第五条' };

/** Let the wall clock move on, so the next action's HLC is strictly later than the previous one's. */
const later = () => new Promise((resolve) => setTimeout(resolve, 5));

async function eventIdsOf(db: DeskDb, contactId: string): Promise<string[]> {
  const stored = await db.events.where('[aggregate+aggregateId]').equals(['contact', contactId]).toArray();
  return stored.map((s) => s.eventId).sort();
}

async function inbox(db: DeskDb, staffId: StaffId): Promise<string[]> {
  return (await db.contacts.where('awaitingStaffId').equals(staffId).toArray()).map((c) => c.contactId);
}

async function rowsOn(desks: readonly DeskDb[], contactId: string): Promise<ContactRow[]> {
  const rows = await Promise.all(desks.map((db) => db.contacts.get(contactId)));
  return rows.map((row, i) => {
    if (!row) throw new Error(`desk ${i} does not have contact ${contactId}`);
    return row;
  });
}

describe.each<Backend>(['sqlite', 'postgres'])('the first-inquiry register across desks on %s', (backend) => {
  let hq: RunningServer;
  let transport: SyncTransport;
  /** A desk enrolled only to read the server's log. */
  let observer: DeviceCredentials;
  beforeAll(async () => {
    hq = await startServer(backend);
    transport = httpTransport(hq.url);
    observer = await enrolDesk(hq, freshDeskDb(), 'observer');
  });
  afterAll(async () => hq.stop());

  const enrolledDesk = () => syncedDeskDb(hq, transport);

  async function syncAll(...desks: DeskDb[]): Promise<void> {
    for (const db of desks) await syncOnce(db, transport);
  }

  /** The contact as the server's own log folds it, with the leaders of the server's directory. */
  async function foldedOnServer(contactId: string): Promise<ContactRow> {
    const events: ContactEvent[] = [];
    const leaders = new Set<string>();
    for (let cursor = 0, more = true; more;) {
      const page = readPullPage(await transport.pull(cursor, 2000, observer));
      for (const { event } of page.events) {
        if (event.aggregate === 'contact' && event.aggregateId === contactId) events.push(event as ContactEvent);
      }
      for (const { doc } of page.references) {
        if (doc.kind === 'staff' && doc.body.active && doc.body.roles.includes('leader')) leaders.add(doc.id);
      }
      more = page.hasMore && page.nextCursor > cursor;
      cursor = page.nextCursor;
    }
    const state = foldContact(events, { isLeader: (id) => leaders.has(id) });
    if (!state) throw new Error(`the server has no opening of ${contactId}`);
    return contactRow(state, await loadInitials());
  }

  describe('art. 8(3): transfer to a handler, who accepts or returns it', () => {
    it('puts the transfer in the handler’s inbox on their own desk; accepting there moves responsibility on window 1', async () => {
      const window1 = await enrolledDesk();
      const handlerDesk = await enrolledDesk();
      const id = await recordContact(window1, clerk, visit('转办承接'));
      await transferContact(window1, clerk, id, { toStaffId: handler });
      await syncAll(window1, handlerDesk);

      expect(await inbox(handlerDesk, handler)).toContain(id);
      const waiting = await handlerDesk.contacts.get(id);
      expect(waiting).toMatchObject({ status: 'transferPending', responsibleStaffId: clerk });
      expect(waiting?.transfer?.toldApplicant).toMatchObject({ handlerName: '刘洋', phone: '0377-63176306' });
      await acceptTransfer(handlerDesk, handler, id, waiting!.transfer!.eventId);
      await syncAll(handlerDesk, window1);

      const [seen, own] = await rowsOn([window1, handlerDesk], id);
      expect(seen).toMatchObject({ status: 'open', responsibleStaffId: handler, firstInquiryStaffId: clerk });
      expect(seen?.transfer?.acceptedAt).toBeDefined();
      expect(seen?.flags).toEqual([]);
      expect(own).toEqual(seen);
      expect(await inbox(window1, clerk)).not.toContain(id);
    });

    it('sends a mis-routed transfer back to the sender’s inbox on window 1, with the reason', async () => {
      const window1 = await enrolledDesk();
      const handlerDesk = await enrolledDesk();
      const id = await recordContact(window1, clerk, visit('转办退回'));
      await transferContact(window1, clerk, id, { toStaffId: handler });
      await syncAll(window1, handlerDesk);
      const transferEventId = (await handlerDesk.contacts.get(id))!.transfer!.eventId;
      await returnTransfer(handlerDesk, handler, id, { transferEventId, reason: '属于成果转化科职责' });
      await syncAll(handlerDesk, window1);

      expect(await inbox(window1, clerk)).toContain(id);
      const seen = await window1.contacts.get(id);
      expect(seen).toMatchObject({ status: 'open', responsibleStaffId: clerk, transfer: undefined });
      expect(seen?.lastReturn).toMatchObject({ by: handler, reason: '属于成果转化科职责' });
      expect(await inbox(handlerDesk, handler)).not.toContain(id);
    });
  });

  it('art. 8(4): an escalation reaches the leader’s desk; the assignee becomes responsible everywhere', async () => {
    const window1 = await enrolledDesk();
    const leaderDesk = await enrolledDesk();
    const assigneeDesk = await enrolledDesk();
    const id = await recordContact(window1, clerk, visit('职责不清'));
    await escalateContact(window1, clerk, id, { toLeaderId: leader, reason: '涉及多个科室，职责不清' });
    await syncAll(window1, leaderDesk);

    expect(await inbox(leaderDesk, leader)).toContain(id);
    await assignContact(leaderDesk, await signedInOn(hq, leaderDesk, leader), id, {
      toStaffId: policyHead,
      note: '由政策法规科牵头办理',
    });
    await syncAll(leaderDesk, window1, assigneeDesk);

    const rows = await rowsOn([window1, leaderDesk, assigneeDesk], id);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'open', responsibleStaffId: policyHead, awaitingStaffId: policyHead });
      expect(row).toEqual(rows[0]);
    }
    expect(await inbox(assigneeDesk, policyHead)).toContain(id);
    expect(await inbox(leaderDesk, leader)).not.toContain(id);
  });

  describe('说"不"提级管理: a proposed refusal is final only when a leader approves it', () => {
    it('makes the refusal final on every desk once the leader approves, and done once the visitor is told', async () => {
      const window1 = await enrolledDesk();
      const leaderDesk = await enrolledDesk();
      const id = await recordContact(window1, clerk, visit('拟不予受理'));
      await proposeRefusal(window1, clerk, id, { toLeaderId: leader, ...refusal });
      await syncAll(window1, leaderDesk);

      expect(await inbox(leaderDesk, leader)).toContain(id);
      expect((await leaderDesk.contacts.get(id))?.status).toBe('refusalPending');
      await reviewRefusal(leaderDesk, await signedInOn(hq, leaderDesk, leader), id, { decision: 'approved' });
      await syncAll(leaderDesk, window1);

      for (const row of await rowsOn([window1, leaderDesk], id)) {
        expect(row).toMatchObject({ status: 'refused', awaitingStaffId: clerk });
        expect(row.refusal).toMatchObject({ decision: 'approved', decidedBy: leader });
      }
      // The visitor is told the outcome; then nothing is left to do for anyone.
      await recordOutcomeNotified(window1, clerk, id, { how: 'phone' });
      await syncAll(window1, leaderDesk);
      for (const row of await rowsOn([window1, leaderDesk], id)) {
        expect(row).toMatchObject({ status: 'refused', awaitingStaffId: undefined });
      }
    });

    it('hands the matter to the assignee on every desk when the leader overrules the refusal', async () => {
      const window1 = await enrolledDesk();
      const leaderDesk = await enrolledDesk();
      const id = await recordContact(window1, clerk, visit('驳回拟不予受理'));
      await proposeRefusal(window1, clerk, id, { toLeaderId: leader, ...refusal });
      await syncAll(window1, leaderDesk);
      await reviewRefusal(leaderDesk, await signedInOn(hq, leaderDesk, leader), id, {
        decision: 'overruled',
        note: '属于本局职责，应予办理',
        assignToStaffId: highTechHead,
      });
      await syncAll(leaderDesk, window1);

      for (const row of await rowsOn([window1, leaderDesk], id)) {
        expect(row).toMatchObject({ status: 'open', responsibleStaffId: highTechHead, awaitingStaffId: highTechHead });
        expect(row.refusal).toMatchObject({ decision: 'overruled', decidedBy: leader });
      }
    });
  });

  describe('two desks acting on one contact while offline keep both events and agree on the result', () => {
    const orders = [['the first to act syncs first'], ['the first to act syncs last']] as const;

    it.each(orders)('answered at window 1 while transferred at window 2: %s', async (order) => {
      const window1 = await enrolledDesk();
      const window2 = await enrolledDesk();
      // 李娜 and 张伟 were asked together: 李娜 ranks higher and is responsible; either may record the disposition (the desk's rule under art. 7–8).
      const id = await recordContact(window1, clerk, visit('两窗口同时处理', [clerk2]));
      await syncAll(window1, window2);

      // Both offline now.
      await answerContact(window1, clerk, id, { answer: '已当场告知申报条件' });
      const answered = (await window1.contacts.get(id))!.answer!.eventId;
      await later();
      await transferContact(window2, clerk2, id, { toStaffId: handler, note: '请刘洋详细解答' });
      const transferred = (await window2.contacts.get(id))!.transfer!.eventId;
      const syncOrder = order === 'the first to act syncs first' ? [window1, window2] : [window2, window1];
      await syncAll(...syncOrder, ...syncOrder);

      const fresh = await enrolledDesk();
      const desks = [window1, window2, fresh];
      const all = await eventIdsOf(fresh, id);
      expect(all).toHaveLength(3);
      for (const db of desks) expect(await eventIdsOf(db, id)).toEqual(all);

      const rows = await rowsOn(desks, id);
      // The earlier action stands; the later one is kept and flagged for a person.
      expect(rows[0]).toMatchObject({ status: 'answered', dispositionEventId: answered });
      expect(rows[0]!.flags).toEqual([{ code: 'conflictingDisposition', eventIds: [answered, transferred] }]);
      for (const row of rows) expect(row).toEqual(rows[0]);
      expect(await foldedOnServer(id)).toEqual(rows[0]);
    });

    it.each(orders)('approved by one leader while overruled by the other: %s', async (order) => {
      const window1 = await enrolledDesk();
      const deputyDesk = await enrolledDesk();
      const directorDesk = await enrolledDesk();
      const id = await recordContact(window1, clerk, visit('两位领导同时审核'));
      await proposeRefusal(window1, clerk, id, { toLeaderId: leader, ...refusal });
      await syncAll(window1, deputyDesk, directorDesk);

      await reviewRefusal(deputyDesk, await signedInOn(hq, deputyDesk, leader), id, {
        decision: 'approved',
        note: '同意不予受理',
      });
      const approval = (await deputyDesk.contacts.get(id))!.dispositionEventId;
      await later();
      await reviewRefusal(directorDesk, await signedInOn(hq, directorDesk, director), id, {
        decision: 'overruled',
        note: '应予受理',
        assignToStaffId: highTechHead,
      });
      const overruling = (await directorDesk.contacts.get(id))!.dispositionEventId;
      const reviewers =
        order === 'the first to act syncs first' ? [deputyDesk, directorDesk] : [directorDesk, deputyDesk];
      await syncAll(...reviewers, window1, ...reviewers);

      const fresh = await enrolledDesk();
      const desks = [window1, deputyDesk, directorDesk, fresh];
      const all = await eventIdsOf(fresh, id);
      expect(all).toHaveLength(4);
      for (const db of desks) expect(await eventIdsOf(db, id)).toEqual(all);

      const rows = await rowsOn(desks, id);
      expect(rows[0]).toMatchObject({ status: 'refused', dispositionEventId: approval });
      expect(rows[0]!.refusal).toMatchObject({ decision: 'approved', decidedBy: leader });
      expect(rows[0]!.flags).toEqual([{ code: 'conflictingDisposition', eventIds: [approval, overruling] }]);
      for (const row of rows) expect(row).toEqual(rows[0]);
      expect(await foldedOnServer(id)).toEqual(rows[0]);
    });
  });

  it('rejects a refusal review forged by a non-leader as not-authorised, shows it on the desk, and stores the rest of the push', async () => {
    const window1 = await enrolledDesk();
    const leaderDesk = await enrolledDesk();
    const id = await recordContact(window1, clerk, visit('伪造审核'));
    await proposeRefusal(window1, clerk, id, { toLeaderId: leader, ...refusal });
    // Written straight to the log, past reviewRefusal's own check: as a tampered or outdated desk might.
    // The window lead signed in online, so the proof verifies and the server's role check is what refuses it.
    const [forged] = await appendEvents(window1, await signedInOn(hq, window1, windowLead), [
      { type: 'contact.refusalReviewed', aggregateId: id, payload: { decision: 'approved' } },
    ]);
    const after = await recordContact(window1, clerk, visit('同批登记'));

    const result = await syncOnce(window1, transport);
    expect(result).toMatchObject({ pushed: 3, rejected: 1 });
    expect(await window1.outbox.count()).toBe(0);
    const rejected = await window1.rejected.toArray();
    expect(rejected).toEqual([
      expect.objectContaining({
        eventId: forged!.eventId,
        code: 'not-authorised',
        message: 'only a leader may review a refusal; wang-fang is not a leader',
      }),
    ]);

    await syncOnce(leaderDesk, transport);
    const seen = await leaderDesk.contacts.get(id);
    expect(seen).toMatchObject({ status: 'refusalPending', awaitingStaffId: leader, flags: [] });
    expect(seen?.refusal?.decision).toBeUndefined();
    expect(await leaderDesk.events.get(forged!.eventId)).toBeUndefined();
    expect(await eventIdsOf(leaderDesk, id)).toHaveLength(2);
    expect(await leaderDesk.contacts.get(after)).toBeDefined();
    // The forging desk's own fold never believed it either: the review is flagged there, not applied.
    const own = await window1.contacts.get(id);
    expect(own).toMatchObject({
      status: 'refusalPending',
      flags: [{ code: 'notAllowed', eventIds: [forged!.eventId] }],
    });
  });
});
