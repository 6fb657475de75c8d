import { describe, expect, it } from 'vitest';
import { checklistText } from '../../../../shared/rules/slips/checklist.ts';
import { LONG_ITEM, TECH_CONTRACT_ITEM } from '../../../fixtures/slipItems.ts';

const settings = { bureauName: '南阳市科学技术局', consultPhone: '0377-63176311', complaintPhone: '0377-63176300' };

describe('art. 10 the checklist as plain text, to paste into an SMS, WeChat or e-mail', () => {
  const text = checklistText(TECH_CONTRACT_ITEM, 3, settings);
  const lines = text.split('\n');

  it('names the bureau, the item and the catalog version it was told from', () => {
    expect(lines[0]).toBe('【南阳市科学技术局】“技术合同认定登记”办理须知（一次性告知，事项目录第3版）');
  });

  it('numbers every material with its originals and copies, whether it applies, and its form and notes', () => {
    expect(lines).toContain('1. 技术合同文本（必须提供）：原件 1 份，复印件 1 份；纸质 A4，双方签字并盖章');
    expect(lines).toContain('   原件核验后退还');
    expect(lines).toContain('3. 营业执照（必须提供）：复印件 1 份；加盖公章');
    expect(lines).toContain('4. 经办人授权委托书（视情况提供：非法定代表人本人办理时）：原件 1 份；纸质原件');
    expect(lines).toContain('   样表：窗口领取');
  });

  it('gives the conditions, and the procedure with each step’s limit (art. 16 环节时限)', () => {
    expect(lines).toContain('1. 申请人为技术合同的卖方，在南阳市行政区域内依法登记');
    expect(lines).toContain('1. 网上填报');
    expect(lines).toContain('3. 审查认定（3 个工作日）');
    expect(lines).toContain('4. 发放登记证明（1 个工作日）');
  });

  it('gives the limits, the fee, where to submit and both phones', () => {
    expect(lines).toContain('承诺时限：自受理之日起5个工作日；法定时限：自受理之日起20个工作日');
    expect(lines).toContain('收费：不收费');
    expect(lines).toContain('受理地点：南阳市市民服务中心 3 楼 C 区 12 号窗口');
    expect(lines).toContain('咨询电话：0377-63176308；监督投诉电话：0377-63176300');
    expect(text).toContain(TECH_CONTRACT_ITEM.legalBasis);
  });

  it('art. 16: where no law sets a limit, says so instead of printing one', () => {
    const { statutoryLimitDays: _none, ...rest } = TECH_CONTRACT_ITEM;
    const noLaw = checklistText(rest, 4, settings);
    expect(noLaw).toContain('承诺时限：自受理之日起5个工作日；法定时限：法律法规未规定');
    expect(noLaw).not.toContain('20个工作日');
  });

  it('counts statutory working days and names the periods that do not count, as the paper checklist does', () => {
    expect(lines).toContain(
      '时限自受理之日的次日起按法定工作日计算；按本局规定，需要听证、检验、检测、专家评审的，所需时间不计入办理时限。',
    );
    const licence = checklistText({ ...TECH_CONTRACT_ITEM, administrativeLicence: true }, 3, settings);
    expect(licence).toContain('依照《中华人民共和国行政许可法》第四十五条，依法需要听证、检验、检测、专家评审的');
  });

  it('is plain text: no markup, no empty lines, sections numbered in order', () => {
    expect(text).not.toMatch(/<[a-z/]/i);
    expect(lines.every((l) => l.trim().length > 0)).toBe(true);
    expect(lines.filter((l) => /^[一二三四五六七八九十]、/.test(l))).toEqual([
      '一、设定依据',
      '二、申请条件',
      '三、申请材料',
      '四、办理程序',
      '五、办理时限',
    ]);
  });

  it('says charged fees with their basis, and keeps every material and step of the longest item', () => {
    const long = checklistText(LONG_ITEM, 1, settings);
    expect(long).toContain('收费：工本费每册 20 元');
    expect(long).toContain('收费依据：《河南省行政事业性收费目录清单》');
    for (const m of LONG_ITEM.materials) expect(long).toContain(m.name);
    for (const s of LONG_ITEM.procedure) expect(long).toContain(s.name);
  });

  it('can be written in English for the English desk', () => {
    const en = checklistText(TECH_CONTRACT_ITEM, 3, settings, 'en');
    expect(en.split('\n')[0]).toBe(
      '[南阳市科学技术局] “技术合同认定登记”: what you need (one-time notification, catalog version 3)',
    );
    expect(en).toContain('Promised: 5 working days from acceptance; statutory: 20 working days from acceptance');
    expect(en).toContain('Fees: Free of charge');
  });
});
