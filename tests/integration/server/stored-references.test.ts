import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceItem } from '../../../shared/model/catalog.ts';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { deskEventSchema } from '../../../shared/model/events.ts';
import type { StaffSession } from '../../../shared/sync/staffAuth.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { DEMO_ITEMS } from '../../../server/src/seed/demoCatalog.ts';
import { appendEvents } from '../../../server/src/storage/events.ts';
import { judgeExisting } from '../../../server/src/sync/ingest.ts';
import { makeItemPublished, makeItemSaved, withGuide } from '../../fixtures/adminEvents.ts';
import { makeContactOpened, newContactId, stampEnvelope, type Stamp } from '../../fixtures/events.ts';
import { withProof } from '../../fixtures/proof.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';
import { signInAs } from './staffSessions.ts';

// Issue 12 review (D1–D3): what a contact or case event names that only the server's store can vouch for — the case
// a contact says it opened, the catalog version a checklist was given from — and the pause "for 补正" no desk may
// record any more, refused through the real push route. Each refused event is stored nowhere; the rest of its push is.

const { windowClerk: clerk, admin, secondAdmin } = DEMO_STAFF;
const item = DEMO_ITEMS.techContract;

describe.each(BACKENDS)('references judged against the store at push, on $name', (backend) => {
  let server: TestServer;
  let desk: string;
  let seq: number;
  let adminSession: Promise<StaffSession> | undefined;
  let approverSession: Promise<StaffSession> | undefined;
  beforeEach(async () => {
    server = await startServer(backend);
    desk = await server.device();
    seq = 0;
    adminSession = undefined;
    approverSession = undefined;
  });
  afterEach(async () => {
    await server.stop();
  });

  const by = (staffId: string = clerk): Stamp => ({ deviceId: desk, deviceSeq: ++seq, staffId });
  /** An event as a desk would stamp it, NOT parsed: the server's checks are what is under test. */
  const event = (type: DeskEvent['type'], aggregateId: string, payload: object, v = 1) => ({
    ...stampEnvelope(by(), type.split('.')[0]!),
    aggregateId,
    type,
    v,
    payload,
  });
  const contact = () => makeContactOpened({ ...by(), askedStaffIds: [clerk], responsibleStaffId: clerk });
  const caseOpened = (caseId: string, contactId: string, serviceItemId: string = item) =>
    event('case.opened', caseId, {
      contactId,
      serviceItemId,
      catalogRev: 1,
      promisedLimitDays: 5,
      statutoryLimitDays: 10,
    });
  const disposed = (contactId: string, caseId: string, serviceItemId: string = item) =>
    event('contact.caseOpened', contactId, { caseId, serviceItemId });
  const checklist = (contactId: string, serviceItemId: string, catalogRev: number) =>
    event('contact.checklistGiven', contactId, { serviceItemId, catalogRev, how: 'readOut' });

  async function storedIds(): Promise<string[]> {
    return (await server.pull(0, 2000)).events.map((e) => e.event.eventId);
  }
  const ids = (events: readonly { eventId: string }[]) => events.map((e) => e.eventId);

  /** A catalog draft by the admin, signed with their online session (a privileged act, issue 11). */
  async function itemSaved(body: ServiceItem, baseRev: number) {
    adminSession ??= signInAs(server, desk, admin);
    return withProof(makeItemSaved(by(admin), withGuide(body), baseRev), await adminSession);
  }
  /** Its publication by a second admin (art. 20–23, issue 16): only then is it a version of the catalog. */
  async function itemPublished(draft: DeskEvent) {
    approverSession ??= signInAs(server, desk, secondAdmin);
    return withProof(makeItemPublished(by(secondAdmin), item, draft.eventId), await approverSession);
  }
  async function currentItem(): Promise<ServiceItem> {
    const page = await server.pull(0, 2000);
    const found = page.references.filter((r) => r.doc.kind === 'serviceItem' && r.doc.id === item).at(-1);
    return found!.doc.body as ServiceItem;
  }

  describe('art. 10–11: a pause "for 补正" is refused whatever its version', () => {
    it('refuses case.paused with reason supplement as v1 and as v2, and stores the lawful pause beside them', async () => {
      const caseId = newContactId();
      const pause = (reason: string, v: number) =>
        event('case.paused', caseId, { from: '2026-12-01', reason, note: '等待材料' }, v);
      const v1 = pause('supplement', 1);
      const v2 = pause('supplement', 2);
      const lawful = pause('expertReview', 2);
      const res = await server.push(pushBody(desk, [v1, v2, lawful]));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ stored: 1, ackedSeq: 3 });
      expect(res.body.rejected).toEqual([
        {
          eventId: v1.eventId,
          deviceSeq: 1,
          code: 'invalid-event',
          message: expect.stringContaining("case.paused v1 with reason 'supplement' is refused"),
        },
        {
          eventId: v2.eventId,
          deviceSeq: 2,
          code: 'invalid-event',
          message: expect.stringContaining('supplementIsNotAPause'),
        },
      ]);
      expect(res.body.rejected[0]!.message).toContain('art. 10–11');
      expect(await storedIds()).toEqual([lawful.eventId]);
    });

    it('still serves a v1 pause for 补正 that an older server stored (history stays readable)', async () => {
      const old = deskEventSchema.parse(
        event('case.paused', newContactId(), { from: '2025-03-03', reason: 'supplement', note: '旧记录' }, 1),
      );
      await appendEvents(server.storage.db, {
        deviceId: desk,
        events: [{ event: old, flags: null }],
        settledDeviceSeq: 0,
        receivedAt: new Date().toISOString(),
        judgeExisting,
      });
      const pulled = (await server.pull(0, 2000)).events.map((e) => e.event);
      expect(pulled).toEqual([old]);
    });
  });

  describe('issue 12, item 7: a contact is disposed of by a case only when that case was opened from it', () => {
    it('accepts case.opened and contact.caseOpened in one push, as openCase appends them', async () => {
      const c = contact();
      const caseId = newContactId();
      const batch = [c, caseOpened(caseId, c.aggregateId), disposed(c.aggregateId, caseId)];
      const res = await server.push(pushBody(desk, batch));
      expect(res.body).toMatchObject({ stored: 3, rejected: [], ackedSeq: 3 });
      expect(await storedIds()).toEqual(ids(batch));
    });

    it('accepts them in two pushes, in the order the desk wrote them; a replay is a duplicate, not refused', async () => {
      const c = contact();
      const caseId = newContactId();
      const first = [c, caseOpened(caseId, c.aggregateId)];
      expect((await server.push(pushBody(desk, first))).body).toMatchObject({ stored: 2, rejected: [] });
      const link = disposed(c.aggregateId, caseId);
      expect((await server.push(pushBody(desk, [link]))).body).toMatchObject({ stored: 1, rejected: [] });
      expect((await server.push(pushBody(desk, [link]))).body).toMatchObject({
        stored: 0,
        duplicates: 1,
        rejected: [],
      });
      expect(await storedIds()).toEqual(ids([...first, link]));
    });

    it('refuses a link to no case, to a case of another contact or item, and one sent before its case; stores the rest', async () => {
      const mine = contact();
      const other = contact();
      const caseId = newContactId();
      const early = newContactId();
      const noCase = disposed(mine.aggregateId, newContactId());
      const beforeItsCase = disposed(mine.aggregateId, early);
      const earlyCase = caseOpened(early, mine.aggregateId);
      const opening = caseOpened(caseId, mine.aggregateId);
      const otherContact = disposed(other.aggregateId, caseId); // review12 attack: disposes of `other` with mine's case
      const otherItem = disposed(mine.aggregateId, caseId, DEMO_ITEMS.highTech);
      const right = disposed(mine.aggregateId, caseId);
      const batch = [mine, other, noCase, beforeItsCase, earlyCase, opening, otherContact, otherItem, right];
      const res = await server.push(pushBody(desk, batch));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ stored: 5, ackedSeq: batch.length });
      expect(res.body.rejected).toEqual([
        {
          eventId: noCase.eventId,
          deviceSeq: noCase.deviceSeq,
          code: 'unknown-reference',
          message: expect.stringContaining('is not held by this server'),
        },
        {
          eventId: beforeItsCase.eventId,
          deviceSeq: beforeItsCase.deviceSeq,
          code: 'unknown-reference',
          message: expect.stringContaining(`case ${early} is not held by this server`),
        },
        {
          eventId: otherContact.eventId,
          deviceSeq: otherContact.deviceSeq,
          code: 'unknown-reference',
          message: `case ${caseId} was opened from contact ${mine.aggregateId}, not from contact ${other.aggregateId}`,
        },
        {
          eventId: otherItem.eventId,
          deviceSeq: otherItem.deviceSeq,
          code: 'unknown-reference',
          message: `case ${caseId} was opened for item ${item}, not for ${DEMO_ITEMS.highTech}`,
        },
      ]);
      expect(await storedIds()).toEqual(ids([mine, other, earlyCase, opening, right]));
    });

    it('judges the case by its first opening: a second case.opened naming another contact does not make it theirs', async () => {
      const mine = contact();
      const other = contact();
      const caseId = newContactId();
      const first = caseOpened(caseId, mine.aggregateId);
      const forged = caseOpened(caseId, other.aggregateId); // stored (the fold ignores it), but proves nothing
      expect((await server.push(pushBody(desk, [mine, other, first, forged]))).body).toMatchObject({ stored: 4 });
      const res = await server.push(pushBody(desk, [disposed(other.aggregateId, caseId)]));
      expect(res.body).toMatchObject({ stored: 0, rejected: [expect.objectContaining({ code: 'unknown-reference' })] });
    });
  });

  describe('art. 10: a checklist is given from a catalog version that exists', () => {
    it('refuses an unknown item or version (review12 attack: catalogRev 999), and stores the seeded version 1', async () => {
      const c = contact();
      const badRev = checklist(c.aggregateId, item, 999);
      const badItem = checklist(c.aggregateId, 'no-such-item', 1);
      const next = checklist(c.aggregateId, item, 2);
      const right = checklist(c.aggregateId, item, 1);
      const res = await server.push(pushBody(desk, [c, badRev, badItem, next, right]));
      expect(res.body).toMatchObject({ stored: 2, ackedSeq: 5 });
      expect(res.body.rejected).toEqual([
        {
          eventId: badRev.eventId,
          deviceSeq: 2,
          code: 'unknown-reference',
          message: `the catalog has no item ${item} at version 999: a checklist is given from a published version of a catalog item (art. 10)`,
        },
        {
          eventId: badItem.eventId,
          deviceSeq: 3,
          code: 'unknown-reference',
          message: expect.stringContaining('the catalog has no item no-such-item at version 1'),
        },
        {
          eventId: next.eventId,
          deviceSeq: 4,
          code: 'unknown-reference',
          message: expect.stringContaining(`no item ${item} at version 2`),
        },
      ]);
      expect(await storedIds()).toEqual(ids([c, right]));
    });

    it('accepts a version an admin published earlier in the same push, and the version it replaced', async () => {
      const c = contact();
      const body = await currentItem();
      const edit = await itemSaved({ ...body, name: `${body.name}（修订）` }, 1);
      const publication = await itemPublished(edit);
      const batch = [c, edit, publication, checklist(c.aggregateId, item, 2), checklist(c.aggregateId, item, 1)];
      const res = await server.push(pushBody(desk, batch));
      expect(res.body).toMatchObject({ stored: 5, rejected: [] });
      expect(await storedIds()).toEqual(ids(batch));
    });

    it('does not take a draft for a version: nothing is published until a second admin approves it', async () => {
      const c = contact();
      const body = await currentItem();
      const draft = await itemSaved({ ...body, name: `${body.name}（修订）` }, 1);
      const early = checklist(c.aggregateId, item, 2);
      const res = await server.push(pushBody(desk, [c, draft, early]));
      expect(res.body).toMatchObject({ stored: 2 });
      expect(res.body.rejected.map((r) => [r.eventId, r.code])).toEqual([[early.eventId, 'unknown-reference']]);
    });

    it('knows a version from the stored edit that made it when no document keeps it (older servers kept none)', async () => {
      const body = await currentItem();
      const first = await itemSaved({ ...body, name: `${body.name}（修订）` }, 1);
      const second = await itemSaved({ ...body, name: `${body.name}（再修订）` }, 2);
      const edits = [first, await itemPublished(first), second, await itemPublished(second)];
      // A draft on the current version, not published: it vouches for no version 4.
      const pending = await itemSaved({ ...body, name: `${body.name}（拟再修订）` }, 3);
      expect((await server.push(pushBody(desk, [...edits, pending]))).body).toMatchObject({ stored: 5, rejected: [] });
      await server.storage.db.deleteFrom('reference_docs').where('kind', '=', 'serviceItemVersion').execute();
      const c = contact();
      const made = checklist(c.aggregateId, item, 2); // the edit on version 1 made it
      const seeded = checklist(c.aggregateId, item, 1); // seeded, its document gone: nothing vouches for it now
      const current = checklist(c.aggregateId, item, 3);
      const drafted = checklist(c.aggregateId, item, 4);
      const res = await server.push(pushBody(desk, [c, made, seeded, current, drafted]));
      expect(res.body).toMatchObject({ stored: 3 });
      expect(res.body.rejected.map((r) => [r.eventId, r.code])).toEqual([
        [seeded.eventId, 'unknown-reference'],
        [drafted.eventId, 'unknown-reference'],
      ]);
    });
  });
});
