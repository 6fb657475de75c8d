// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { createInstance } from 'i18next';
import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReportAnswer } from '../../../../shared/sync/reportApi.ts';
import { en } from '../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../shared/i18n/zh-CN.ts';
import { FiguresView } from '../../../../renderer/features/reports/FiguresView.tsx';
import { FreshnessLine } from '../../../../renderer/features/reports/FreshnessLine.tsx';
import { mantineShims } from './domHarness.ts';
import { NAMES, novemberAnswer } from './i18nHarness.ts';

// What the reviewer read on the screen: a count shown as "4/4 (100.0%)", 当日未处置 as 0 before the day was over,
// half-width brackets in Chinese, two date styles in one line, and the figure names scrolling away by person.

beforeAll(mantineShims);

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

async function render(node: ReactNode, lng = 'zh-CN') {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    interpolation: { escapeValue: false },
  });
  act(() => root.render(createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, node))));
}

const FIGURES = {
  'contacts.total': { numerator: 4, denominator: 4, rate: 1 },
  'contacts.channel.visit': { numerator: 1, denominator: 4, rate: 0.25 },
  'contacts.undisposedAtDayEnd': { numerator: 0, denominator: 4, rate: 0 },
};

const cell = (figure: string) => container.querySelector(`[data-figure="${figure}"] td`)!.textContent;

describe('a figure cell', () => {
  it('shows a count alone, a ratio with full-width brackets in Chinese, and 当日未处置 of a past month', async () => {
    await render(
      createElement(FiguresView, {
        answer: novemberAnswer([{ group: 'dept-hitech', figures: FIGURES }]),
        names: NAMES,
        onDrill: () => {},
      }),
    );
    expect(cell('contacts.total')).toBe('4');
    expect(cell('contacts.channel.visit')).toBe('1/4（25.0%）');
    expect(cell('contacts.undisposedAtDayEnd')).toBe('0/4（0.0%）');
    const label = container.querySelector('[data-figure="contacts.total"] th') as HTMLElement;
    expect(label.style.position).toBe('sticky');
    expect(label.style.left).toBe('0px');
  });

  it('does not judge 当日未处置 while the period holds today, and says why', async () => {
    const answer: ReportAnswer = {
      ...novemberAnswer([{ group: 'dept-hitech', figures: FIGURES }]),
      period: { from: '2026-12-01', to: '2026-12-31' },
    };
    await render(createElement(FiguresView, { answer, names: NAMES, onDrill: () => {} }));
    expect(cell('contacts.undisposedAtDayEnd')).toBe('—');
    const pending = container.querySelector('[data-figure="contacts.undisposedAtDayEnd"] td [aria-label]')!;
    expect(pending.getAttribute('aria-label')).toContain('当日结束后统计');
    expect(cell('contacts.total')).toBe('4');
  });

  it('writes ASCII brackets in English', async () => {
    await render(
      createElement(FiguresView, {
        answer: novemberAnswer([{ group: 'dept-hitech', figures: FIGURES }]),
        names: NAMES,
        onDrill: () => {},
      }),
      'en',
    );
    expect(cell('contacts.channel.visit')).toBe('1/4 (25.0%)');
  });
});

describe('the freshness line', () => {
  const freshness = { projectedSeq: 10, latestSeq: 11, today: '2026-12-02', computedAt: '2026-12-02T06:00:00.000Z' };

  it('writes HQ’s day as it writes the time, in one style per language', async () => {
    await render(createElement(FreshnessLine, { freshness }));
    const zh = container.textContent!;
    expect(zh).toContain('统计截至 2026年12月2日 14:00');
    expect(zh).toContain('市局于 2026年12月2日 计算');
    expect(zh).not.toContain('2026-12-02');
    await render(createElement(FreshnessLine, { freshness }), 'en');
    const english = container.textContent!;
    expect(english).toContain('computed by HQ on Dec 2, 2026');
    expect(english).toContain('1 record is still being counted');
  });
});
