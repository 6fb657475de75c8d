import { describe, expect, it } from 'vitest';
import {
  composeGuide,
  guideRowValue,
  guideSection,
  type GuideBureau,
} from '../../../../../shared/rules/guide/compose.ts';
import { guideLink } from '../../../../../shared/rules/guide/link.ts';
import { composeLeaflet } from '../../../../../renderer/print/guide/leaflet.ts';
import { renderLeafletHtml } from '../../../../../renderer/print/guide/renderGuide.tsx';
import { SLIP_CSP } from '../../../../../renderer/print/renderSlip.tsx';
import { BASE, BUREAU } from './demoBureau.ts';
import { withGuide } from '../../../../fixtures/adminEvents.ts';
import { LONG_ITEM, TECH_CONTRACT_ITEM } from '../../../../fixtures/slipItems.ts';

// 明白纸 (art. 23, issue 16 item 4): one page of what a visitor needs, picked from the item's composed 办事指南 — so
// it says each thing in the guide's very words (item 5) — with the QR code to the item's public guide.

const bureau: GuideBureau = { ...BUREAU, departmentName: () => '成果转化与区域创新科' };
const item = withGuide(TECH_CONTRACT_ITEM);
const doc = composeGuide({ item, rev: 3, publishedAt: '2026-12-02T01:30:00.000Z' }, bureau);
const rowOf = (leaflet: ReturnType<typeof composeLeaflet>, key: string) =>
  leaflet.sections.flatMap((s) => s.rows ?? []).find((r) => r.key === key)?.value;

describe('the leaflet of an item', () => {
  const full = composeLeaflet(doc, { level: 'full', publicBase: BASE });

  it('prints the essentials in the guide’s order, numbered 一、二、…', () => {
    expect(full.sections.map((s) => s.key)).toEqual([
      'basic',
      'conditions',
      'materials',
      'limits',
      'fee',
      'result',
      'contact',
    ]);
    expect(full.sections[0]!.heading).toBe('一、基本信息');
    expect(full.sections[3]!.heading).toBe('四、办理时限');
    expect(full.itemName).toBe('技术合同认定登记');
    expect(full.versionLine).toBe('第3版，2026年12月2日发布');
  });

  it('says limits, fee, place, hours, visits and phones exactly as the guide does (issue 16 item 5)', () => {
    for (const key of [
      'code',
      'applicants',
      'department',
      'submitAt',
      'hours',
      'visits',
      'promised',
      'statutory',
      'fee',
      'result',
      'delivery',
      'consultPhone',
      'complaintPhone',
    ] as const) {
      expect(rowOf(full, key), key).toBe(guideRowValue(doc, key));
    }
    expect(rowOf(full, 'fee')).toBe('不收费');
    expect(rowOf(full, 'promised')).toMatch(/^自受理之日起\d+个工作日$/);
    // The title and header say the item and the bureau: no row repeats them.
    expect(rowOf(full, 'itemName')).toBeUndefined();
    expect(rowOf(full, 'agency')).toBeUndefined();
  });

  it('lists every condition and every material by the checklist’s own row', () => {
    const section = (key: string) => full.sections.find((s) => s.key === key)!;
    expect(section('conditions').list).toEqual(guideSection(doc, 'conditions')!.list);
    expect(section('materials').materials).toEqual(guideSection(doc, 'materials')!.materials);
  });

  it('carries a QR code to the item’s public guide, captioned 扫码查看办事指南, and prints the address', () => {
    expect(full.qr).toEqual({ payload: guideLink(BASE, item.id), caption: '扫码查看办事指南' });
    expect(full.footer[0]).toBe(`办事指南网址：${BASE}/public/items/${item.id}`);
    expect(full.more).toBeUndefined();
  });

  it('has no QR code and no address when the bureau has no public address', () => {
    const offline = composeLeaflet(doc, { level: 'full' });
    expect(offline.qr).toBeUndefined();
    expect(offline.footer.join()).not.toContain('http');
    expect(composeLeaflet(doc, { level: 'essentials' }).more).toBe('本明白纸只列要点，完整内容详见办事指南');
  });

  it('compact: the notes go, 必须提供 is said once above the list, and the leaflet points to the guide', () => {
    const compact = composeLeaflet(doc, { level: 'compact', publicBase: BASE });
    const materials = compact.sections.find((s) => s.key === 'materials')!;
    expect(materials.lead).toBe('以下材料除注明“视情况提供”的以外，均须提供。');
    expect(materials.materials!.every((m) => m.notes.length === 0)).toBe(true);
    expect(materials.materials!.map((m) => m.name)).toEqual(item.materials.map((m) => m.name));
    const conditional = item.materials.findIndex((m) => m.requirement === 'conditional');
    expect(conditional).toBeGreaterThanOrEqual(0);
    expect(materials.materials![conditional]!.requirement).toMatch(/^视情况提供：/);
    expect(materials.materials!.filter((m) => m.requirement === '必须提供')).toEqual([]);
    expect(compact.more).toBe(`本明白纸只列要点，完整内容详见办事指南：${guideLink(BASE, item.id)}`);
  });

  it('essentials: the conditions are left to the guide and a cut list of materials says how many there are', () => {
    const longDoc = composeGuide({ item: LONG_ITEM, rev: 4, publishedAt: '2026-11-30T02:00:00.000Z' }, bureau);
    const cut = composeLeaflet(longDoc, { level: 'essentials', materialsShown: 12, publicBase: BASE });
    const section = (key: string) => cut.sections.find((s) => s.key === key)!;
    expect(section('conditions').list).toBeUndefined();
    expect(section('conditions').notes).toEqual(['申请条件详见办事指南']);
    expect(section('materials').materials).toHaveLength(12);
    expect(section('materials').notes).toEqual([
      `……以上为前 12 项，共 ${LONG_ITEM.materials.length} 项材料，详见办事指南`,
    ]);
    expect(cut.materialsLeftOff).toBe(LONG_ITEM.materials.length - 12);
    // The limits, fee and phones are never cut.
    expect(rowOf(cut, 'promised')).toBe('自受理之日起12个工作日');
    expect(rowOf(cut, 'fee')).toBe(guideRowValue(longDoc, 'fee'));
    expect(rowOf(cut, 'complaintPhone')).toBe('0377-63176300');
  });

  it('can be printed in English', () => {
    const en = composeLeaflet(composeGuide({ item, rev: 3, publishedAt: '2026-12-02T01:30:00.000Z' }, bureau, 'en'), {
      level: 'full',
      publicBase: BASE,
    });
    expect(en.qr?.caption).toBe('Scan for the service guide');
    expect(en.sections[0]!.heading).toBe(
      '1. ' +
        guideSection(composeGuide({ item, rev: 3, publishedAt: '2026-12-02T01:30:00.000Z' }, bureau, 'en'), 'basic')!
          .heading,
    );
  });
});

describe('the leaflet as a document', () => {
  it('is self-contained HTML under the slips’ CSP, A4 with the QR code inline, and no script', () => {
    const html = renderLeafletHtml(composeLeaflet(doc, { level: 'full', publicBase: BASE }));
    expect(html).toContain(`content="${SLIP_CSP.replaceAll("'", '&#39;')}"`);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<img|<link|url\(/i);
    expect(html).toContain('第3版，2026年12月2日发布');
  });

  it('prints a hostile item name as text', () => {
    const hostile = withGuide({ ...TECH_CONTRACT_ITEM, name: '<script>alert(1)</script>' });
    const html = renderLeafletHtml(
      composeLeaflet(composeGuide({ item: hostile, rev: 1, publishedAt: '2026-12-02T01:30:00.000Z' }, bureau), {
        level: 'full',
      }),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('scales every type size by the scale it is printed at', () => {
    const leaflet = composeLeaflet(doc, { level: 'full' });
    expect(renderLeafletHtml(leaflet, 1)).toContain('font-size: 10.50pt');
    expect(renderLeafletHtml(leaflet, 0.8)).toContain('font-size: 8.40pt');
  });
});
