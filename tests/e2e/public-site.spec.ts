import { expect, test, type Page } from '@playwright/test';
import { buildDemoCatalog, DEMO_ITEMS } from '../../server/src/seed/demoCatalog.ts';
import type { ServiceItem } from '../../shared/model/catalog.ts';
import { zhCNGuide } from '../../shared/i18n/zh-CN.guide.ts';
import { composeGuide, guideRowValue } from '../../shared/rules/guide/compose.ts';
import { guidePath, PUBLIC_SITE_PATH } from '../../shared/rules/guide/link.ts';
import { allUploaded, openDesk, signIn, uniqueVisitor } from './desk.ts';

// 公开承诺 on HQ (issue 16 item 3): the public site in Chromium with JavaScript OFF — the commitments page and each
// item's guide with every element of a 办事指南, readable at a phone's width, and no personal data anywhere: a visitor
// registered at the desk with a name, a phone and an organisation nobody else uses appears on no public page.

const items = buildDemoCatalog(Date.now()).map((d) => d.body as ServiceItem);
const techContract = items.find((i) => i.id === DEMO_ITEMS.techContract)!;
// The item whose guide is read element by element: one no other spec edits (admin.spec and catalog-publication.spec
// publish new versions of theirs in the same run), with an attached blank form.
const achievement = items.find((i) => i.id === 'achievement-registration')!;
const achievementGuide = composeGuide(
  { item: achievement, rev: 1, publishedAt: new Date().toISOString() },
  {
    bureauName: '南阳市科学技术局',
    consultPhone: '',
    complaintPhone: '',
  },
);

/** Every page of the site reachable from /public by its links (both languages), and its text. */
async function crawl(page: Page): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = [PUBLIC_SITE_PATH];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    seen.set(path, `${await page.content()}\n${await page.locator('body').innerText()}`);
    const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    // Pages only: an attached form (/public/files/…) is a download, checked by the integration suite.
    for (const href of links) {
      if (href.startsWith(PUBLIC_SITE_PATH) && !href.startsWith(`${PUBLIC_SITE_PATH}/files/`) && !seen.has(href)) {
        queue.push(href);
      }
    }
  }
  return seen;
}

test.describe('the public site, JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the commitments page: headings, the regulation’s commitments, every item, the hotline', async ({ page }) => {
    await page.goto(PUBLIC_SITE_PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('南阳市科学技术局政务服务公开承诺');
    for (const name of ['工作职责', '服务承诺', '服务事项', '投诉与监督']) {
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    }
    for (const name of [
      '首问负责（第六条、第八条）',
      '一次性告知（第十条、第十一条）',
      '限时办结（第十四条至第十九条）',
    ]) {
      await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
    }
    for (const item of items) await expect(page.getByRole('link', { name: item.name, exact: true })).toBeVisible();
    await expect(page.getByText('投诉举报电话：0377-63176300').first()).toBeVisible();

    await page.getByRole('link', { name: techContract.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${guidePath(techContract.id)}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`《${techContract.name}》办事指南`);
  });

  test('an item’s guide states every element of a 办事指南', async ({ page }) => {
    await page.goto(guidePath(achievement.id));
    const main = page.getByRole('main');
    await expect(main.getByText(/^第\d+版，\d{4}年\d{1,2}月\d{1,2}日发布$/)).toBeVisible();
    const h2 = await main.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(h2).toEqual([
      '基本信息',
      '设定依据',
      '申请条件',
      '申请材料',
      '办理流程',
      '特别程序',
      '办理时限',
      '收费标准',
      '办理结果',
      '空白表格与示例样表',
      '常见问题',
      '咨询与投诉',
      '版本记录',
    ]);
    const row = (label: string) => main.locator('dl.rows div').filter({ has: page.locator('dt', { hasText: label }) });
    // Every row of the guide's 基本信息, 办理时限, 收费标准, 办理结果 and contact sections, in the composer's words.
    const keys = [
      'itemName',
      'code',
      'applicants',
      'agency',
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
    ] as const;
    const expected: [string, string | RegExp][] = keys.map((key) => {
      const value = guideRowValue(achievementGuide, key);
      if (key === 'department') return [zhCNGuide.labels[key], /\S/];
      if (value === undefined) throw new Error(`the demo guide has no ${key}`);
      return [zhCNGuide.labels[key], value];
    });
    expect(new Map(expected).get('收费标准')).toBe('不收费');
    expect(new Map(expected).get('承诺时限')).toMatch(/^自受理之日起\d+个工作日$/);
    for (const [label, value] of expected) await expect(row(label).locator('dd'), label).toContainText(value);
    for (const m of achievement.materials) await expect(main.getByText(m.name, { exact: true })).toBeVisible();
    for (const c of achievement.conditions) await expect(main.getByText(c)).toBeVisible();
    for (const f of achievement.forms!)
      await expect(main.getByRole('link', { name: new RegExp(f.name) })).toBeVisible();
    for (const q of achievement.faq!) {
      await expect(main.getByRole('heading', { level: 3, name: q.question })).toBeVisible();
      await expect(main.getByText(q.answer)).toBeVisible();
    }
    await expect(main.getByText('时限自受理之日的次日起按法定工作日计算')).toBeVisible();

    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Service guide: ${achievement.name}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Frequently asked questions' })).toBeVisible();
  });

  test('no personal data anywhere on the public site', async ({ browser, page }) => {
    // A visitor registered at a desk (JavaScript on there), with details nobody else uses, synced to HQ.
    const desk = await (
      await browser.newContext({ javaScriptEnabled: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    ).newPage();
    await openDesk(desk);
    await signIn(desk, '张伟');
    const name = uniqueVisitor('公示核验');
    const organisation = uniqueVisitor('南阳公示核验科技有限公司');
    const phone = `139${String(Date.now()).slice(-8)}`;
    await desk.getByLabel('姓名').fill(name);
    await desk.getByLabel('单位').fill(organisation);
    await desk.getByLabel('联系电话').fill(phone);
    await desk.getByLabel('咨询/办理事项').fill(`咨询${techContract.name}需要哪些材料`);
    await desk.keyboard.press('Control+Enter');
    await expect(
      desk.getByRole('table', { name: '今日登记' }).getByRole('row', { name: new RegExp(name) }),
    ).toBeVisible();
    await allUploaded(desk);
    await desk.context().close();

    const pages = await crawl(page);
    // The commitments page, every item in both languages, and the way back: nothing left unvisited.
    expect(pages.size).toBeGreaterThanOrEqual(2 + 2 * items.length);
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
    for (const [path, text] of pages) {
      for (const secret of [name, organisation, phone, masked, '张伟'])
        expect(text, `${path}: ${secret}`).not.toContain(secret);
    }
  });
});

test('a phone can read it: nothing wider than the screen, body text at least 16 px', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  const page = await context.newPage();
  for (const path of [PUBLIC_SITE_PATH, guidePath(techContract.id)]) {
    await page.goto(path);
    const { scroll, client, fontSize } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      fontSize: parseFloat(getComputedStyle(document.body).fontSize),
    }));
    expect(scroll, path).toBeLessThanOrEqual(client);
    expect(fontSize, path).toBeGreaterThanOrEqual(16);
  }
  await context.close();
});
