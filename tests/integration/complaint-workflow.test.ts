import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../shared/rules/case.ts';
import { addDays } from '../../shared/rules/isoDate.ts';
import {
  accountabilityListSchema,
  complaintAckSchema,
  complaintDetailSchema,
  complaintListSchema,
  statementViewSchema,
} from '../../shared/sync/complaintApi.ts';
import type { StaffSession } from '../../shared/sync/staffAuth.ts';
import { complaintReads } from '../../server/src/storage/complaints.ts';
import { BACKENDS, startServer, type TestServer } from './server/harness.ts';
import { signInAs } from './server/staffSessions.ts';
import { newUlid } from '../fixtures/events.ts';
import { act, actAs, DEMO_STAFF, getAs, intakeBody, postIntake } from './complaint-helpers.ts';

// Issue 14, the whole path at HQ: a complaint taken in at a desk, investigated, the accused heard, decided with
// art. 33 measures, the complainant told and the complaint closed; and a dismissal. Each act is HQ's judgement
// with the shared fold and the session's proven actor: the accused, a clerk and a recused leader get nowhere, and
// the ordinary sync never carries a word of it.

const today = () => beijingDate(new Date().toISOString());

describe.each(BACKENDS)('the complaint workflow on $name', (backend) => {
  let server: TestServer;
  let desk: string;
  const s: Record<string, StaffSession> = {};
  beforeAll(async () => {
    server = await startServer(backend);
    desk = await server.device();
    for (const id of [
      DEMO_STAFF.leader,
      DEMO_STAFF.director,
      DEMO_STAFF.supervisor,
      DEMO_STAFF.windowLead,
      DEMO_STAFF.highTechHandler,
      DEMO_STAFF.highTechHead,
      DEMO_STAFF.windowClerk,
    ]) {
      s[id] = await signInAs(server, desk, id);
    }
  });
  afterAll(async () => {
    await server.stop();
  });

  const as = (staffId: string) => ({
    act: (complaintId: string, body: unknown) => actAs(server, desk, s[staffId], complaintId, body),
    get: (url: string) => getAs(server, desk, s[staffId], url),
  });
  const leader = as(DEMO_STAFF.leader);
  const investigator = as(DEMO_STAFF.windowLead);
  const accused = as(DEMO_STAFF.highTechHandler);
  const clerk = as(DEMO_STAFF.windowClerk);

  async function taken(overrides = {}) {
    const body = intakeBody(overrides);
    const res = await postIntake(server, desk, body);
    expect(res.status, res.body).toBe(200);
    return body;
  }
  const ok = async (p: Promise<{ status: number; body: string; json: unknown }>) => {
    const res = await p;
    expect(res.status, res.body).toBe(200);
    return complaintAckSchema.parse(res.json);
  };

  it('goes the whole way to closure, each act by the person the rules allow', async () => {
    const body = await taken();
    const id = body.complaintId;
    const ordered = act('complaint.investigationOrdered', { investigatorIds: [DEMO_STAFF.windowLead] });
    await ok(leader.act(id, ordered));
    // The same act again is the same ack; another act under its eventId is a conflict.
    expect((await leader.act(id, ordered)).status).toBe(200);
    const reused = { ...ordered, payload: { investigatorIds: [DEMO_STAFF.supervisor] } };
    expect((await leader.act(id, reused)).json).toMatchObject({ code: 'conflict' });

    await ok(
      investigator.act(id, act('complaint.findingRecorded', { text: '调取通话记录，确有推诿。', evidenceLinks: [] })),
    );
    // Before the invitation the accused cannot tell from any answer that a complaint about them exists.
    const unknown = (await accused.act(newUlid(), act('complaint.dismissed', { reason: '不属实' }))).json;
    expect(unknown).toMatchObject({ code: 'unknown-complaint' });
    for (const early of [
      act('complaint.dismissed', { reason: '不属实' }),
      act('complaint.statementGiven', { text: '我要申辩。' }),
      act('complaint.statementWaived', { staffId: DEMO_STAFF.highTechHandler, note: '放弃。' }),
    ]) {
      const res = await accused.act(id, early);
      expect(res.status, early.type).toBe(404);
      expect(res.json, early.type).toEqual(unknown);
    }
    expect((await accused.get(`/complaints/${id}/statement`)).json).toEqual(unknown);
    // Too little time to state one's side is refused; enough is stored.
    const short = await investigator.act(
      id,
      act('complaint.statementInvited', { staffId: DEMO_STAFF.highTechHandler, dueOn: today() }),
    );
    expect(short.json).toMatchObject({ code: 'statement-too-short' });
    expect(short.status).toBe(409);
    await ok(
      investigator.act(
        id,
        act('complaint.statementInvited', { staffId: DEMO_STAFF.highTechHandler, dueOn: addDays(today(), 30) }),
      ),
    );

    // The accused reads their statement view (never the complainant) and states their side …
    const view = await accused.get(`/complaints/${id}/statement`);
    expect(view.status, view.body).toBe(200);
    const statementView = statementViewSchema.parse(view.json);
    expect(statementView.account).toBe(body.payload.account);
    expect(view.body).not.toContain('赵先生');
    expect(view.body).not.toContain('13803770000');
    // … but reads nothing else, and decides nothing.
    expect((await accused.get(`/complaints/${id}`)).status).toBe(404);
    const self = await accused.act(id, act('complaint.dismissed', { reason: '不属实' }));
    expect(self.status).toBe(403);
    expect(self.json).toMatchObject({ code: 'recused' });
    const assign = await accused.act(
      id,
      act('complaint.investigatorsChanged', { investigatorIds: [DEMO_STAFF.supervisor], reason: '换人' }),
    );
    expect(assign.status).toBe(403);
    // A leader decides nothing founded before the accused is heard.
    await ok(investigator.act(id, act('complaint.findingsClosed', { summary: '推诿属实。', ground: 'art32_1' })));
    const early = await leader.act(
      id,
      act('complaint.decided', {
        outcome: 'founded',
        ground: 'art32_1',
        measures: [{ staffId: DEMO_STAFF.highTechHandler, measures: ['criticism'], gravity: 'ordinary' }],
        reason: '查实。',
      }),
    );
    expect(early.json).toMatchObject({ code: 'statement-pending' });
    await ok(accused.act(id, act('complaint.statementGiven', { text: '当日系统故障，并非推诿。' })));
    const founded = act('complaint.decided', {
      outcome: 'founded',
      ground: 'art32_1',
      measures: [{ staffId: DEMO_STAFF.highTechHandler, measures: ['criticism', 'remedy'], gravity: 'ordinary' }],
      reason: '经调查，推诿属实。',
    });
    await ok(leader.act(id, founded));
    // A second leader deciding again is refused.
    const twice = await as(DEMO_STAFF.director).act(id, { ...founded, eventId: act('x', {}).eventId });
    expect(twice.json).toMatchObject({ code: 'conflicting' });
    // Closing before the named complainant is told is out of order.
    expect((await investigator.act(id, act('complaint.closed', {}))).json).toMatchObject({ code: 'out-of-order' });
    // Told the day before the decision was made: no complainant heard of an outcome before there was one.
    const before = await investigator.act(
      id,
      act('complaint.complainantTold', { on: addDays(today(), -1), how: 'phone' }),
    );
    expect(before.status).toBe(400);
    expect(before.json).toMatchObject({ code: 'date-out-of-range', message: expect.stringContaining('早于') });
    await ok(investigator.act(id, act('complaint.complainantTold', { on: today(), how: 'phone' })));
    await ok(investigator.act(id, act('complaint.closed', { note: '办结。' })));

    const detail = complaintDetailSchema.parse((await leader.get(`/complaints/${id}`)).json);
    expect(detail.events.map((e) => e.type)).toEqual([
      'complaint.received',
      'complaint.investigationOrdered',
      'complaint.findingRecorded',
      'complaint.statementInvited',
      'complaint.findingsClosed',
      'complaint.statementGiven',
      'complaint.decided',
      'complaint.complainantTold',
      'complaint.closed',
    ]);
    // HQ stamped each act with the proven actor and this desk.
    expect(detail.events.find((e) => e.type === 'complaint.statementGiven')).toMatchObject({
      staffId: DEMO_STAFF.highTechHandler,
      deviceId: desk,
    });

    const list = complaintListSchema.parse((await leader.get('/complaints')).json);
    expect(list.complaints.find((c) => c.complaintId === id)).toMatchObject({ status: 'closed' });
    const own = complaintListSchema.parse((await accused.get('/complaints')).json);
    expect(own.complaints).toEqual([]);
    expect(own.statements.find((x) => x.complaintId === id)).toMatchObject({ given: true, decided: true });

    const record = accountabilityListSchema.parse(
      (await as(DEMO_STAFF.supervisor).get('/complaints/accountability')).json,
    );
    expect(record.records.find((r) => r.staffId === DEMO_STAFF.highTechHandler)?.entries).toEqual([
      expect.objectContaining({ complaintId: id, measures: ['criticism', 'remedy'], gravity: 'ordinary' }),
    ]);
    expect((await accused.get('/complaints/accountability')).status).toBe(403);

    // Not a word of it in the ordinary sync.
    const pulled = JSON.stringify(await server.pull());
    for (const text of [body.payload.account, '当日系统故障', '调取通话记录', id]) expect(pulled).not.toContain(text);
  });

  it('dismisses: a leader with a reason, the named complainant told, closed', async () => {
    const { complaintId: id } = await taken();
    await ok(leader.act(id, act('complaint.dismissed', { reason: '所反映问题不属于本局职责。' })));
    expect(
      (await leader.act(id, act('complaint.investigationOrdered', { investigatorIds: [DEMO_STAFF.windowLead] }))).json,
    ).toMatchObject({ code: 'conflicting' });
    await ok(leader.act(id, act('complaint.complainantTold', { on: today(), how: 'letter' })));
    await ok(leader.act(id, act('complaint.closed', {})));
    const list = complaintListSchema.parse((await leader.get('/complaints')).json);
    expect(list.complaints.find((c) => c.complaintId === id)).toMatchObject({ status: 'closed' });
  });

  it('refuses a leader who stands aside, and an investigator the recusal rule excludes', async () => {
    const againstLeader = await taken({ accusedStaffIds: [DEMO_STAFF.leader] });
    const res = await leader.act(
      againstLeader.complaintId,
      act('complaint.investigationOrdered', { investigatorIds: [DEMO_STAFF.windowLead] }),
    );
    // The leader complained about may not learn of it from the answer: the same 404 as for no complaint at all.
    expect(res.status).toBe(404);
    const none = await leader.act(newUlid(), act('complaint.dismissed', { reason: '不予立案。' }));
    expect(none.json).toMatchObject({ code: 'unknown-complaint' });
    expect(res.json).toEqual(none.json);
    for (const attempt of [
      act('complaint.dismissed', { reason: '不予立案。' }),
      act('complaint.extensionDecided', { stage: 'acceptance', days: 5, reason: '核实。', approved: true }),
    ]) {
      expect((await leader.act(againstLeader.complaintId, attempt)).json, attempt.type).toEqual(none.json);
    }
    expect((await leader.get(`/complaints/${againstLeader.complaintId}`)).json).toEqual(none.json);
    expect(
      complaintListSchema.parse((await leader.get('/complaints')).json).complaints.map((c) => c.complaintId),
    ).not.toContain(againstLeader.complaintId);
    // The other leaders work it: the leadership (局领导) is no department whose members stand aside for each other.
    const director = await as(DEMO_STAFF.director).act(
      againstLeader.complaintId,
      act('complaint.dismissed', { reason: '经核查，反映的问题不属实。' }),
    );
    expect(director.status).toBe(200);

    // The head of the accused person's department may not investigate (nor anyone of it, by the default setting).
    const body = await taken();
    const named = await leader.act(
      body.complaintId,
      act('complaint.investigationOrdered', { investigatorIds: [DEMO_STAFF.highTechHead] }),
    );
    // The leader may hear why: they may read it, and the rule names who stands aside.
    expect(named.status).toBe(403);
    expect(named.json).toMatchObject({ code: 'recused', message: expect.stringContaining('回避') });
    // The head who stands aside acting on it hears 404, as for no complaint at all.
    const head = as(DEMO_STAFF.highTechHead);
    expect((await head.get(`/complaints/${body.complaintId}`)).status).toBe(404);
    const headAct = await head.act(
      body.complaintId,
      act('complaint.findingRecorded', { text: '无', evidenceLinks: [] }),
    );
    expect(headAct.status).toBe(404);
    expect(headAct.json).toMatchObject({ code: 'unknown-complaint' });
  });

  it('shows a clerk nothing, and logs every read', async () => {
    const body = await taken();
    const id = body.complaintId;
    const list = complaintListSchema.parse((await clerk.get('/complaints')).json);
    expect(list).toEqual({ complaints: [], statements: [] });
    const owed = (listed: unknown) => complaintListSchema.parse(listed).complaints.find((c) => c.complaintId === id);
    expect(owed((await leader.get('/complaints')).json)).toMatchObject({
      owedByCaller: true,
      status: 'received',
      stage: { stage: 'acceptance', owedBy: 'leaders', state: 'running' },
      breachCount: 0,
    });
    expect(owed((await as(DEMO_STAFF.supervisor).get('/complaints')).json)).toMatchObject({ owedByCaller: false });
    const detail = await clerk.get(`/complaints/${id}`);
    expect(detail.status).toBe(404);
    // The same answer as for a complaint that does not exist.
    const unknown = await clerk.get(`/complaints/${act('x', {}).eventId}`);
    expect(unknown.json).toEqual(detail.json);
    // A clerk acting on it hears the same 404, not whether it exists.
    const dismiss = await clerk.act(id, act('complaint.dismissed', { reason: '无' }));
    expect(dismiss.status).toBe(404);
    expect(dismiss.json).toEqual(detail.json);
    expect((await clerk.get('/complaints/accountability')).status).toBe(403);
    expect(await complaintReads(server.storage.db, id)).toEqual([]);

    await ok(leader.act(id, act('complaint.investigationOrdered', { investigatorIds: [DEMO_STAFF.windowLead] })));
    const seenByInvestigator = complaintDetailSchema.parse((await investigator.get(`/complaints/${id}`)).json);
    expect(seenByInvestigator.reads).toEqual([]); // the read log is for leaders and supervisors
    expect(seenByInvestigator).not.toHaveProperty('chain'); // …and so is the register's chain check
    expect(owed((await investigator.get('/complaints')).json)).toMatchObject({
      owedByCaller: true,
      investigatorIds: [DEMO_STAFF.windowLead],
      stage: { stage: 'investigation', owedBy: 'investigators' },
    });
    expect(owed((await leader.get('/complaints')).json)).toMatchObject({ owedByCaller: false });
    const seenByLeader = complaintDetailSchema.parse((await leader.get(`/complaints/${id}`)).json);
    expect(seenByLeader.chain).toEqual({ intact: true, events: 2, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(seenByLeader.reads.map((r) => [r.staffId, r.what, r.deviceId])).toEqual([
      [DEMO_STAFF.windowLead, 'detail', desk],
      [DEMO_STAFF.leader, 'detail', desk],
    ]);
    // The list carries no complainant and no account, and is not logged.
    const listed = await investigator.get('/complaints');
    expect(listed.body).toContain(id);
    expect(listed.body).not.toContain(body.payload.account);
    expect(listed.body).not.toContain('赵先生');
    expect(await complaintReads(server.storage.db, id)).toHaveLength(2);
    await as(DEMO_STAFF.supervisor).get('/complaints/accountability');
    expect((await complaintReads(server.storage.db, null)).map((r) => [r.staffId, r.what])).toContainEqual([
      DEMO_STAFF.supervisor,
      'accountability',
    ]);
  });

  it('takes an extension and a correction of the record from a leader only, never an edit', async () => {
    const { complaintId: id } = await taken();
    const supervisor = as(DEMO_STAFF.supervisor);
    const extension = { stage: 'acceptance', days: 5, reason: '需向12345热线核实。', approved: true };
    expect((await supervisor.act(id, act('complaint.extensionDecided', extension))).json).toMatchObject({
      code: 'not-allowed',
    });
    await ok(leader.act(id, act('complaint.extensionDecided', extension)));
    // An extension of a stage not running is out of order.
    const later = { ...extension, stage: 'decision' };
    expect((await leader.act(id, act('complaint.extensionDecided', later))).json).toMatchObject({
      code: 'out-of-order',
    });

    await ok(leader.act(id, act('complaint.investigationOrdered', { investigatorIds: [DEMO_STAFF.supervisor] })));
    await ok(supervisor.act(id, act('complaint.findingsClosed', { summary: '属实。', ground: 'art32_2' })));
    // Only the invited accused declines to state their side, in their own name.
    await ok(
      supervisor.act(
        id,
        act('complaint.statementInvited', { staffId: DEMO_STAFF.highTechHandler, dueOn: addDays(today(), 30) }),
      ),
    );
    await ok(
      accused.act(
        id,
        act('complaint.statementWaived', { staffId: DEMO_STAFF.highTechHandler, note: '本人书面放弃。' }),
      ),
    );
    const entry = { staffId: DEMO_STAFF.highTechHandler, measures: ['criticism'], gravity: 'ordinary' };
    await ok(
      leader.act(
        id,
        act('complaint.decided', { outcome: 'founded', ground: 'art32_2', measures: [entry], reason: '属实。' }),
      ),
    );
    const correction = { ...entry, measures: ['administrative'], gravity: 'serious', reason: '复核后从重。' };
    expect((await supervisor.act(id, act('complaint.measureCorrected', correction))).status).toBe(403);
    const stranger = { ...correction, staffId: DEMO_STAFF.windowClerk };
    expect((await leader.act(id, act('complaint.measureCorrected', stranger))).json).toMatchObject({
      code: 'not-accused',
    });
    await ok(leader.act(id, act('complaint.measureCorrected', correction)));

    const record = accountabilityListSchema.parse((await supervisor.get('/complaints/accountability')).json);
    const entries = record.records.find((r) => r.staffId === DEMO_STAFF.highTechHandler)?.entries ?? [];
    expect(entries.find((e) => e.complaintId === id)).toMatchObject({
      measures: ['administrative'],
      gravity: 'serious',
      decided: { measures: ['criticism'], gravity: 'ordinary' },
      corrections: [expect.objectContaining({ by: DEMO_STAFF.leader, reason: '复核后从重。' })],
    });
  });

  it('holds the day the complainant was told and a statement’s day to HQ’s calendar, storing nothing else', async () => {
    const { complaintId: id } = await taken();
    await ok(leader.act(id, act('complaint.dismissed', { reason: '所反映问题不属于本局职责。' })));
    const refused: [string, string, RegExp][] = [
      ['tomorrow', addDays(today(), 1), /晚于今天/],
      ['a planted doneLate breach', '2030-01-01', /晚于今天/],
      ['before the dismissal it tells of', addDays(today(), -1), /早于所告知的处理决定（或不予立案决定）/],
      ['long before anything', '2000-01-01', /早于/],
    ];
    for (const [what, on, words] of refused) {
      const res = await leader.act(id, act('complaint.complainantTold', { on, how: 'phone' }));
      expect(res.status, what).toBe(400);
      expect(res.json, what).toMatchObject({ code: 'date-out-of-range', message: expect.stringContaining(on) });
      expect(res.json.message, what).toMatch(words);
      expect(res.json.message, what).toContain('nothing was stored');
    }
    const events = async (complaintId: string) =>
      complaintDetailSchema.parse((await leader.get(`/complaints/${complaintId}`)).json).events.map((e) => e.type);
    expect(await events(id)).toEqual(['complaint.received', 'complaint.dismissed']);
    await ok(leader.act(id, act('complaint.complainantTold', { on: today(), how: 'phone' })));

    // An invitation whose day has already passed would let a founded decision go ahead unheard.
    const other = (await taken()).complaintId;
    await ok(leader.act(other, act('complaint.investigationOrdered', { investigatorIds: [DEMO_STAFF.windowLead] })));
    for (const dueOn of [addDays(today(), -1), '1990-01-01']) {
      const res = await investigator.act(
        other,
        act('complaint.statementInvited', { staffId: DEMO_STAFF.highTechHandler, dueOn }),
      );
      expect(res.status, dueOn).toBe(400);
      expect(res.json, dueOn).toMatchObject({
        code: 'date-out-of-range',
        message: expect.stringContaining(`陈述申辩期限（${dueOn}）早于今天（${today()}`),
      });
    }
    expect(await events(other)).toEqual(['complaint.received', 'complaint.investigationOrdered']);
    // The accused was never invited, so still hears nothing of it.
    expect((await accused.get(`/complaints/${other}/statement`)).status).toBe(404);
  });

  it('lets exactly one of two leaders deciding at once land', async () => {
    const { complaintId: id } = await taken();
    const [a, b] = await Promise.all([
      leader.act(id, act('complaint.dismissed', { reason: '不予立案。' })),
      as(DEMO_STAFF.director).act(
        id,
        act('complaint.investigationOrdered', { investigatorIds: [DEMO_STAFF.windowLead] }),
      ),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)?.json).toMatchObject({ code: 'conflicting' });
    const detail = complaintDetailSchema.parse((await leader.get(`/complaints/${id}`)).json);
    expect(detail.events).toHaveLength(2);
  });
});
