import { describe, expect, it } from 'vitest';
import { slipContentSchema, type SlipContent } from '../../../../shared/model/slip.ts';
import { composeClosureNotice } from '../../../../shared/rules/slips/closure.ts';
import { composeWithdrawalNotice } from '../../../../shared/rules/slips/withdrawal.ts';
import { TECH_CONTRACT_ITEM } from '../../../fixtures/slipItems.ts';
import { caseEvent, caseOf, issue, slipText } from '../../../fixtures/slipSubjects.ts';

const catalog = { item: TECH_CONTRACT_ITEM, rev: 3 };

/** Every field of the slip as the paper shows it: 标签：内容. */
function fieldLines(slip: SlipContent): string {
  return slip.sections
    .flatMap((s) => s.blocks)
    .flatMap((b) => (b.type === 'fields' ? b.fields.map((f) => `${f.label}：${f.value}`) : []))
    .join('\n');
}
const requested = caseEvent('case.supplementRequested', {
  requestedOn: '2026-11-23',
  materialIds: ['business-license'],
} as never);

describe('the withdrawal confirmation (撤回申请确认书)', () => {
  const withdrawn = caseOf(
    caseEvent('case.withdrawn', { on: '2026-11-25', how: 'phone', reason: '企业决定暂缓申请' } as never),
  );
  const slip = composeWithdrawalNotice(issue(), catalog, withdrawn);
  const text = slipText(slip);

  it('gives the day and the way the applicant withdrew, the application, and the reason given', () => {
    expect(slip).toMatchObject({ kind: 'withdrawalNotice', title: '撤回申请确认书' });
    expect(slip.intro).toContain('您于 2026-11-23 提交的“技术合同认定登记”事项申请');
    expect(fieldLines(slip)).toContain('撤回日期：2026-11-25');
    expect(fieldLines(slip)).toContain('撤回方式：电话告知');
    expect(fieldLines(slip)).toContain('撤回原因：企业决定暂缓申请');
    expect(slip.catalog).toEqual({ itemId: TECH_CONTRACT_ITEM.id, itemName: TECH_CONTRACT_ITEM.name, rev: 3 });
  });

  it('tells the applicant they may apply again, and claims nothing the regulation does not say', () => {
    expect(text).toContain('重新提出申请');
    expect(text).not.toContain('视为');
  });

  it('leaves out the reason when none was given, and is a valid slip', () => {
    const plain = composeWithdrawalNotice(
      issue(),
      catalog,
      caseOf(caseEvent('case.withdrawn', { on: '2026-11-25', how: 'written' } as never)),
    );
    expect(fieldLines(plain)).not.toContain('撤回原因');
    expect(fieldLines(plain)).toContain('撤回方式：书面申请');
    expect(slipContentSchema.parse(slip)).toEqual(slip);
  });

  it('is refused for a case that was not withdrawn', () => {
    expect(() => composeWithdrawalNotice(issue(), catalog, caseOf())).toThrow(/not been withdrawn/);
  });
});

describe('the closure notice (办件终结告知书)', () => {
  const closed = caseOf(
    requested,
    caseEvent('case.closed', {
      on: '2026-12-21',
      reason: 'supplementNotProvided',
      note: '补正通知书送达后申请人未再联系，经电话两次联系未果',
    } as never),
  );
  const slip = composeClosureNotice(issue(), catalog, closed);
  const text = slipText(slip);

  it('gives the reason in words and the clerk’s note, and the day the case ended', () => {
    expect(slip).toMatchObject({ kind: 'closureNotice', title: '办件终结告知书' });
    expect(slip.intro).toContain('已于 2026-12-21 终结该办件');
    expect(fieldLines(slip)).toContain('原因：未收到补正材料');
    expect(fieldLines(slip)).toContain('说明：补正通知书送达后申请人未再联系');
  });

  it('claims no legal effect: not a rejection, not a deemed withdrawal; the applicant may apply again', () => {
    expect(text).toContain('不是不予受理决定');
    expect(text).toContain('重新提出申请');
    expect(text).not.toContain('视为撤回');
    expect(text).not.toContain('行政复议');
  });

  it('is a valid slip, in English too', () => {
    expect(slipContentSchema.parse(slip)).toEqual(slip);
    const en = composeClosureNotice(issue({ lang: 'en' }), catalog, closed);
    expect(slipText(en)).toContain('The supplementary materials were not received');
  });

  it('is refused for a case that was not closed', () => {
    expect(() => composeClosureNotice(issue(), catalog, caseOf(requested))).toThrow(/not been closed/);
  });
});
