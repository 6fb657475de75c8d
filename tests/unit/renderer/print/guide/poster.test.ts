import { describe, expect, it } from 'vitest';
import { composeGuide, guideRowValue, type GuideBureau } from '../../../../../shared/rules/guide/compose.ts';
import { commitmentsLink } from '../../../../../shared/rules/guide/link.ts';
import { composePoster } from '../../../../../renderer/print/guide/poster.ts';
import { renderPosterHtml } from '../../../../../renderer/print/guide/renderGuide.tsx';
import { BASE, BUREAU } from './demoBureau.ts';
import { withGuide } from '../../../../fixtures/adminEvents.ts';
import { LONG_ITEM, TECH_CONTRACT_ITEM } from '../../../../fixtures/slipItems.ts';

// 公示栏 (art. 23, issue 16 item 4): every active published item with its limits and fee as its guide says them,
// the commitments in brief, the complaint hotline (art. 22 投诉方式) and a QR code to the public commitments page.

// A base written with its trailing slash: the links are made without it.
const bureau: GuideBureau = { ...BUREAU, publicBase: `${BASE}/` };
const guides = [
  composeGuide({ item: withGuide(TECH_CONTRACT_ITEM), rev: 2, publishedAt: '2026-11-20T02:00:00Z' }, bureau),
  composeGuide({ item: LONG_ITEM, rev: 4, publishedAt: '2026-12-01T17:30:00Z' }, bureau),
];

describe('the bulletin-board poster', () => {
  const poster = composePoster(guides, bureau);

  it('lists each item with the promised and statutory limits, fee and phone its guide states', () => {
    expect(poster.rows).toHaveLength(2);
    poster.rows.forEach((row, i) => {
      const g = guides[i]!;
      expect(row).toMatchObject({
        itemId: g.itemId,
        itemName: g.itemName,
        promised: guideRowValue(g, 'promised'),
        statutory: guideRowValue(g, 'statutory'),
        fee: guideRowValue(g, 'fee'),
        consult: guideRowValue(g, 'consultPhone'),
      });
    });
    expect(poster.rows[0]!.fee).toBe('不收费');
    expect(poster.rows[0]!.code).toBe('11440100MB2C93452Q4000117001');
  });

  it('is dated by the newest publication, as a Beijing day', () => {
    // 2026-12-01T17:30Z is 2 December in Beijing.
    expect(poster.asOf).toBe('以下为各事项已发布的最新版本，截至2026年12月2日');
  });

  it('states the commitments, citing the articles, and the complaint hotline', () => {
    expect(poster.commitments).toHaveLength(4);
    expect(poster.commitments.join()).toMatch(/第六条.*第十条.*第十四条.*第二十二条/);
    expect(poster.hotline).toBe('投诉电话：0377-63176300');
  });

  it('carries a QR code to the public commitments page, or none without a public address', () => {
    expect(poster.qr).toEqual({ payload: commitmentsLink(`${BASE}/`), caption: '扫码查看公开承诺和各事项办事指南' });
    expect(poster.qr?.payload).toBe('https://hq.nykj.example/public');
    expect(composePoster(guides, { ...bureau, publicBase: undefined }).qr).toBeUndefined();
  });

  it('prints on A4 or A3, the A3 type √2 larger, as self-contained HTML', () => {
    const a4 = renderPosterHtml(poster, 'A4');
    const a3 = renderPosterHtml(poster, 'A3');
    expect(a4).toContain('@page { size: A4;');
    expect(a3).toContain('@page { size: A3;');
    expect(a4).toContain('font-size: 10.50pt');
    expect(a3).toContain('font-size: 14.85pt');
    for (const html of [a4, a3]) {
      expect(html).not.toMatch(/<script|<img|<link/i);
      expect(html).toContain('<svg');
      expect(html).toContain(LONG_ITEM.name);
    }
  });
});
