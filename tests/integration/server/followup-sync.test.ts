import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/model/events.ts';
import type { FollowUpEvent } from '../../../shared/model/followUpEvents.ts';
import type { RatingEvent } from '../../../shared/model/ratingEvents.ts';
import { foldFollowUp } from '../../../shared/rules/followUp.ts';
import { foldRating } from '../../../shared/rules/rating.ts';
import { rectificationStage } from '../../../shared/rules/rectification.ts';
import { satisfactionRates, validRatingOutcomes } from '../../../shared/rules/rates.ts';
import { authorshipOf } from '../../../shared/sync/staffAuth.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { makeContactOpened, type Stamp } from '../../fixtures/events.ts';
import { withProof } from '../../fixtures/proof.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';
import { makeEvent, signInAs } from './staffSessions.ts';

// Issue 13 across desks: a window desk takes a 差评 on its rating pad and a follow-up is recorded offline; the
// rated person appeals; a clerk cannot decide the appeal (not without a proven session, not with their own); a
// supervisor signed in online can; another desk pulls it all and folds the same rating and follow-up.

const { windowClerk: clerk, highTechHandler: handler, highTechHead: head, supervisor, leader } = DEMO_STAFF;

describe.each(BACKENDS)('follow-ups and ratings sync between desks on $name', (backend) => {
  let server: TestServer;
  let windowDesk: string;
  let seq: Record<string, number>;
  beforeEach(async () => {
    server = await startServer(backend);
    windowDesk = await server.device();
    seq = {};
  });
  afterEach(async () => {
    await server.stop();
  });

  const by = (staffId: string, deviceId = windowDesk): Stamp => ({
    deviceId,
    deviceSeq: (seq[deviceId] = (seq[deviceId] ?? 0) + 1),
    staffId,
  });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  async function push(deviceId: string, events: readonly DeskEvent[]) {
    const res = await server.push(pushBody(deviceId, events));
    expect(res.status).toBe(200);
    return res.body;
  }

  /** The window's day: a contact, its 差评 on the pad, a follow-up that found the applicant dissatisfied. */
  async function windowDay() {
    const opened = makeContactOpened({ ...by(handler), responsibleStaffId: handler, askedStaffIds: [handler] });
    const contactId = opened.aggregateId;
    const subject = { kind: 'contact', id: contactId };
    const events = [
      opened,
      makeEvent(by(handler), 'rating.given', contactId, {
        service: { kind: 'contact', id: contactId },
        ratedStaffId: handler,
        source: 'pad',
        level: 'dissatisfied',
        reasons: ['longWait'],
        comment: '排队一个多小时',
      }),
      // art. 29–30: tried once by phone, then reached; strong dissatisfaction reported to a leader.
      makeEvent(by(supervisor), 'followUp.attempted', contactId, { subject, means: 'phone', note: '无人接听' }),
      makeEvent(by(supervisor), 'followUp.recorded', contactId, {
        subject,
        means: 'phone',
        resultAsRecorded: 'partly',
        ratings: { overall: 'veryDissatisfied', attitude: 'satisfied', efficiency: 'dissatisfied' },
        opinions: '等候时间太长',
        suggestions: '建议开通网上预约',
        strong: true,
      }),
      makeEvent(by(supervisor), 'followUp.leaderInformed', contactId, { subject, leaderId: leader }),
      // The 差评's rectification: verified by the supervisor, explained by the department head, applicant told.
      makeEvent(by(supervisor), 'rating.verified', contactId, { on: today, means: 'phone', note: '已回电核实' }),
      makeEvent(by(head), 'rating.rectified', contactId, { mode: 'immediate', note: '增设取号提示，高峰时段加开窗口' }),
      makeEvent(by(supervisor), 'rating.feedbackGiven', contactId, { on: today, how: 'phone', newLevel: 'satisfied' }),
      // 申诉: the rated person appeals (an everyday act, taken offline too).
      makeEvent(by(handler), 'rating.appealed', contactId, { reason: '当日排队系叫号系统故障，非本人原因' }),
    ];
    expect(await push(windowDesk, events)).toMatchObject({ stored: events.length, rejected: [] });
    return contactId;
  }

  const decision = (stamp: Stamp, contactId: string) =>
    makeEvent(stamp, 'rating.appealDecided', contactId, { upheld: true, reason: '经调取叫号记录核实，系系统故障' });

  it('refuses a clerk’s decision on an appeal (申诉复核 is privileged), accepts a supervisor’s, proven, and another desk folds the same rating and follow-up (art. 28–30)', async () => {
    const contactId = await windowDay();

    // Without a proof: refused before its role is even read.
    const forged = decision(by(clerk), contactId);
    const unproven = await push(windowDesk, [forged]);
    expect(unproven.rejected).toEqual([expect.objectContaining({ eventId: forged.eventId, code: 'proof-required' })]);
    // With the clerk's own session: proven, but the clerk has no right to decide.
    const clerkSession = await signInAs(server, windowDesk, clerk);
    const clerks = withProof(decision(by(clerk), contactId), clerkSession);
    const byClerk = await push(windowDesk, [clerks]);
    expect(byClerk.rejected).toEqual([expect.objectContaining({ eventId: clerks.eventId, code: 'not-authorised' })]);
    expect(byClerk.rejected[0]?.message).toMatch(/only a supervisor or a leader may decide an appeal/);

    // The supervisor, signed in online on another desk.
    const supervisorDesk = await server.device();
    const session = await signInAs(server, supervisorDesk, supervisor);
    const upheld = withProof(decision(by(supervisor, supervisorDesk), contactId), session);
    expect(await push(supervisorDesk, [upheld])).toMatchObject({ stored: 1, rejected: [] });

    // Another desk pulls everything and folds the same record.
    const pulled = (await server.pull(0, 2000)).events.map((e) => e.event);
    expect(pulled.map((e) => e.eventId)).not.toContain(forged.eventId);
    expect(pulled.map((e) => e.eventId)).not.toContain(clerks.eventId);
    const ratingEvents = pulled.filter((e): e is RatingEvent => e.aggregate === 'rating');
    const rating = foldRating(ratingEvents)!;
    expect(rating).toMatchObject({ level: 'dissatisfied', ratedStaffId: handler, flags: [] });
    expect(rating.invalid).toMatchObject({ by: supervisor, reason: '经调取叫号记录核实，系系统故障' });
    expect(rectificationStage(rating.rectification!)).toBe('done');
    expect(authorshipOf(ratingEvents.find((e) => e.type === 'rating.appealDecided')!)).toBe('proven');
    // Invalid: kept, and left out of the rates.
    expect(satisfactionRates(validRatingOutcomes([rating])).badRate.denominator).toBe(0);

    const followUp = foldFollowUp(
      pulled.filter((e): e is FollowUpEvent => e.aggregate === 'followUp'),
      { excludedStaffIds: [handler] },
    )!;
    expect(followUp).toMatchObject({
      subject: { kind: 'contact', id: contactId },
      dissatisfied: true,
      strong: true,
      leaderReportDue: false,
      flags: [],
    });
    expect(followUp.attempts).toHaveLength(1);
    expect(followUp.latest?.ratings).toEqual({
      overall: 'veryDissatisfied',
      attitude: 'satisfied',
      efficiency: 'dissatisfied',
    });
  });

  it('refuses a QR rating pushed by a desk, a pad rating filed under another service, and a leader report to a non-leader', async () => {
    const contactId = await windowDay();
    const other = makeContactOpened(by(clerk)).aggregateId;
    const qr = makeEvent(by(clerk), 'rating.given', 'NYKJ-W7K2Q-2026-000127', {
      service: { kind: 'contact', id: contactId },
      ratedStaffId: handler,
      source: 'qr',
      level: 'verySatisfied',
      reasons: [],
    });
    const misfiled = {
      ...makeEvent(by(clerk), 'rating.given', other, {
        service: { kind: 'contact', id: other },
        ratedStaffId: handler,
        source: 'pad',
        level: 'verySatisfied',
        reasons: [],
      }),
      aggregateId: contactId, // a second "rating" of the first service under a stolen key
    };
    const toHead = makeEvent(by(supervisor), 'followUp.leaderInformed', contactId, {
      subject: { kind: 'contact', id: contactId },
      leaderId: head,
    });
    const res = await server.push(pushBody(windowDesk, [qr, misfiled, toHead]));
    expect(res.body.stored).toBe(0);
    expect(res.body.rejected.map((r) => r.code)).toEqual(['not-authorised', 'invalid-event', 'not-authorised']);
    expect(res.body.rejected[1]?.message).toMatch(/ratingKeyMismatch/);
    const pulled = (await server.pull(0, 2000)).events.map((e) => e.event.eventId);
    for (const e of [qr, misfiled, toHead]) expect(pulled).not.toContain(e.eventId);
  });

  it('refuses a second pad rating of the same service from another desk: the first stands (一次一评)', async () => {
    const contactId = await windowDay();
    const otherDesk = await server.device();
    const again = makeEvent(by(handler, otherDesk), 'rating.given', contactId, {
      service: { kind: 'contact', id: contactId },
      ratedStaffId: handler,
      source: 'pad',
      level: 'verySatisfied',
      reasons: [],
    });
    const body = await push(otherDesk, [again]);
    expect(body.stored).toBe(0);
    expect(body.rejected).toEqual([expect.objectContaining({ eventId: again.eventId, code: 'not-authorised' })]);
    expect(body.rejected[0]!.message).toContain('一次一评');
    const pulled = (await server.pull(0, 2000)).events.map((e) => e.event);
    expect(pulled.map((e) => e.eventId)).not.toContain(again.eventId);
    const rating = foldRating(pulled.filter((e): e is RatingEvent => e.aggregate === 'rating'))!;
    expect(rating.level).toBe('dissatisfied');
    expect(rating.duplicateEventIds).toEqual([]);
  });
});
