import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../shared/model/caseEvents.ts';
import { slipContentSchema, type SlipContent } from '../../../../shared/model/slip.ts';
import { composeAcceptanceReceipt } from '../../../../shared/rules/slips/acceptance.ts';
import { TECH_CONTRACT_ITEM } from '../../../fixtures/slipItems.ts';
import { calendar, caseEvent, caseOf, caseReceivedOf, issue, slipText } from '../../../fixtures/slipSubjects.ts';

const catalog = { item: TECH_CONTRACT_ITEM, rev: 3 };
const handler = { name: '李娜', phone: '0377-63176308' };
const allReceived = caseEvent('case.materialsChecked', {
  checks: [
    { materialId: 'contract-text', state: 'received' },
    { materialId: 'registration-form', state: 'received' },
    { materialId: 'business-license', state: 'received' },
  ],
} as never);
/** The event as recorded on `day` (Beijing): pauses and resumes count only as of the day they were recorded. */
const at = (day: string, event: CaseEvent): CaseEvent => ({ ...event, occurredAt: `${day}T09:30:00.000+08:00` });
const accepted = (on: string) =>
  caseEvent('case.accepted', { acceptedOn: on, promisedLimitDays: 5, statutoryLimitDays: 20 } as never);

function field(slip: SlipContent, label: string): string | undefined {
  for (const block of slip.sections.flatMap((s) => s.blocks)) {
    if (block.type === 'fields') {
      const found = block.fields.find((f) => f.label === label);
      if (found) return found.value;
    }
  }
  return undefined;
}

describe('art. 11, 14–16 the acceptance receipt (受理通知书)', () => {
  const slip = composeAcceptanceReceipt(issue(), catalog, caseOf(allReceived, accepted('2026-11-23')), {
    calendar,
    handler,
  });

  it('lists the materials received with their copies', () => {
    const text = slipText(slip);
    expect(text).toContain('技术合同文本（原件 1 份，复印件 1 份）');
    expect(text).toContain('营业执照（复印件 1 份）');
    expect(text).not.toContain('经办人授权委托书');
  });

  it('gives the acceptance date and the promised completion date counted from the next working day', () => {
    expect(field(slip, '受理日期')).toBe('2026-11-23');
    expect(field(slip, '承诺时限')).toBe('5 个工作日（法定时限 20 个工作日）');
    // Tue 24 … Fri 27, Mon 30 November: the fifth working day.
    expect(field(slip, '承诺办结日期')).toBe('2026-11-30');
  });

  it('names the handler and their phone', () => {
    expect(field(slip, '承办人')).toBe('李娜');
    expect(field(slip, '承办人电话')).toBe('0377-63176308');
  });

  it('moves the completion date past a period that does not count, and lists that period', () => {
    const paused = caseOf(
      allReceived,
      accepted('2026-11-23'),
      at(
        '2026-11-24',
        caseEvent('case.paused', { from: '2026-11-24', reason: 'expertReview', note: '组织专家评审' } as never),
      ),
      at('2026-11-25', caseEvent('case.resumed', { on: '2026-11-25' } as never)),
    );
    const later = composeAcceptanceReceipt(issue({ issuedOn: '2026-11-26' as never }), catalog, paused, {
      calendar,
      handler,
    });
    expect(field(later, '承诺办结日期')).toBe('2026-12-02');
    expect(slipText(later)).toContain('专家评审：2026-11-24 至 2026-11-25（组织专家评审）');
    expect(slipText(later)).toContain('不计入办理时限');
    // art. 10–11: after acceptance nothing is supplemented, so the paper does not list it among the pauses.
    expect(slipText(later)).not.toContain('补正材料');
  });

  it('marks the completion date provisional when it runs into a year whose schedule is not published', () => {
    const december = composeAcceptanceReceipt(
      issue({ issuedOn: '2026-12-28' as never }),
      catalog,
      caseReceivedOf('2026-12-28', at('2026-12-28', allReceived), at('2026-12-28', accepted('2026-12-28'))),
      { calendar, handler },
    );
    expect(field(december, '承诺办结日期')).toMatch(/^2027-01-\d\d（暂定/);
  });

  it('art. 16: prints no statutory limit where no law sets one, and says the bureau’s promise stands alone', () => {
    const noLaw = caseOf(
      allReceived,
      caseEvent('case.accepted', { acceptedOn: '2026-11-23', promisedLimitDays: 5 } as never),
    );
    const receipt = composeAcceptanceReceipt(issue(), catalog, noLaw, { calendar, handler });
    expect(field(receipt, '承诺时限')).toBe('5 个工作日（法律法规未规定办理时限）');
    expect(slipText(receipt)).not.toContain('法定时限');
  });

  it('art. 11: accepted after the five working days, the case counts as accepted from receipt, and says so as the bureau’s own rule for an item that is not a licence', () => {
    const late = composeAcceptanceReceipt(
      issue({ issuedOn: '2026-12-07' as never }),
      catalog,
      caseOf(allReceived, accepted('2026-12-07')),
      { calendar, handler },
    );
    expect(field(late, '受理日期')).toBe('2026-11-23');
    expect(field(late, '承诺办结日期')).toBe('2026-11-30');
    expect(late.intro).toBe(
      '您于 2026-11-23 提交的“技术合同认定登记”事项申请材料，本局未在收到材料之日起五个工作日内一次性告知补正。按本局规定，予以受理，自收到材料之日起计算办理时限。',
    );
    // 行政许可法 §32 binds licences only: a registration is not one, so the slip cites no law for it.
    expect(slipText(late)).not.toMatch(/行政许可法|即为受理|依法/);
    expect(slip.intro).toContain('材料齐全');
  });

  it('art. 11 (行政许可法 §32): for an administrative licence the deemed acceptance cites the law', () => {
    const licence = { item: { ...TECH_CONTRACT_ITEM, administrativeLicence: true }, rev: 3 };
    const late = composeAcceptanceReceipt(
      issue({ issuedOn: '2026-12-07' as never }),
      licence,
      caseOf(allReceived, accepted('2026-12-07')),
      { calendar, handler },
    );
    expect(late.intro).toBe(
      '您于 2026-11-23 提交的“技术合同认定登记”事项申请材料，本局未在收到材料之日起五个工作日内一次性告知补正。依照《中华人民共和国行政许可法》第三十二条，自收到申请材料之日起即为受理。',
    );
    expect(late.intro).not.toContain('本局规定');
  });

  it('行政许可法 §45: lists the periods that do not count as the law does for a licence, as the bureau’s rule otherwise, and never an on-site check', () => {
    const licence = { item: { ...TECH_CONTRACT_ITEM, administrativeLicence: true }, rev: 3 };
    const forLicence = composeAcceptanceReceipt(issue(), licence, caseOf(allReceived, accepted('2026-11-23')), {
      calendar,
      handler,
    });
    expect(slipText(forLicence)).toContain(
      '依照《中华人民共和国行政许可法》第四十五条，依法需要听证、检验、检测、专家评审的，所需时间不计入办理时限；发生时本局将书面告知原因和期间。',
    );
    expect(slipText(slip)).toContain(
      '按本局规定，需要听证、检验、检测、专家评审的，所需时间不计入办理时限；发生时本局将书面告知原因和期间。',
    );
    expect(slipText(slip)).not.toContain('第四十五条');
    for (const text of [slipText(slip), slipText(forLicence)]) expect(text).not.toContain('现场核查');
  });

  it('names a pause for inspection 检验 (行政许可法 §45), not an on-site check', () => {
    const inspected = caseOf(
      allReceived,
      accepted('2026-11-23'),
      at(
        '2026-11-24',
        caseEvent('case.paused', { from: '2026-11-24', reason: 'inspection', note: '样品送检' } as never),
      ),
      at('2026-11-25', caseEvent('case.resumed', { on: '2026-11-25' } as never)),
      at('2026-11-26', caseEvent('case.paused', { from: '2026-11-26', reason: 'testing', note: '性能检测' } as never)),
    );
    const text = slipText(
      composeAcceptanceReceipt(issue({ issuedOn: '2026-11-27' as never }), catalog, inspected, { calendar, handler }),
    );
    expect(text).toContain('检验：2026-11-24 至 2026-11-25（样品送检）');
    expect(text).toContain('检测：2026-11-26 起（性能检测）');
  });

  it('is refused for a case not accepted', () => {
    expect(() => composeAcceptanceReceipt(issue(), catalog, caseOf(allReceived), { calendar, handler })).toThrow(
      /not been accepted/,
    );
  });

  it('is a valid slip', () => {
    expect(slipContentSchema.parse(slip)).toEqual(slip);
    expect(slip.title).toBe('受理通知书');
  });
});
