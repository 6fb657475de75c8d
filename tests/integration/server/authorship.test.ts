import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceItem } from '../../../shared/model/catalog.ts';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { MAX_CLOCK_DRIFT_MS } from '../../../shared/sync/hlc.ts';
import { authorshipOf, type StaffSession } from '../../../shared/sync/staffAuth.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { DEMO_ITEMS } from '../../../server/src/seed/demoCatalog.ts';
import { makeItemSaved, makeYearConfirmed, makeYearProposed, SCHEDULE_2027 } from '../../fixtures/adminEvents.ts';
import { makeContactEvent, makeContactOpened, newContactId, newUlid, type Stamp } from '../../fixtures/events.ts';
import { withProof } from '../../fixtures/proof.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';
import { makeEvent, signInAs, signOut } from './staffSessions.ts';

// Issue 11: the server accepts a privileged decision only with proof that the person signed in on the server, on
// the desk that pushes it. Each refused push leaves nothing behind: another desk's pull proves it.

const { windowClerk: clerk, leader, director, admin, secondAdmin } = DEMO_STAFF;

describe.each(BACKENDS)('who acted is proven, not claimed, on $name', (backend) => {
  let server: TestServer;
  let clerkDesk: string;
  let seq: number;
  beforeEach(async () => {
    server = await startServer(backend);
    clerkDesk = await server.device();
    seq = 0;
  });
  afterEach(async () => {
    await server.stop();
  });

  const by = (staffId: string, deviceId = clerkDesk): Stamp => ({ deviceId, deviceSeq: ++seq, staffId });

  /** A contact opened by the clerk with a refusal proposed to the leader: what a leader then reviews. */
  async function refusalAwaitingReview() {
    const opened = makeContactOpened(by(clerk));
    const contactId = opened.aggregateId;
    const proposed = makeContactEvent({ ...by(clerk), contactId }, 'contact.refusalProposed', {
      toLeaderId: leader,
      reason: '不属于科技项目资助范围',
      basis: '《南阳市科技计划项目管理办法》第五条',
    });
    const push = await server.push(pushBody(clerkDesk, [opened, proposed]));
    expect(push.body).toMatchObject({ stored: 2, rejected: [] });
    return contactId;
  }

  const grounds = { reason: '不属于本局受理范围', legalBasis: '《技术合同认定登记管理办法》第六条' };

  const review = (stamp: Stamp, contactId: string) =>
    makeContactEvent({ ...stamp, contactId }, 'contact.refusalReviewed', { decision: 'approved' });

  async function pushOne(deviceId: string, event: object) {
    const res = await server.push(pushBody(deviceId, [event]));
    expect(res.status).toBe(200);
    return res.body;
  }

  async function pulledEvents(): Promise<DeskEvent[]> {
    return (await server.pull(0, 2000)).events.map((e) => e.event);
  }

  it('refuses the forged decisions of a clerk’s desk, each with its reason, and stores none of them', async () => {
    const contactId = await refusalAwaitingReview();
    const before = await server.pull(0, 2000);

    // A case with an extension asked for, so that only the decision is missing.
    const caseId = newContactId();
    const caseEvents = [
      makeEvent(by(clerk), 'case.opened', caseId, { contactId, serviceItemId: DEMO_ITEMS.techContract, catalogRev: 1 }),
      makeEvent(by(clerk), 'case.extensionRequested', caseId, { days: 10, reason: '需组织专家评审' }),
      // art. 8(二): proposing a 不予受理 to a leader is the clerk's everyday act, taken offline too.
      makeEvent(by(clerk), 'case.rejectionProposed', caseId, { ...grounds, toLeaderId: leader }),
    ];
    expect((await server.push(pushBody(clerkDesk, caseEvents))).body).toMatchObject({ stored: 3, rejected: [] });
    const afterCase = await server.pull(0, 2000);

    const item = afterCase.references.find((r) => r.doc.kind === 'serviceItem' && r.doc.id === DEMO_ITEMS.techContract)!
      .doc.body as ServiceItem;
    const proposal = makeYearProposed(by(admin), 2028, []);
    const forged: DeskEvent[] = [
      review(by(leader), contactId), // 何建国 approves the refusal
      makeEvent(by(director), 'case.extensionDecided', caseId, {
        requestEventId: caseEvents[1]!.eventId,
        decision: 'approved',
      }), // 林志远 grants the extension
      makeEvent(by(leader), 'case.rejectionReviewed', caseId, { decision: 'approved' }), // 何建国 makes the 不予受理 final
      makeEvent(by(leader), 'case.rejected', caseId, grounds), // … or rejects in one step, the legacy way
      makeItemSaved(by(admin), { ...item, name: '技术合同登记（已改）', promisedLimitDays: 5 }, 1), // 马军 edits the catalog
      proposal, // 马军 proposes a fake 2028 calendar …
      makeYearConfirmed(by(secondAdmin), 2028, proposal.eventId), // … and 黄秀英 "confirms" it, from the same desk
    ];
    const res = await server.push(pushBody(clerkDesk, forged));
    expect(res.body.stored).toBe(0);
    expect(res.body.rejected.map((r) => [r.eventId, r.code])).toEqual(forged.map((e) => [e.eventId, 'proof-required']));
    for (const r of res.body.rejected) expect(r.message).toMatch(/must be taken online.*own sign-in/);
    // Settled (the desk's queue moves on), but nothing of them is anywhere a desk can see.
    expect(res.body.ackedSeq).toBe(seq);

    const after = await server.pull(0, 2000);
    expect(after.events.map((e) => e.event.eventId)).toEqual(afterCase.events.map((e) => e.event.eventId));
    expect(after.references).toEqual(afterCase.references);
    expect(after.references).toEqual(before.references);
    expect(after.references.some((r) => r.doc.kind === 'calendarYear' && r.doc.id === '2028')).toBe(false);
  });

  it('accepts the decision of a leader on a desk whose clock is 8 hours fast, and after a desk dated a contact ahead', async () => {
    // Found in review: the session was judged on the event's HLC, so a desk with a wrong clock lost its signed work,
    // and a clerk's desk could keep a leader's decision out by dating the contact 20 hours ahead.
    const HOUR = 3600_000;
    const opened = makeContactOpened({ ...by(clerk), at: Date.now() + 20 * HOUR });
    const contactId = opened.aggregateId;
    const proposed = makeContactEvent(
      { ...by(clerk), contactId, at: Date.now() + 20 * HOUR },
      'contact.refusalProposed',
      {
        toLeaderId: leader,
        reason: '不属于科技项目资助范围',
        basis: '《南阳市科技计划项目管理办法》第五条',
      },
    );
    expect((await server.push(pushBody(clerkDesk, [opened, proposed]))).body).toMatchObject({ stored: 2 });
    const leaderDesk = await server.device();
    const session = await signInAs(server, leaderDesk, leader);
    const decision = withProof(
      review({ ...by(leader, leaderDesk), at: Date.now() + 20 * HOUR + 1 }, contactId),
      session,
    );
    expect(await pushOne(leaderDesk, decision)).toMatchObject({ stored: 1, rejected: [] });
    const fastDesk = withProof(
      review({ ...by(leader, leaderDesk), at: Date.now() + 8 * HOUR }, newContactId()),
      session,
    );
    expect(await pushOne(leaderDesk, fastDesk)).toMatchObject({ stored: 1, rejected: [] });
  });

  it('refuses a clerk’s own session used to sign a leader’s decision', async () => {
    const contactId = await refusalAwaitingReview();
    const clerkSession = await signInAs(server, clerkDesk, clerk);
    const forged = withProof(review(by(leader), contactId), clerkSession);
    const res = await pushOne(clerkDesk, forged);
    expect(res.rejected).toEqual([expect.objectContaining({ code: 'invalid-proof', eventId: forged.eventId })]);
    expect((await pulledEvents()).map((e) => e.eventId)).not.toContain(forged.eventId);
  });

  it('accepts a leader’s decision taken online on the desk, and every desk pulls it as proven', async () => {
    const contactId = await refusalAwaitingReview();
    const leaderDesk = await server.device();
    const session = await signInAs(server, leaderDesk, leader);
    const decision = withProof(review(by(leader, leaderDesk), contactId), session);
    expect(await pushOne(leaderDesk, decision)).toMatchObject({ stored: 1, rejected: [] });

    const pulled = await pulledEvents();
    const theirs = pulled.find((e) => e.eventId === decision.eventId)!;
    expect(theirs).toEqual(decision); // byte for byte, proof included: a desk can never tell it apart
    expect(authorshipOf(theirs)).toBe('proven');
    // The clerk's offline-style events stay as they were: attested, the desk's word.
    expect(pulled.filter((e) => e.aggregateId === contactId && e.staffId === clerk).map(authorshipOf)).toEqual([
      'attested',
      'attested',
    ]);
    // A replay of the same event is a harmless duplicate, even after sign-out.
    expect(await signOut(server, leaderDesk, session)).toBe(204);
    expect(await pushOne(leaderDesk, decision)).toMatchObject({ stored: 0, duplicates: 1, rejected: [] });
  });

  it('never upgrades an event stored as attested: the same event sent again with a proof is refused', async () => {
    const contactId = await refusalAwaitingReview();
    const stored = (await pulledEvents()).find((e) => e.aggregateId === contactId && e.type === 'contact.opened')!;
    const session = await signInAs(server, clerkDesk, clerk);
    const res = await pushOne(clerkDesk, withProof(stored, session));
    expect(res.rejected).toEqual([expect.objectContaining({ eventId: stored.eventId, code: 'conflicting-duplicate' })]);
    const again = (await pulledEvents()).find((e) => e.eventId === stored.eventId)!;
    expect(authorshipOf(again)).toBe('attested');
  });

  it('applies proven admin edits, the two halves of the calendar rule by two people signed in on one desk', async () => {
    const adminDesk = await server.device();
    const ma = await signInAs(server, adminDesk, admin);
    const huang = await signInAs(server, adminDesk, secondAdmin);
    const proposal = withProof(makeYearProposed(by(admin, adminDesk), 2027, SCHEDULE_2027), ma);
    const confirmation = withProof(makeYearConfirmed(by(secondAdmin, adminDesk), 2027, proposal.eventId), huang);
    expect((await server.push(pushBody(adminDesk, [proposal, confirmation]))).body).toMatchObject({
      stored: 2,
      rejected: [],
    });
    const year = (await server.pull(0, 2000)).references.filter((r) => r.doc.kind === 'calendarYear').at(-1);
    expect(year?.doc).toMatchObject({ id: '2027', body: { status: 'confirmed' } });
  });

  describe('a proof that does not verify is refused with invalid-proof and stores nothing', () => {
    let contactId: string;
    let leaderDesk: string;
    let session: StaffSession;
    beforeEach(async () => {
      contactId = await refusalAwaitingReview();
      leaderDesk = await server.device();
      session = await signInAs(server, leaderDesk, leader);
    });

    async function expectRefused(deviceId: string, event: DeskEvent, why: RegExp) {
      const res = await pushOne(deviceId, event);
      expect(res.stored).toBe(0);
      expect(res.rejected).toEqual([
        expect.objectContaining({ eventId: event.eventId, code: 'invalid-proof', message: expect.stringMatching(why) }),
      ]);
      expect((await pulledEvents()).map((e) => e.eventId)).not.toContain(event.eventId);
    }

    it('from a session opened on another desk', async () => {
      await expectRefused(clerkDesk, withProof(review(by(leader), contactId), session), /another desk/);
    });

    it('from a session of another person', async () => {
      const lin = await signInAs(server, leaderDesk, director);
      await expectRefused(leaderDesk, withProof(review(by(leader, leaderDesk), contactId), lin), /not he-jianguo's/);
    });

    it('from a session that has expired', async () => {
      const tenMinutesAgo = new Date(Date.now() - 2 * MAX_CLOCK_DRIFT_MS).toISOString();
      await server.storage.db
        .updateTable('staff_sessions')
        .set({ expires_at: tenMinutesAgo })
        .where('session_id', '=', session.sessionId)
        .execute();
      await expectRefused(leaderDesk, withProof(review(by(leader, leaderDesk), contactId), session), /expired/);
    });

    it('from a session that was signed out, for an event dated after it', async () => {
      expect(await signOut(server, leaderDesk, session)).toBe(204);
      const later = { ...by(leader, leaderDesk), at: Date.now() + MAX_CLOCK_DRIFT_MS + 60_000 };
      await expectRefused(leaderDesk, withProof(review(later, contactId), session), /after the sign-out/);
    });

    it('over content changed after it was signed', async () => {
      const signed = withProof(review(by(leader, leaderDesk), contactId), session);
      const tampered = {
        ...signed,
        payload: { decision: 'overruled', note: '应予办理', assignToStaffId: DEMO_STAFF.highTechHandler },
      } as DeskEvent;
      await expectRefused(leaderDesk, tampered, /differs from what was signed/);
      // A proof lifted onto another event fails the same way.
      const lifted = { ...review(by(leader, leaderDesk), contactId), eventId: newUlid(), proof: signed.proof };
      await expectRefused(leaderDesk, lifted as DeskEvent, /differs from what was signed/);
    });
  });
});
