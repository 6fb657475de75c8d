import { describe, expect, it } from 'vitest';
import { composeGuide, type GuideBureau } from '../../../../../shared/rules/guide/compose.ts';
import { fitLeaflet, fitPoster, LEAFLET_SCALES, type MeasureMm } from '../../../../../renderer/print/guide/fit.ts';
import { printableHeightMm } from '../../../../../renderer/print/guide/guideCss.ts';
import { composePoster } from '../../../../../renderer/print/guide/poster.ts';
import { BASE, BUREAU } from './demoBureau.ts';
import { withGuide } from '../../../../fixtures/adminEvents.ts';
import { LONG_ITEM, TECH_CONTRACT_ITEM } from '../../../../fixtures/slipItems.ts';

// A 明白纸 is ONE A4 page (issue 16 item 4): laid out and measured, its type made smaller down to a floor, then less
// of the guide printed, then the list of materials cut — never a second page. The measuring is Chromium's on the
// desk (and in tests/e2e/guide-print.spec.ts); here a stand-in says how tall each try is.

const bureau: GuideBureau = { ...BUREAU, publicBase: undefined };
const doc = composeGuide({ item: withGuide(TECH_CONTRACT_ITEM), rev: 2, publishedAt: '2026-12-01T02:00:00Z' }, bureau);
const longDoc = composeGuide({ item: LONG_ITEM, rev: 4, publishedAt: '2026-11-30T02:00:00Z' }, bureau);
const LIMIT = printableHeightMm('A4');
const floor = LEAFLET_SCALES.at(-1)!;

/** The scale a document was rendered at, read back from its body text size (10.5 pt × scale). */
const scaleOf = (html: string) => Number(/body \{ font-family: [^;]+; font-size: ([\d.]+)pt/.exec(html)![1]) / 10.5;
const levelOf = (html: string) => /level-(\w+)/.exec(html)![1]!;

/** A stand-in for the layout: `heights(level, scale, html)` in mm; records every try. */
function measuring(heights: (level: string, scale: number, html: string) => number) {
  const tries: string[] = [];
  const measure: MeasureMm = async (html) => {
    const level = levelOf(html);
    const scale = scaleOf(html);
    tries.push(`${level}@${scale.toFixed(2)}`);
    return heights(level, scale, html);
  };
  return { measure, tries };
}

describe('fitting a leaflet on one A4 page', () => {
  it('prints the whole guide at full size when it fits, measured once', async () => {
    const { measure, tries } = measuring(() => 200);
    const fitted = await fitLeaflet(doc, BASE, measure);
    expect(fitted.leaflet.level).toBe('full');
    expect(fitted.scale).toBe(1);
    expect(tries).toEqual(['full@1.00']);
  });

  it('makes the type smaller, step by step, until the whole guide fits', async () => {
    // Taller than the page at full size, shorter as the type gets smaller.
    const { measure } = measuring((_level, scale) => 290 * scale);
    const fitted = await fitLeaflet(doc, BASE, measure);
    expect(fitted.leaflet.level).toBe('full');
    expect(fitted.scale).toBeLessThan(1);
    expect(fitted.scale).toBe(LEAFLET_SCALES[1]);
    expect(290 * fitted.scale).toBeLessThanOrEqual(LIMIT);
    expect(scaleOf(fitted.html)).toBeCloseTo(fitted.scale, 2);
  });

  it('never goes below the floor: past it the notes go (compact), at the largest type that then fits', async () => {
    const { measure, tries } = measuring((level, scale) => (level === 'full' ? 999 : 290 * scale));
    const fitted = await fitLeaflet(doc, BASE, measure);
    expect(fitted.leaflet.level).toBe('compact');
    expect(fitted.scale).toBe(LEAFLET_SCALES[1]);
    expect(Math.min(...tries.map((t) => Number(t.split('@')[1])))).toBeCloseTo(floor, 2);
    expect(fitted.leaflet.more).toContain('详见办事指南');
  });

  it('prints only the essentials when even the compact leaflet overflows at the floor', async () => {
    const { measure } = measuring((level) => (level === 'essentials' ? 270 : 999));
    const fitted = await fitLeaflet(doc, BASE, measure);
    expect(fitted.leaflet.level).toBe('essentials');
    expect(fitted.leaflet.materialsLeftOff).toBe(0);
  });

  it('cuts the list of materials to the most that fit, saying how many there are', async () => {
    // Each material name printed takes 10 mm; the rest of the page 100 mm.
    const { measure } = measuring((level, _scale, html) =>
      level === 'essentials' ? 100 + 10 * (html.split('<li').length - 1) : 999,
    );
    const fitted = await fitLeaflet(longDoc, BASE, measure);
    const shown = LONG_ITEM.materials.length - fitted.leaflet.materialsLeftOff;
    expect(shown).toBe(Math.floor((LIMIT - 2 - 100) / 10));
    expect(fitted.scale).toBe(floor);
    expect(fitted.html).toContain(`共 ${LONG_ITEM.materials.length} 项材料，详见办事指南`);
  });
});

describe('fitting the poster', () => {
  const poster = composePoster([doc, longDoc], bureau);

  it('takes the largest type that fits one page of its sheet', async () => {
    const atFull = await fitPoster(poster, 'A3', async () => printableHeightMm('A3') - 10);
    expect(atFull).toMatchObject({ scale: 1, onePage: true });
    expect(atFull.html).toContain('@page { size: A3;');
    // Too tall at full size: the first smaller type that fits.
    const sizes: string[] = [];
    const smaller = await fitPoster(poster, 'A4', async (html) => {
      const size = /body \{ font-family: [^;]+; font-size: ([\d.]+)pt/.exec(html)![1]!;
      sizes.push(size);
      return Number(size) > 9 ? 999 : 200;
    });
    expect(smaller).toMatchObject({ scale: 0.8, onePage: true });
    expect(sizes).toEqual(['10.50', '9.45', '8.40']);
  });

  it('runs on to a second page at the smallest type when the items do not fit one', async () => {
    const fitted = await fitPoster(poster, 'A4', async () => 1000);
    expect(fitted.onePage).toBe(false);
    expect(fitted.html).toContain('@page { size: A4;');
  });
});
