// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { createInstance } from 'i18next';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceItem } from '../../../../../shared/model/catalog.ts';
import type { ReferenceDoc } from '../../../../../shared/model/reference.ts';
import { zhCN } from '../../../../../shared/i18n/zh-CN.ts';
import { promisedLimitText } from '../../../../../shared/rules/guide/compose.ts';
import { buildDemoBureau } from '../../../../../server/src/seed/demoBureau.ts';
import { buildDemoCatalog } from '../../../../../server/src/seed/demoCatalog.ts';
import { DeskContext, type Desk } from '../../../../../renderer/app/context.tsx';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import { mergeReferenceDocs } from '../../../../../renderer/data/references.ts';
import { PublicCommitmentScreen } from '../../../../../renderer/features/publicCommitment/PublicCommitmentScreen.tsx';
import { freshDeskDb } from '../../data/deskDb.ts';
import { mantineShims } from '../../reports/domHarness.ts';

// 公开承诺 (art. 20–23, issue 16): every signed-in person sees the published items this desk holds — name, version,
// date, promised limit — prints a leaflet from the keyboard, and sees the public page's address when there is one.

beforeAll(mantineShims);

const NOW = Date.parse('2026-12-02T09:00:00+08:00');
const BASE = 'https://hq.nykj.example';
const CATALOG = buildDemoCatalog(NOW);
const items = CATALOG.flatMap((d) => (d.kind === 'serviceItem' ? [d.body as ServiceItem] : []));
/** One item withdrawn from the catalog: not published any more, not listed. */
const withdrawn = {
  ...CATALOG[0]!,
  rev: 2,
  body: { ...(CATALOG[0]!.body as ServiceItem), active: false },
} as ReferenceDoc;

let db: DeskDb;
let root: Root;
let container: HTMLElement;
beforeEach(() => {
  db = freshDeskDb();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

async function open(publicBase?: string) {
  await db.transaction('rw', db.refs, () =>
    mergeReferenceDocs(db, [...buildDemoBureau(NOW, publicBase), ...CATALOG, withdrawn]),
  );
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  const desk = { db } as unknown as Desk;
  await act(async () =>
    root.render(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(
          MantineProvider,
          null,
          createElement(DeskContext.Provider, { value: desk }, createElement(PublicCommitmentScreen)),
        ),
      ),
    ),
  );
  await vi.waitFor(() => expect(rows().length).toBe(items.length - 1));
}

const rows = () => [...container.querySelectorAll<HTMLTableRowElement>('[data-testid="published-items"] tbody tr')];

describe('the 公开承诺 screen', () => {
  it('lists each active published item with its version, date and promised limit', async () => {
    await open(BASE);
    expect(rows().map((r) => r.dataset.item)).not.toContain(withdrawn.id);
    const first = rows()[0]!;
    const item = items.find((i) => i.id === first.dataset.item)!;
    const cells = [...first.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells.slice(0, 4)).toEqual([item.name, '第1版', '2026年12月2日', promisedLimitText(item)]);
  });

  it('shows the public commitments page’s address when the bureau has one, and says so when not', async () => {
    await open(BASE);
    expect(container.querySelector('[data-testid="public-commitments-address"]')?.textContent).toBe(
      `公开承诺网页：${BASE}/public`,
    );
    act(() => root.unmount());
    root = createRoot(container);
    db = freshDeskDb();
    await open();
    expect(container.querySelector('[data-testid="public-commitments-address"]')).toBeNull();
    expect(container.textContent).toContain('尚未设置本局公开访问地址');
  });

  it('moves through the items with ↑↓ and opens the leaflet’s preview with Enter', async () => {
    await open(BASE);
    const [first, second] = rows();
    act(() => first!.focus());
    await act(async () => first!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(document.activeElement).toBe(second);
    await act(async () => second!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })));
    expect(document.activeElement).toBe(first);
    await act(async () => first!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    const name = first!.querySelector('td')!.textContent;
    await vi.waitFor(() => expect(document.body.textContent).toContain(`《${name}》明白纸 · 打印预览`));
  });
});
