import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../shared/i18n/zh-CN.ts';

// The words of today's numbers (issue 15, point 4): every figure lands in its sentence in both languages, none is
// left as a {{placeholder}}, and the articles are cited as the other screens cite them.

let zh: TFunction;
let english: TFunction;
beforeAll(async () => {
  const i18n = createInstance();
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  zh = i18n.getFixedT('zh-CN');
  english = i18n.getFixedT('en');
});

describe('today’s words', () => {
  it('the strip’s accessible name carries the three numbers', () => {
    const figures = { registered: 7, disposed: 5, waiting: 2 };
    expect(zh('today.stripLabel', figures)).toBe('今日：登记 7 件，已处置 5 件，待处置 2 件。查看今日小结');
    expect(english('today.stripLabel', figures)).toBe(
      "Today: 7 registered, 5 disposed, 2 waiting. Open the day's summary",
    );
  });

  it('art. 8(3) and art. 17–18: the transfers and cases sentences hold every count', () => {
    const transfers = { total: 3, toMe: 1, toDepartment: 2 };
    const cases = { total: 4, soon: 3, overdue: 1 };
    expect(zh('today.transfersDetail', transfers)).toBe(
      '：3 件（转给本人 1 件，转给本科室其他人 2 件；第八条第（三）项）',
    );
    expect(english('today.transfersDetail', transfers)).toBe(': 3 (1 to me, 2 to others in my department; art. 8(3))');
    expect(zh('today.casesDetail', cases)).toBe('：4 件（两个工作日内到期 3 件，已超期 1 件）');
    expect(english('today.casesDetail', cases)).toBe(': 4 (3 due within two working days, 1 overdue)');
  });

  it('art. 9: the contacts carried over from earlier days are counted in words', () => {
    expect(zh('today.carriedOver', { count: 2 })).toBe('本窗口以前登记、至今仍待处置：2 件（第九条）');
    expect(english('today.carriedOver', { count: 2 })).toBe(
      'Registered here on an earlier day and still waiting: 2 (art. 9)',
    );
  });

  it('leaves no placeholder and no key unresolved in either language', () => {
    const all = {
      registered: 1,
      disposed: 1,
      waiting: 1,
      count: 1,
      day: '2026-12-02',
      total: 1,
      toMe: 1,
      toDepartment: 1,
      soon: 1,
      overdue: 1,
    };
    for (const t of [zh, english]) {
      for (const key of Object.keys(zhCN.today)) {
        const text = t(`today.${key}`, all);
        expect(text).not.toMatch(/{{|}}|^today\./);
      }
    }
  });
});
