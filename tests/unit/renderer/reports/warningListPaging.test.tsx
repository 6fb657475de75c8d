// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { createInstance } from 'i18next';
import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReportWarning } from '../../../../shared/sync/reportApi.ts';
import { en } from '../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../shared/i18n/zh-CN.ts';
import { WarningList } from '../../../../renderer/features/reports/WarningList.tsx';
import { mantineShims } from './domHarness.ts';
import { NAMES } from './i18nHarness.ts';

// HQ's bench month raised over a thousand cards: the list draws 50, says how many there are, and "再显示 50 条"
// draws the next 50 — with the keyboard's focus on the first card just drawn, so Tab carries on from there.

beforeAll(mantineShims);

const card = (i: number, level: ReportWarning['level']): ReportWarning => ({
  level,
  rule: level === 'warning' ? 'dueSoon' : 'lateWithin',
  code: 'overdue',
  article: 'art. 18(1)',
  factId: `f${String(i).padStart(4, '0')}`,
  recordId: `c${i}`,
  staffId: 'liu-yang',
  departmentId: 'dept-hitech',
  day: '2026-11-03',
  days: 2,
});

let root: Root;
let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

async function show(warnings: readonly ReportWarning[], lng = 'zh-CN') {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    interpolation: { escapeValue: false },
  });
  const tree = (children: ReactNode) =>
    createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, children));
  const list = (of: readonly ReportWarning[]) =>
    createElement(WarningList, {
      warnings: of,
      names: NAMES,
      period: { from: '2026-11-01', to: '2026-11-30' },
      onOpenRecord: async () => 'opened' as const,
    });
  act(() => root.render(tree(list(warnings))));
  return {
    answer: (next: readonly ReportWarning[]) => act(() => root.render(tree(list(next)))),
    cards: () => [...container.querySelectorAll<HTMLElement>('[data-fact]')].map((e) => e.dataset.fact),
    more: () => container.querySelector<HTMLButtonElement>('[data-testid=warning-more]'),
    paging: () => container.querySelector('[data-testid=warning-paging]')?.textContent ?? null,
  };
}

describe('the warning list, a page at a time', () => {
  it('draws 50 of 120, then 50 more with focus on the first new card, then the last 20', async () => {
    const warnings = Array.from({ length: 120 }, (_, i) => card(i, 'red'));
    const list = await show(warnings);
    expect(list.cards()).toHaveLength(50);
    expect(list.paging()).toContain('共 120 条，显示第 1–50 条');
    expect(list.more()?.textContent).toBe('再显示 50 条');

    act(() => list.more()!.click());
    expect(list.cards()).toEqual(warnings.slice(0, 100).map((w) => w.factId));
    expect((document.activeElement as HTMLElement | null)?.dataset.fact).toBe('f0050');
    expect(list.more()?.textContent).toBe('再显示 20 条');

    act(() => list.more()!.click());
    expect(list.cards()).toHaveLength(120);
    expect(list.more()).toBeNull();
    expect(list.paging()).toContain('共 120 条，显示第 1–120 条');
    // The button is gone; focus is not lost to the page but on the first of the last 20.
    expect((document.activeElement as HTMLElement | null)?.dataset.fact).toBe('f0100');

    // A new answer (another period, a refresh) starts again at one page.
    list.answer([...warnings]);
    expect(list.cards()).toHaveLength(50);
  });

  it('draws a short list whole, without a button or a count', async () => {
    const list = await show(Array.from({ length: 50 }, (_, i) => card(i, 'yellow')));
    expect(list.cards()).toHaveLength(50);
    expect(list.paging()).toBeNull();
  });

  it('says it in English', async () => {
    const list = await show(
      Array.from({ length: 75 }, (_, i) => card(i, 'warning')),
      'en',
    );
    expect(list.more()?.textContent).toBe('Show 25 more');
    expect(list.paging()).toContain('75 in all, showing 1–50');
  });
});
