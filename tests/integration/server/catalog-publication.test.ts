import { describe, expect, it } from 'vitest';
import type { ServiceItem } from '../../../shared/model/catalog.ts';
import type { DeskEvent } from '../../../shared/model/events.ts';
import type { ReferenceDoc } from '../../../shared/model/reference.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { DEMO_ITEMS } from '../../../server/src/seed/demoCatalog.ts';
import { makeItemPublished, makeItemSaved, withGuide } from '../../fixtures/adminEvents.ts';
import { withProof } from '../../fixtures/proof.ts';
import { useAdminDesk } from './adminDesk.ts';
import { BACKENDS, pushBody } from './harness.ts';

// 公开承诺 (chapter 5, art. 20–23; issue 16 item 2): publishing the catalog is a decision. An administrator's edit is
// a draft that nobody sees in force; a second administrator publishes it; the published version is frozen and dated
// by HQ and every earlier one stays readable.

const { admin, secondAdmin, windowClerk } = DEMO_STAFF;
const itemId = DEMO_ITEMS.techContract;

describe.each(BACKENDS)('publishing a catalog draft on $name', (backend) => {
  const hq = useAdminDesk(backend);
  const by = (staffId: string) => hq.by(staffId);
  /** Each event signed with its author's online session, as the desk writes it. */
  const push = (...events: DeskEvent[]) => hq.pushProven(...events);
  const draft = async (item: ServiceItem, baseRev: number | null = 1, staffId: string = admin) =>
    makeItemSaved(by(staffId), item, baseRev);
  const approval = async (draftEventId: string, staffId: string = secondAdmin, id: string = itemId) =>
    makeItemPublished(by(staffId), id, draftEventId);

  async function docs(kind: ReferenceDoc['kind'], id: string) {
    return (await hq.server.pull(0, 2000)).references.filter((r) => r.doc.kind === kind && r.doc.id === id);
  }
  async function current(): Promise<Extract<ReferenceDoc, { kind: 'serviceItem' }>> {
    const doc = (await docs('serviceItem', itemId)).at(-1)?.doc;
    if (doc?.kind !== 'serviceItem') throw new Error(`no item ${itemId}`);
    return doc;
  }

  it('keeps a draft out of force; its author cannot publish it; a second admin does, and HQ dates and signs it', async () => {
    const before = await current();
    const edited = withGuide({ ...before.body, promisedLimitDays: 7, name: '技术合同认定登记（修订）' });
    const d = await draft(edited);
    expect(await push(d)).toMatchObject({ stored: 1, rejected: [] });
    // Not in force, not pulled as a document: the catalog every desk holds is still version 1.
    expect(await current()).toEqual(before);
    expect(await docs('serviceItemVersion', `${itemId}@1`)).toEqual([]);

    const self = await approval(d.eventId, admin);
    expect((await push(self)).rejected).toEqual([
      expect.objectContaining({
        eventId: self.eventId,
        code: 'not-authorised',
        message: expect.stringContaining('second person'),
      }),
    ]);
    const byClerk = await approval(d.eventId, windowClerk);
    expect((await push(byClerk)).rejected).toEqual([expect.objectContaining({ code: 'not-authorised' })]);
    expect(await current()).toEqual(before);

    const ok = await approval(d.eventId);
    const pushedAt = Date.now();
    expect(await push(ok)).toMatchObject({ stored: 1, rejected: [] });
    const published = await current();
    expect(published).toMatchObject({ rev: 2, body: { ...edited, publication: expect.any(Object) } });
    const { publication } = published.body;
    expect(publication).toEqual({
      publishedAt: published.updatedAt,
      draftEventId: d.eventId,
      draftedBy: admin,
      approvedBy: secondAdmin,
    });
    expect(Math.abs(Date.parse(publication!.publishedAt) - pushedAt)).toBeLessThan(60_000);
    // The version replaced stays readable, whole, for the cases opened under it and the public site's history.
    const kept = (await docs('serviceItemVersion', `${itemId}@1`)).at(-1)?.doc;
    expect(kept?.body).toEqual({ rev: 1, item: before.body });

    // The same approval again (a desk retrying a push whose answer it lost) is a replay: a duplicate, not refused.
    expect(await push(ok)).toMatchObject({ stored: 0, duplicates: 1, rejected: [] });
    // Another approval of the published draft is refused: the log holds one approval per version (art. 20–23).
    const again = await approval(d.eventId, secondAdmin);
    expect((await push(again)).rejected).toEqual([
      expect.objectContaining({
        eventId: again.eventId,
        code: 'stale-edit',
        message: expect.stringContaining('already published as version 2'),
      }),
    ]);
    expect(await current()).toEqual(published);
  });

  it('publishes a draft only with the approver’s own online sign-in (a privileged act, issue 11)', async () => {
    const d = await draft(withGuide((await current()).body));
    const unproven = makeItemPublished(by(secondAdmin), itemId, d.eventId);
    const signed = withProof(d, await hq.session(admin));
    const res = (await hq.server.push(pushBody(hq.desk, [signed, unproven]))).body;
    expect(res.rejected).toEqual([expect.objectContaining({ eventId: unproven.eventId, code: 'proof-required' })]);
    expect((await current()).rev).toBe(1);
  });

  it('publishes only the newest draft, and not one made on a version no longer in force', async () => {
    const base = withGuide((await current()).body);
    const older = await draft({ ...base, promisedLimitDays: 9 });
    const newer = await draft({ ...base, promisedLimitDays: 8 }, 1, secondAdmin);
    const late = await approval(older.eventId);
    const res = await push(older, newer, late);
    expect(res.rejected).toEqual([
      expect.objectContaining({ eventId: late.eventId, code: 'stale-edit', message: expect.stringContaining('newer') }),
    ]);
    expect((await current()).rev).toBe(1);

    // The HQ operator replaced version 1 meanwhile (an import): the newest draft was made on what is gone.
    await hq.server.storage.db
      .updateTable('reference_docs')
      .set({ rev: 2 })
      .where('kind', '=', 'serviceItem')
      .where('id', '=', itemId)
      .execute();
    const stale = await approval(newer.eventId, admin);
    expect((await push(stale)).rejected).toEqual([
      expect.objectContaining({
        eventId: stale.eventId,
        code: 'stale-edit',
        message: expect.stringContaining('version 2'),
      }),
    ]);
    expect((await current()).body.promisedLimitDays).toBe(base.promisedLimitDays);
  });

  it('refuses to publish a guide that lacks an element, naming what it lacks; the completed draft publishes', async () => {
    const base = (await current()).body;
    const { address: _a, faq: _f, result: _r, ...partial } = withGuide(base);
    const gappy = await draft(partial as ServiceItem);
    const refused = await approval(gappy.eventId);
    const res = await push(gappy, refused);
    expect(res.rejected).toEqual([
      expect.objectContaining({
        eventId: refused.eventId,
        code: 'invalid-event',
        message: expect.stringContaining('address, result, faq'),
      }),
    ]);
    expect((await current()).rev).toBe(1);
    const complete = await draft(withGuide(base));
    expect(await push(complete, await approval(complete.eventId))).toMatchObject({ rejected: [] });
    expect((await current()).rev).toBe(2);
  });

  it('refuses a draft that claims its own publication, and one naming a form HQ does not hold', async () => {
    const base = withGuide((await current()).body);
    const publication = {
      publishedAt: '2026-12-01T10:00:00+08:00',
      draftEventId: '01KBZZZZZZZZZZZZZZZZZZZZZZ',
      draftedBy: admin,
      approvedBy: secondAdmin,
    };
    const forged = await draft({ ...base, publication } as ServiceItem);
    expect((await push(forged)).rejected).toEqual([expect.objectContaining({ code: 'invalid-event' })]);

    const sha256 = 'e'.repeat(64);
    const file = { sha256, mediaType: 'application/pdf' as const, bytes: 2048, fileName: '申请表.pdf' };
    const withForm = await draft({ ...base, forms: [{ kind: 'blank', name: '技术合同认定登记申请表', file }] });
    const refused = await approval(withForm.eventId);
    const res = await push(withForm, refused);
    expect(res.rejected).toEqual([
      expect.objectContaining({
        eventId: refused.eventId,
        code: 'unknown-reference',
        message: expect.stringContaining(sha256),
      }),
    ]);
    expect((await current()).rev).toBe(1);
  });
});
