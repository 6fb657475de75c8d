import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceItem } from '../../../shared/model/catalog.ts';
import type { DeskEvent } from '../../../shared/model/events.ts';
import type { ReferenceDoc } from '../../../shared/model/reference.ts';
import type { StaffSession } from '../../../shared/sync/staffAuth.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { DEMO_ITEMS } from '../../../server/src/seed/demoCatalog.ts';
import {
  makeItemPublished,
  makeItemSaved,
  makeYearConfirmed,
  makeYearProposed,
  SCHEDULE_2027,
  withGuide,
} from '../../fixtures/adminEvents.ts';
import { withProof } from '../../fixtures/proof.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';
import { signInAs } from './staffSessions.ts';

const admin = DEMO_STAFF.admin;
const secondAdmin = DEMO_STAFF.secondAdmin;

describe.each(BACKENDS)('administrators change the catalog and the calendar on $name', (backend) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer(backend);
    sessions.clear();
  });
  afterEach(async () => {
    await server.stop();
  });

  /** The newest version of a reference doc as a desk pulling from scratch would get it. */
  async function pulled<K extends ReferenceDoc['kind']>(kind: K, id: string) {
    const page = await server.pull(0, 2000);
    const versions = page.references.filter((r) => r.doc.kind === kind && r.doc.id === id);
    return versions.at(-1) as { seq: number; doc: Extract<ReferenceDoc, { kind: K }> } | undefined;
  }

  // Catalog and calendar edits are privileged (issue 11): each author signs in online on the desk that pushes, and
  // every event carries its proof, as the desk writes it while their session is live.
  const sessions = new Map<string, Promise<StaffSession>>();
  async function pushProven(deviceId: string, events: readonly DeskEvent[]) {
    const signed = [];
    for (const event of events) {
      const key = `${event.deviceId}/${event.staffId}`;
      if (!sessions.has(key)) sessions.set(key, signInAs(server, event.deviceId, event.staffId));
      signed.push(withProof(event, await sessions.get(key)!));
    }
    return server.push(pushBody(deviceId, signed));
  }

  async function item(id: string): Promise<{ rev: number; body: ServiceItem }> {
    const found = await pulled('serviceItem', id);
    if (!found) throw new Error(`no item ${id}`);
    return found.doc;
  }

  it('seeds the demo catalog, every item at version 1', async () => {
    const page = await server.pull(0, 2000);
    const items = page.references.filter((r) => r.doc.kind === 'serviceItem');
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.every((r) => r.doc.rev === 1)).toBe(true);
  });

  it('puts an admin’s edit in force as the next version once a second admin publishes it (art. 20–23)', async () => {
    const desk = await server.device();
    const before = await item(DEMO_ITEMS.techContract);
    const { nextCursor } = await server.pull(0, 2000);
    const edited = withGuide({ ...before.body, promisedLimitDays: 8 });
    const event = makeItemSaved({ deviceId: desk, deviceSeq: 1, staffId: admin }, edited, 1, '压缩承诺时限');
    const push = await pushProven(desk, [event]);
    expect(push.body).toMatchObject({ stored: 1, rejected: [], ackedSeq: 1 });
    // A draft: every desk pulls the event (the second admin reviews it), no document changes.
    const drafted = await server.pull(nextCursor, 2000);
    expect(drafted.events.map((e) => e.event.eventId)).toEqual([event.eventId]);
    expect(drafted.references).toEqual([]);

    const approval = makeItemPublished(
      { deviceId: desk, deviceSeq: 2, staffId: secondAdmin },
      DEMO_ITEMS.techContract,
      event.eventId,
    );
    expect((await pushProven(desk, [approval])).body).toMatchObject({ stored: 1, rejected: [] });
    const page = await server.pull(drafted.nextCursor, 2000);
    expect(page.events.map((e) => e.event.eventId)).toEqual([approval.eventId]);
    // The version replaced comes first, kept for the cases opened under it (item 12), then the new one.
    expect(page.references.map((r) => r.doc)).toEqual([
      expect.objectContaining({
        kind: 'serviceItemVersion',
        id: `${DEMO_ITEMS.techContract}@1`,
        body: { rev: 1, item: before.body },
      }),
      expect.objectContaining({ kind: 'serviceItem', id: DEMO_ITEMS.techContract, rev: 2 }),
    ]);
    expect(page.references[1]!.doc.body as ServiceItem).toMatchObject({
      promisedLimitDays: 8,
      publication: { draftEventId: event.eventId, draftedBy: admin, approvedBy: secondAdmin },
    });
  });

  it('creates a new item at version 1 once published', async () => {
    const desk = await server.device();
    const template = (await item(DEMO_ITEMS.techContract)).body;
    const created = withGuide({ ...template, name: '专利质押融资政策咨询' }, {
      id: 'patent-pledge-consult',
    } as Partial<ServiceItem>);
    const draft = makeItemSaved({ deviceId: desk, deviceSeq: 1, staffId: admin }, created, null);
    const approval = makeItemPublished(
      { deviceId: desk, deviceSeq: 2, staffId: secondAdmin },
      created.id,
      draft.eventId,
    );
    const push = await pushProven(desk, [draft, approval]);
    expect(push.body.rejected).toEqual([]);
    expect(await item('patent-pledge-consult')).toMatchObject({ rev: 1, body: { name: '专利质押融资政策咨询' } });
  });

  it('refuses an edit made on a version someone else has published meanwhile, and changes nothing', async () => {
    const deskA = await server.device();
    const deskB = await server.device();
    const base = withGuide((await item(DEMO_ITEMS.highTech)).body);
    const first = makeItemSaved(
      { deviceId: deskA, deviceSeq: 1, staffId: admin },
      { ...base, promisedLimitDays: 12 },
      1,
    );
    const approval = makeItemPublished(
      { deviceId: deskA, deviceSeq: 2, staffId: secondAdmin },
      DEMO_ITEMS.highTech,
      first.eventId,
    );
    const stale = makeItemSaved(
      { deviceId: deskB, deviceSeq: 1, staffId: secondAdmin },
      { ...base, promisedLimitDays: 14 },
      1,
    );
    expect((await pushProven(deskA, [first, approval])).body.rejected).toEqual([]);
    const { nextCursor } = await server.pull(0, 2000);

    const refused = await pushProven(deskB, [stale]);
    expect(refused.body).toMatchObject({ stored: 0, ackedSeq: 1 });
    expect(refused.body.rejected).toEqual([
      { eventId: stale.eventId, deviceSeq: 1, code: 'stale-edit', message: expect.stringContaining('now version 2') },
    ]);
    // Nothing stored, nothing changed: the event is not in the log and no new version was written.
    expect(await server.pull(nextCursor, 2000)).toMatchObject({ events: [], references: [] });
    expect(await item(DEMO_ITEMS.highTech)).toMatchObject({ rev: 2, body: { promisedLimitDays: 12 } });
  });

  it('refuses a catalog edit by someone who is not an administrator', async () => {
    const desk = await server.device();
    const base = (await item(DEMO_ITEMS.techSme)).body;
    const event = makeItemSaved({ deviceId: desk, deviceSeq: 1, staffId: DEMO_STAFF.windowClerk }, base, 1);
    const push = await pushProven(desk, [event]);
    expect(push.body.rejected).toEqual([expect.objectContaining({ eventId: event.eventId, code: 'not-authorised' })]);
    expect(await item(DEMO_ITEMS.techSme)).toMatchObject({ rev: 1 });
  });

  it('takes a year into effect only when a second admin confirms it, and every desk pulls it', async () => {
    const deskA = await server.device();
    const deskB = await server.device();
    const proposal = makeYearProposed(
      { deviceId: deskA, deviceSeq: 1, staffId: admin },
      2027,
      SCHEDULE_2027,
      '国办发明电〔2026〕X号',
    );
    expect((await pushProven(deskA, [proposal])).body.rejected).toEqual([]);
    expect((await pulled('calendarYear', '2027'))?.doc).toMatchObject({
      rev: 1,
      body: { status: 'proposed', enteredBy: admin, noticeNumber: '国办发明电〔2026〕X号' },
    });

    const { nextCursor } = await server.pull(0, 2000);
    const confirmation = makeYearConfirmed(
      { deviceId: deskB, deviceSeq: 1, staffId: secondAdmin },
      2027,
      proposal.eventId,
    );
    expect((await pushProven(deskB, [confirmation])).body).toMatchObject({ stored: 1, rejected: [] });
    const page = await server.pull(nextCursor, 2000);
    expect(page.references.map((r) => r.doc)).toEqual([
      expect.objectContaining({
        kind: 'calendarYear',
        id: '2027',
        rev: 2,
        body: expect.objectContaining({
          status: 'confirmed',
          enteredBy: admin,
          confirmedBy: secondAdmin,
          days: SCHEDULE_2027,
        }),
      }),
    ]);
  });

  it('refuses a confirmation by the admin who entered the year, and by someone who is not an admin', async () => {
    const desk = await server.device();
    const proposal = makeYearProposed({ deviceId: desk, deviceSeq: 1, staffId: admin }, 2027, SCHEDULE_2027);
    const selfConfirm = makeYearConfirmed({ deviceId: desk, deviceSeq: 2, staffId: admin }, 2027, proposal.eventId);
    const byLeader = makeYearConfirmed(
      { deviceId: desk, deviceSeq: 3, staffId: DEMO_STAFF.leader },
      2027,
      proposal.eventId,
    );
    const push = await pushProven(desk, [proposal, selfConfirm, byLeader]);
    expect(push.body).toMatchObject({ stored: 1, ackedSeq: 3 });
    expect(push.body.rejected).toEqual([
      expect.objectContaining({
        eventId: selfConfirm.eventId,
        code: 'not-authorised',
        message: expect.stringContaining('second person'),
      }),
      expect.objectContaining({ eventId: byLeader.eventId, code: 'not-authorised' }),
    ]);
    expect((await pulled('calendarYear', '2027'))?.doc).toMatchObject({ rev: 1, body: { status: 'proposed' } });
  });

  it('confirms a proposal pushed in the same batch from one desk where two admins signed in', async () => {
    const desk = await server.device();
    const proposal = makeYearProposed({ deviceId: desk, deviceSeq: 1, staffId: admin }, 2027, SCHEDULE_2027);
    const confirmation = makeYearConfirmed(
      { deviceId: desk, deviceSeq: 2, staffId: secondAdmin },
      2027,
      proposal.eventId,
    );
    expect((await pushProven(desk, [proposal, confirmation])).body).toMatchObject({
      stored: 2,
      rejected: [],
    });
    expect((await pulled('calendarYear', '2027'))?.doc).toMatchObject({
      body: { status: 'confirmed', confirmedBy: secondAdmin },
    });
  });

  it('keeps a confirmed year in force while an amendment waits, and refuses to confirm a superseded proposal', async () => {
    const desk = await server.device();
    const first = makeYearProposed({ deviceId: desk, deviceSeq: 1, staffId: admin }, 2027, SCHEDULE_2027);
    const confirm = makeYearConfirmed({ deviceId: desk, deviceSeq: 2, staffId: secondAdmin }, 2027, first.eventId);
    const amended = SCHEDULE_2027.filter((d) => d.date !== '2027-10-09');
    const amendment = makeYearProposed({ deviceId: desk, deviceSeq: 3, staffId: admin }, 2027, amended);
    const late = makeYearConfirmed({ deviceId: desk, deviceSeq: 4, staffId: secondAdmin }, 2027, first.eventId);
    const push = await pushProven(desk, [first, confirm, amendment, late]);
    expect(push.body.rejected).toEqual([expect.objectContaining({ eventId: late.eventId, code: 'stale-edit' })]);
    expect((await pulled('calendarYear', '2027'))?.doc).toMatchObject({
      rev: 2,
      body: { status: 'confirmed', days: SCHEDULE_2027 },
    });
  });
});
