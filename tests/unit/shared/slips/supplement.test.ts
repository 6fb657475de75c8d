import { describe, expect, it } from 'vitest';
import { slipContentSchema, type SlipBlock } from '../../../../shared/model/slip.ts';
import { composeSupplementNotice } from '../../../../shared/rules/slips/supplement.ts';
import { TECH_CONTRACT_ITEM } from '../../../fixtures/slipItems.ts';
import { caseEvent, caseOf, issue, slipText } from '../../../fixtures/slipSubjects.ts';

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
  const slip = composeSupplementNotice(issue(), catalog, caseOf(checked, requested));

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

  it('art. 10–11: sets no date to supplement by — neither the regulation nor the item’s basis gives one — and says where to hand in', () => {
    const text = slipText(slip);
    // Only the day the application was received appears: no deadline, no "请于…前补正".
    expect(text.match(/\d{4}-\d\d-\d\d/g)?.filter((d) => d !== '2026-11-23')).toEqual([]);
    expect(text).not.toMatch(/期限|请于|前补正/);
    expect(text).toContain('提交地点\n南阳市市民服务中心 3 楼 C 区 12 号窗口');
    expect(text).toContain(
      '请您补齐上述材料后尽快提交。您按照要求提交全部补正材料后，本局及时予以受理，办理时限自受理之日的次日起计算。',
    );
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
    expect(slipText(composeSupplementNotice(issue({ lang: 'en' }), catalog, caseOf(checked, requested)))).not.toMatch(
      /taken as withdrawn/i,
    );
  });

  it('is refused for a case that asked for no supplement', () => {
    expect(() => composeSupplementNotice(issue(), catalog, caseOf(checked))).toThrow(/no supplement/);
  });

  it('is a valid slip', () => {
    expect(slipContentSchema.parse(slip)).toEqual(slip);
    expect(slip.title).toBe('补正材料通知书');
  });
});
