import { describe, expect, it } from 'vitest';
import type { ServiceItem } from '../../../shared/model/catalog.ts';
import { catalogItemProgress, GUIDE_ELEMENTS, guideGaps } from '../../../shared/rules/catalogPublication.ts';
import { buildDemoCatalog, DEMO_ITEMS } from '../../../server/src/seed/demoCatalog.ts';
import { makeItemPublished, makeItemSaved, withGuide } from '../../fixtures/adminEvents.ts';
import { newDeviceId } from '../../fixtures/events.ts';

// 公开承诺 (art. 20–23): a catalog edit is a draft; a second administrator publishes it, and a published guide states
// every element of a 办事指南 (art. 22: 服务事项、工作流程、收费依据和标准、投诉方式).

const NOW = Date.parse('2026-12-02T10:00:00+08:00');
const doc = buildDemoCatalog(NOW).find((d) => d.id === DEMO_ITEMS.techContract)!;
if (doc.kind !== 'serviceItem') throw new Error('fixture');
const base: ServiceItem = doc.body;
const desk = newDeviceId();
let seq = 0;
const by = (staffId: string) => ({ deviceId: desk, deviceSeq: ++seq, staffId, at: NOW + seq });
const draft = (staffId: string, promisedLimitDays = 8) =>
  makeItemSaved(by(staffId), withGuide({ ...base, promisedLimitDays }), 1);

describe('catalogItemProgress: where an item’s drafts stand (art. 20–23)', () => {
  it('has nothing pending and nothing published without events', () => {
    const progress = catalogItemProgress([]);
    expect(progress.latestDraft).toBeUndefined();
    expect(progress.published).toBeUndefined();
    expect(progress.supersededDraftIds.size).toBe(0);
  });

  it('keeps a draft pending until a second administrator publishes it', () => {
    const d = draft('ma-jun');
    expect(catalogItemProgress([d])).toMatchObject({ latestDraft: d });
    const p = makeItemPublished(by('huang-xiuying'), base.id, d.eventId);
    const progress = catalogItemProgress([d, p]);
    expect(progress.published).toBe(p);
    expect(progress.latestDraft).toBeUndefined();
  });

  it('does not count a publication by the draft’s own author', () => {
    const d = draft('ma-jun');
    const self = makeItemPublished(by('ma-jun'), base.id, d.eventId);
    const progress = catalogItemProgress([d, self]);
    expect(progress.published).toBeUndefined();
    expect(progress.latestDraft).toBe(d);
  });

  it('lets a newer draft supersede an older one, whose publication then counts for nothing', () => {
    const older = draft('ma-jun', 8);
    const newer = draft('ma-jun', 9);
    const late = makeItemPublished(by('huang-xiuying'), base.id, older.eventId);
    const progress = catalogItemProgress([older, newer, late]);
    expect(progress.latestDraft).toBe(newer);
    expect(progress.published).toBeUndefined();
    expect([...progress.supersededDraftIds]).toEqual([older.eventId]);
  });

  it('counts a publication only for the newest draft, and a draft after it is pending again', () => {
    const first = draft('ma-jun', 8);
    const approve = makeItemPublished(by('huang-xiuying'), base.id, first.eventId);
    const again = makeItemPublished(by('huang-xiuying'), base.id, first.eventId);
    const second = draft('huang-xiuying', 9);
    const progress = catalogItemProgress([first, approve, second, again]);
    // The repeated approval of the already published draft does not publish the new one.
    expect(progress.published).toBe(approve);
    expect(progress.latestDraft).toBe(second);
    // A published draft is not a superseded one.
    expect(progress.supersededDraftIds.size).toBe(0);
  });

  it('ignores a publication naming no draft of the item', () => {
    const d = draft('ma-jun');
    const stray = makeItemPublished(by('huang-xiuying'), base.id, '01KBZZZZZZZZZZZZZZZZZZZZZZ');
    expect(catalogItemProgress([d, stray])).toMatchObject({ latestDraft: d });
    expect(catalogItemProgress([d, stray]).published).toBeUndefined();
  });
});

describe('guideGaps: the 办事指南 elements a version lacks for publication', () => {
  it('finds none in a complete guide, and every element in an item from before issue 16', () => {
    expect(guideGaps(withGuide(base))).toEqual([]);
    const bare = { ...base } as Record<string, unknown>;
    for (const element of GUIDE_ELEMENTS) delete bare[element];
    expect(guideGaps(bare as ServiceItem)).toEqual([...GUIDE_ELEMENTS]);
  });

  it.each(GUIDE_ELEMENTS)('names %s when it alone is missing', (element) => {
    const item = withGuide(base) as Record<string, unknown>;
    delete item[element];
    expect(guideGaps(item as ServiceItem)).toEqual([element]);
  });

  it('takes an empty list of special steps, questions or forms as 无, and a blank text as missing', () => {
    expect(guideGaps(withGuide(base, { specialSteps: [], faq: [], forms: [] }))).toEqual([]);
    expect(guideGaps(withGuide(base, { code: ' ', hours: '' }))).toEqual(['code', 'hours']);
  });

  it('takes 0 visits (全程网办) and not open on holidays as stated, not as missing', () => {
    expect(guideGaps(withGuide(base, { visits: 0, openOnHolidays: false }))).toEqual([]);
  });
});
