import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { CaseEvent } from '../../../shared/model/caseEvents.ts';
import { foldCase } from '../../../shared/rules/case.ts';
import {
  acceptCase,
  checkMaterials,
  decideExtension,
  openCase,
  rejectCase,
  requestExtension,
} from '../../../renderer/data/caseOperations.ts';
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

  it('converges when two desks accept and reject one case while apart: both kept, flagged, same state everywhere', async () => {
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

    // Apart: window 1 accepts, window 2 rejects.
    await checkMaterials(
      window1,
      clerk,
      caseId,
      item!.materials.map((m) => ({ materialId: m.id, state: 'received' as const })),
    );
    await acceptCase(window1, clerk, caseId);
    await rejectCase(window2, clerk2, caseId, { reason: '申请人不符合条件', legalBasis: '相关管理办法' });

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
      'case.rejected',
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
