import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { createUlidFactory } from '../../../shared/rules/ulid.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { makeContactOpened, type Stamp } from '../../fixtures/events.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';
import { makeEvent } from './staffSessions.ts';

// Review of issue 13 (hostile desk): a desk writes its pad's ratings itself, so HQ refuses a pad rating.given of a
// contact it does not hold, of someone who did not serve it, or of a service already rated (一次一评); and the rated
// person's own steps on their 差评. An offline desk's contact and rating in one push still pass.

const { windowClerk: clerk, windowClerk2: otherClerk, windowLead: lead, supervisor } = DEMO_STAFF;
const ulid = createUlidFactory((n) => crypto.getRandomValues(new Uint8Array(n)));

describe.each(BACKENDS)('HQ checks pad ratings on $name', (backend) => {
  let server: TestServer;
  let desk: string;
  let seq = 0;
  beforeEach(async () => {
    server = await startServer(backend);
    desk = await server.device();
    seq = 0;
  });
  afterEach(async () => {
    await server.stop();
  });

  const by = (staffId: string): Stamp => ({ deviceId: desk, deviceSeq: ++seq, staffId });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const rating = (contactId: string, ratedStaffId: string, level: string, author: string = clerk) =>
    makeEvent(by(author), 'rating.given', contactId, {
      service: { kind: 'contact', id: contactId },
      ratedStaffId,
      source: 'pad',
      level,
      reasons: level === 'veryDissatisfied' || level === 'dissatisfied' ? ['poorAttitude'] : [],
    });
  const served = () => makeContactOpened({ ...by(clerk), responsibleStaffId: clerk, askedStaffIds: [clerk] });

  async function push(events: readonly DeskEvent[]) {
    const res = await server.push(pushBody(desk, events));
    expect(res.status).toBe(200);
    return res.body;
  }
  async function storedIds() {
    return (await server.pull(0, 2000)).events.map((e) => e.event.eventId);
  }

  it('refuses ratings of contacts HQ has never seen, and stores none of them', async () => {
    const invented = Array.from({ length: 20 }, () => rating(ulid(Date.now()), clerk, 'verySatisfied'));
    const against = Array.from({ length: 5 }, () => rating(ulid(Date.now()), otherClerk, 'veryDissatisfied'));
    const body = await push([...invented, ...against]);
    expect(body.stored).toBe(0);
    expect(body.rejected).toHaveLength(25);
    expect(new Set(body.rejected.map((r) => r.code))).toEqual(new Set(['unknown-reference']));
    expect(body.rejected[0]!.message).toContain('is not held by this server');
    expect(await storedIds()).toEqual([]);
  });

  it('accepts the contact and its rating in one push, and refuses rating someone who did not serve it', async () => {
    const opened = served();
    const ofOther = rating(opened.aggregateId, otherClerk, 'veryDissatisfied');
    const honest = rating(opened.aggregateId, clerk, 'satisfied');
    const body = await push([opened, ofOther, honest]);
    expect(body.rejected).toEqual([expect.objectContaining({ eventId: ofOther.eventId, code: 'not-authorised' })]);
    expect(body.rejected[0]!.message).toContain('did not serve');
    expect(body.stored).toBe(2);
    expect(await storedIds()).toEqual(expect.arrayContaining([opened.eventId, honest.eventId]));
  });

  it('refuses a second rating of a service, in the same push or a later one (一次一评)', async () => {
    const opened = served();
    const first = rating(opened.aggregateId, clerk, 'dissatisfied');
    const sameBatch = rating(opened.aggregateId, clerk, 'verySatisfied');
    const body = await push([opened, first, sameBatch]);
    expect(body.stored).toBe(2);
    expect(body.rejected.map((r) => [r.eventId, r.code])).toEqual([[sameBatch.eventId, 'not-authorised']]);
    const later = await push([rating(opened.aggregateId, clerk, 'verySatisfied')]);
    expect(later.stored).toBe(0);
    expect(later.rejected[0]!.message).toContain('一次一评');
  });

  it("refuses the rated person's own steps on their 差评, and takes a colleague's", async () => {
    const opened = served();
    const bad = rating(opened.aggregateId, clerk, 'dissatisfied', lead);
    const key = opened.aggregateId;
    const ownVerify = makeEvent(by(clerk), 'rating.verified', key, { on: today, means: 'phone', note: '已核实' });
    const verify = makeEvent(by(supervisor), 'rating.verified', key, { on: today, means: 'phone', note: '已核实' });
    const ownExplain = makeEvent(by(clerk), 'rating.rectified', key, { mode: 'explained', note: '已解释' });
    const ownFeedback = makeEvent(by(clerk), 'rating.feedbackGiven', key, { on: today, how: 'phone' });
    const explain = makeEvent(by(lead), 'rating.rectified', key, { mode: 'explained', note: '已解释' });
    const body = await push([opened, bad, ownVerify, verify, ownExplain, ownFeedback, explain]);
    expect(body.rejected.map((r) => [r.eventId, r.code])).toEqual([
      [ownVerify.eventId, 'not-authorised'],
      [ownExplain.eventId, 'not-authorised'],
      [ownFeedback.eventId, 'not-authorised'],
    ]);
    expect(body.rejected[0]!.message).toContain('rated person');
    expect(body.stored).toBe(4);
  });
});
