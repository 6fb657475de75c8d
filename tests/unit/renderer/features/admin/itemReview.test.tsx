// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { createHash } from 'node:crypto';
import { createInstance } from 'i18next';
import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceItem } from '../../../../../shared/model/catalog.ts';
import type { Staff } from '../../../../../shared/model/reference.ts';
import { zhCN } from '../../../../../shared/i18n/zh-CN.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader } from '../../../../../shared/sync/staffAuth.ts';
import { buildDemoBureau } from '../../../../../server/src/seed/demoBureau.ts';
import { buildDemoCatalog, DEMO_ITEMS } from '../../../../../server/src/seed/demoCatalog.ts';
import { DeskContext, type Desk } from '../../../../../renderer/app/context.tsx';
import { saveServiceItem } from '../../../../../renderer/data/adminOperations.ts';
import { catalogItemForAdmin } from '../../../../../renderer/data/adminQueries.ts';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import { mergeReferenceDocs } from '../../../../../renderer/data/references.ts';
import { ItemReview } from '../../../../../renderer/features/admin/catalog/ItemReview.tsx';
import { ItemVersions } from '../../../../../renderer/features/admin/catalog/ItemVersions.tsx';
import type { ReferenceDoc } from '../../../../../shared/model/reference.ts';
import { useSession } from '../../../../../renderer/stores/session.ts';
import { freshDeskDb } from '../../data/deskDb.ts';
import { signedInOnline } from '../../data/sessions.ts';
import { mantineShims } from '../../reports/domHarness.ts';

// 审核发布 (公开承诺, art. 20–23, issue 16 item 2): the second admin sees the draft beside the version in force with
// the changed fields marked and the guide's gaps listed; 批准发布 is offered only to someone other than the drafter,
// and not while the guide lacks an element.

beforeAll(mantineShims);

const NOW = Date.parse('2026-11-28T09:00:00+08:00');
const BUREAU = buildDemoBureau(NOW);
const CATALOG = buildDemoCatalog(NOW);
const techContract = CATALOG.find((d) => d.id === DEMO_ITEMS.techContract)!.body as ServiceItem;
const staffOf = (id: string) => BUREAU.find((d) => d.kind === 'staff' && d.id === id)!.body as Staff;
const drafter = signedInOnline('ma-jun');
const second = signedInOnline('huang-xiuying');

let db: DeskDb;
let root: Root;
let container: HTMLElement;
beforeEach(async () => {
  db = freshDeskDb();
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [...BUREAU, ...CATALOG]));
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  useSession.getState().signOut();
});

async function i18nTree() {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  const platform = {
    loadDeviceCredentials: async () => ({ deviceId: 'desk-w03', token: 'device-token' }),
    serverUrl: async () => 'https://hq.example.gov.cn',
  };
  const desk = { db, platform, sync: { syncNow: vi.fn() } } as unknown as Desk;
  return (children: ReactNode) =>
    createElement(
      I18nextProvider,
      { i18n },
      createElement(MantineProvider, null, createElement(DeskContext.Provider, { value: desk }, children)),
    );
}

/** Draft `item` as 马军, then open the review as `reviewer` signed in online. */
async function review(item: ServiceItem, reviewer = second) {
  await saveServiceItem(db, drafter, { item, baseRev: 1, note: '调整承诺时限' });
  const row = (await catalogItemForAdmin(db, item.id))!;
  const staff = staffOf(reviewer.staffId);
  useSession.getState().signIn(staff, reviewer.session ?? null);
  const tree = await i18nTree();
  const onClose = vi.fn();
  await act(async () => root.render(tree(createElement(ItemReview, { staff, row, onClose }))));
  // The staff directory arrives by live query: the drafter's name is shown once it has.
  await vi.waitFor(() => expect(container.textContent).toContain('拟稿人：马军'));
  const approve = () =>
    [...container.querySelectorAll('button')].find((b) => b.textContent === '批准发布') as HTMLButtonElement;
  const changed = () =>
    [...container.querySelectorAll('tr[data-changed]')].map((tr) => tr.querySelector('th')?.textContent);
  return { approve, changed, onClose };
}

describe('the review of a catalog draft', () => {
  it('marks exactly the fields the draft changes, and lets a second admin publish it', async () => {
    const view = await review({ ...techContract, promisedLimitDays: 6, hours: '工作日 上午 8:30–12:00' });
    expect(view.changed()).toEqual(['承诺时限（工作日）已修改', '办理时间已修改']);
    expect(container.textContent).toContain('修改说明：调整承诺时限');
    expect(container.querySelector('[data-testid=guide-gaps]')).toBeNull();
    expect(view.approve().disabled).toBe(false);
    await act(async () => view.approve().click());
    await vi.waitFor(() => expect(view.onClose).toHaveBeenCalled());
    const published = (await db.events.toArray()).filter((e) => e.event.type === 'catalog.itemPublished');
    expect(published.map((e) => e.event.staffId)).toEqual([second.staffId]);
  });

  it('lists what the guide lacks and keeps 批准发布 disabled', async () => {
    const { code: _code, faq: _faq, ...lacking } = techContract;
    const view = await review(lacking as ServiceItem);
    const gaps = container.querySelector('[data-testid=guide-gaps]');
    expect([...gaps!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '事项编码',
      '常见问题（没有的请保存为“无”）',
    ]);
    expect(view.approve().disabled).toBe(true);
  });

  it('tells the drafter a second admin must publish it, and offers no approval', async () => {
    const view = await review({ ...techContract, promisedLimitDays: 6 }, drafter);
    expect(container.textContent).toContain('您是拟稿人。按双人审核的要求，须由另一名管理员审核发布。');
    expect(view.approve().disabled).toBe(true);
  });
});

describe('the attached forms in the review', () => {
  // The approver opens what approval publishes (art. 23): each form with its size, the start of its SHA-256 (a file
  // swapped under the same name shows), and 打开 / 下载 reading the bytes back from HQ with their own session.
  const bytesOf = (text: string) => new TextEncoder().encode(text);
  const fileOf = (bytes: Uint8Array) => ({
    sha256: createHash('sha256').update(bytes).digest('hex'),
    mediaType: 'application/pdf' as const,
    bytes: bytes.length,
    fileName: '技术合同认定登记申请表.pdf',
  });
  const formOf = (bytes: Uint8Array) => ({
    kind: 'blank' as const,
    name: '技术合同认定登记申请表',
    file: fileOf(bytes),
  });
  const published = bytesOf('%PDF-1.7 第一版');
  const swapped = bytesOf('%PDF-1.7 换过的文件，名字相同'.repeat(4000));

  afterEach(() => vi.unstubAllGlobals());

  async function reviewSwapped() {
    // Version 1 in force already names a form; the draft keeps its name but carries other bytes.
    db = freshDeskDb();
    const catalog = CATALOG.map((d) =>
      d.id === DEMO_ITEMS.techContract
        ? ({ ...d, body: { ...techContract, forms: [formOf(published)] } } as ReferenceDoc)
        : d,
    );
    await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [...BUREAU, ...catalog]));
    return review({ ...techContract, forms: [formOf(swapped)] });
  }

  it('shows each form’s size and SHA-256 start, so a file swapped under the same name is a marked change', async () => {
    const view = await reviewSwapped();
    expect(view.changed()).toEqual(['表格已修改']);
    const facts = [...container.querySelectorAll('[data-testid=form-file]')].map(
      (e) => e.querySelector('p')?.textContent,
    );
    expect(facts).toEqual([
      `技术合同认定登记申请表.pdf，1 KB，SHA-256 ${fileOf(published).sha256.slice(0, 12)}…`,
      `技术合同认定登记申请表.pdf，${(swapped.length / 1024 / 1024).toFixed(1)} MB，SHA-256 ${fileOf(swapped).sha256.slice(0, 12)}…`,
    ]);
  });

  it('opens the draft’s file from HQ with the admin’s session and saves it under its own name', async () => {
    const fetchMock = vi.fn(
      async () => new Response(swapped, { status: 200, headers: { 'content-type': 'application/pdf' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const createObjectURL = vi.fn(() => 'blob:app://desk/form');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    try {
      await reviewSwapped();
      const buttons = () => [...container.querySelectorAll('button')].filter((b) => b.textContent === '打开 / 下载');
      await vi.waitFor(() => expect(buttons()).toHaveLength(2));
      // The second button is the draft's column (the version in force is the first).
      await act(async () => buttons()[1]!.click());
      await vi.waitFor(() =>
        expect(clicked, container.querySelector('[role=alert]')?.textContent ?? '').toHaveLength(1),
      );
      const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
      expect(url).toBe(`https://hq.example.gov.cn/catalog/files/${fileOf(swapped).sha256}`);
      expect((init.headers as Record<string, string>)[STAFF_SESSION_HEADER]).toBe(staffSessionHeader(second.session!));
      expect(clicked[0]).toEqual({ href: 'blob:app://desk/form', download: '技术合同认定登记申请表.pdf' });
      const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
      expect(blob.type).toBe('application/pdf');
      expect(blob.size).toBe(swapped.length);
    } finally {
      click.mockRestore();
    }
  });

  it('says plainly when HQ cannot be reached, and saves nothing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const createObjectURL = vi.fn(() => 'blob:app://desk/form');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    await reviewSwapped();
    const buttons = () => [...container.querySelectorAll('button')].filter((b) => b.textContent === '打开 / 下载');
    await vi.waitFor(() => expect(buttons()).toHaveLength(2));
    await act(async () => buttons()[1]!.click());
    await vi.waitFor(() => expect(container.textContent).toContain('未连接服务器，表格暂时不能打开。联网后再试。'));
    expect(createObjectURL).not.toHaveBeenCalled();
  });
});

describe('the published versions of an item', () => {
  const base = 'https://hq.example.gov.cn/';
  async function versions(publicBase?: string) {
    // Version 2 arrives from HQ: this desk keeps version 1, which it replaces.
    const doc = CATALOG.find((d) => d.id === DEMO_ITEMS.techContract)!;
    await db.transaction('rw', db.refs, () =>
      mergeReferenceDocs(db, [{ ...doc, rev: 2, updatedAt: '2026-12-01T02:00:00.000Z' } as ReferenceDoc]),
    );
    const tree = await i18nTree();
    const props = { itemId: DEMO_ITEMS.techContract, name: techContract.name, publicBase, onClose: vi.fn() };
    await act(async () => root.render(tree(createElement(ItemVersions, props))));
    await vi.waitFor(() => expect(container.querySelector('[data-testid=item-version-1]')).not.toBeNull());
    return [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
  }

  it('lists every version with its date, and links each to its public page when HQ has a public address', async () => {
    const links = await versions(base);
    expect(container.querySelector('[data-testid=item-version-2]')?.textContent).toContain(
      '第 2 版（现行）2026年12月1日',
    );
    expect(links).toEqual([
      `https://hq.example.gov.cn/public/items/${DEMO_ITEMS.techContract}`,
      `https://hq.example.gov.cn/public/items/${DEMO_ITEMS.techContract}/v/2`,
      `https://hq.example.gov.cn/public/items/${DEMO_ITEMS.techContract}/v/1`,
    ]);
  });

  it('links nowhere without a public address', async () => {
    expect(await versions()).toEqual([]);
  });
});
