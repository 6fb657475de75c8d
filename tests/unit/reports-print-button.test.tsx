// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { createInstance } from 'i18next';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { zhCN } from '../../shared/i18n/zh-CN.ts';
import { PrintMonthlyReport } from '../../renderer/features/reports/print/PrintMonthlyReport.tsx';
import { mantineShims } from './renderer/reports/domHarness.ts';
import { NAMES, novemberAnswer } from './renderer/reports/i18nHarness.ts';

// Issue 15: the print button says what it prints — 打印月报 for a calendar month, 打印报告 for a day, week or any
// other range (a day's paper is no 月报).

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

async function button(from: string, to: string, lng = 'zh-CN'): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    interpolation: { escapeValue: false },
  });
  const answer = { ...novemberAnswer([]), period: { from, to } };
  act(() =>
    root.render(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(
          MantineProvider,
          null,
          createElement(PrintMonthlyReport, { answer, series: undefined, names: NAMES }),
        ),
      ),
    ),
  );
  return container.querySelector('button')?.textContent ?? '';
}

describe('the print button', () => {
  it('says 打印月报 for a calendar month and 打印报告 for any other period', async () => {
    expect(await button('2026-11-01', '2026-11-30')).toBe('打印月报');
    expect(await button('2026-11-05', '2026-11-05')).toBe('打印报告');
    expect(await button('2026-11-02', '2026-11-08')).toBe('打印报告');
    expect(await button('2026-11-01', '2026-11-29')).toBe('打印报告');
  });

  it('in English likewise', async () => {
    expect(await button('2026-11-01', '2026-11-30', 'en')).toBe('Print monthly report');
    expect(await button('2026-11-05', '2026-11-05', 'en')).toBe('Print report');
  });
});
