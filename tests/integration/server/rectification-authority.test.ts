import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { makeContactOpened, type Stamp } from '../../fixtures/events.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';
import { makeEvent } from './staffSessions.ts';

// 差评整改 is the work of the rated person's department, supervisors and leaders (shared/rules/
// rectificationPermissions.ts). HQ refuses a step by anyone else at push, reading the rated person from the stored
// rating.given — or from the same push, since an offline desk sends its pad's rating and the first steps together.

const { windowClerk: clerk, highTechHandler: handler, highTechHead: head, policyHead, supervisor, leader } = DEMO_STAFF;

describe.each(BACKENDS)('who may rectify a 差评, judged by HQ on $name', (backend) => {
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
  const verified = (stamp: Stamp, key: string) =>
    makeEvent(stamp, 'rating.verified', key, { on: today, means: 'phone', note: '已回电核实' });
  const rectified = (stamp: Stamp, key: string) =>
    makeEvent(stamp, 'rating.rectified', key, { mode: 'immediate', note: '增设取号提示' });
  const feedback = (stamp: Stamp, key: string) =>
    makeEvent(stamp, 'rating.feedbackGiven', key, { on: today, how: 'phone', newLevel: 'satisfied' });
  const badRating = (stamp: Stamp, contactId: string, ratedStaffId: string = handler) =>
    makeEvent(stamp, 'rating.given', contactId, {
      service: { kind: 'contact', id: contactId },
      ratedStaffId,
      source: 'pad',
      level: 'dissatisfied',
      reasons: ['longWait'],
    });

  async function push(deviceId: string, events: readonly DeskEvent[]) {
    const res = await server.push(pushBody(deviceId, events));
    expect(res.status).toBe(200);
    return res.body;
  }
  async function storedIds() {
    return (await server.pull(0, 2000)).events.map((e) => e.event.eventId);
  }

  /** An offline window desk's day, pushed in one batch: the contact, the pad's 差评 of the high-tech handler, a step. */
  async function offlineDay() {
    const opened = makeContactOpened({ ...by(handler), responsibleStaffId: handler, askedStaffIds: [handler] });
    const key = opened.aggregateId;
    const events = [opened, badRating(by(handler), key), verified(by(supervisor), key), rectified(by(head), key)];
    expect(await push(windowDesk, events)).toMatchObject({ stored: events.length, rejected: [] });
    return key;
  }

  it("accepts the rating and its steps in one push from an offline desk, by a supervisor and the rated person's department head", async () => {
    const key = await offlineDay();
    const otherDesk = await server.device();
    const byLeader = feedback(by(leader, otherDesk), key);
    expect(await push(otherDesk, [byLeader])).toMatchObject({ stored: 1, rejected: [] });
  });

  it('refuses a hostile desk pushing steps as an unrelated clerk or another department’s head, and stores none', async () => {
    const key = await offlineDay();
    const hostile = await server.device();
    const steps = [verified(by(clerk, hostile), key), feedback(by(policyHead, hostile), key)];
    const res = await push(hostile, steps);
    expect(res.stored).toBe(0);
    expect(res.rejected.map((r) => [r.eventId, r.code])).toEqual(steps.map((e) => [e.eventId, 'not-authorised']));
    expect(res.rejected[0]?.message).toMatch(/rated person's department \(dept-high-tech\).*zhang-wei is none of them/);
    const stored = await storedIds();
    for (const e of steps) expect(stored).not.toContain(e.eventId);
  });

  it('judges by the first rating of the key: a second rating.given naming the hostile clerk gives them no right', async () => {
    const key = await offlineDay();
    const hostile = await server.device();
    // 一次一评: the forged second rating is refused (padRatingCheck.ts); the rated person stays the handler.
    const forged = badRating(by(clerk, hostile), key, clerk);
    const step = feedback(by(clerk, hostile), key);
    const res = await push(hostile, [forged, step]);
    expect(res.stored).toBe(0);
    expect(res.rejected).toEqual([
      expect.objectContaining({ eventId: forged.eventId, code: 'not-authorised' }),
      expect.objectContaining({ eventId: step.eventId, code: 'not-authorised' }),
    ]);
  });

  it('refuses a step on a rating HQ does not hold, even by a supervisor, and accepts it once the rating is pushed', async () => {
    const opened = makeContactOpened({ ...by(handler), responsibleStaffId: handler, askedStaffIds: [handler] });
    const key = opened.aggregateId;
    const given = badRating(by(handler), key);
    const orphan = verified(by(supervisor), key);
    // A step written before its rating in the desk's log: no honest desk does this, and HQ cannot judge it.
    const early = await push(windowDesk, [opened, orphan]);
    expect(early.rejected).toEqual([expect.objectContaining({ eventId: orphan.eventId, code: 'unknown-reference' })]);
    expect(early.rejected[0]?.message).toMatch(/is not held by this server/);
    const later = verified(by(supervisor), key);
    expect(await push(windowDesk, [given, later])).toMatchObject({ stored: 2, rejected: [] });
  });
});
