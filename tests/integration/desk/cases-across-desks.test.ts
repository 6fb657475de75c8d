import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { CaseEvent } from '../../../shared/model/caseEvents.ts';
import { foldCase } from '../../../shared/rules/case.ts';
import { appendEvents } from '../../../renderer/data/append.ts';
import { today } from '../../../renderer/data/calendar.ts';
import { proposeRejection, reviewRejection, withdrawCase } from '../../../renderer/data/caseEndings.ts';
import {
  acceptCase,
  checkMaterials,
  decideExtension,
  openCase,
  requestExtension,
} from '../../../renderer/data/caseOperations.ts';
import { listRejections } from '../../../renderer/data/rejections.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { recordContact } from '../../../renderer/data/operations.ts';
import { listReference } from '../../../renderer/data/references.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { httpTransport, type SyncTransport } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { signedInOn, startServer, syncedDeskDb, type Backend, type RunningServer } from './servers.ts';

// Cases across desks and the real HQ server (issue 4, item 7): a case's events from two desks converge.

const clerk = DEMO_STAFF.windowClerk as StaffId;
const clerk2 = DEMO_STAFF.windowClerk2 as StaffId;
const leader = DEMO_STAFF.leader as StaffId;

describe.each<Backend>(['sqlite', 'postgres'])('cases across desks on %s', (backend) => {
  let hq: RunningServer;
  let transport: SyncTransport;
  beforeAll(async () => {
    hq = await startServer(backend);
    transport = httpTransport(hq.url);
  });
  afterAll(async () => hq.stop());

  const desk = () => syncedDeskDb(hq, transport);

  /** A demo catalog item and a contact with a case for it, accepted on `db`. */
  async function acceptedCase(db: DeskDb): Promise<string> {
    const [item] = await listReference(db, 'serviceItem');
    if (!item) throw new Error('the demo bureau has no catalog');
    const contactId = await recordContact(db, clerk, {
      channel: 'visit',
      visitor: { organisation: '南阳某新材料有限公司' },
      matter: item.name,
      askedStaffIds: [],
    });
    const caseId = await openCase(db, clerk, contactId, item.id);
    await checkMaterials(
      db,
      clerk,
      caseId,
      item.materials.map((m) => ({ materialId: m.id, state: 'received' as const })),
    );
    await acceptCase(db, clerk, caseId);
    return caseId;
  }

  it('brings the catalog to every desk, and a case with its catalog version to the others', async () => {
    const window1 = await desk();
    const window2 = await desk();
    const caseId = await acceptedCase(window1);
    await syncOnce(window1, transport);
    await syncOnce(window2, transport);
    const there = await window2.cases.get(caseId);
    expect(there?.status).toBe('running');
    expect(there?.catalogRev).toBe((await window1.cases.get(caseId))?.catalogRev);
    expect(there?.acceptance).toEqual((await window1.cases.get(caseId))?.acceptance);
  });

  it('lets a leader on another desk approve an extension, and the clock on the first desk counts it', async () => {
    const window1 = await desk();
    const leaderDesk = await desk();
    const caseId = await acceptedCase(window1);
    await requestExtension(window1, clerk, caseId, { days: 5, reason: '需组织专家评审' });
    await syncOnce(window1, transport);
    await syncOnce(leaderDesk, transport);
    await decideExtension(leaderDesk, await signedInOn(hq, leaderDesk, leader), caseId, {
      decision: 'approved',
      note: '同意',
    });
    await syncOnce(leaderDesk, transport);
    await syncOnce(window1, transport);
    expect((await window1.cases.get(caseId))?.extensions).toMatchObject([
      { days: 5, decision: 'approved', decidedBy: leader },
    ]);
  });

  /** A contact for the first demo item, with a case opened for it (materials not checked yet). */
  async function openedCase(db: DeskDb): Promise<{ caseId: string; contactId: string }> {
    const [item] = await listReference(db, 'serviceItem');
    const contactId = await recordContact(db, clerk, {
      channel: 'visit',
      visitor: { organisation: '外地某科技有限公司' },
      matter: item!.name,
      askedStaffIds: [],
    });
    return { caseId: await openCase(db, clerk, contactId, item!.id), contactId };
  }
  const proposal = { toLeaderId: leader, reason: '申请人注册地不在本市', legalBasis: '相关管理办法第六条' };

  it('item 7: opening a case disposes of its contact on every desk, both events taken by the server together', async () => {
    const window1 = await desk();
    const { caseId, contactId } = await openedCase(window1);
    await syncOnce(window1, transport);
    const other = await desk();
    expect((await other.cases.get(caseId))?.status).toBe('checking');
    expect((await other.contacts.get(contactId))?.status).toBe('caseOpened');
    expect(await listRejections(window1)).toEqual([]);
  });

  it('art. 8(二): a clerk proposes 不予受理, a leader signed in online on another desk approves, and it is final everywhere', async () => {
    const window1 = await desk();
    const leaderDesk = await desk();
    const { caseId } = await openedCase(window1);
    await proposeRejection(window1, clerk, caseId, proposal);
    await syncOnce(window1, transport);
    await syncOnce(leaderDesk, transport);
    expect((await leaderDesk.cases.get(caseId))?.status).toBe('rejectionPending');

    await reviewRejection(leaderDesk, await signedInOn(hq, leaderDesk, leader), caseId, { decision: 'approved' });
    await syncOnce(leaderDesk, transport);
    await syncOnce(window1, transport);
    expect(await listRejections(leaderDesk)).toEqual([]);
    expect(await window1.cases.get(caseId)).toMatchObject({
      status: 'rejected',
      rejection: { by: clerk, approvedBy: leader, reason: proposal.reason },
    });
  });

  it("art. 8(二): the server refuses a clerk's approval pushed past the desk's check, even from a proven session", async () => {
    const window1 = await desk();
    const { caseId } = await openedCase(window1);
    await proposeRejection(window1, clerk, caseId, proposal);
    // A hostile desk skips reviewRejection's leader check and appends the decision itself.
    const [forged] = await appendEvents(window1, await signedInOn(hq, window1, clerk), [
      { type: 'case.rejectionReviewed', aggregateId: caseId, payload: { decision: 'approved' } },
    ]);
    await syncOnce(window1, transport);
    expect(await listRejections(window1)).toEqual([
      expect.objectContaining({ eventId: forged!.eventId, code: 'not-authorised' }),
    ]);
    const other = await desk();
    expect((await other.cases.get(caseId))?.status).toBe('rejectionPending');
  });

  it('an overruled rejection goes back to checking on every desk; the applicant may then withdraw', async () => {
    const window1 = await desk();
    const leaderDesk = await desk();
    const { caseId } = await openedCase(window1);
    await proposeRejection(window1, clerk, caseId, proposal);
    await syncOnce(window1, transport);
    await syncOnce(leaderDesk, transport);
    await reviewRejection(leaderDesk, await signedInOn(hq, leaderDesk, leader), caseId, {
      decision: 'overruled',
      note: '注册地在本市高新区，应予受理',
    });
    await syncOnce(leaderDesk, transport);
    await syncOnce(window1, transport);
    expect((await window1.cases.get(caseId))?.status).toBe('checking');
    await withdrawCase(window1, clerk, caseId, { on: today(), how: 'written', reason: '企业决定暂不申请' });
    await syncOnce(window1, transport);
    await syncOnce(leaderDesk, transport);
    expect(await leaderDesk.cases.get(caseId)).toMatchObject({ status: 'withdrawn', withdrawal: { how: 'written' } });
  });

  it('converges when two desks accept and propose a rejection of one case while apart: both kept, flagged, same state everywhere', async () => {
    const window1 = await desk();
    const window2 = await desk();
    const [item] = await listReference(window1, 'serviceItem');
    const contactId = await recordContact(window1, clerk, {
      channel: 'visit',
      visitor: { name: '赵六' },
      matter: item!.name,
      askedStaffIds: [],
    });
    const caseId = await openCase(window1, clerk, contactId, item!.id);
    await syncOnce(window1, transport);
    await syncOnce(window2, transport);

    // Apart: window 1 accepts, window 2 proposes 不予受理.
    await checkMaterials(
      window1,
      clerk,
      caseId,
      item!.materials.map((m) => ({ materialId: m.id, state: 'received' as const })),
    );
    await acceptCase(window1, clerk, caseId);
    await proposeRejection(window2, clerk2, caseId, {
      toLeaderId: leader,
      reason: '申请人不符合条件',
      legalBasis: '相关管理办法',
    });

    await syncOnce(window2, transport);
    await syncOnce(window1, transport);
    await syncOnce(window2, transport);
    const third = await desk();

    const rows = await Promise.all([window1, window2, third].map((db) => db.cases.get(caseId)));
    const strip = (row: (typeof rows)[number]) => row && { ...row, applicant: undefined };
    expect(strip(rows[1])).toEqual(strip(rows[0]));
    expect(strip(rows[2])).toEqual(strip(rows[0]));
    expect(rows[0]?.flags.map((f) => f.code)).toEqual(['conflictingTransition']);
    const events = await third.events.where('[aggregate+aggregateId]').equals(['case', caseId]).toArray();
    expect(events.map((e) => e.event.type).sort()).toEqual([
      'case.accepted',
      'case.materialsChecked',
      'case.opened',
      'case.rejectionProposed',
    ]);
    // The server's own copy of the log folds to the same state.
    expect(
      foldCase(
        events.map((e) => e.event as CaseEvent),
        { isLeader: (id) => id === leader },
      )?.status,
    ).toBe(rows[0]?.status);
  });
});
