import { describe, expect, it } from 'vitest';
import { slipContentSchema, type SlipBlock } from '../../../../shared/model/slip.ts';
import { composeSupplementNotice } from '../../../../shared/rules/slips/supplement.ts';
import { TECH_CONTRACT_ITEM } from '../../../fixtures/slipItems.ts';
import { calendar, caseEvent, caseOf, issue, slipText } from '../../../fixtures/slipSubjects.ts';

const catalog = { item: TECH_CONTRACT_ITEM, rev: 3 };
const checked = caseEvent('case.materialsChecked', {
  checks: [
    { materialId: 'contract-text', state: 'received' },
    { materialId: 'registration-form', state: 'nonConforming', note: '未加盖单位公章' },
    { materialId: 'business-license', state: 'missing' },
    { materialId: 'authorization', state: 'received' },
  ],
} as never);
const requested = caseEvent('case.supplementRequested', {
  requestedOn: '2026-11-23',
  materialIds: ['registration-form', 'business-license'],
} as never);

function materialsOf(blocks: readonly SlipBlock[]) {
  const table = blocks.find((b) => b.type === 'materials');
  return table?.type === 'materials' ? table.rows : [];
}

describe('art. 11 the supplement notice (补正材料通知书)', () => {
  const slip = composeSupplementNotice(issue(), catalog, caseOf(checked, requested), { calendar });

  it('lists exactly the missing and non-conforming materials on the supplement notice', () => {
    const rows = materialsOf(slip.sections.flatMap((s) => s.blocks));
    expect(rows.map((r) => r.name)).toEqual(['技术合同认定登记表', '营业执照']);
    expect(slipText(slip)).not.toContain('技术合同文本');
    expect(slipText(slip)).not.toContain('经办人授权委托书');
  });

  it('says what is wrong with each one and what is required', () => {
    const [form, licence] = materialsOf(slip.sections.flatMap((s) => s.blocks));
    expect(form).toMatchObject({
      notes: ['不符合要求：未加盖单位公章'],
      format: '纸质 A4，加盖公章',
      copies: '原件 1 份',
    });
    expect(licence).toMatchObject({ notes: ['未提交'], format: '加盖公章', copies: '复印件 1 份' });
  });

  it('gives the deadline for supplementing in working days on the working-day calendar', () => {
    // 10 working days after Monday 23 November 2026: 24–27 Nov, 30 Nov–4 Dec, 7 Dec.
    expect(slipText(slip)).toContain('2026-12-07 前（10 个工作日内）');
    const short = composeSupplementNotice(issue(), catalog, caseOf(checked, requested), {
      calendar,
      supplementDays: 5,
    });
    expect(slipText(short)).toContain('2026-11-30 前（5 个工作日内）');
  });

  it('skips the National Day holiday and counts the make-up Saturday when counting the deadline', () => {
    const early = caseEvent('case.supplementRequested', {
      requestedOn: '2026-09-29',
      materialIds: ['business-license'],
    } as never);
    const text = slipText(
      composeSupplementNotice(issue(), catalog, caseOf(checked, early), { calendar, supplementDays: 3 }),
    );
    expect(text).toContain(`${calendar.addWorkingDays('2026-09-29' as never, 3).date} 前（3 个工作日内）`);
    expect(text).not.toContain('2026-10-02 前');
  });

  it('art. 10–11: says it tells everything to supplement at once (一次性告知), and nothing more will be asked', () => {
    const notices = slip.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'notice');
    const said = notices.map((n) => n.type === 'notice' && n.text).join();
    expect(said).toContain('一次性告知需要补正的全部内容');
    expect(said).toContain('不会再要求补正本通知书所列以外的材料');
  });

  it('art. 10–11: claims no legal effect the regulation does not give (no 视为撤回申请)', () => {
    const text = slipText(slip);
    expect(text).not.toContain('视为撤回');
    expect(text).not.toContain('逾期');
    expect(
      slipText(composeSupplementNotice(issue({ lang: 'en' }), catalog, caseOf(checked, requested), { calendar })),
    ).not.toMatch(/taken as withdrawn/i);
  });

  it('is refused for a case that asked for no supplement', () => {
    expect(() => composeSupplementNotice(issue(), catalog, caseOf(checked), { calendar })).toThrow(/no supplement/);
  });

  it('is a valid slip', () => {
    expect(slipContentSchema.parse(slip)).toEqual(slip);
    expect(slip.title).toBe('补正材料通知书');
  });
});
