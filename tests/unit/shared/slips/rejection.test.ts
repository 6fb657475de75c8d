import { describe, expect, it } from 'vitest';
import { slipContentSchema } from '../../../../shared/model/slip.ts';
import { composeRejectionNotice } from '../../../../shared/rules/slips/rejection.ts';
import { TECH_CONTRACT_ITEM } from '../../../fixtures/slipItems.ts';
import { caseEvent, caseOf, issue, slipText } from '../../../fixtures/slipSubjects.ts';

const catalog = { item: TECH_CONTRACT_ITEM, rev: 3 };
const rejected = caseEvent('case.rejected', {
  reason: '申请人注册地不在本市行政区域内',
  legalBasis: '《技术合同认定登记管理办法》第六条',
  competentAgencyId: 'agency-zhengzhou',
} as never);
const agency = { name: '郑州市科学技术局', phone: '0371-67181234', address: '郑州市中原区中原西路 233 号' };

describe('art. 11 the rejection notice (不予受理通知书)', () => {
  const slip = composeRejectionNotice(issue(), catalog, caseOf(rejected), agency);
  const text = slipText(slip);

  it('gives the reason and its legal basis', () => {
    expect(text).toContain('申请人注册地不在本市行政区域内');
    expect(text).toContain('《技术合同认定登记管理办法》第六条');
  });

  it('names the competent agency with its phone and address when the matter is not the bureau’s', () => {
    for (const value of Object.values(agency)) expect(text).toContain(value);
    expect(slip.sections.map((s) => s.heading)).toEqual([
      '一、不予受理的理由和依据',
      '二、有权处理的机关',
      '三、救济途径',
    ]);
  });

  it('tells the applicant the remedies in the generic words of the law', () => {
    expect(text).toContain('如不服本决定，可以依法申请行政复议或者提起行政诉讼');
    expect(text).toContain('六十日内');
    expect(text).toContain('六个月内');
  });

  it('leaves out the agency section when there is none', () => {
    const own = composeRejectionNotice(issue(), catalog, caseOf(rejected));
    expect(own.sections.map((s) => s.heading)).toEqual(['一、不予受理的理由和依据', '二、救济途径']);
  });

  it('is refused for a case not rejected', () => {
    expect(() => composeRejectionNotice(issue(), catalog, caseOf())).toThrow(/not been rejected/);
  });

  it('art. 8(二): is refused while the rejection only waits for a leader, and printed once a leader approved it', () => {
    const proposed = caseEvent('case.rejectionProposed', {
      reason: '申请人注册地不在本市行政区域内',
      legalBasis: '《技术合同认定登记管理办法》第六条',
      toLeaderId: 'he-jianguo',
    } as never);
    expect(() => composeRejectionNotice(issue(), catalog, caseOf(proposed))).toThrow(/not been rejected/);
    const approved = caseEvent('case.rejectionReviewed', { decision: 'approved' } as never, 'he-jianguo');
    const final = composeRejectionNotice(issue(), catalog, caseOf(proposed, approved));
    expect(final.intro).toContain('经审查并报本局领导批准');
    expect(slipText(final)).toContain('《技术合同认定登记管理办法》第六条');
    expect(slip.intro).not.toContain('领导批准'); // a legacy one-step rejection names no approval
  });

  it('art. 8(二): is refused after a leader overruled the proposal', () => {
    const proposed = caseEvent('case.rejectionProposed', {
      reason: '材料不符',
      legalBasis: '第六条',
      toLeaderId: 'he-jianguo',
    } as never);
    const overruled = caseEvent(
      'case.rejectionReviewed',
      { decision: 'overruled', note: '材料可补正，不应不予受理' } as never,
      'he-jianguo',
    );
    expect(() => composeRejectionNotice(issue(), catalog, caseOf(proposed, overruled))).toThrow(/not been rejected/);
  });

  it('is a valid slip', () => {
    expect(slipContentSchema.parse(slip)).toEqual(slip);
    expect(slip.title).toBe('不予受理通知书');
  });
});
