import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceItem } from '../../../shared/model/catalog.ts';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { guidePath, PUBLIC_SITE_PATH } from '../../../shared/rules/guide/link.ts';
import { PUBLIC_SITE_CSP } from '../../../server/src/http/publicSitePages.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { DEMO_ITEMS } from '../../../server/src/seed/demoCatalog.ts';
import { ACHIEVEMENT_FORM } from '../../../server/src/seed/demoForms.ts';
import { makeItemPublished, makeItemSaved, withGuide } from '../../fixtures/adminEvents.ts';
import { withProof } from '../../fixtures/proof.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';
import { signInAs } from './staffSessions.ts';

// 公开承诺 on HQ (issue 16 item 3, art. 20–23): the commitments page and each item's guide, without sign-in, from
// the published catalog only — a draft is never shown, a published version is dated and every earlier one stays
// readable — as plain HTML with the desk's security headers, a CSP without script, and caching by ETag.

const INDEX_HTML = '<!doctype html><html><head><title>首问台</title></head><body><div id="root"></div></body></html>';
const itemId = DEMO_ITEMS.techContract;
const { admin, secondAdmin } = DEMO_STAFF;

describe.each(BACKENDS)('the public site on $name', (backend) => {
  let rendererDir: string;
  let server: TestServer;
  let desk: string;
  let seq = 0;
  beforeEach(async () => {
    // A built desk app, so that a /public address the site does not know would reach the app's fallback if it could.
    rendererDir = mkdtempSync(join(tmpdir(), 'firstdesk-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
    server = await startServer(backend, { rendererDir });
    desk = await server.device();
  });
  afterEach(async () => {
    await server.stop();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
  const by = (staffId: string) => ({ deviceId: desk, deviceSeq: ++seq, staffId });
  async function pushProven(...events: DeskEvent[]) {
    const signed = [];
    for (const e of events) signed.push(withProof(e, await signInAs(server, desk, e.staffId)));
    return (await server.push(pushBody(desk, signed))).body;
  }
  async function currentItem(): Promise<ServiceItem> {
    const doc = (await server.pull(0, 2000)).references.findLast(
      (r) => r.doc.kind === 'serviceItem' && r.doc.id === itemId,
    )?.doc;
    if (doc?.kind !== 'serviceItem') throw new Error('no item');
    return doc.body;
  }

  function expectSiteHeaders(res: Awaited<ReturnType<typeof get>>) {
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(PUBLIC_SITE_CSP);
    expect(PUBLIC_SITE_CSP).toContain("default-src 'none'");
    expect(PUBLIC_SITE_CSP).not.toMatch(/script-src|unsafe/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).not.toMatch(/<script|\son[a-z]+=/i);
  }

  it('serves the commitments page: duties, the regulation’s commitments, every active item, the hotline, the date', async () => {
    const res = await get(PUBLIC_SITE_PATH);
    expect(res.statusCode).toBe(200);
    expectSiteHeaders(res);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const html = res.body;
    expect(Buffer.byteLength(html)).toBeLessThan(24 * 1024); // a few KB, CSS included
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h1>南阳市科学技术局政务服务公开承诺</h1>');
    expect(html).toContain('<h2>工作职责</h2>');
    expect(html).toContain('负责技术市场管理和技术合同认定登记'); // settings.publicDuties
    // art. 10 and art. 19 in the regulation's own words, art. 5's hotline.
    expect(html).toContain('办事人首次申请办理事项时，工作人员即一次性告知所办事需要的材料、程序和时限等内容。');
    expect(html).toContain('本制度所称办结时限，均为法定工作日。');
    expect(html).toContain('投诉举报电话：0377-63176300');
    for (const id of Object.values(DEMO_ITEMS)) expect(html).toContain(`href="${guidePath(id)}"`);
    expect(html).toContain('自受理之日起5个工作日');
    expect(html).toContain('不收费');
    expect(html).toMatch(/服务事项目录更新于\d{4}年\d{1,2}月\d{1,2}日。/);
  });

  it('serves an item’s guide with every element, dated, and English on ?lang=en', async () => {
    const res = await get(guidePath(itemId));
    expect(res.statusCode).toBe(200);
    expectSiteHeaders(res);
    const html = res.body;
    expect(html).toContain('<h1>《技术合同认定登记》办事指南</h1>');
    expect(html).toMatch(/<p class="version">第1版，\d{4}年\d{1,2}月\d{1,2}日发布<\/p>/);
    for (const heading of [
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
    ]) {
      expect(html, heading).toMatch(new RegExp(`<h2 id="[a-zA-Z]+">${heading}</h2>`));
    }
    for (const text of [
      '事项编码',
      '服务对象',
      '到现场次数',
      '最多跑一次',
      '《技术合同登记证明》',
      '窗口领取、邮寄送达',
    ]) {
      expect(html, text).toContain(text);
    }
    expect(html).toContain('<li aria-current="page">第1版');

    const en = await get(`${guidePath(itemId)}?lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('<h1>Service guide: 技术合同认定登记</h1>');
    expect(en.body).toContain('Free of charge');
    expect(en.body).toContain(`href="${PUBLIC_SITE_PATH}?lang=en"`);
  });

  it('links an attached blank form, and serves the file the demo stored with its catalog', async () => {
    const html = (await get(guidePath('achievement-registration'))).body;
    const href = `/public/files/${ACHIEVEMENT_FORM.file.sha256}`;
    expect(html).toContain(
      `<a href="${href}" download>空白表格：科技成果登记表（空白，供填报参考）（科技成果登记表（空白）.pdf，`,
    );
    const file = await get(href);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(ACHIEVEMENT_FORM.content)).toBe(true);
    // Another item states that it has none.
    expect((await get(guidePath(itemId))).body).toMatch(/<h2 id="forms">空白表格与示例样表<\/h2><p>无<\/p>/);
  });

  it('answers an unknown item, version or address under /public with its own 404 page, never the desk app', async () => {
    for (const url of [
      guidePath('no-such-item'),
      `${guidePath(itemId)}/v/2`,
      `${guidePath(itemId)}/v/0`,
      `${guidePath(itemId)}/v/x`,
      `${PUBLIC_SITE_PATH}/items`,
      `${PUBLIC_SITE_PATH}/nothing/here`,
      `${PUBLIC_SITE_PATH}/items/UPPER`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expectSiteHeaders(res);
      expect(res.body, url).toContain('<h1>页面不存在</h1>');
      expect(res.body).not.toContain('id="root"');
    }
  });

  it('sends a page’s address with a trailing slash to the page itself (301), its query kept', async () => {
    const moved = {
      [`${PUBLIC_SITE_PATH}/`]: PUBLIC_SITE_PATH,
      [`${PUBLIC_SITE_PATH}/?lang=en`]: `${PUBLIC_SITE_PATH}?lang=en`,
      [`${guidePath(itemId)}/`]: guidePath(itemId),
      [`${guidePath(itemId)}/v/1/?lang=en`]: `${guidePath(itemId)}/v/1?lang=en`,
    };
    for (const [from, to] of Object.entries(moved)) {
      const res = await get(from);
      expect({ status: res.statusCode, location: res.headers.location }, from).toEqual({ status: 301, location: to });
      expect((await get(to)).statusCode, to).toBe(200);
    }
    // Only the site's own pages: anything else under /public stays its 404, and a slash never leads off the site.
    for (const url of [
      `${PUBLIC_SITE_PATH}//`,
      `${PUBLIC_SITE_PATH}/items/`,
      `${PUBLIC_SITE_PATH}/nothing/`,
      `${PUBLIC_SITE_PATH}/items/${itemId}//`,
      `${PUBLIC_SITE_PATH}/items/${itemId}/v/`,
      `${PUBLIC_SITE_PATH}/items/UPPER/`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers.location, url).toBeUndefined();
    }
  });

  it('answers 304 to a browser that has the page (ETag), and a changed page after a publication', async () => {
    const first = await get(guidePath(itemId));
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(guidePath(itemId), { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect((await get(guidePath(itemId), { 'if-none-match': `W/${etag}` })).statusCode).toBe(304);
    expect((await get(guidePath(itemId), { 'if-none-match': '"other"' })).statusCode).toBe(200);
    // Another language is another page.
    expect((await get(`${guidePath(itemId)}?lang=en`, { 'if-none-match': etag })).statusCode).toBe(200);
  });

  it('shows no draft; a second person’s approval publishes it; the earlier version stays readable, marked', async () => {
    const before = await currentItem();
    const draft = makeItemSaved(by(admin), withGuide({ ...before, statutoryLimitDays: 18 }), 1);
    expect(await pushProven(draft)).toMatchObject({ rejected: [] });
    const whileDraft = await get(guidePath(itemId));
    expect(whileDraft.body).toContain('自受理之日起20个工作日');
    expect(whileDraft.body).not.toContain('自受理之日起18个工作日');
    expect((await get(PUBLIC_SITE_PATH)).body).not.toContain('自受理之日起18个工作日');
    expect((await get(`${guidePath(itemId)}/v/2`)).statusCode).toBe(404);

    expect(await pushProven(makeItemPublished(by(secondAdmin), itemId, draft.eventId))).toMatchObject({
      rejected: [],
    });
    const published = (await currentItem()).publication!;
    const current = await get(guidePath(itemId));
    expect(current.body).toContain('自受理之日起18个工作日');
    expect(current.body).toContain('<p class="version">第2版，');
    expect(current.body).toContain(`<a href="${guidePath(itemId, 1)}">第1版，`);
    expect(current.body).toContain('（现行有效）');
    expect(current.headers['cache-control']).toBe('public, max-age=300');
    // No staff id or name of the drafter or the approver on the public page.
    expect(current.body).not.toContain(published.draftedBy);
    expect(current.body).not.toContain(published.approvedBy);

    const old = await get(guidePath(itemId, 1));
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('<p class="version">第1版，');
    expect(old.body).toContain('本版本已被第2版取代，不再作为办理依据，仅供查阅。');
    expect(old.body).toContain('自受理之日起20个工作日');
    expect(old.body).not.toContain('自受理之日起18个工作日');
    expect(old.body).toContain(`<a href="${guidePath(itemId)}">查看现行有效版本</a>`);
    expect(old.headers['cache-control']).toBe('public, max-age=86400');
    // The current version under its own number is the current page, not frozen.
    const v2 = await get(guidePath(itemId, 2));
    expect(v2.body).not.toContain('已被');
    expect(v2.headers['cache-control']).toBe('public, max-age=300');
  });
});
