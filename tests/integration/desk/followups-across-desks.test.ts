import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { InvalidEventError } from '../../../renderer/data/append.ts';
import { deskCalendar, today } from '../../../renderer/data/calendar.ts';
import { acceptCase, checkMaterials, completeCase, openCase } from '../../../renderer/data/caseOperations.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { followUpsFor, strongFollowUps } from '../../../renderer/data/followUpHooks.ts';
import { informLeader, recordFollowUp } from '../../../renderer/data/followUpOperations.ts';
import { readFollowUpTask, readFollowUpTasks } from '../../../renderer/data/followUps.ts';
import { recordContact } from '../../../renderer/data/operations.ts';
import { getStaff, listReference } from '../../../renderer/data/references.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { httpTransport, type SyncTransport } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { signedInOn, startServer, syncedDeskDb, type Backend, type RunningServer } from './servers.ts';

// 服务回访 across desks (art. 27–30): a case completed at one window becomes, by the next pull, a follow-up task at the
// supervisor's desk (derived there from the same events, nothing to send); the record made there comes back to the
// window, where the clerk who handled the case can neither see it as a task nor record one.

const clerk = DEMO_STAFF.windowClerk as StaffId;
const supervisorId = DEMO_STAFF.supervisor as StaffId;
const leaderId = DEMO_STAFF.leader as StaffId;

describe.each<Backend>(['sqlite', 'postgres'])('follow-ups across desks on %s', (backend) => {
  let hq: RunningServer;
  let transport: SyncTransport;
  beforeAll(async () => {
    hq = await startServer(backend);
    transport = httpTransport(hq.url);
  });
  afterAll(async () => hq.stop());

  async function completedCase(db: DeskDb): Promise<string> {
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
    await completeCase(db, clerk, caseId, { outcome: 'done', result: '已办结' });
    return caseId;
  }
  const tasksOn = (db: DeskDb) => readFollowUpTasks(db, deskCalendar(), today());

  it('a case completed at the window is followed up at the supervisor’s desk; the record syncs back', async () => {
    const window = await syncedDeskDb(hq, transport, 'window');
    const office = await syncedDeskDb(hq, transport, 'supervision office');
    const caseId = await completedCase(window);
    await syncOnce(window, transport);
    await syncOnce(office, transport);

    const supervisor = await signedInOn(hq, office, supervisorId);
    const officeTasks = followUpsFor((await getStaff(office, supervisorId))!, await tasksOn(office));
    expect(officeTasks.map((v) => v.task.subject.id)).toEqual([caseId]);
    // The clerk who handled it has no such task, on either desk, and is refused if they try.
    expect(followUpsFor((await getStaff(window, clerk))!, await tasksOn(window))).toEqual([]);
    const refused = await recordFollowUp(window, clerk, caseId, {
      means: 'phone',
      resultAsRecorded: 'yes',
      ratings: { overall: 'verySatisfied' },
      strong: false,
    }).catch((e: unknown) => e);
    expect((refused as InvalidEventError).issues.map((i) => i.message)).toEqual(['followUpNotYours']);

    await recordFollowUp(office, supervisor, caseId, {
      means: 'phone',
      resultAsRecorded: 'partly',
      ratings: { overall: 'veryDissatisfied', attitude: 'satisfied', efficiency: 'dissatisfied' },
      opinions: '告知办结后又让补一份材料',
      strong: true,
    });
    await syncOnce(office, transport);
    expect(await office.outbox.count()).toBe(0);
    expect(await office.rejected.count()).toBe(0);
    const stored = await hq.server.storage.db
      .selectFrom('events')
      .selectAll()
      .where('aggregate', '=', 'followUp')
      .where('aggregate_id', '=', caseId)
      .execute();
    expect(stored).toHaveLength(1);

    // The window folds the same state: dissatisfied, still open, strong — in the leaders' inboxes.
    await syncOnce(window, transport);
    const there = await readFollowUpTask(window, caseId, deskCalendar(), today());
    expect(there?.status.status).toBe('dissatisfied');
    expect(there?.state?.records[0]).toMatchObject({ by: supervisorId, resultAsRecorded: 'partly', strong: true });
    expect(strongFollowUps(await tasksOn(window)).map((v) => v.task.subject.id)).toEqual([caseId]);

    // A leader, at the window, takes it: reported, and gone from every leader's list after the sync.
    const leader = await signedInOn(hq, window, leaderId);
    await informLeader(window, leader, caseId, { leaderId, note: '请督查科三日内核实整改' });
    await syncOnce(window, transport);
    expect(await window.rejected.count()).toBe(0);
    await syncOnce(office, transport);
    expect(strongFollowUps(await tasksOn(office))).toEqual([]);
    expect((await readFollowUpTask(office, caseId, deskCalendar(), today()))?.state?.leaderReports).toMatchObject([
      { leaderId, by: leaderId },
    ]);
  });
});
