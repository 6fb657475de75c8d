import { describe, expect, it } from 'vitest';
import { serviceItemSchema } from '../../../../shared/model/catalog.ts';
import { composeGuide } from '../../../../shared/rules/guide/compose.ts';
import { commitmentsPage, guidePage, notFoundPage } from '../../../../server/src/http/publicSitePages.ts';
import { TECH_CONTRACT_ITEM } from '../../../fixtures/slipItems.ts';

// The public site's HTML (issue 16 item 3): whatever an administrator typed into the catalog is text on the page,
// never markup; a withdrawn item says so; the pages carry no script and stay a few KB.

const BUREAU = { bureauName: '南阳市科学技术局', consultPhone: '0377-63176311', complaintPhone: '0377-63176300' };
const hostile = serviceItemSchema.parse({
  ...TECH_CONTRACT_ITEM,
  name: '技术合同<script>alert(1)</script>登记',
  conditions: ['"><img src=x onerror=alert(1)>'],
  faq: [{ question: "问<b>题</b>'", answer: '第一行\n<a href="javascript:alert(1)">第二行</a>' }],
});

describe('the public site’s pages', () => {
  const guide = composeGuide({ item: hostile, rev: 2, publishedAt: '2026-12-02T02:00:00Z' }, BUREAU);
  const page = guidePage({
    guide,
    versions: [
      { rev: 1, publishedOn: '2026-11-01' },
      { rev: 2, publishedOn: '2026-12-02' },
    ],
    currentRev: 2,
    active: false,
    complaintPhone: '0377-63176300',
  });

  it('shows the catalog’s text as text, never as markup', () => {
    expect(page).not.toMatch(/<script|<img|<b>|href="javascript:/i);
    expect(page).toContain('技术合同&lt;script&gt;alert(1)&lt;/script&gt;登记');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('<h3>问&lt;b&gt;题&lt;/b&gt;&#39;</h3>');
    expect(page).toContain('第一行<br>&lt;a href=&quot;javascript:alert(1)&quot;&gt;第二行&lt;/a&gt;');
  });

  it('says a withdrawn item is no longer accepted, and lists the versions newest first with the current marked', () => {
    expect(page).toContain('<p class="notice" role="note">本事项目前已停止受理。</p>');
    expect(page).toMatch(
      /<li aria-current="page">第2版，2026年12月2日发布（现行有效）<\/li><li><a href="\/public\/items\/tech-contract-registration\/v\/1">第1版，2026年11月1日发布<\/a><\/li>/,
    );
  });

  it('keeps the commitments page to its published items, and without duties when the settings state none', () => {
    const html = commitmentsPage({ lang: 'zh-CN', ...BUREAU, items: [] });
    expect(html).toContain('<p>目前没有已发布的服务事项。</p>');
    expect(html).not.toContain('<h2>工作职责</h2>');
    expect(html).toContain('投诉举报电话：0377-63176300');
    expect(Buffer.byteLength(html)).toBeLessThan(12 * 1024);
  });

  it('answers an unknown page in the site’s own style, in either language', () => {
    expect(notFoundPage('zh-CN', '南阳市科学技术局', '/public')).toContain('<h1>页面不存在</h1>');
    const en = notFoundPage('en', '南阳市科学技术局', '/public');
    expect(en).toContain('<h1>Page not found</h1>');
    expect(en).toContain('<a href="/public?lang=en">Back to the public commitments</a>');
  });
});
