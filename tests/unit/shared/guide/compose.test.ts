import { describe, expect, it } from 'vitest';
import { serviceItemSchema, type ServiceItem } from '../../../../shared/model/catalog.ts';
import {
  applicantsText,
  composeGuide,
  deliveryText,
  feeText,
  GUIDE_SECTION_KEYS,
  guideRowValue,
  guideSection,
  hoursText,
  placeText,
  procedureStepText,
  promisedLimitText,
  statutoryLimitText,
  versionLineText,
  visitsText,
} from '../../../../shared/rules/guide/compose.ts';
import { copiesText, fillCount, paperStrings } from '../../../../shared/rules/slips/paper.ts';
import { LONG_ITEM, TECH_CONTRACT_ITEM } from '../../../fixtures/slipItems.ts';

// 公开承诺 (art. 20–23, issue 16 item 1): the guide states what a 办事指南 states; fees say 不收费 when free and the
// limits say 自受理之日起N个工作日 (art. 15 承诺时限, art. 16/19 法定时限).

const SHA = 'a'.repeat(64);
const FULL: ServiceItem = serviceItemSchema.parse({
  ...TECH_CONTRACT_ITEM,
  code: '11411300MB1A2B3C4D441010010000',
  applicants: ['legal', 'natural'],
  address: '河南省南阳市卧龙区仲景北路1666号',
  hours: '工作日 上午 8:30–12:00，下午 14:30–17:30',
  openOnHolidays: false,
  result: { name: '《技术合同登记证明》', delivery: ['window', 'post'] },
  visits: 1,
  specialSteps: [{ name: '专家论证', limitDays: 10, countsInLimit: false }],
  faq: [{ question: '合同已履行完毕还能登记吗？', answer: '可以，但享受税收优惠须在合同有效期内登记。' }],
  forms: [
    {
      kind: 'blank',
      name: '技术合同认定登记表（空白）',
      materialId: 'registration-form',
      file: { sha256: SHA, mediaType: 'application/pdf', bytes: 1234, fileName: '登记表.pdf' },
    },
  ],
});
const BUREAU = { bureauName: '南阳市科学技术局', consultPhone: '0377-63176301', complaintPhone: '0377-63176300' };
const VERSION = { item: FULL, rev: 3, publishedAt: '2026-12-01T17:30:00Z' };

describe('the guide text functions every paper shares', () => {
  it('says 不收费 for a free item, never blank, and the standard with its basis when charged', () => {
    expect(feeText(TECH_CONTRACT_ITEM)).toBe('不收费');
    expect(feeText(TECH_CONTRACT_ITEM, 'en')).toBe('Free of charge');
    expect(feeText(LONG_ITEM)).toBe(
      '工本费每册 20 元（仅在申请人自愿领取纸质证书副本时收取，不领取的不收费）（收费依据：《河南省行政事业性收费目录清单》（豫财预〔2024〕56号）第3项）',
    );
  });

  it('states limits from acceptance, and says when no law sets one instead of inventing it', () => {
    expect(promisedLimitText(TECH_CONTRACT_ITEM)).toBe('自受理之日起5个工作日');
    expect(statutoryLimitText(TECH_CONTRACT_ITEM)).toBe('自受理之日起20个工作日');
    expect(statutoryLimitText({})).toBe('法律法规未规定');
    expect(promisedLimitText(TECH_CONTRACT_ITEM, 'en')).toBe('5 working days from acceptance');
  });

  it('words English counts for one and for many, Chinese alike for both (art. 15–16 limits, the materials)', () => {
    expect(promisedLimitText({ promisedLimitDays: 1 }, 'en')).toBe('1 working day from acceptance');
    expect(statutoryLimitText({ statutoryLimitDays: 1 }, 'en')).toBe('1 working day from acceptance');
    expect(statutoryLimitText({ statutoryLimitDays: 20 }, 'en')).toBe('20 working days from acceptance');
    expect(promisedLimitText({ promisedLimitDays: 1 })).toBe('自受理之日起1个工作日');
    expect(procedureStepText({ name: 'Review', limitDays: 1 }, 'en')).toBe('Review (1 working day)');
    expect(procedureStepText({ name: 'Review', limitDays: 3 }, 'en')).toBe('Review (3 working days)');
    expect(procedureStepText({ name: '审查', limitDays: 1 })).toBe('审查（1 个工作日）');
    const en = paperStrings('en');
    expect(copiesText(en, { originals: 1, copies: 1 })).toBe('1 original, 1 copy');
    expect(copiesText(en, { originals: 2, copies: 3 })).toBe('2 originals, 3 copies');
    expect(copiesText(paperStrings('zh-CN'), { originals: 1, copies: 2 })).toBe('原件 1 份，复印件 2 份');
    // The acceptance receipt's limits (art. 15), through the same choice.
    const receipt = en.acceptance;
    expect(fillCount(receipt, 'promisedValue', 1, { days: 1, statutory: 20 })).toBe('1 working day (statutory: 20)');
    expect(fillCount(receipt, 'extendedValue', 10, { days: 10 })).toBe('10 working days');
    expect(fillCount(paperStrings('zh-CN').acceptance, 'extendedValue', 1, { days: 1 })).toBe('1 个工作日');
    const special = (limitDays: number, lang: 'en' | 'zh-CN') =>
      guideSection(
        composeGuide(
          {
            item: { ...TECH_CONTRACT_ITEM, specialSteps: [{ name: 'Expert review', limitDays, countsInLimit: false }] },
            rev: 1,
            publishedAt: '2026-12-01T02:00:00.000Z',
          },
          BUREAU,
          lang,
        ),
        'specialSteps',
      )?.list;
    expect(special(1, 'en')).toEqual(['Expert review, 1 working day (does not count towards the limit)']);
    expect(special(10, 'en')).toEqual(['Expert review, 10 working days (does not count towards the limit)']);
  });

  it('words visits, applicants, delivery, hours and place as a guide does', () => {
    expect([0, 1, 2].map((visits) => visitsText({ visits }))).toEqual(['0次（全程网上办理）', '最多跑一次', '2次']);
    expect(visitsText({})).toBeUndefined();
    expect(applicantsText(FULL)).toBe('法人（含其他组织）、自然人');
    expect(deliveryText(FULL)).toBe('窗口领取、邮寄送达');
    expect(hoursText(FULL)).toBe('工作日 上午 8:30–12:00，下午 14:30–17:30；法定节假日不办理');
    expect(hoursText({ ...FULL, openOnHolidays: true }, 'en')).toContain('also open on public holidays');
    expect(placeText(FULL)).toBe('南阳市市民服务中心 3 楼 C 区 12 号窗口（地址：河南省南阳市卧龙区仲景北路1666号）');
    expect(placeText(TECH_CONTRACT_ITEM)).toBe(TECH_CONTRACT_ITEM.submitAt);
  });

  it('dates a version by its Beijing day', () => {
    // 17:30 UTC on 1 December is 01:30 on 2 December in Beijing.
    expect(versionLineText(3, '2026-12-01T17:30:00Z')).toBe('第3版，2026年12月2日发布');
    expect(versionLineText(3, '2026-12-01T17:30:00Z', 'en')).toBe('Version 3, published December 2, 2026');
  });
});

describe('composeGuide', () => {
  const doc = composeGuide(VERSION, {
    ...BUREAU,
    departmentName: (id) => (id === 'dept-transfer' ? '成果转化科' : undefined),
  });

  it('has every section of a 办事指南 in order, titled and dated', () => {
    expect(doc.sections.map((s) => s.key)).toEqual([...GUIDE_SECTION_KEYS]);
    expect(doc.title).toBe('《技术合同认定登记》办事指南');
    expect(doc.publishedOn).toBe('2026-12-02');
    expect(doc.versionLine).toBe('第3版，2026年12月2日发布');
    expect(doc.code).toBe(FULL.code);
  });

  it('states the basic elements: code, who, authority, place, hours, visits', () => {
    expect(guideSection(doc, 'basic')?.rows?.map((r) => [r.label, r.value])).toEqual([
      ['事项名称', '技术合同认定登记'],
      ['事项编码', FULL.code],
      ['服务对象', '法人（含其他组织）、自然人'],
      ['实施机构', '南阳市科学技术局'],
      ['承办机构', '成果转化科'],
      ['办理地点', placeText(FULL)],
      ['办理时间', hoursText(FULL)],
      ['到现场次数', '最多跑一次'],
    ]);
  });

  it('states limits, fee, result, special steps, forms, FAQ and phones', () => {
    expect(guideRowValue(doc, 'promised')).toBe('自受理之日起5个工作日');
    expect(guideRowValue(doc, 'statutory')).toBe('自受理之日起20个工作日');
    expect(guideRowValue(doc, 'fee')).toBe('不收费');
    expect(guideRowValue(doc, 'result')).toBe('《技术合同登记证明》');
    expect(guideRowValue(doc, 'delivery')).toBe('窗口领取、邮寄送达');
    expect(guideSection(doc, 'specialSteps')?.list).toEqual(['专家论证，10个工作日（不计入办理时限）']);
    expect(guideSection(doc, 'forms')?.forms).toEqual([
      {
        name: '技术合同认定登记表（空白）',
        kind: '空白表格',
        fileName: '登记表.pdf',
        bytes: 1234,
        href: `/public/files/${SHA}`,
      },
    ]);
    expect(guideSection(doc, 'faq')?.faq).toEqual(FULL.faq);
    // The item's own phones come first (chapter 5); the bureau's stand in only where the item has none.
    expect(guideRowValue(doc, 'consultPhone')).toBe('0377-63176308');
    expect(guideRowValue(doc, 'complaintPhone')).toBe('0377-63176300');
    expect(guideSection(doc, 'procedure')?.list).toContain('审查认定（3 个工作日）');
  });

  it('links forms to the public address on paper when one is set', () => {
    const printed = composeGuide(VERSION, { ...BUREAU, publicBase: 'https://kjj.example.cn/' });
    expect(guideSection(printed, 'forms')?.forms?.[0]?.href).toBe(`https://kjj.example.cn/public/files/${SHA}`);
  });

  it('says 无 for an empty list of special steps, FAQs or forms', () => {
    const none = composeGuide({ ...VERSION, item: { ...FULL, specialSteps: [], faq: [], forms: [] } }, BUREAU);
    for (const key of ['specialSteps', 'faq', 'forms'] as const) {
      expect(guideSection(none, key)?.paragraphs).toEqual(['无']);
    }
  });

  it('reads a version stored before issue 16: the elements it lacks are left out, the rest stated', () => {
    const legacy = composeGuide({ item: TECH_CONTRACT_ITEM, rev: 1, publishedAt: '2026-11-01T02:00:00Z' }, BUREAU);
    expect(legacy.sections.map((s) => s.key)).toEqual([
      'basic',
      'legalBasis',
      'conditions',
      'materials',
      'procedure',
      'limits',
      'fee',
      'contact',
    ]);
    expect(guideSection(legacy, 'basic')?.rows?.map((r) => r.key)).toEqual(['itemName', 'agency', 'submitAt']);
    expect(guideRowValue(legacy, 'fee')).toBe('不收费');
  });

  it('is complete in English', () => {
    const en = composeGuide(VERSION, BUREAU, 'en');
    expect(en.title).toBe('Service guide: 技术合同认定登记');
    expect(en.sections.map((s) => s.heading)).toContain('Frequently asked questions');
    expect(guideRowValue(en, 'visits')).toBe('At most once');
    expect(JSON.stringify(en)).not.toMatch(/不收费|个工作日（|最多跑一次/);
  });
});
