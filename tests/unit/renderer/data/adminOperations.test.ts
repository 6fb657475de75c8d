import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { ReferenceDoc } from '../../../../shared/model/reference.ts';
import type { ServiceItem } from '../../../../shared/model/catalog.ts';
import { buildDemoBureau } from '../../../../server/src/seed/demoBureau.ts';
import { buildDemoCatalog, DEMO_ITEMS } from '../../../../server/src/seed/demoCatalog.ts';
import {
  confirmCalendarYear,
  proposeCalendarYear,
  publishCatalogItem,
  saveServiceItem,
} from '../../../../renderer/data/adminOperations.ts';
import { SessionRequiredError } from '../../../../renderer/data/author.ts';
import { calendarYearView, listCatalogForAdmin } from '../../../../renderer/data/adminQueries.ts';
import { InvalidEventError } from '../../../../renderer/data/append.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { mergeReferenceDocs } from '../../../../renderer/data/references.ts';
import { SCHEDULE_2027 } from '../../../fixtures/adminEvents.ts';
import { freshDeskDb } from './deskDb.ts';
import { signedInOnline } from './sessions.ts';

const NOW = Date.parse('2026-11-28T09:00:00+08:00');
const BUREAU = buildDemoBureau(NOW);
const CATALOG = buildDemoCatalog(NOW);
// Catalog and calendar decisions are privileged: the admins signed in online (issue 11).
const admin = signedInOnline('ma-jun');
const secondAdmin = signedInOnline('huang-xiuying');
const clerk = 'zhang-wei' as StaffId;

let db: DeskDb;
beforeEach(async () => {
  db = freshDeskDb();
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [...BUREAU, ...CATALOG]));
});

const techContract = (CATALOG.find((d) => d.id === DEMO_ITEMS.techContract)!.body as ServiceItem) satisfies ServiceItem;

/** The messages of a refused action, by field path. */
async function refusal(action: Promise<unknown>): Promise<Record<string, string>> {
  const error = await action.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof InvalidEventError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return Object.fromEntries(error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('an administrator edits the service catalog at the desk', () => {
  it('refuses a promised limit above the statutory one, and stores nothing', async () => {
    const item = { ...techContract, promisedLimitDays: 25 };
    expect(await refusal(saveServiceItem(db, admin, { item, baseRev: 1 }))).toEqual({
      promisedLimitDays: 'promisedAboveStatutory',
    });
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a conditional material that does not say when it is needed (一次性告知)', async () => {
    const materials = techContract.materials.map((m, i) => (i === 1 ? { ...m, requirement: 'conditional' as const, condition: undefined } : m));
    expect(await refusal(saveServiceItem(db, admin, { item: { ...techContract, materials }, baseRev: 1 }))).toEqual({
      'materials.1.condition': 'materialConditionRequired',
    });
  });

  it('appends the edit on the version opened as a draft, shown as submitted until the server has it', async () => {
    await saveServiceItem(db, admin, { item: { ...techContract, promisedLimitDays: 8 }, baseRev: 1, note: '放宽时限' });
    const [stored] = await db.events.toArray();
    expect(stored?.event).toMatchObject({
      type: 'catalog.itemSaved',
      aggregate: 'catalog',
      aggregateId: DEMO_ITEMS.techContract,
      staffId: admin.staffId,
      payload: { baseRev: 1, note: '放宽时限', item: { promisedLimitDays: 8 } },
    });
    const row = (await listCatalogForAdmin(db)).find((r) => r.item.id === DEMO_ITEMS.techContract);
    // A draft changes nothing in force: the item is still version 1 as published.
    expect(row).toMatchObject({ rev: 1, item: { promisedLimitDays: 5 }, edit: { kind: 'submitted' } });
    expect(row?.draft).toMatchObject({ stale: false, event: { staffId: admin.staffId, payload: { item: { promisedLimitDays: 8 } } } });
    // a second edit would be made on a version the server has not confirmed
    expect(await refusal(saveServiceItem(db, admin, { item: techContract, baseRev: 1 }))).toEqual({ form: 'itemSavePending' });
  });

  it('shows the server’s refusal of an edit next to the version now in force, until the admin redoes it', async () => {
    await saveServiceItem(db, admin, { item: { ...techContract, promisedLimitDays: 7 }, baseRev: 1 });
    const [stored] = await db.events.toArray();
    const rejection = { eventId: stored!.eventId, deviceSeq: 1, code: 'stale-edit' as const, message: 'now version 2', at: '2026-11-28T01:00:00.000Z' };
    await db.rejected.put(rejection);
    const row = async () => (await listCatalogForAdmin(db)).find((r) => r.item.id === DEMO_ITEMS.techContract);
    expect((await row())?.edit).toEqual({ kind: 'refused', eventId: stored!.eventId, rejection });
    // the edit that won arrives by sync
    const doc = CATALOG.find((d) => d.id === DEMO_ITEMS.techContract)!;
    await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [{ ...doc, rev: 2 } as ReferenceDoc]));
    expect(await row()).toMatchObject({ rev: 2, edit: { kind: 'refused' } });
    await saveServiceItem(db, admin, { item: { ...techContract, promisedLimitDays: 7 }, baseRev: 2 });
    expect((await row())?.edit?.kind).toBe('submitted');
  });

  it('refuses a new item with a code already in the catalog, and anyone who is not an administrator', async () => {
    expect(await refusal(saveServiceItem(db, admin, { item: techContract, baseRev: null }))).toEqual({ id: 'itemIdTaken' });
    expect(await refusal(saveServiceItem(db, clerk, { item: techContract, baseRev: 1 }))).toEqual({ form: 'adminRequired' });
  });

  it('lists a new item before the server has seen it', async () => {
    const item = { ...techContract, id: 'patent-pledge-consult', name: '专利质押融资政策咨询' };
    await saveServiceItem(db, admin, { item, baseRev: null });
    expect((await listCatalogForAdmin(db)).find((r) => r.item.id === 'patent-pledge-consult')).toMatchObject({
      rev: 0,
      edit: { kind: 'submitted' },
    });
  });
});

describe('公开承诺 (art. 20–23, issue 16): a draft is published by a second administrator', () => {
  const techRow = async () => (await listCatalogForAdmin(db)).find((r) => r.item.id === DEMO_ITEMS.techContract)!;
  /** The desk's log as after a sync: every event stored by HQ, in the order it committed them. */
  const serverStoredAll = async () => {
    const rows = await db.events.toArray();
    await Promise.all(rows.map((r, i) => db.events.update(r.eventId, { serverSeq: 100 + i })));
    await db.outbox.clear();
  };
  const draftOf = async (promisedLimitDays: number, by = admin) => {
    await saveServiceItem(db, by, { item: { ...techContract, promisedLimitDays }, baseRev: 1 });
    await serverStoredAll();
    return (await techRow()).draft!.event.eventId;
  };

  it('the demo item states every guide element, so its draft can be published', async () => {
    expect(techContract.code).toBeTruthy();
    const draftEventId = await draftOf(8);
    await publishCatalogItem(db, secondAdmin, { itemId: DEMO_ITEMS.techContract, draftEventId });
    const stored = (await db.events.toArray()).find((e) => e.event.type === 'catalog.itemPublished');
    expect(stored?.event).toMatchObject({
      aggregate: 'catalog',
      aggregateId: DEMO_ITEMS.techContract,
      staffId: secondAdmin.staffId,
      payload: { itemId: DEMO_ITEMS.techContract, draftEventId },
    });
    // A privileged act (the authorship issue): proven by the approver's live session.
    expect(stored?.event.proof?.sessionId).toBe(secondAdmin.session!.sessionId);
    // Published once HQ stores it: the draft is no longer pending.
    await serverStoredAll();
    expect((await techRow()).draft).toBeUndefined();
  });

  it('takes a save HQ applied before publication needed approval as the version in force, not as a draft', async () => {
    // Upgraded from before issue 16: 马军's save on version 1 became version 2 at once, with no publication.
    await saveServiceItem(db, admin, { item: { ...techContract, promisedLimitDays: 7 }, baseRev: 1 });
    await serverStoredAll();
    const doc = CATALOG.find((d) => d.id === DEMO_ITEMS.techContract)!;
    const applied = { ...doc, rev: 2, body: { ...techContract, promisedLimitDays: 7 } } as ReferenceDoc;
    await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [applied]));
    expect(await techRow()).toMatchObject({ rev: 2, item: { promisedLimitDays: 7 } });
    expect((await techRow()).draft).toBeUndefined();
    // A version 2 that is not that save (imported at HQ, say) leaves the draft pending, stale: it must be redone.
    const other = { ...doc, rev: 2, body: { ...techContract, promisedLimitDays: 6 } } as ReferenceDoc;
    await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [{ ...other, rev: 3 } as ReferenceDoc]));
    expect((await techRow()).draft).toMatchObject({ stale: true });
  });

  it('refuses publication by the drafter, and stores nothing', async () => {
    const draftEventId = await draftOf(8);
    const before = await db.events.count();
    expect(await refusal(publishCatalogItem(db, admin, { itemId: DEMO_ITEMS.techContract, draftEventId }))).toEqual({
      form: 'catalogPublishedBySamePerson',
    });
    expect(await db.events.count()).toBe(before);
  });

  it('refuses a draft whose guide lacks an element, an older draft, and a draft on a replaced version', async () => {
    const { code: _code, ...noCode } = techContract;
    await saveServiceItem(db, admin, { item: noCode, baseRev: 1 });
    await serverStoredAll();
    const incomplete = (await techRow()).draft!.event.eventId;
    expect(await refusal(publishCatalogItem(db, secondAdmin, { itemId: DEMO_ITEMS.techContract, draftEventId: incomplete }))).toEqual({
      form: 'guideIncomplete',
    });
    // A newer draft supersedes it: only the newest draft can be published.
    const newest = await draftOf(6);
    expect(await refusal(publishCatalogItem(db, secondAdmin, { itemId: DEMO_ITEMS.techContract, draftEventId: incomplete }))).toEqual({
      form: 'catalogDraftGone',
    });
    // Another version was published meanwhile (HQ sent version 2): the draft made on version 1 must be redone.
    const doc = CATALOG.find((d) => d.id === DEMO_ITEMS.techContract)!;
    await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [{ ...doc, rev: 2 } as ReferenceDoc]));
    expect((await techRow()).draft).toMatchObject({ stale: true });
    expect(await refusal(publishCatalogItem(db, secondAdmin, { itemId: DEMO_ITEMS.techContract, draftEventId: newest }))).toEqual({
      form: 'catalogDraftStale',
    });
    // …and the editor opened on version 1 cannot save on it either.
    expect(await refusal(saveServiceItem(db, admin, { item: techContract, baseRev: 1 }))).toEqual({ form: 'itemChanged' });
  });

  it('needs the approver’s live session: without one nothing is stored', async () => {
    const draftEventId = await draftOf(8);
    const before = await db.events.count();
    const offline = { staffId: secondAdmin.staffId, session: null };
    await expect(publishCatalogItem(db, offline, { itemId: DEMO_ITEMS.techContract, draftEventId })).rejects.toBeInstanceOf(
      SessionRequiredError,
    );
    expect(await db.events.count()).toBe(before);
  });

  it('never puts a publication stamp into a draft: HQ alone stamps it at approval', async () => {
    const publication = {
      publishedAt: '2026-11-28T01:00:00.000Z',
      draftEventId: '01JC000000000000000000D001',
      draftedBy: 'ma-jun',
      approvedBy: 'huang-xiuying',
    };
    await saveServiceItem(db, admin, { item: { ...techContract, publication }, baseRev: 1 });
    const [stored] = await db.events.toArray();
    expect(stored?.event.type === 'catalog.itemSaved' && stored.event.payload.item).not.toHaveProperty('publication');
  });

  it('a new item’s draft keeps its code: another new item with it is refused, amending the draft is not', async () => {
    const item = { ...techContract, id: 'patent-pledge-consult', name: '专利质押融资政策咨询' };
    await saveServiceItem(db, admin, { item, baseRev: null });
    await serverStoredAll();
    const row = (await listCatalogForAdmin(db)).find((r) => r.item.id === 'patent-pledge-consult')!;
    expect(row).toMatchObject({ rev: 0, draft: { stale: false } });
    expect(await refusal(saveServiceItem(db, secondAdmin, { item, baseRev: null }))).toEqual({ id: 'itemIdTaken' });
    await saveServiceItem(db, secondAdmin, { item: { ...item, name: '专利质押融资政策咨询（修订）' }, baseRev: null, revises: row.draft!.event.eventId });
    const amended = (await listCatalogForAdmin(db)).find((r) => r.item.id === 'patent-pledge-consult')!;
    expect(amended.draft?.event.staffId).toBe(secondAdmin.staffId);
  });
});

describe('an administrator enters a year of the working-day calendar, another confirms it', () => {
  it('refuses an empty year and a day that changes nothing, and stores nothing', async () => {
    expect(await refusal(proposeCalendarYear(db, admin, { year: 2027, noticeNumber: null, days: [] }))).toEqual({
      days: 'calendarYearEmpty',
    });
    const wednesday = [{ date: '2027-01-06', kind: 'work' as const }];
    expect(await refusal(proposeCalendarYear(db, admin, { year: 2027, noticeNumber: null, days: wednesday }))).toEqual({
      'days.0.kind': 'calendarDayNotAnException',
    });
    expect(await db.events.count()).toBe(0);
  });

  it('proposes the year; the admin who entered it cannot confirm it, a second admin can', async () => {
    await proposeCalendarYear(db, admin, { year: 2027, noticeNumber: ' 国办发明电〔2026〕X号 ', days: SCHEDULE_2027 });
    const view = await calendarYearView(db, 2027);
    expect(view.pending?.payload).toEqual({ year: 2027, noticeNumber: '国办发明电〔2026〕X号', days: SCHEDULE_2027 });
    expect(view.inForce).toBeUndefined();
    const proposalEventId = view.pending!.eventId;

    expect(await refusal(confirmCalendarYear(db, admin, { year: 2027, proposalEventId }))).toEqual({
      form: 'calendarConfirmedBySamePerson',
    });
    await confirmCalendarYear(db, secondAdmin, { year: 2027, proposalEventId });
    const after = await calendarYearView(db, 2027);
    expect(after.pending).toBeUndefined();
    expect(after.progress.confirmation?.staffId).toBe(secondAdmin.staffId);
  });

  it('keeps a proposal waiting when the server refused its confirmation', async () => {
    await proposeCalendarYear(db, admin, { year: 2027, noticeNumber: null, days: SCHEDULE_2027 });
    const { pending } = await calendarYearView(db, 2027);
    await confirmCalendarYear(db, secondAdmin, { year: 2027, proposalEventId: pending!.eventId });
    const confirmation = (await db.events.toArray()).find((e) => e.event.type === 'calendar.yearConfirmed')!;
    await db.rejected.put({ eventId: confirmation.eventId, deviceSeq: 2, code: 'not-authorised', message: '…', at: '2026-11-28T01:00:00.000Z' });
    const view = await calendarYearView(db, 2027);
    expect(view.pending?.eventId).toBe(pending!.eventId);
    expect(view.edit).toMatchObject({ kind: 'refused', rejection: { code: 'not-authorised' } });
  });

  it('shows a bundled year as in force, with its notice number', async () => {
    const view = await calendarYearView(db, 2026);
    expect(view).toMatchObject({ source: 'bundled', inForce: { year: 2026, status: 'confirmed' } });
  });
});
