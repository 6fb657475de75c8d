import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { DEMO_ITEMS } from '../../../server/src/seed/demoCatalog.ts';
import { makeContactOpened, newContactId, stampEnvelope, type Stamp } from '../../fixtures/events.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';

// Item 11 of issue 12: the rules of the regulation that need no state are checked by the server too, through the
// real push route, so a desk that breaks them (an older build, a tampered one) is refused event by event and
// nothing of the refused event is stored. Everything else in the push is stored as usual.

const { windowClerk: clerk, windowClerk2: principal, highTechHandler, highTechHead, leader, director } = DEMO_STAFF;

describe.each(BACKENDS)('the regulation checked by the server at push, on $name', (backend) => {
  let server: TestServer;
  let desk: string;
  let seq: number;
  beforeEach(async () => {
    server = await startServer(backend);
    desk = await server.device();
    seq = 0;
  });
  afterEach(async () => {
    await server.stop();
  });

  const by = (staffId = clerk): Stamp => ({ deviceId: desk, deviceSeq: ++seq, staffId });
  const opened = (askedStaffIds: string[], responsibleStaffId: string) =>
    makeContactOpened({ ...by(), askedStaffIds, responsibleStaffId });
  /** A case event as a desk would stamp it, NOT parsed: the server's schema is what is under test. */
  const caseEvent = (type: DeskEvent['type'], aggregateId: string, payload: object) => ({
    ...stampEnvelope(by(), 'case'),
    aggregateId,
    type,
    payload,
  });

  async function storedIds(): Promise<string[]> {
    return (await server.pull(0, 2000)).events.map((e) => e.event.eventId);
  }

  it('art. 7: refuses a contact whose responsible person is not the highest-ranked of those asked, and stores the rest', async () => {
    const right = opened([clerk, highTechHead], highTechHead); // 陈静 (科长) over 张伟 (科员)
    const lower = opened([clerk, highTechHead], clerk);
    const notAsked = opened([clerk, principal], director);
    const belowLeader = opened([clerk, highTechHead, leader], highTechHead);
    const res = await server.push(pushBody(desk, [right, lower, notAsked, belowLeader]));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: 1, ackedSeq: 4 });
    expect(res.body.rejected).toEqual([
      {
        eventId: lower.eventId,
        deviceSeq: 2,
        code: 'not-authorised',
        message:
          'art. 7: of the staff asked together the highest-ranked is first-inquiry responsible: ' +
          'chen-jing (sectionChief), not zhang-wei (clerk)',
      },
      {
        eventId: notAsked.eventId,
        deviceSeq: 3,
        code: 'not-authorised',
        message: expect.stringContaining('art. 7: the first-inquiry responsible person lin-zhiyuan must be one of'),
      },
      {
        eventId: belowLeader.eventId,
        deviceSeq: 4,
        code: 'not-authorised',
        message: expect.stringContaining('he-jianguo (deputyDirector), not chen-jing (sectionChief)'),
      },
    ]);
    expect(await storedIds()).toEqual([right.eventId]);
  });

  it('art. 7: of equal rank, takes the first listed as the desk does, and refuses the other', async () => {
    const first = opened([clerk, highTechHandler], clerk); // 张伟 and 刘洋 are both 科员
    const second = opened([clerk, highTechHandler], highTechHandler);
    const res = await server.push(pushBody(desk, [first, second]));
    expect(res.body.rejected).toEqual([
      {
        eventId: second.eventId,
        deviceSeq: 2,
        code: 'not-authorised',
        message: expect.stringContaining('(of equal rank, the first listed)'),
      },
    ]);
    expect(await storedIds()).toEqual([first.eventId]);
  });

  it('art. 15: refuses a case opened or accepted with a promised limit longer than the statutory one', async () => {
    const contact = opened([clerk], clerk);
    const caseId = newContactId();
    const opening = { contactId: contact.aggregateId, serviceItemId: DEMO_ITEMS.techContract, catalogRev: 1 };
    const openedTooLong = caseEvent('case.opened', newContactId(), {
      ...opening,
      promisedLimitDays: 25,
      statutoryLimitDays: 20,
    });
    const openedRight = caseEvent('case.opened', caseId, { ...opening, promisedLimitDays: 20, statutoryLimitDays: 20 });
    const acceptedTooLong = caseEvent('case.accepted', caseId, {
      acceptedOn: '2026-12-01',
      promisedLimitDays: 21,
      statutoryLimitDays: 20,
    });
    const res = await server.push(pushBody(desk, [contact, openedTooLong, openedRight, acceptedTooLong]));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: 2, ackedSeq: 4 });
    expect(res.body.rejected).toEqual([
      {
        eventId: openedTooLong.eventId,
        deviceSeq: 2,
        code: 'invalid-event',
        message: expect.stringContaining('promisedAboveStatutory'),
      },
      {
        eventId: acceptedTooLong.eventId,
        deviceSeq: 4,
        code: 'invalid-event',
        message: expect.stringContaining('promisedAboveStatutory'),
      },
    ]);
    expect(await storedIds()).toEqual([contact.eventId, openedRight.eventId]);
  });

  it('art. 15–16: accepts a case whose promised limit equals the statutory one, or stands alone where no law sets one', async () => {
    const caseA = newContactId();
    const caseB = newContactId();
    const accepted = [
      caseEvent('case.accepted', caseA, { acceptedOn: '2026-12-01', promisedLimitDays: 20, statutoryLimitDays: 20 }),
      caseEvent('case.accepted', caseB, { acceptedOn: '2026-12-01', promisedLimitDays: 30 }),
    ];
    const res = await server.push(pushBody(desk, accepted));
    expect(res.body).toMatchObject({ stored: 2, rejected: [] });
    expect(await storedIds()).toEqual(accepted.map((e) => e.eventId));
  });
});
