import { describe, expect, it } from 'vitest';
import { publicationSchema, type GuideFile, type ServiceItem } from '../../../../shared/model/catalog.ts';
import type { DeskEvent } from '../../../../shared/model/events.ts';
import { referenceDocSchema, type ReferenceDoc } from '../../../../shared/model/reference.ts';
import { buildDemoBureau } from '../../../../server/src/seed/demoBureau.ts';
import { buildDemoCatalog, DEMO_ITEMS } from '../../../../server/src/seed/demoCatalog.ts';
import { UnreadableDocError, type AdminStore } from '../../../../server/src/storage/adminStore.ts';
import { applyAdminEvent, type AdminApplyContext } from '../../../../server/src/sync/applyAdmin.ts';
import { directoryOf } from '../../../../server/src/sync/authorize.ts';
import {
  makeItemPublished,
  makeItemSaved,
  makeYearConfirmed,
  makeYearProposed,
  SCHEDULE_2027,
  withGuide,
} from '../../../fixtures/adminEvents.ts';
import { makeContactOpened, newDeviceId } from '../../../fixtures/events.ts';

const NOW = Date.parse('2026-11-28T09:00:00+08:00');
const directory = directoryOf(buildDemoBureau(NOW));
const catalog = buildDemoCatalog(NOW);
const desk = newDeviceId();

/** The reference docs, stored events and uploaded files of one server, in memory. */
function memoryStore(docs: ReferenceDoc[] = [...catalog], events: DeskEvent[] = [], files: GuideFile[] = []) {
  const written: ReferenceDoc[] = [];
  const store: AdminStore = {
    guideFile: async (sha256) => files.find((f) => f.sha256 === sha256),
    current: async (kind, id) => docs.find((d) => d.kind === kind && d.id === id) as never,
    eventsOf: async (aggregate, id) => events.filter((e) => e.aggregate === aggregate && e.aggregateId === id),
    put: async (doc) => {
      written.push(doc);
      const at = docs.findIndex((d) => d.kind === doc.kind && d.id === doc.id);
      if (at >= 0) docs[at] = doc;
      else docs.push(doc);
    },
  };
  return { store, written, docs, events };
}

const logged: string[] = [];
function context(store: AdminStore, earlier: DeskEvent[] = []): AdminApplyContext {
  return {
    store,
    directory,
    receivedAt: new Date(NOW).toISOString(),
    earlier,
    log: { info: (_details, message) => logged.push(message) },
  };
}

const techContract = catalog.find((d) => d.id === DEMO_ITEMS.techContract)!;
if (techContract.kind !== 'serviceItem') throw new Error('fixture');
const stamp = (staffId: string, deviceSeq = 1) => ({ deviceId: desk, deviceSeq, staffId, at: NOW });

describe('an administrator edits the service catalog: a draft, published by a second one (art. 20–23)', () => {
  it('stores an edit as a draft only: nothing in force changes', async () => {
    const { store, written } = memoryStore();
    const edit = makeItemSaved(stamp('ma-jun'), { ...techContract.body, promisedLimitDays: 8 }, 1);
    expect(await applyAdminEvent(edit, context(store))).toBeNull();
    expect(written).toEqual([]);
  });

  it('refuses a draft that claims a publication: only HQ dates and signs a version', async () => {
    const { store, written } = memoryStore();
    const publication = {
      publishedAt: '2026-12-01T10:00:00+08:00',
      draftEventId: '01KBZZZZZZZZZZZZZZZZZZZZZZ',
      draftedBy: 'ma-jun',
      approvedBy: 'huang-xiuying',
    };
    const forged = makeItemSaved(stamp('ma-jun'), { ...techContract.body, publication } as ServiceItem, 1);
    expect(await applyAdminEvent(forged, context(store))).toMatchObject({
      code: 'invalid-event',
      message: expect.stringContaining('publication'),
    });
    expect(written).toEqual([]);
  });

  const complete = withGuide({ ...techContract.body, promisedLimitDays: 8 });
  const sha = 'a'.repeat(64);
  const form = {
    kind: 'blank' as const,
    name: '技术合同认定登记申请表',
    file: { sha256: sha, mediaType: 'application/pdf' as const, bytes: 1000, fileName: '申请表.pdf' },
  };

  it('publishes the newest draft when a second admin approves it: the replaced version kept, the new one dated', async () => {
    const draft = makeItemSaved(stamp('ma-jun'), complete, 1, '压缩承诺时限');
    const { store, written } = memoryStore(undefined, [draft]);
    const approval = makeItemPublished(stamp('huang-xiuying', 2), complete.id, draft.eventId);
    expect(await applyAdminEvent(approval, context(store))).toBeNull();
    expect(written).toEqual([
      {
        kind: 'serviceItemVersion',
        id: `${DEMO_ITEMS.techContract}@1`,
        rev: 1,
        hlc: techContract.hlc,
        updatedAt: expect.any(String),
        body: { rev: 1, item: techContract.body },
      },
      expect.objectContaining({ kind: 'serviceItem', id: DEMO_ITEMS.techContract, rev: 2, hlc: approval.hlc }),
    ]);
    // What a desk pulls must read with the shared schema (the id names the item and the version it keeps).
    for (const doc of written) expect(referenceDocSchema.safeParse(doc).success).toBe(true);
    expect(written[1]!.body).toEqual({
      ...complete,
      publication: {
        publishedAt: new Date(NOW).toISOString(),
        draftEventId: draft.eventId,
        draftedBy: 'ma-jun',
        approvedBy: 'huang-xiuying',
      },
    });
    expect(logged.at(-1)).toContain(`${DEMO_ITEMS.techContract} version 2`);
  });

  it('finds the draft among the events pushed just before the approval', async () => {
    const draft = makeItemSaved(stamp('ma-jun'), complete, 1);
    const { store, written } = memoryStore();
    const approval = makeItemPublished(stamp('huang-xiuying', 2), complete.id, draft.eventId);
    expect(await applyAdminEvent(approval, context(store, [draft]))).toBeNull();
    expect(written.at(-1)).toMatchObject({ kind: 'serviceItem', rev: 2 });
  });

  it('refuses a publication by the draft’s own author: a second person must approve', async () => {
    const draft = makeItemSaved(stamp('ma-jun'), complete, 1);
    const { store, written } = memoryStore(undefined, [draft]);
    const self = makeItemPublished(stamp('ma-jun', 2), complete.id, draft.eventId);
    expect(await applyAdminEvent(self, context(store))).toMatchObject({
      code: 'not-authorised',
      message: expect.stringContaining('second person'),
    });
    expect(written).toEqual([]);
  });

  it('refuses a publication by someone who is not an administrator, a leader included', async () => {
    const draft = makeItemSaved(stamp('ma-jun'), complete, 1);
    const { store, written } = memoryStore(undefined, [draft]);
    const byLeader = makeItemPublished(stamp('he-jianguo', 2), complete.id, draft.eventId);
    expect(await applyAdminEvent(byLeader, context(store))).toMatchObject({ code: 'not-authorised' });
    expect(written).toEqual([]);
  });

  it('refuses to publish a superseded draft, a draft of another item, and a draft that does not exist', async () => {
    const older = makeItemSaved(stamp('ma-jun'), complete, 1);
    const newer = makeItemSaved(stamp('ma-jun', 2), { ...complete, promisedLimitDays: 9 }, 1);
    const { store, written } = memoryStore(undefined, [older, newer]);
    const late = makeItemPublished(stamp('huang-xiuying', 3), complete.id, older.eventId);
    expect(await applyAdminEvent(late, context(store))).toMatchObject({
      code: 'stale-edit',
      message: expect.stringContaining('newer draft'),
    });
    const elsewhere = makeItemPublished(stamp('huang-xiuying', 4), DEMO_ITEMS.techSme, newer.eventId);
    expect(await applyAdminEvent(elsewhere, context(store))).toMatchObject({ code: 'unknown-reference' });
    const ghost = makeItemPublished(stamp('huang-xiuying', 5), complete.id, '01KBZZZZZZZZZZZZZZZZZZZZZZ');
    expect(await applyAdminEvent(ghost, context(store))).toMatchObject({ code: 'unknown-reference' });
    const misfiled = { ...late, aggregateId: DEMO_ITEMS.techSme };
    expect(await applyAdminEvent(misfiled, context(store))).toMatchObject({ code: 'invalid-event' });
    expect(written).toEqual([]);
  });

  it('refuses a second approval of a draft already published, so the log holds one approval per version', async () => {
    const draft = makeItemSaved(stamp('ma-jun'), complete, 1);
    const approval = makeItemPublished(stamp('huang-xiuying', 2), complete.id, draft.eventId);
    const publication = publicationSchema.parse({
      publishedAt: new Date(NOW).toISOString(),
      draftEventId: draft.eventId,
      draftedBy: 'ma-jun',
      approvedBy: 'huang-xiuying',
    });
    const published = { ...techContract, rev: 2, body: { ...complete, publication } };
    const { store, written } = memoryStore([published], [draft, approval]);
    const again = makeItemPublished(stamp('zz-admin', 3), complete.id, draft.eventId);
    // zz-admin is no administrator: refused before anything else.
    expect(await applyAdminEvent(again, context(store))).toMatchObject({ code: 'not-authorised' });
    // art. 20–23: who approved a version is on record once. (A retry of the same event after a lost ack is a
    // replay the store answers as a duplicate before any event is applied: tests/integration/server/catalog-publication.)
    const repeat = makeItemPublished(stamp('huang-xiuying', 4), complete.id, draft.eventId);
    expect(await applyAdminEvent(repeat, context(store))).toMatchObject({
      code: 'stale-edit',
      message: expect.stringContaining('already published as version 2'),
    });
    const next = makeItemSaved(stamp('huang-xiuying', 5), complete, 2);
    const nextApproval = makeItemPublished(stamp('ma-jun', 7), complete.id, next.eventId);
    const { store: later } = memoryStore([{ ...techContract, rev: 3 }], [draft, approval, next, nextApproval]);
    const stale = makeItemPublished(stamp('huang-xiuying', 6), complete.id, draft.eventId);
    expect(await applyAdminEvent(stale, context(later))).toMatchObject({ code: 'stale-edit' });
    expect(written).toEqual([]);
  });

  it('refuses to publish a draft whose base version is no longer the one in force', async () => {
    const draft = makeItemSaved(stamp('ma-jun'), complete, 1);
    const { store, written } = memoryStore([{ ...techContract, rev: 2 }], [draft]);
    const approval = makeItemPublished(stamp('huang-xiuying', 2), complete.id, draft.eventId);
    expect(await applyAdminEvent(approval, context(store))).toMatchObject({
      code: 'stale-edit',
      message: expect.stringContaining('now version 2'),
    });
    expect(written).toEqual([]);
  });

  it('refuses to publish a guide that lacks an element, naming every one it lacks', async () => {
    const { code: _code, visits: _visits, ...gappy } = complete;
    const draft = makeItemSaved(stamp('ma-jun'), gappy, 1);
    const { store, written } = memoryStore(undefined, [draft]);
    const approval = makeItemPublished(stamp('huang-xiuying', 2), complete.id, draft.eventId);
    expect(await applyAdminEvent(approval, context(store))).toMatchObject({
      code: 'invalid-event',
      message: expect.stringMatching(/code, visits$/),
    });
    expect(written).toEqual([]);
  });

  it('refuses to publish a form whose file HQ does not hold, and publishes it once uploaded', async () => {
    const draft = makeItemSaved(stamp('ma-jun'), { ...complete, forms: [form] }, 1);
    const approval = makeItemPublished(stamp('huang-xiuying', 2), complete.id, draft.eventId);
    const without = memoryStore([...catalog], [draft]);
    expect(await applyAdminEvent(approval, context(without.store))).toMatchObject({
      code: 'unknown-reference',
      message: expect.stringContaining(sha),
    });
    expect(without.written).toEqual([]);
    // HQ holds the bytes, but not as the draft describes them: the guide would state a wrong type and size.
    const other = memoryStore([...catalog], [draft], [{ ...form.file, mediaType: 'application/msword', bytes: 999 }]);
    expect(await applyAdminEvent(approval, context(other.store))).toMatchObject({
      code: 'invalid-event',
      message: expect.stringContaining('application/msword, 999 bytes'),
    });
    expect(other.written).toEqual([]);
    // … or under another name: the page would offer 申请表.pdf and the link save the download as 另存名.pdf.
    const renamed = memoryStore([...catalog], [draft], [{ ...form.file, fileName: '另存名.pdf' }]);
    expect(await applyAdminEvent(approval, context(renamed.store))).toMatchObject({
      code: 'invalid-event',
      message: expect.stringContaining(`HQ holds '另存名.pdf', application/pdf, 1000 bytes`),
    });
    expect(renamed.written).toEqual([]);
    const uploaded = memoryStore([...catalog], [draft], [form.file]);
    expect(await applyAdminEvent(approval, context(uploaded.store))).toBeNull();
    expect(uploaded.written.at(-1)!.body).toMatchObject({ forms: [form] });
  });

  it('refuses to publish an item whose department left the directory after it was drafted', async () => {
    const draft = makeItemSaved(stamp('ma-jun'), complete, 1);
    const { store, written } = memoryStore(undefined, [draft]);
    const approval = makeItemPublished(stamp('huang-xiuying', 2), complete.id, draft.eventId);
    const shrunk = { ...directory, departmentIds: new Set<string>() };
    expect(await applyAdminEvent(approval, { ...context(store), directory: shrunk })).toMatchObject({
      code: 'unknown-reference',
      message: expect.stringContaining(complete.departmentId),
    });
    expect(written).toEqual([]);
  });

  it('refuses an edit of an item whose stored version an older server wrote under looser rules, writing nothing', async () => {
    const { store, written } = memoryStore();
    const unreadable: AdminStore = {
      ...store,
      current: async (kind, id) => {
        throw new UnreadableDocError(kind, id);
      },
    };
    const edit = makeItemSaved(stamp('ma-jun'), { ...techContract.body, promisedLimitDays: 8 }, 1);
    // Refused on its own, not thrown: a throw would fail the desk's whole push, and every retry of it (issue 10).
    expect(await applyAdminEvent(edit, context(unreadable))).toMatchObject({
      code: 'stale-edit',
      message: expect.stringContaining('cannot be read'),
    });
    expect(written).toEqual([]);
  });

  it('refuses an edit of a version someone else has replaced, saying which version is current', async () => {
    const { store, written } = memoryStore([{ ...techContract, rev: 4 }]);
    const edit = makeItemSaved(stamp('ma-jun'), techContract.body, 3);
    expect(await applyAdminEvent(edit, context(store))).toMatchObject({
      code: 'stale-edit',
      message: expect.stringContaining('now version 4'),
    });
    expect(written).toEqual([]);
  });

  it('refuses a new item whose id is taken, and an edit of an item that does not exist', async () => {
    const { store } = memoryStore();
    expect(
      await applyAdminEvent(makeItemSaved(stamp('ma-jun'), techContract.body, null), context(store)),
    ).toMatchObject({
      code: 'stale-edit',
    });
    const ghost = { ...techContract.body, id: 'no-such-item' } as typeof techContract.body;
    expect(await applyAdminEvent(makeItemSaved(stamp('ma-jun'), ghost, 1), context(store))).toMatchObject({
      code: 'unknown-reference',
    });
  });

  it('refuses an item handled by a department the directory does not have', async () => {
    const { store } = memoryStore();
    const item = { ...techContract.body, departmentId: 'dept-nowhere' } as typeof techContract.body;
    expect(await applyAdminEvent(makeItemSaved(stamp('ma-jun'), item, 1), context(store))).toMatchObject({
      code: 'unknown-reference',
    });
  });

  it('refuses anyone who is not an administrator, a leader included', async () => {
    const { store, written } = memoryStore();
    for (const staffId of ['zhang-wei', 'he-jianguo']) {
      const edit = makeItemSaved(stamp(staffId), techContract.body, 1);
      expect(await applyAdminEvent(edit, context(store))).toMatchObject({ code: 'not-authorised' });
    }
    expect(written).toEqual([]);
  });

  it('leaves the register’s events alone', async () => {
    const { store } = memoryStore();
    const opened = makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: 'zhang-wei' });
    expect(await applyAdminEvent(opened, context(store))).toBeNull();
  });
});

describe('a year of the working-day calendar', () => {
  const proposal = makeYearProposed(stamp('ma-jun'), 2027, SCHEDULE_2027, '国办发明电〔2026〕X号');

  it('becomes a proposed document when an admin enters it', async () => {
    const { store, written } = memoryStore([]);
    expect(await applyAdminEvent(proposal, context(store))).toBeNull();
    expect(written).toEqual([
      expect.objectContaining({
        kind: 'calendarYear',
        id: '2027',
        rev: 1,
        body: expect.objectContaining({ status: 'proposed', enteredBy: 'ma-jun', days: SCHEDULE_2027 }),
      }),
    ]);
  });

  it('refuses a proposal that lists a day which changes nothing', async () => {
    const { store } = memoryStore([]);
    const bad = makeYearProposed(stamp('ma-jun'), 2027, [{ date: '2027-01-06', kind: 'work' }]);
    expect(await applyAdminEvent(bad, context(store))).toMatchObject({
      code: 'invalid-event',
      message: expect.stringContaining('calendarDayNotAnException'),
    });
  });

  it('takes effect when a second admin confirms it, and says so in the log', async () => {
    const { store, written } = memoryStore([], [proposal]);
    const confirmation = makeYearConfirmed(stamp('huang-xiuying', 2), 2027, proposal.eventId);
    expect(await applyAdminEvent(confirmation, context(store))).toBeNull();
    expect(written[0]).toMatchObject({
      rev: 1,
      body: { status: 'confirmed', enteredBy: 'ma-jun', confirmedBy: 'huang-xiuying' },
    });
    expect(logged.at(-1)).toContain('2027 confirmed');
  });

  it('finds the proposal among the events pushed just before the confirmation', async () => {
    const { store, written } = memoryStore([]);
    const confirmation = makeYearConfirmed(stamp('huang-xiuying', 2), 2027, proposal.eventId);
    expect(await applyAdminEvent(confirmation, context(store, [proposal]))).toBeNull();
    expect(written[0]).toMatchObject({ body: { status: 'confirmed' } });
  });

  it('refuses a confirmation by the admin who entered it: a second person must confirm', async () => {
    const { store, written } = memoryStore([], [proposal]);
    const self = makeYearConfirmed(stamp('ma-jun', 2), 2027, proposal.eventId);
    expect(await applyAdminEvent(self, context(store))).toMatchObject({
      code: 'not-authorised',
      message: expect.stringContaining('second person'),
    });
    expect(written).toEqual([]);
  });

  it('refuses to confirm a proposal that does not exist', async () => {
    const { store } = memoryStore([]);
    const confirmation = makeYearConfirmed(stamp('huang-xiuying', 2), 2027, proposal.eventId);
    expect(await applyAdminEvent(confirmation, context(store))).toMatchObject({ code: 'unknown-reference' });
  });
});
