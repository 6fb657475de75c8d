import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceItem } from '../../../shared/model/catalog.ts';
import type { Settings } from '../../../shared/model/reference.ts';
import type { SlipContent } from '../../../shared/model/slip.ts';
import { composeGuide, guideRowValue, guideSection, type GuideDocument } from '../../../shared/rules/guide/compose.ts';
import { guidePath } from '../../../shared/rules/guide/link.ts';
import { composeChecklist } from '../../../shared/rules/slips/checklist.ts';
import { DEMO_CATALOG } from '../../../server/src/seed/demoCatalog.ts';
import { issue } from '../../fixtures/slipSubjects.ts';
import { BACKENDS, startServer, type TestServer } from './harness.ts';

// Issue 16 item 5: the one-time checklist (art. 10), the guide and the public page (art. 20–23) never disagree. For
// EVERY demo item, as HQ serves it, the three state the same materials (name, copies, form), the same limits, the
// same fee, the same place to apply and the same phones. (The 明白纸 joins this proof in the e2e suite.)

interface Stated {
  readonly materials: readonly (readonly [name: string, copies: string, format: string])[];
  readonly promised: string;
  readonly statutory: string;
  readonly fee: string;
  readonly place: string;
  readonly consult: string;
  readonly complaint: string;
}

function fieldOf(slip: SlipContent, label: string): string {
  for (const block of slip.sections.flatMap((s) => s.blocks)) {
    const found = block.type === 'fields' ? block.fields.find((f) => f.label === label) : undefined;
    if (found) return found.value;
  }
  throw new Error(`the checklist has no field ${label}`);
}

function checklistStates(slip: SlipContent): Stated {
  const materials = slip.sections.flatMap((s) => s.blocks).find((b) => b.type === 'materials');
  if (materials?.type !== 'materials') throw new Error('the checklist lists no materials');
  return {
    materials: materials.rows.map((r) => [r.name, r.copies, r.format] as const),
    promised: fieldOf(slip, '承诺时限'),
    statutory: fieldOf(slip, '法定时限'),
    fee: fieldOf(slip, '收费标准'),
    place: fieldOf(slip, '受理地点'),
    consult: slip.consultPhone,
    complaint: slip.complaintPhone,
  };
}

function guideStates(guide: GuideDocument): Stated {
  const row = (key: Parameters<typeof guideRowValue>[1]) => {
    const value = guideRowValue(guide, key);
    if (value === undefined) throw new Error(`the guide has no ${key}`);
    return value;
  };
  return {
    materials: (guideSection(guide, 'materials')?.materials ?? []).map((m) => [m.name, m.copies, m.format] as const),
    promised: row('promised'),
    statutory: row('statutory'),
    fee: row('fee'),
    place: row('submitAt'),
    consult: row('consultPhone'),
    complaint: row('complaintPhone'),
  };
}

const unescape = (html: string) =>
  html
    .replace(/<br>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** What the public page says, read from its HTML as a browser shows it (the page's own structure). */
function pageStates(html: string): Stated {
  const dd = (label: string) => {
    const found = new RegExp(`<dt>${label}</dt><dd>(.*?)</dd>`).exec(html)?.[1];
    if (found === undefined) throw new Error(`the page has no ${label}`);
    return unescape(found);
  };
  const materials = [
    ...html.matchAll(/<li><p><strong>(.*?)<\/strong>（.*?）<\/p><p>份数：(.*?)；要求：(.*?)<\/p>/g),
  ].map((m) => [unescape(m[1]!), unescape(m[2]!), unescape(m[3]!)] as const);
  return {
    materials,
    promised: dd('承诺时限'),
    statutory: dd('法定时限'),
    fee: dd('收费标准'),
    place: dd('办理地点'),
    consult: dd('咨询电话'),
    complaint: dd('投诉电话'),
  };
}

describe.each(BACKENDS)('checklist, guide and public page agree for every demo item on $name', (backend) => {
  let server: TestServer;
  let settings: Settings;
  let items: { item: ServiceItem; rev: number; updatedAt: string }[];
  beforeAll(async () => {
    server = await startServer(backend);
    const refs = (await server.pull(0, 2000)).references.map((r) => r.doc);
    items = refs.flatMap((d) =>
      d.kind === 'serviceItem' ? [{ item: d.body, rev: d.rev, updatedAt: d.updatedAt }] : [],
    );
    const found = refs.find((d) => d.kind === 'settings');
    if (found?.kind !== 'settings') throw new Error('no settings');
    settings = found.body;
  });
  afterAll(async () => {
    await server.stop();
  });

  it('serves every demo item', () => {
    expect(items.map((i) => i.item.id).sort()).toEqual(DEMO_CATALOG.map((d) => d.id).sort());
  });

  it.each(DEMO_CATALOG.map((d) => d.id))('%s: the same materials, limits, fee, place and phones', async (id) => {
    const { item, rev, updatedAt } = items.find((i) => i.item.id === id)!;
    const checklist = checklistStates(composeChecklist(issue({ settings }), { item, rev }));
    const guide = guideStates(composeGuide({ item, rev, publishedAt: updatedAt }, settings));
    const res = await server.app.inject({ method: 'GET', url: guidePath(id) });
    expect(res.statusCode).toBe(200);
    const page = pageStates(res.body);

    expect(guide).toEqual(checklist);
    expect(page).toEqual(checklist);
    // Not vacuous: every material, and a fee that is stated (不收费 when free, never blank).
    expect(checklist.materials).toHaveLength(item.materials.length);
    expect(checklist.fee).toBe('不收费');
    expect(checklist.promised).toBe(`自受理之日起${item.promisedLimitDays}个工作日`);
    expect(checklist.place).toContain(item.address!);
  });
});
