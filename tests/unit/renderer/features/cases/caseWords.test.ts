import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { SessionRequiredError } from '../../../../../renderer/data/author.ts';
import { invalid } from '../../../../../renderer/data/operations.ts';
import { articleLabel } from '../../../../../renderer/features/cases/articleLabel.ts';
import { caseFieldErrors } from '../../../../../renderer/features/cases/caseErrors.ts';
import { caseFlagKeys } from '../../../../../renderer/features/cases/caseFlagWords.ts';
import { en } from '../../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../../shared/i18n/zh-CN.ts';

// The words the case screens put on breaches and refusals: a breach names its article as a Chinese text does, and a
// refused case operation reads as the case screens word it, never as a raw code.

let zh: TFunction;
let english: TFunction;
let exists: (key: string) => boolean;
beforeAll(async () => {
  const i18n = createInstance();
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  zh = i18n.getFixedT('zh-CN');
  english = i18n.getFixedT('en');
  exists = (key) => i18n.exists(key);
});

describe('articleLabel', () => {
  it('names an article and its item in Chinese numerals, and in English as cited in code', () => {
    expect(articleLabel('art. 11', zh, 'zh-CN')).toBe('第十一条');
    expect(articleLabel('art. 18(1)', zh, 'zh-CN')).toBe('第十八条第（一）项');
    expect(articleLabel('art. 32', zh, 'zh-CN')).toBe('第三十二条');
    expect(articleLabel('art. 10', zh, 'zh-CN')).toBe('第十条');
    expect(articleLabel('art. 18(3)', english, 'en')).toBe('art. 18(3)');
  });

  it('art. 17, 18(1): names every article a breach cites, joined with 、 in Chinese', () => {
    expect(articleLabel('art. 17, 18(1)', zh, 'zh-CN')).toBe('第十七条、第十八条第（一）项');
    expect(articleLabel('art. 17, art. 18(1)', zh, 'zh-CN')).toBe('第十七条、第十八条第（一）项');
    expect(articleLabel('art. 17, 18(1)', english, 'en')).toBe('art. 17, art. 18(1)');
  });

  it('leaves anything that is not an article of the regulation as it is', () => {
    expect(articleLabel('行政许可法 §32', zh, 'zh-CN')).toBe('行政许可法 §32');
    // One part that is not an article leaves the whole citation untouched, never half translated.
    expect(articleLabel('art. 17, 行政许可法 §32', zh, 'zh-CN')).toBe('art. 17, 行政许可法 §32');
    expect(articleLabel('art. 17,', zh, 'zh-CN')).toBe('art. 17,');
  });
});

describe('caseFieldErrors', () => {
  it("words a case operation's refusal from the case resources, on its field", () => {
    expect(caseFieldErrors(invalid('form', 'extensionAfterDue'), zh, exists)).toEqual({
      form: '已过办结期限，不能再申请或批准延期（第十七条、第十八条）。',
    });
    expect(caseFieldErrors(invalid('receivedOn', 'receivedInFuture'), english, exists)).toEqual({
      receivedOn: 'The day of receipt cannot be after today.',
    });
  });

  it('falls back to the shared words for schema messages, and says a privileged act needs an online sign-in', () => {
    expect(caseFieldErrors(invalid('reason', 'rejectionReasonRequired'), zh, exists)).toEqual({
      reason: '不予受理必须写明原因。',
    });
    expect(caseFieldErrors(new SessionRequiredError('case.rejectionReviewed'), zh, exists).form).toBe(
      zh('auth.privileged.needsSession'),
    );
  });
});

describe('caseFlagKeys', () => {
  const types: Record<string, string> = { o: 'case.opened', a: 'case.accepted', p: 'case.paused', r: 'case.resumed' };
  const typeOf = (id: string) => types[id];

  it('words a notAllowed flag by the event that broke the rule: a future receipt day, limits unlike the opening', () => {
    const keys = caseFlagKeys(
      [
        { code: 'notAllowed', eventIds: ['o'] },
        { code: 'notAllowed', eventIds: ['a'] },
      ],
      typeOf,
    );
    expect(keys).toEqual(['cases.flag.openedFutureReceipt', 'cases.flag.acceptedUnlikeOpening']);
    expect(zh(keys[0]!)).toContain('收件日期晚于立案当日');
    expect(zh(keys[1]!)).toContain('办理时限');
    for (const key of keys) expect(exists(key) && english(key) !== key).toBe(true);
  });

  it('says a conflict is a conflict, and an unknown or unloaded event still reads as a broken rule, once', () => {
    const keys = caseFlagKeys(
      [
        { code: 'conflictingTransition', eventIds: ['r'] },
        { code: 'notAllowed', eventIds: ['r'] },
        { code: 'notAllowed', eventIds: ['missing'] },
      ],
      typeOf,
    );
    expect(keys).toEqual(['cases.flag.conflictingTransition', 'cases.flag.notAllowed']);
    for (const key of keys) expect(exists(key)).toBe(true);
  });
});
